package io.c2m.demand.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.demand.DemandForecast;
import io.c2m.demand.DemandForecaster;
import io.c2m.demand.DemandSeries;
import org.junit.jupiter.api.Test;

/** Automatic ARIMA against hand-computed examples. */
class ArimaTest {
  @Test
  void kpssStatisticOfAShortTrend() {
    // y = 1..4: deviations -1.5, -0.5, 0.5, 1.5, variance 1.25, no lags (floor(3 * 2 / 13) = 0);
    // partial sums -1.5, -2, -1.5, 0 with squares summing to 8.5: 8.5 / (16 * 1.25) = 0.425.
    assertEquals(0.425, Arima.kpss(new double[] {1, 2, 3, 4}), 1e-12);
  }

  @Test
  void conditionalSumOfSquaresAndForecastOfAnAr1WithMean() {
    // phi = 0.5, mean 2 on w = 1, 3, 4: forecasts of t = 2, 3 are 1.5 and 2.5, errors 1.5, 1.5.
    double[] w = {1, 3, 4};
    double[] c = {0.5, 2};
    assertEquals(4.5, Arima.css(w, 1, 0, true, c, new double[3]), 1e-12);
    Arima.Fitted f = new Arima.Fitted(1, 0, 0, true, c, 4.5, 2);
    double[][] out = Arima.forecast(w, f, 2);
    assertEquals(3, out[0][0], 1e-12); // 2 + 0.5 (4 - 2)
    assertEquals(2.5, out[0][1], 1e-12); // 2 + 0.5 (3 - 2)
    // sigma^2 = 4.5 / max(1, 2 - 2); psi = 1, 0.5.
    assertEquals(Math.sqrt(4.5), out[1][0], 1e-12);
    assertEquals(Math.sqrt(4.5 * 1.25), out[1][1], 1e-12);
  }

  @Test
  void aRandomWalkForecastsFlatWithSpreadGrowingAsTheRootOfTheStep() {
    double[] y = {1, 2, 4, 3};
    // Differences 1, 2, -1 are the errors: sse 6 over 3, sigma^2 = 2.
    Arima.Fitted f = new Arima.Fitted(0, 1, 0, false, new double[0], 6, 3);
    double[][] out = Arima.forecast(y, f, 3);
    for (int h = 1; h <= 3; h++) {
      assertEquals(3, out[0][h - 1], 1e-12);
      assertEquals(Math.sqrt(2.0 * h), out[1][h - 1], 1e-12);
    }
  }

  @Test
  void aTrendIsDifferencedAndFollowed() {
    double[] y = new double[40];
    for (int t = 0; t < y.length; t++) {
      y[t] = 10 + 2 * t + (t * 7919 % 5 - 2) * 0.5;
    }
    Arima.Fitted f = new Arima(1).select(y);
    assertTrue(f.d() >= 1, "d = " + f.d());
    DemandForecast fc = DemandForecaster.arima(1).forecast(new DemandSeries("up", y), 5);
    for (int h = 1; h <= 5; h++) {
      double truth = 10 + 2 * (39 + h);
      assertEquals(truth, fc.points().get(h - 1).mean(), 0.05 * truth, "h=" + h);
    }
    assertTrue(fc.provenance().settings().get("order").startsWith("("));
  }

  @Test
  void aShortHistoryFallsBackToNaiveAndSaysSo() {
    DemandForecast f = DemandForecaster.arima(4).forecast(DemandSeries.of("s", 3, 4, 6), 2);
    assertEquals("naive", f.model());
    assertTrue(f.provenance().settings().get("fallback").contains("arima needs 6"));
    assertEquals(6, f.points().get(1).mean(), 1e-12);
  }
}
