package io.c2m.demand.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.demand.DemandForecaster;
import io.c2m.demand.DemandSeries;
import io.c2m.demand.ForecastPoint;
import org.junit.jupiter.api.Test;

class HoltWintersMultiplicativeSpreadTest {
  @Test
  void spikySeriesGetsAModestForecastNotAClampedOverflow() {
    // Found by the contract once non-finite values stopped being clamped: the spike in the
    // first period made the regression trend drive the level below zero at the optimiser's
    // start, every point it tried was infeasible, the in-sample error was infinite, and the
    // forecast used to carry p90 = Double.MAX_VALUE / 4.
    DemandSeries s = DemandSeries.of("spiky", 64.88, 1.0, 1.0, 6.58, 1.0, 1.0, 1.0, 1.0, 1.0,
        1.0, 292.1, 1.27, 1.0, 1.7, 1.21, 87.86, 13.01, 3.26, 1.83, 7.28, 68.89, 483.05, 2.87,
        2.13);
    for (ForecastPoint p : DemandForecaster.holtWintersMultiplicative(4).forecast(s, 8)
        .points()) {
      // The data never exceed 483.05; a 90% quantile beyond ten times that is not a forecast.
      assertTrue(p.p90() < 4830.5, p.toString());
    }
  }
}
