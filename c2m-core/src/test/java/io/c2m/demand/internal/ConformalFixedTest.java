package io.c2m.demand.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.demand.DemandForecast;
import io.c2m.demand.DemandForecaster;
import io.c2m.demand.DemandForecasters;
import io.c2m.demand.DemandSeries;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Conformal calibration with the parameters fixed: one extra fit, the same point forecast. */
class ConformalFixedTest {
  private static DemandSeries series() {
    Random r = new Random(3);
    double[] y = new double[60];
    for (int t = 0; t < y.length; t++) {
      y[t] = 100 + t + 10 * (t % 4) + 5 * r.nextGaussian();
    }
    return new DemandSeries("s", y);
  }

  @Test
  void fixedAndRefittedCalibrationKeepThePointForecastAndSayWhichTheyUsed() {
    DemandSeries s = series();
    for (String name : new String[] {"auto", "ets", "theta", "dotm", "holt-damped", "combo"}) {
      DemandForecast fixed = DemandForecasters.byName(name, Map.of("season", "4")).forecast(s, 8);
      DemandForecast refit = DemandForecasters.byName(name,
          Map.of("season", "4", "calibration", "refit")).forecast(s, 8);
      DemandForecast model = DemandForecasters.byName(name,
          Map.of("season", "4", "intervals", "model")).forecast(s, 8);
      for (int h = 0; h < 8; h++) {
        assertEquals(model.points().get(h).mean(), fixed.points().get(h).mean(), 1e-9, name);
        assertEquals(model.points().get(h).mean(), refit.points().get(h).mean(), 1e-9, name);
        assertTrue(fixed.points().get(h).p90() > fixed.points().get(h).mean(), name);
      }
      assertEquals("fixed parameters", fixed.provenance().settings().get("origins"), name);
      assertEquals("refitted", refit.provenance().settings().get("origins"), name);
    }
  }

  @Test
  void aForecasterWithoutFixedParametersIsRefitted() {
    DemandForecaster plain = DemandForecaster.named("plain",
        (h, steps) -> DemandForecaster.holtDamped(1).forecast(h, steps));
    DemandForecast f = DemandForecaster.conformal(plain).forecast(series(), 4);
    assertEquals("refitted", f.provenance().settings().get("origins"));
  }

  @Test
  void fromEveryOriginTheFixedModelForecastsTheValuesThatFollow() {
    DemandSeries s = series();
    FixedParameters.Origins o = new EtsSelect(4).fitOnce(s, 40, 8);
    // The fit covers the first 40 values; origins beyond run the model over the later values.
    DemandForecast at40 = o.at(40, 8);
    assertEquals(o.forecast().points(), at40.points());
    DemandForecast at55 = o.at(55, 5);
    assertEquals(5, at55.points().size());
    double err = Math.abs(at55.points().get(0).mean() - s.values()[55]);
    assertTrue(err < 30, "one step from 55 is near the value: " + err);
  }
}
