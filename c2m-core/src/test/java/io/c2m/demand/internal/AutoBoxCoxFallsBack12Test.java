package io.c2m.demand.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.demand.DemandForecast;
import io.c2m.demand.DemandForecaster;
import io.c2m.demand.DemandSeries;
import io.c2m.demand.ForecastPoint;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: a seasonal history that cannot go on the Box-Cox scale is forecast on its own scale,
 * never fails, and {@code auto}'s provenance says why it was not transformed.
 */
class AutoBoxCoxFallsBack12Test {
  private static final double[] AIR = AutoAirPassengersWithinTenPercent12Test.AIR_PASSENGERS;

  private static void assertUsable(DemandForecast f, int horizon) {
    assertEquals(horizon, f.points().size());
    for (ForecastPoint p : f.points()) {
      assertTrue(Double.isFinite(p.mean()) && p.p10() <= p.mean() && p.mean() <= p.p90(),
          p.toString());
    }
  }

  @Test
  void fewerThanThreeSeasonsAreNotTransformed() {
    DemandSeries s = new DemandSeries("short", Arrays.copyOf(AIR, 30));
    DemandForecast f = DemandForecaster.auto(12).forecast(s, 12);
    assertUsable(f, 12);
    assertEquals("none: history of 30 period(s), shorter than three seasons (36)",
        f.provenance().settings().get("lambda"));
  }

  @Test
  void aZeroPeriodKeepsTheSeriesOnItsOwnScale() {
    double[] y = Arrays.copyOf(AIR, 96);
    y[40] = 0;
    DemandForecast f = DemandForecaster.auto(12).forecast(new DemandSeries("gap", y), 12);
    assertUsable(f, 12);
    assertEquals("none: not strictly positive", f.provenance().settings().get("lambda"));
  }

  @Test
  void theSameSeriesWithEnoughSeasonsIsTransformed() {
    DemandForecast f = DemandForecaster.auto(12).forecast(
        new DemandSeries("long", Arrays.copyOf(AIR, 96)), 12);
    assertUsable(f, 12);
    double lambda = Double.parseDouble(f.provenance().settings().get("lambda"));
    assertTrue(lambda >= 0 && lambda <= 1, "lambda " + lambda);
  }

  @Test
  void calibrationOriginsPastAZeroAreRefittedNotBroken() {
    // Fitted on the first 96 months (positive, transformed); a zero among the later values that
    // calibration runs over cannot be transformed, so origins past it refit the members.
    double[] y = Arrays.copyOf(AIR, 132);
    y[120] = 0;
    DemandSeries all = new DemandSeries("late-gap", y);
    Auto auto = new Auto(12);
    FixedParameters.Origins o = auto.fitOnce(all, 96, 12);
    assertTrue(Double.parseDouble(o.forecast().provenance().settings().get("lambda")) >= 0);
    assertUsable(o.at(125, 6), 6);
    assertUsable(o.at(110, 6), 6);
    // The theta members model the series on the Box-Cox scale, so past the zero they refit: the
    // same as a forecast from that origin. (ets keeps its parameters when it chose the original
    // scale, as fixed-parameter calibration does.)
    Theta theta = new Theta(Theta.Variant.STM, 12, true);
    assertEquals(theta.forecast(FixedParameters.prefix(all, 125), 6),
        theta.fitOnce(all, 96, 12).at(125, 6));
  }
}
