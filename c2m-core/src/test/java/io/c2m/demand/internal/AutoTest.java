package io.c2m.demand.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.demand.DemandForecast;
import io.c2m.demand.DemandForecaster;
import io.c2m.demand.DemandSeries;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AutoTest {
  @Test
  void choosesTheCombinationOrAnIntermittentMethod() {
    Auto auto = new Auto(1);
    Random r = new Random(1);
    double[] trend = new double[60];
    double[] sparse = new double[60];
    for (int t = 0; t < 60; t++) {
      trend[t] = 20 + 3 * t + r.nextGaussian();
      sparse[t] = t % 5 == 0 ? 3 + r.nextInt(3) : 0;
    }
    assertEquals("combo", auto.choose(new DemandSeries("up", trend)));
    assertTrue(List.of("croston", "sba", "tsb").contains(
        auto.choose(new DemandSeries("sparse", sparse))));
  }

  @Test
  void autoIsTheCombinationsForecastUnderItsOwnName() {
    double[] y = new double[24];
    for (int t = 0; t < y.length; t++) {
      y[t] = 100 + 2 * t + (t * 7919 % 11);
    }
    DemandSeries s = new DemandSeries("s", y);
    DemandForecast a = DemandForecaster.auto(4).forecast(s, 5);
    DemandForecast c = DemandForecaster.combo(4).forecast(s, 5);
    assertEquals(c.points(), a.points());
    assertEquals("auto", a.method());
    assertEquals("combo", a.model());
    assertTrue(a.provenance().settings().get("members").endsWith("+arima+theta"));
  }

  @Test
  void aTooShortSeriesFallsBackAndNeverFails() {
    DemandForecast f = DemandForecaster.auto().forecast(DemandSeries.of("tiny", 4, 5), 3);
    assertEquals(3, f.horizon());
    assertEquals("naive+naive+naive", f.provenance().settings().get("members"));
  }
}
