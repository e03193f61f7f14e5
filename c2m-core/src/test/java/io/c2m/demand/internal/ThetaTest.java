package io.c2m.demand.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.demand.DemandForecast;
import io.c2m.demand.DemandForecaster;
import io.c2m.demand.DemandSeries;
import org.junit.jupiter.api.Test;

/**
 * The theta family (Fiorucci et al. 2016) against a hand-computed example: y = 1, 2, 4 with
 * l0 = 1, alpha = 0.5, theta = 2. The least-squares line is A = -2/3, B = 3/2; the static model's
 * one-step forecasts are 17/12, 47/24, 131/48 (errors -5/12, 1/24, 61/48, mean square
 * 4125/6912); the level ends at 2.75 and the forecasts are 2.75 + (1/8 A + 15/8 B) / 2 =
 * 4.1145833 and 4.1145833 + B / 2. The dynamic model starts its line at A = 1, B = 0 after the
 * first value, forecasts 1.25 then 2.375 (mean square of 0.75 and 1.625: 1.6015625), and ends
 * with the same line and level.
 */
class ThetaTest {
  private static final double[] Y = {1, 2, 4};

  @Test
  void staticLineIsTheLeastSquaresLine() {
    double[] line = Theta.line(Y);
    assertEquals(-2.0 / 3, line[0], 1e-12);
    assertEquals(1.5, line[1], 1e-12);
  }

  @Test
  void standardThetaReproducesTheHandComputedExample() {
    Theta.Fitted f = new Theta(Theta.Variant.STM, 1).withParameters(Y, 1, 0.5, 2);
    assertEquals(4125.0 / 6912, f.mse(), 1e-12);
    assertEquals(2.75, f.level(), 1e-12);
    double[] m = f.means(2);
    assertEquals(2.75 + 0.5 * (0.125 * -2.0 / 3 + 1.875 * 1.5), m[0], 1e-12);
    assertEquals(4.114583333333333, m[0], 1e-12);
    assertEquals(m[0] + 0.75, m[1], 1e-12);
  }

  @Test
  void dynamicThetaReproducesTheHandComputedExample() {
    Theta.Fitted f = new Theta(Theta.Variant.DSTM, 1).withParameters(Y, 1, 0.5, 2);
    assertEquals(1.6015625, f.mse(), 1e-12);
    assertEquals(-2.0 / 3, f.a(), 1e-12);
    assertEquals(1.5, f.b(), 1e-12);
    assertEquals(4.114583333333333, f.means(1)[0], 1e-12);
  }

  @Test
  void optimisedThetaFollowsALinearTrend() {
    double[] y = new double[30];
    for (int t = 0; t < y.length; t++) {
      y[t] = 50 + 3 * t + (t % 2 == 0 ? 1 : -1);
    }
    for (DemandForecaster f : new DemandForecaster[] {
        DemandForecaster.optimisedTheta(1), DemandForecaster.dynamicOptimisedTheta(1)}) {
      DemandForecast fc = f.forecast(new DemandSeries("line", y), 5);
      for (int h = 1; h <= 5; h++) {
        double truth = 50 + 3 * (29 + h);
        assertEquals(truth, fc.points().get(h - 1).mean(), 0.05 * truth, f.name() + " h=" + h);
      }
    }
  }

  @Test
  void standardThetaHalvesTheTrend() {
    // STM extrapolates half the slope of the line (theta = 2): the forecasts rise by B/2 a step.
    double[] y = new double[30];
    for (int t = 0; t < y.length; t++) {
      y[t] = 50 + 3 * t + (t % 3 - 1);
    }
    DemandForecast fc = DemandForecaster.theta(1).forecast(new DemandSeries("line", y), 3);
    double b = Theta.line(y)[1];
    assertEquals(b / 2, fc.points().get(1).mean() - fc.points().get(0).mean(), 1e-9);
    assertEquals(b / 2, fc.points().get(2).mean() - fc.points().get(1).mean(), 1e-9);
  }

  @Test
  void aShortOrConstantHistoryFallsBackToNaiveAndSaysSo() {
    for (DemandForecaster f : new DemandForecaster[] {DemandForecaster.theta(1),
        DemandForecaster.optimisedTheta(1), DemandForecaster.dynamicTheta(1),
        DemandForecaster.dynamicOptimisedTheta(4)}) {
      DemandForecast two = f.forecast(DemandSeries.of("short", 3, 5), 2);
      assertEquals("naive", two.model());
      assertTrue(two.provenance().settings().get("fallback").contains("2 period"));
      assertEquals(5, two.points().get(1).mean(), 1e-12);
      DemandForecast flat = f.forecast(DemandSeries.of("flat", 4, 4, 4, 4), 2);
      assertEquals("naive", flat.model());
      assertEquals(4, flat.points().get(0).mean(), 1e-12);
      assertEquals(f.name(), flat.method());
    }
  }
}
