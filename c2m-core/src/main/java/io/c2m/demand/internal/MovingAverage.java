package io.c2m.demand.internal;

import io.c2m.demand.DemandForecast;
import io.c2m.demand.DemandForecaster;
import io.c2m.demand.DemandSeries;
import io.c2m.demand.ForecastPoint;
import java.util.ArrayList;
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

  private static final double Z90 = 1.2815515655446004;

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
    if (horizon < 1) {
      throw new IllegalArgumentException(
          "The horizon (" + horizon + ") for series " + history.id() + " must be at least 1.");
    }
    int n = history.length();
    if (n == 0) {
      throw new IllegalArgumentException(
          "The series " + history.id() + " is empty; moving-average needs at least 1 period.");
    }
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
    List<ForecastPoint> points = new ArrayList<>(horizon);
    for (int h = 1; h <= horizon; h++) {
      double lo = Math.max(0, mean - Z90 * sigma);
      double hi = mean + Z90 * sigma;
      points.add(new ForecastPoint(h, mean, lo, mean, hi));
    }
    return new DemandForecast(history.id(), name(), points);
  }

  private static double mean(double[] y, int from, int to) {
    double s = 0;
    for (int i = from; i < to; i++) {
      s += y[i];
    }
    return s / (to - from);
  }
}
