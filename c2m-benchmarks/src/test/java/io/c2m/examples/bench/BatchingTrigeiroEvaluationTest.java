package io.c2m.examples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.production.internal.Clsp;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The capacitated solver on the Trigeiro instances: the shipped fixture, then the shared set. */
class BatchingTrigeiroEvaluationTest {
  @Test
  void solvesTheShippedFixtureWithinTenPercentOfItsBound() throws IOException,
      URISyntaxException {
    Path dir = Path.of(getClass().getResource("/lotsizing/README.md").toURI()).getParent();
    List<BatchingTrigeiroEvaluation.Instance> all = BatchingTrigeiroEvaluation.read(dir);
    assertEquals(1, all.size());
    Clsp.Solution s = all.get(0).problem().solve(200, 10, 42);
    assertEquals(0, s.unmet());
    assertTrue(s.lowerBound() > 0 && s.lowerBound() <= s.cost());
    assertTrue(s.gap() < 0.10, "gap " + s.gap());
  }

  @Test
  void solvesTheFirstSharedInstances() throws IOException {
    Path dir = Path.of("../../shared/data/lotsizing");
    if (!Files.isDirectory(dir)) {
      dir = Path.of("../shared/data/lotsizing");
    }
    Assumptions.assumeTrue(Files.isDirectory(dir),
        "Skipped: the Trigeiro instances of ../shared/data/lotsizing are not present.");
    List<BatchingTrigeiroEvaluation.Instance> all = BatchingTrigeiroEvaluation.read(dir);
    assertEquals(70, all.size());
    Map<String, Double> optima = BatchingTrigeiroEvaluation.optima();
    double sum = 0;
    for (BatchingTrigeiroEvaluation.Instance in : all.subList(0, 5)) {
      Clsp.Solution s = in.problem().solve(100, 10, 42);
      assertTrue(s.unmet() == 0 && s.gap() < 0.2, in.name() + " gap " + s.gap());
      double opt = optima.get(in.name());
      // the proven optimum lies between our bound and our plan's cost (else a model mismatch)
      assertTrue(s.lowerBound() <= opt + 1e-6, in.name() + " bound above the optimum");
      assertTrue(s.cost() >= opt - 1e-6, in.name() + " plan below the optimum");
      sum += (s.cost() - opt) / opt;
    }
    // the target: mean gap at most 2%
    assertTrue(sum / 5 <= 0.02, "mean gap to the optima " + sum / 5);
  }

  @Test
  void optimaCoverTheWholeSet() throws IOException {
    Map<String, Double> optima = BatchingTrigeiroEvaluation.optima();
    assertEquals(70, optima.size());
    for (int k = 1; k <= 70; k++) {
      Double v = optima.get("F" + k);
      assertTrue(v != null && v > 0, "F" + k + ": " + v);
    }
  }
}
