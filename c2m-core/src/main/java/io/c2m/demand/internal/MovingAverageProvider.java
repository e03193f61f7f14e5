package io.c2m.demand.internal;

import io.c2m.demand.DemandForecaster;
import io.c2m.internal.Settings;

/** Provides {@code "moving-average"}; setting {@code window} (default 7). */
public final class MovingAverageProvider extends AbstractForecasterProvider {
  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public MovingAverageProvider() {
    super("moving-average", "mean of the last N periods with error-based quantiles");
  }

  @Override
  DemandForecaster build(Settings s) {
    return new MovingAverage(s.getInt("window", MovingAverage.DEFAULT_WINDOW));
  }
}
