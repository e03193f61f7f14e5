package io.c2m.demand.internal;

import io.c2m.InvalidConfigurationException;
import io.c2m.demand.DemandForecaster;
import io.c2m.demand.DemandForecasterProvider;
import io.c2m.internal.Settings;
import java.util.Map;

/** Provides {@code "moving-average"}; setting {@code window} (default 7). */
public final class MovingAverageProvider implements DemandForecasterProvider {
  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public MovingAverageProvider() {}

  @Override
  public String name() {
    return "moving-average";
  }

  @Override
  public String description() {
    return "mean of the last N periods with error-based quantiles";
  }

  @Override
  public DemandForecaster create(Map<String, String> settings) {
    Settings s = Settings.of(name(), settings);
    int window = s.getInt("window", MovingAverage.DEFAULT_WINDOW);
    s.requireAllRead();
    try {
      return new MovingAverage(window);
    } catch (IllegalArgumentException e) {
      throw new InvalidConfigurationException(e.getMessage(), e);
    }
  }
}
