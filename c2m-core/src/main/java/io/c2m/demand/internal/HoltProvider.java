package io.c2m.demand.internal;

import io.c2m.demand.DemandForecaster;
import io.c2m.internal.Settings;

/**
 * Provides {@code "holt"}: Holt's linear trend with fitted parameters. Settings: {@code season}
 * (default 1) for seasonal
 * adjustment; {@code init}, {@code zero} (default) to start the states at zero or {@code fitted}
 * to fit the initial states with the constants.
 */
public final class HoltProvider extends AbstractForecasterProvider {
  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public HoltProvider() {
    super("holt", "Holt linear trend, fitted");
  }

  @Override
  DemandForecaster build(Settings s) {
    return EtsForecaster.holt(s.getInt("season", 1), zeroStart(s));
  }
}
