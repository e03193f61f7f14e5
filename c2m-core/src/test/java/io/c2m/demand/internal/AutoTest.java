package io.c2m.demand.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.demand.DemandSeries;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AutoTest {
  @Test
  void choosesPerSeriesShape() {
    Auto auto = new Auto(1);
    Random r = new Random(1);
    double[] flat = new double[60];
    double[] trend = new double[60];
    double[] sparse = new double[60];
    for (int t = 0; t < 60; t++) {
      flat[t] = 50 + 5 * r.nextGaussian();
      trend[t] = 20 + 3 * t + r.nextGaussian();
      sparse[t] = t % 5 == 0 ? 3 + r.nextInt(3) : 0;
    }
    assertEquals("ses", auto.choose(new DemandSeries("flat", flat)));
    assertTrue(List.of("holt", "holt-damped").contains(auto.choose(new DemandSeries("up", trend))));
    assertTrue(List.of("croston", "sba", "tsb").contains(
        auto.choose(new DemandSeries("sparse", sparse))));
    // Too short for AICc with any smoother: the naive method.
    assertEquals("naive", auto.choose(DemandSeries.of("tiny", 4, 5, 6)));
  }
}
