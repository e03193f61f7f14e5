package io.c2m.production;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.DesignId;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Regression of the review of per-period forecast top-ups (issue 3, part 4): JSON of a problem
 * written before {@link BatchingProblem#forecasts()} existed still reads.
 */
class BatchingProblemJsonWithoutForecasts3Test {
  private static final DesignId A = DesignId.of("a");

  @Test
  void aProblemWrittenWithoutForecastsStillReads() throws Exception {
    String json;
    try (InputStream in =
        getClass().getResourceAsStream("batching-problem-before-forecasts.json")) {
      json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertTrue(!json.contains("forecasts"));
    BatchingProblem read = io.c2m.json.C2mJson.fromJson(json, BatchingProblem.class);
    BatchingProblem expected = BatchingProblem.ofPeriodDemand(Map.of(A, new int[] {10, 0, 5}),
        Map.of(), ProductionConstraints.unconstrained().withCosts(3, 2, 1));
    assertEquals(expected, read);
    assertEquals(Map.of(), read.forecasts());
    // other missing fields are still refused
    String noHorizon = json.replace("\"horizon\" : 3,", "");
    Exception e = assertThrows(Exception.class,
        () -> io.c2m.json.C2mJson.fromJson(noHorizon, BatchingProblem.class));
    assertTrue(e.getMessage().contains("horizon"), e.getMessage());
  }
}
