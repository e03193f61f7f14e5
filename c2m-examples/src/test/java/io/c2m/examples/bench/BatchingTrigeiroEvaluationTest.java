package io.c2m.examples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.production.internal.Clsp;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    for (BatchingTrigeiroEvaluation.Instance in : all.subList(0, 5)) {
      Clsp.Solution s = in.problem().solve(100, 10, 42);
      assertTrue(s.unmet() == 0 && s.gap() < 0.2, in.name() + " gap " + s.gap());
    }
  }
}
