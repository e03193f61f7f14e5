package io.c2m.demand.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.demand.DemandSeries;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EtsSelectTest {
  @Test
  void choosesPerSeriesShapeByAicc() {
    EtsSelect ets = new EtsSelect(1);
    Random r = new Random(1);
    double[] flat = new double[60];
    double[] trend = new double[60];
    for (int t = 0; t < 60; t++) {
      flat[t] = 50 + 5 * r.nextGaussian();
      trend[t] = 20 + 3 * t + r.nextGaussian();
    }
    assertTrue(List.of("ETS(A,N,N)", "ETS(M,N,N)")
        .contains(ets.choose(new DemandSeries("flat", flat))));
    String up = ets.choose(new DemandSeries("up", trend));
    assertTrue(List.of("ETS(A,A,N)", "ETS(A,Ad,N)", "ETS(M,A,N)", "ETS(M,Ad,N)").contains(up), up);
    // Too short for AICc with any smoother: the naive method, and the provenance says why.
    DemandSeries tiny = DemandSeries.of("tiny", 4, 5, 6);
    assertEquals("naive", ets.choose(tiny));
    assertTrue(ets.forecast(tiny, 1).provenance().settings().get("fallback").contains("short"));
  }
}
