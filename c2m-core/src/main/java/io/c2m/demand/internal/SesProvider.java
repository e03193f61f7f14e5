package io.c2m.demand.internal;

import io.c2m.demand.DemandForecaster;
import io.c2m.internal.Settings;

/**
 * Provides {@code "ses"}: simple exponential smoothing with fitted alpha. Settings: {@code season}
 * (default 1) for seasonal
 * adjustment; {@code init}, {@code zero} (default) to start the states at zero or {@code fitted}
 * to fit the initial states with the constants.
 */
public final class SesProvider extends AbstractForecasterProvider {
  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public SesProvider() {
    super("ses", "simple exponential smoothing, fitted");
  }

  @Override
  DemandForecaster build(Settings s) {
    return EtsForecaster.ses(s.getInt("season", 1), zeroStart(s));
  }
}
