package io.c2m.demand.internal;

import io.c2m.demand.DemandForecaster;
import io.c2m.internal.Settings;

/**
 * Provides {@code "ets"}: the exponential smoothing state-space family fitted by maximum
 * likelihood, the model chosen by AICc; setting {@code season} (default 1) for seasonal models.
 */
public final class EtsProvider extends AbstractForecasterProvider {
  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public EtsProvider() {
    super("ets", "exponential smoothing state-space family chosen by AICc");
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
