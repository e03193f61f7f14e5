package io.c2m.demand.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.InvalidConfigurationException;
import io.c2m.demand.DemandForecast;
import io.c2m.demand.DemandForecaster;
import io.c2m.demand.DemandForecasters;
import io.c2m.demand.DemandSeries;
import io.c2m.demand.ForecastPoint;
import io.c2m.demand.IntervalForecast;
import io.c2m.demand.IntervalForecaster;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Conformal intervals: a hand-computed example, the fallbacks and the default wiring. */
class ConformalTest {
  /** Always 10, with a model standard deviation of 1 (p90 = 10 + z_0.9). */
  private static final DemandForecaster TEN = DemandForecaster.named("ten", (s, h) -> {
    List<ForecastPoint> p = new ArrayList<>();
    for (int i = 1; i <= h; i++) {
      p.add(new ForecastPoint(i, 10, 10 - Points.Z90, 10, 10 + Points.Z90));
    }
    return new DemandForecast(s.id(), "ten", p);
  });

  @Test
  void reproducesTheHandComputedExample() {
    // n = 10: origins 9..5 (not below half the history), one step each. Errors |y_o - 10| are
    // 5, 4, 4, 3, 3; model sd 1; their root mean square sqrt(15) is the step's growth, so the
    // scores are {3, 3, 4, 4, 5} / sqrt(15). The conformal 80% rank ceil(6 * 0.8) = 5 gives
    // 5 / sqrt(15) = 1.291; the Student-t floor counts half the 5 origins (2, at least 2), so 1
    // degree of freedom: t_0.9 = 3.0777 times the scores' root mean square (1) is larger,
    // half-width 3.0777 * sqrt(15) = 11.920.
    double[] y = {10, 11, 9, 12, 8, 13, 7, 14, 6, 15};
    IntervalForecast f = DemandForecaster.conformal(TEN)
        .intervals(new DemandSeries("s", y), 1, 0.8);
    double half = 3.0776835371752536 * Math.sqrt(15);
    assertEquals(10 + half, f.interval(1, 0.8).upper(), 1e-9);
    assertEquals(Math.max(0, 10 - half), f.interval(1, 0.8).lower(), 1e-9);
    ForecastPoint p = f.forecast().points().get(0);
    assertEquals(10 + half, p.p90(), 1e-9);
    assertEquals(10, p.mean(), 1e-12);
    assertEquals("5", f.forecast().provenance().settings().get("scores"));
    assertEquals("conformal", f.forecast().provenance().settings().get("intervals"));
  }

  @Test
  void aHistoryTooShortToCalibrateKeepsTheModelIntervalsAndSaysSo() {
    DemandForecast f = DemandForecaster.conformal(TEN).forecast(DemandSeries.of("one", 4), 2);
    assertEquals(10 + Points.Z90, f.points().get(0).p90(), 1e-9);
    assertEquals("model", f.provenance().settings().get("intervals"));
    assertTrue(f.provenance().settings().get("calibration").contains("too short"));
  }

  @Test
  void widerLevelsGiveNestedIntervals() {
    Random r = new Random(7);
    double[] y = new double[40];
    for (int t = 0; t < y.length; t++) {
      y[t] = 100 + t + 10 * r.nextGaussian();
    }
    IntervalForecaster f = DemandForecaster.conformal(DemandForecaster.theta(1));
    IntervalForecast iv = f.intervals(new DemandSeries("s", y), 6, 0.5, 0.8, 0.95);
    for (int h = 1; h <= 6; h++) {
      IntervalForecast.Interval a = iv.interval(h, 0.5);
      IntervalForecast.Interval b = iv.interval(h, 0.8);
      IntervalForecast.Interval c = iv.interval(h, 0.95);
      assertTrue(c.lower() <= b.lower() && b.lower() <= a.lower(), "h=" + h);
      assertTrue(a.upper() <= b.upper() && b.upper() <= c.upper(), "h=" + h);
      assertEquals(b.upper(), iv.forecast().points().get(h - 1).p90(), 1e-9);
    }
    assertEquals(iv.forecast(), f.forecast(new DemandSeries("s", y), 6));
  }

  @Test
  void byNameIsHonestByDefaultAndModelOnRequest() {
    double[] y = new double[30];
    for (int t = 0; t < y.length; t++) {
      y[t] = 50 + (t * 7919 % 13);
    }
    DemandSeries s = new DemandSeries("s", y);
    assertEquals("conformal",
        DemandForecasters.byName("theta").forecast(s, 3).provenance().settings().get("intervals"));
    assertEquals(null, DemandForecasters.byName("theta", Map.of("intervals", "model"))
        .forecast(s, 3).provenance().settings().get("intervals"));
    assertThrows(InvalidConfigurationException.class,
        () -> DemandForecasters.byName("theta", Map.of("intervals", "bootstrap")));
  }

  @Test
  void levelsOutsideTheUnitIntervalAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> DemandForecaster.conformal(TEN)
        .intervals(DemandSeries.of("s", 1, 2, 3), 1, 1.0));
  }
}
