package io.c2m.demand.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.demand.DemandForecaster;
import io.c2m.demand.DemandSeries;
import io.c2m.demand.ForecastPoint;
import io.c2m.demand.IntervalForecast;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Invariants of the per-level conformal calibration, with fixed parameters (theta) and refitted
 * (naive): every level's interval is finite and nested in the wider levels', p10 and p90 are the
 * 80% interval, and the same history gives the same intervals.
 */
class ConformalProperties {
  private static final double[] LEVELS = {0.5, 0.8, 0.9, 0.95, 0.99};

  @Property(tries = 60)
  void intervalsAreFiniteNestedAndRepeatable(
      @ForAll @Size(min = 2, max = 60) List<@DoubleRange(min = 0, max = 1000) Double> values,
      @ForAll @IntRange(min = 1, max = 10) int horizon,
      @ForAll boolean refitted) {
    DemandSeries s = new DemandSeries("s",
        values.stream().mapToDouble(Double::doubleValue).toArray());
    DemandForecaster inner = refitted ? DemandForecaster.naive(1) : DemandForecaster.theta(1);
    Conformal f = new Conformal(inner, Conformal.DEFAULT_ORIGINS);
    IntervalForecast iv = f.intervals(s, horizon, LEVELS);
    for (int h = 1; h <= horizon; h++) {
      IntervalForecast.Interval narrower = null;
      for (double level : LEVELS) {
        IntervalForecast.Interval i = iv.interval(h, level);
        assertTrue(Double.isFinite(i.lower()) && Double.isFinite(i.upper()), i.toString());
        if (narrower != null) {
          assertTrue(i.lower() <= narrower.lower() && narrower.upper() <= i.upper(),
              narrower + " within " + i);
        }
        narrower = i;
      }
      ForecastPoint p = iv.forecast().points().get(h - 1);
      assertTrue(p.p10() <= p.p50() && p.p50() <= p.p90(), p.toString());
      assertEquals(iv.interval(h, 0.8).upper(), p.p90(), 1e-9 * (1 + p.p90()));
    }
    assertEquals(iv, f.intervals(s, horizon, LEVELS));
    assertEquals(iv.forecast(), f.forecast(s, horizon));
  }

  @Property(tries = 200)
  void aLevelsMultiplierGrowsWithTheLevel(
      @ForAll @Size(min = 1, max = 80) List<@DoubleRange(min = 0, max = 50) Double> scores,
      @ForAll @IntRange(min = 1, max = 30) int dof,
      @ForAll boolean inSample) {
    double[] sorted = scores.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double sq = 0;
    for (double v : sorted) {
      sq += v * v;
    }
    double rms = Math.sqrt(sq / sorted.length);
    double previous = 0;
    for (double level : LEVELS) {
      double q = inSample ? Conformal.quantile(sorted, rms, level, dof)
          : Conformal.perLevel(sorted, rms, level, dof);
      assertTrue(Double.isFinite(q) && q >= previous, level + ": " + q + " < " + previous);
      previous = q;
    }
  }
}
