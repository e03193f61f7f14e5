package io.c2m.demand.internal;

import io.c2m.demand.DemandForecaster;
import io.c2m.internal.Settings;

/**
 * Provides {@code "holt-damped"}: additive damped trend with fitted parameters. Settings: {@code
 * season} (default 1) for seasonal
 * adjustment; {@code init}, {@code zero} (default) to start the states at zero or {@code fitted}
 * to fit the initial states with the constants.
 */
public final class HoltDampedProvider extends AbstractForecasterProvider {
  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public HoltDampedProvider() {
    super("holt-damped", "damped trend exponential smoothing, fitted");
  }

  @Override
  DemandForecaster build(Settings s) {
    return EtsForecaster.holtDamped(s.getInt("season", 1), zeroStart(s));
  }
}
