package io.c2m.examples.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.demand.DemandForecaster;
import io.c2m.demand.eval.Backtest;
import io.c2m.demand.eval.Holdout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Issue 5's quality bar on the M3 data in {@code ../shared/data/forecasting}: our ses, holt and
 * holt-damped within 2% of M3's SINGLE, HOLT and DAMPEN, and auto below NAIVE2, for the yearly and
 * the quarterly series. Skipped when the data is absent (a plain clone of the project).
 */
class ForecastM3QualityTest {
  private static Path dataDir() {
    for (String candidate : List.of(System.getProperty("c2m.data", ""),
        "../../shared/data/forecasting", "../shared/data/forecasting",
        "/work/shared/data/forecasting")) {
      if (!candidate.isEmpty()
          && Files.exists(Path.of(candidate, "m3_yearly_quarterly_values.csv"))) {
        return Path.of(candidate);
      }
    }
    return null;
  }

  @Test
  void smoothersMatchM3AndAutoBeatsNaive2() throws Exception {
    Path dir = dataDir();
    Assumptions.assumeTrue(dir != null,
        "M3 data not found (../shared/data/forecasting or -Dc2m.data): quality test skipped.");
    Map<String, List<Holdout>> m3 = ForecastM3Evaluation.readM3(dir);
    Map<String, Map<String, double[]>> ref = ForecastM3Evaluation.readReference(dir);
    for (String period : List.of("YEARLY", "QUARTERLY")) {
      List<Holdout> hs = m3.get(period);
      int m = hs.get(0).season();
      Map<String, double[]> published = ref.get(period);
      check(period, DemandForecaster.ses(m), hs, published.get("SINGLE")[0] * 1.02);
      check(period, DemandForecaster.holt(m), hs, published.get("HOLT")[0] * 1.02);
      check(period, DemandForecaster.holtDamped(m), hs, published.get("DAMPEN")[0] * 1.02);
      check(period, DemandForecaster.auto(m), hs, published.get("NAIVE2")[0]);
    }
  }

  /**
   * Issue 12: auto at or below THETA on the yearly and quarterly series (measured 15.873 and
   * 8.936 against 16.974 and 8.956); the conformal 80% interval of auto covers 78-82% of the test
   * values on each and the 95% one 93-97% (measured 0.804 and 0.807, 0.953 and 0.939).
   */
  @Test
  void autoReachesTheThetaFrontierWithHonestIntervals() throws Exception {
    Path dir = dataDir();
    Assumptions.assumeTrue(dir != null,
        "M3 data not found (../shared/data/forecasting or -Dc2m.data): quality test skipped.");
    Map<String, List<Holdout>> m3 = ForecastM3Evaluation.readM3(dir);
    Map<String, Map<String, double[]>> ref = ForecastM3Evaluation.readReference(dir);
    double[] slack = {1.0, 1.0};
    int i = 0;
    for (String period : List.of("YEARLY", "QUARTERLY")) {
      List<Holdout> hs = m3.get(period);
      int m = hs.get(0).season();
      double theta = ref.get(period).get("THETA")[0];
      check(period, DemandForecaster.auto(m), hs, theta * slack[i++]);
      List<Double> cover = Backtest.evaluateIntervals(
          DemandForecaster.conformal(DemandForecaster.auto(m)), hs, ForkJoinPool.commonPool(),
          0.8, 0.95).coverage();
      assertTrue(cover.get(0) >= 0.78 && cover.get(0) <= 0.82,
          period + " auto conformal 80%: " + cover.get(0));
      assertTrue(cover.get(1) >= 0.93 && cover.get(1) <= 0.97,
          period + " auto conformal 95%: " + cover.get(1));
    }
  }

  private static void check(String period, DemandForecaster f, List<Holdout> hs, double bound) {
    double smape = Backtest.evaluate(f, hs, ForkJoinPool.commonPool()).smape();
    assertTrue(smape <= bound, period + " " + f.name() + ": sMAPE " + smape + " > " + bound);
  }
}
