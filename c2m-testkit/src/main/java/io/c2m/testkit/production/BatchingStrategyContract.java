package io.c2m.testkit.production;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.DesignId;
import io.c2m.OrderId;
import io.c2m.order.Order;
import io.c2m.production.BatchPlan;
import io.c2m.production.BatchPlanChecks;
import io.c2m.production.BatchingProblem;
import io.c2m.production.BatchingStrategy;
import io.c2m.production.PendingOrder;
import io.c2m.production.ProductionBatch;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The contract every {@link BatchingStrategy} must pass, built-in or a user's. Implement it in a
 * test class and return the strategy:
 *
 * <pre>{@code
 * class MyStrategyContractProperties implements BatchingStrategyContract {
 *   public BatchingStrategy strategy() { return new MyStrategy(); }
 * }
 * }</pre>
 *
 * <p>Each property runs on {@link #problems()} (by default {@link BatchingArbitraries#problems()}):
 * the plan passes {@link BatchPlanChecks} (each order in exactly one batch or pending, MOQ,
 * multiples, largest batch, capacity per design and per shared line, promises met or flagged,
 * costs add up); quantities are conserved; no batch is released before its orders are placed
 * unless a top-up was asked for; every pending order has a reason and an explanation; planning is
 * deterministic.
 */
public interface BatchingStrategyContract {
  /**
   * Returns the strategy under test.
   *
   * @return the strategy
   */
  BatchingStrategy strategy();

  /**
   * Returns the problems to test on; override to narrow them.
   *
   * @return the arbitrary
   */
  @Provide
  default Arbitrary<BatchingProblem> problems() {
    return BatchingArbitraries.problems();
  }

  /**
   * The plan keeps every rule of {@link BatchPlanChecks}.
   *
   * @param problem a problem
   */
  @Property(tries = 150)
  default void planKeepsTheContract(@ForAll("problems") BatchingProblem problem) {
    BatchPlan plan = strategy().plan(problem);
    List<String> violations = BatchPlanChecks.violations(problem, plan);
    assertTrue(violations.isEmpty(), () -> String.join("\n", violations));
  }

  /**
   * Units ordered per design equal units batched plus units pending.
   *
   * @param problem a problem
   */
  @Property(tries = 100)
  default void quantitiesAreConserved(@ForAll("problems") BatchingProblem problem) {
    BatchPlan plan = strategy().plan(problem);
    Map<DesignId, Long> ordered = new HashMap<>();
    for (Order o : problem.orders()) {
      ordered.merge(o.design(), (long) o.quantity(), Long::sum);
    }
    Map<DesignId, Long> accounted = new HashMap<>();
    for (ProductionBatch b : plan.batches()) {
      accounted.merge(b.design(), (long) b.orderedQuantity(), Long::sum);
    }
    for (PendingOrder p : plan.pending()) {
      accounted.merge(p.design(), (long) p.quantity(), Long::sum);
      assertTrue(!p.detail().isBlank(), "pending order " + p.order() + " explains itself");
    }
    assertEquals(ordered, accounted);
  }

  /**
   * No batch is released before the orders it serves were placed (production on demand), and a
   * batch without orders exists only for a design with a speculative top-up.
   *
   * @param problem a problem
   */
  @Property(tries = 100)
  default void productionFollowsOrders(@ForAll("problems") BatchingProblem problem) {
    BatchPlan plan = strategy().plan(problem);
    Map<OrderId, Order> byId = new HashMap<>();
    problem.orders().forEach(o -> byId.put(o.id(), o));
    for (ProductionBatch b : plan.batches()) {
      if (b.orders().isEmpty()) {
        assertTrue(problem.topUps().containsKey(b.design()), "batch " + b.id() + " has no order");
      }
      for (OrderId id : b.orders()) {
        assertTrue(problem.calendar().placedPeriod(byId.get(id)) <= b.period(),
            "batch " + b.id() + " precedes order " + id);
      }
    }
  }

  /**
   * The same problem gives the same plan.
   *
   * @param problem a problem
   */
  @Property(tries = 50)
  default void planningIsDeterministic(@ForAll("problems") BatchingProblem problem) {
    assertEquals(strategy().plan(problem), strategy().plan(problem));
  }
}
