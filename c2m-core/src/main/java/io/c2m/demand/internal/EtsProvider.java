package io.c2m.demand.internal;

import io.c2m.demand.DemandForecaster;
import io.c2m.internal.Settings;

/**
 * Provides {@code "ets"}: ses, holt or holt-damped chosen by AICc; setting {@code season}
 * (default 1) adjusts a seasonal series first.
 */
public final class EtsProvider extends AbstractForecasterProvider {
  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public EtsProvider() {
    super("ets", "exponential smoothing chosen by AICc (ses, holt, holt-damped)");
  }

  @Override
  DemandForecaster build(Settings s) {
    return new EtsSelect(s.getInt("season", 1));
  }

  @Override
  public SeasonUse seasonUse() {
    return SeasonUse.OPTIONAL;
  }
}
