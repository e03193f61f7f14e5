package io.c2m.demand.internal;

import io.c2m.demand.DemandForecast;
import io.c2m.demand.DemandForecaster;
import io.c2m.demand.DemandSeries;
import io.c2m.demand.ForecastPoint;
import java.util.List;

/**
 * Mean of the last {@code window} periods (all periods if fewer), flat over the horizon. The
 * spread comes from the root mean square of the in-sample one-step errors of the same rule and a
 * normal approximation (z = 1.2816 for the 10% and 90% quantiles), truncated at zero since demand
 * is never negative.
 */
public final class MovingAverage implements DemandForecaster {
  /** Default window. */
  public static final int DEFAULT_WINDOW = 7;

  private final int window;

  /**
   * Creates the forecaster.
   *
   * @param window periods averaged, at least 1
   */
  public MovingAverage(int window) {
    if (window < 1) {
      throw new IllegalArgumentException(
          "The moving-average window (" + window + ") must be at least 1.");
    }
    this.window = window;
  }

  @Override
  public String name() {
    return "moving-average";
  }

  @Override
  public DemandForecast forecast(DemandSeries history, int horizon) {
    Points.check(history, horizon, name(), 1);
    int n = history.length();
    double[] y = history.values();
    double mean = mean(y, Math.max(0, n - window), n);
    double sq = 0;
    int errors = 0;
    for (int t = 1; t < n; t++) {
      double f = mean(y, Math.max(0, t - window), t);
      double e = y[t] - f;
      sq += e * e;
      errors++;
    }
    double sigma = errors == 0 ? 0 : Math.sqrt(sq / errors);
    double[] means = new double[horizon];
    double[] sds = new double[horizon];
    java.util.Arrays.fill(means, mean);
    java.util.Arrays.fill(sds, sigma);
    List<ForecastPoint> points = Points.normal(name(), history.id(), means, sds);
    return new DemandForecast(history.id(), name(), points, io.c2m.Provenance.builtIn(name(), 0,
        java.util.Map.of("window", Integer.toString(window))));
  }

  private static double mean(double[] y, int from, int to) {
    double s = 0;
    for (int i = from; i < to; i++) {
      s += y[i];
    }
    return s / (to - from);
  }
}
