package io.c2m.testkit.production;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.production.BatchPlan;
import io.c2m.production.BatchingProblem;
import io.c2m.production.BatchingStrategies;
import io.c2m.production.BatchingStrategy;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * On uncapacitated order-level problems (orders placed and due at random, lead times, per-period
 * costs), the fast {@code wagner-whitin} costs exactly what the O(T^2) reference costs and never
 * more than the other interval heuristics that serve the same orders.
 */
class WagnerWhitinOptimalityProperties {
  @Provide
  Arbitrary<BatchingProblem> problems() {
    return BatchingArbitraries.uncapacitatedProblems();
  }

  @Property(tries = 200)
  void fastEqualsReferenceAndBeatsHeuristics(@ForAll("problems") BatchingProblem problem) {
    BatchPlan fast = BatchingStrategy.wagnerWhitin().plan(problem);
    BatchPlan ref = BatchingStrategies.byName("wagner-whitin", Map.of("algorithm", "reference"))
        .plan(problem);
    double best = fast.cost().total();
    assertEquals(ref.cost().total(), best, 1e-6 * (1 + best));
    assertEquals(ref.pending().size(), fast.pending().size());
    for (BatchingStrategy other : new BatchingStrategy[] {BatchingStrategy.silverMeal(),
        BatchingStrategy.deadline()}) {
      BatchPlan p = other.plan(problem);
      assertEquals(fast.pending().size(), p.pending().size(), other.name());
      assertTrue(best <= p.cost().total() + 1e-6 * (1 + best),
          other.name() + " " + p.cost().total() + " < " + best);
    }
  }
}
