package io.c2m.demand.internal;

import io.c2m.demand.DemandForecast;
import io.c2m.demand.DemandForecaster;
import io.c2m.demand.DemandSeries;

/**
 * The last value, flat over the horizon (a random walk). Given a season length above 1 a
 * significantly seasonal series is adjusted first, which makes it the M3 competition's {@code
 * NAIVE2} (Makridakis and Hibon 2000). Quantiles assume normal errors with the variance of the
 * one-step differences growing linearly with the step, {@code sigma^2 h} (Hyndman and
 * Athanasopoulos 2021, "Forecasting: Principles and Practice", 3rd ed., section 5.5). Immutable
 * and thread-safe.
 */
public final class Naive implements DemandForecaster {
  private final int season;

  /**
   * Creates the forecaster.
   *
   * @param season the season length for adjustment, 1 for none
   */
  public Naive(int season) {
    if (season < 1) {
      throw new IllegalArgumentException(
          "The season length (" + season + ") of naive must be at least 1.");
    }
    this.season = season;
  }

  @Override
  public String name() {
    return "naive";
  }

  @Override
  public DemandForecast forecast(DemandSeries history, int horizon) {
    Points.check(history, horizon, name(), 1);
    double[] raw = history.values();
    SeasonalAdjustment adj = SeasonalAdjustment.of(raw, season);
    double[] y = adj.adjust(raw);
    int n = y.length;
    double sq = 0;
    for (int t = 1; t < n; t++) {
      double d = y[t] - y[t - 1];
      sq += d * d;
    }
    double sigma = n > 1 ? Math.sqrt(sq / (n - 1)) : 0;
    double[] mean = new double[horizon];
    double[] sd = new double[horizon];
    for (int h = 1; h <= horizon; h++) {
      mean[h - 1] = y[n - 1];
      sd[h - 1] = sigma * Math.sqrt(h);
    }
    adj.reseasonalize(mean, n);
    adj.reseasonalizeSpread(sd, n);
    return new DemandForecast(history.id(), name(),
        Points.normal(name(), history.id(), mean, sd), io.c2m.Provenance.builtIn(name(), 0,
            java.util.Map.of("season", Integer.toString(season))));
  }
}
