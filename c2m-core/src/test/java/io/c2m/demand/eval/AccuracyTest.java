package io.c2m.demand.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.demand.DemandForecaster;
import io.c2m.demand.DemandSeries;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccuracyTest {
  @Test
  void smapeFollowsTheM3Definition() {
    // 200 * 10 / 190 and 200 * 0 / 100 and the 0/0 period counting as 0.
    double s = Accuracy.smape(new double[] {100, 50, 0}, new double[] {90, 50, 0});
    assertEquals((2000.0 / 190) / 3, s, 1e-12);
  }

  @Test
  void maseScalesByTheInSampleSeasonalDifference() {
    double[] history = {1, 3, 2, 6};
    // Lag-1 differences 2, 1, 4: scale 7/3. Lag-2: 1, 3: scale 2.
    assertEquals(7.0 / 3, Accuracy.maseScale(history, 1), 1e-12);
    assertEquals(2.0, Accuracy.maseScale(history, 2), 1e-12);
    assertEquals(1.0 / (7.0 / 3), Accuracy.mase(history, 1, new double[] {5}, new double[] {6}),
        1e-12);
    assertTrue(Double.isNaN(Accuracy.mase(new double[] {2, 2, 2}, 1, new double[] {1},
        new double[] {1})));
  }

  @Test
  void pinballWeighsUnderAndOverForecastsByTheQuantile() {
    assertEquals(0.9 * 10, Accuracy.pinball(new double[] {20}, new double[] {10}, 0.9), 1e-12);
    assertEquals(0.1 * 10, Accuracy.pinball(new double[] {10}, new double[] {20}, 0.9), 1e-12);
  }

  @Test
  void coverageCountsValuesInsideTheirInterval() {
    assertEquals(0.5, Accuracy.coverage(new double[] {1, 5, 3, 9}, new double[] {0, 0, 4, 8},
        new double[] {2, 4, 6, 10}), 1e-12);
  }

  @Test
  void backtestOfNaiveOnALineIsComputedByHand() {
    // y = 10, 20, ..., 100. Holding out the last 2 values from origins n-2 and n-3:
    // origin 7 forecasts 70 for 80, 90; origin 8 forecasts 80 for 90, 100.
    double[] y = new double[10];
    for (int t = 0; t < 10; t++) {
      y[t] = 10 * (t + 1);
    }
    List<Holdout> hs = Backtest.rollingOrigin(List.of(new DemandSeries("line", y)), 2, 2, 3, 1);
    assertEquals(2, hs.size());
    MethodSummary s = Backtest.evaluate(DemandForecaster.naive(), hs);
    double s1 = (200.0 * 10 / 150 + 200.0 * 20 / 160) / 2;
    double s2 = (200.0 * 10 / 170 + 200.0 * 20 / 180) / 2;
    assertEquals((s1 + s2) / 2, s.smape(), 1e-9);
    // In-sample lag-1 differences are all 10: MASE = mean absolute error / 10 = 1.5.
    assertEquals(1.5, s.mase(), 1e-9);
    assertEquals(2, s.forecasts());
    assertEquals(0, s.failures());
  }

  @Test
  void refusedHoldoutsCountAsFailures() {
    List<Holdout> hs = List.of(Holdout.last(DemandSeries.of("short", 1, 2, 3), 1, 1));
    MethodSummary s = Backtest.evaluate(DemandForecaster.holtDamped(), hs);
    assertEquals(1, s.failures());
    assertEquals(0, s.forecasts());
  }

  @Test
  void msisChargesTheWidthAndTwoOverAlphaPerMiss() {
    double[] history = {1, 2, 3}; // scale 1
    assertEquals(4, Accuracy.msis(history, 1, new double[] {10}, new double[] {8},
        new double[] {12}, 0.95), 1e-9);
    // 2 above the upper bound: 4 + 2 / 0.05 * 2 = 84.
    assertEquals(84, Accuracy.msis(history, 1, new double[] {14}, new double[] {8},
        new double[] {12}, 0.95), 1e-9);
  }

  @Test
  void intervalBacktestReportsCoverageAndMsisPerLevel() {
    double[] y = new double[30];
    for (int t = 0; t < y.length; t++) {
      y[t] = 100 + (t * 7919 % 17);
    }
    List<Holdout> hs = Backtest.rollingOrigin(List.of(new DemandSeries("s", y)), 4, 3, 10, 1);
    IntervalSummary s = Backtest.evaluateIntervals(
        DemandForecaster.conformal(DemandForecaster.ses()), hs, Runnable::run, 0.8, 0.95);
    assertEquals(3, s.forecasts());
    assertEquals(List.of(0.8, 0.95), s.levels());
    assertTrue(s.coverage().get(0) <= s.coverage().get(1));
    assertTrue(s.msis().get(0) > 0 && s.msis().get(1) > 0);
  }
}
