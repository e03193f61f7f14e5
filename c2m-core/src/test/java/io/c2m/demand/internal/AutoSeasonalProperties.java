package io.c2m.demand.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.demand.DemandForecast;
import io.c2m.demand.DemandForecaster;
import io.c2m.demand.DemandSeries;
import io.c2m.demand.ForecastPoint;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Invariants of {@code auto} on seasonal series, modelled on the Box-Cox scale when they are
 * significantly seasonal and positive: forecasts finite, quantiles ordered with the mean inside
 * them, the same input giving the same output, and the provenance saying which transform was
 * used or why none was.
 */
class AutoSeasonalProperties {
  private static DemandSeries series(long seed, int m, int seasons, double growth,
      double swing, double noise, boolean withZero) {
    Random r = new Random(seed);
    double[] shape = new double[m];
    for (int j = 0; j < m; j++) {
      shape[j] = 1 + swing * Math.sin(2 * Math.PI * j / m + seed % 7);
    }
    double[] y = new double[m * seasons + (int) (seed % m)];
    for (int t = 0; t < y.length; t++) {
      double v = 100 * Math.pow(1 + growth, t) * shape[t % m] * (1 + noise * r.nextGaussian());
      y[t] = Math.max(0.5, v);
    }
    if (withZero) {
      y[y.length / 2] = 0;
    }
    return new DemandSeries("s" + seed, y);
  }

  @Property(tries = 40)
  void forecastsAreFiniteOrderedAndRepeatable(
      @ForAll @LongRange(min = 0, max = 1_000_000) long seed,
      @ForAll @IntRange(min = 2, max = 12) int m,
      @ForAll @IntRange(min = 1, max = 8) int seasons,
      @ForAll @DoubleRange(min = -0.02, max = 0.05) double growth,
      @ForAll @DoubleRange(min = 0, max = 0.9) double swing,
      @ForAll @DoubleRange(min = 0, max = 0.3) double noise,
      @ForAll boolean withZero,
      @ForAll @IntRange(min = 1, max = 24) int horizon) {
    DemandSeries s = series(seed, m, seasons, growth, swing, noise, withZero);
    DemandForecaster auto = DemandForecaster.auto(m);
    DemandForecast f = auto.forecast(s, horizon);
    assertEquals(horizon, f.points().size());
    for (ForecastPoint p : f.points()) {
      assertTrue(Double.isFinite(p.mean()) && Double.isFinite(p.p90()), p.toString());
      assertTrue(p.p10() <= p.p50() && p.p50() <= p.p90(), p.toString());
      assertTrue(p.p10() <= p.mean() && p.mean() <= p.p90(), p.toString());
    }
    assertEquals(f, auto.forecast(s, horizon));
    String lambda = f.provenance().settings().get("lambda");
    if ("ets-theta-dotm".equals(f.model())) {
      assertTrue(lambda != null, f.provenance().toString());
      if (lambda.startsWith("none: ")) {
        assertTrue(withZero || s.length() < 3 * m || !Seasonality.isSeasonal(s.values(), m),
            lambda);
      } else {
        double l = Double.parseDouble(lambda);
        assertTrue(l >= 0 && l <= 1, lambda);
        assertTrue(!withZero && s.length() >= 3 * m, lambda);
      }
    }
  }

  @Property(tries = 20)
  void calibratedIntervalsStayOrderedOnTheBoxCoxScale(
      @ForAll @LongRange(min = 0, max = 1_000_000) long seed,
      @ForAll @IntRange(min = 4, max = 8) int seasons,
      @ForAll @DoubleRange(min = 0, max = 0.05) double growth) {
    DemandSeries s = series(seed, 4, seasons, growth, 0.5, 0.1, false);
    DemandForecaster f = DemandForecaster.conformal(DemandForecaster.auto(4));
    DemandForecast a = f.forecast(s, 8);
    for (ForecastPoint p : a.points()) {
      assertTrue(Double.isFinite(p.p90()) && p.p10() <= p.p50() && p.p50() <= p.p90(),
          p.toString());
    }
    assertEquals(a, f.forecast(s, 8));
  }
}
