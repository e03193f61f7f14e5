package io.c2m.demand.internal;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.demand.DemandForecaster;
import io.c2m.demand.DemandSeries;
import org.junit.jupiter.api.Test;

class HoltWintersMultiplicativeSpreadTest {
  @Test
  void multiplicativeModelThatBreaksDownIsRefusedNotClampedToHugeQuantiles() {
    // Found by the contract once non-finite values stopped being clamped: on this spiky series
    // every parameter value drives the level or an index to zero, the in-sample error is
    // infinite, and the forecast used to carry p90 = Double.MAX_VALUE / 4.
    DemandSeries s = DemandSeries.of("spiky", 64.88, 1.0, 1.0, 6.58, 1.0, 1.0, 1.0, 1.0, 1.0,
        1.0, 292.1, 1.27, 1.0, 1.7, 1.21, 87.86, 13.01, 3.26, 1.83, 7.28, 68.89, 483.05, 2.87,
        2.13);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DemandForecaster.holtWintersMultiplicative(4).forecast(s, 8));
    assertTrue(e.getMessage().contains("spiky") && e.getMessage().contains("Maybe"),
        e.getMessage());
  }
}
