package io.c2m.demand.internal;

import io.c2m.demand.DemandForecast;
import io.c2m.demand.DemandForecaster;
import io.c2m.demand.DemandSeries;

/**
 * The value of the same period one season earlier. Quantiles assume normal errors with the
 * variance of the lag-{@code m} differences, times the number of whole seasons ahead, {@code
 * sigma^2 (floor((h-1)/m) + 1)} (Hyndman and Athanasopoulos 2021, section 5.5). Immutable and
 * thread-safe.
 */
public final class SeasonalNaive implements DemandForecaster {
  /** Default season length: a week of daily periods. */
  public static final int DEFAULT_SEASON = 7;

  private final int season;

  /**
   * Creates the forecaster.
   *
   * @param season the season length, at least 1
   */
  public SeasonalNaive(int season) {
    if (season < 1) {
      throw new IllegalArgumentException(
          "The season length (" + season + ") of seasonal-naive must be at least 1.");
    }
    this.season = season;
  }

  @Override
  public String name() {
    return "seasonal-naive";
  }

  @Override
  public DemandForecast forecast(DemandSeries history, int horizon) {
    Points.check(history, horizon, name(), season);
    double[] y = history.values();
    int n = y.length;
    int m = season;
    double sq = 0;
    for (int t = m; t < n; t++) {
      double d = y[t] - y[t - m];
      sq += d * d;
    }
    double sigma = n > m ? Math.sqrt(sq / (n - m)) : 0;
    double[] mean = new double[horizon];
    double[] sd = new double[horizon];
    for (int h = 1; h <= horizon; h++) {
      mean[h - 1] = y[n - m + (h - 1) % m];
      sd[h - 1] = sigma * Math.sqrt((h - 1) / m + 1);
    }
    return new DemandForecast(history.id(), name(), Points.normal(mean, sd));
  }
}
