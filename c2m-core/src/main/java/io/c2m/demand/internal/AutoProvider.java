package io.c2m.demand.internal;

import io.c2m.demand.DemandForecaster;
import io.c2m.internal.Settings;

/**
 * Provides {@code "auto"}: chooses a method per series; setting {@code season} (default 1) for
 * seasonal adjustment.
 */
public final class AutoProvider extends AbstractForecasterProvider {
  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public AutoProvider() {
    super("auto", "chooses per series by AICc (intermittent: by in-sample MSE)");
  }

  @Override
  DemandForecaster build(Settings s) {
    return new Auto(s.getInt("season", 1));
  }
}
