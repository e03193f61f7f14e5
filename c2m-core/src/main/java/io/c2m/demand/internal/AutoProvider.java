package io.c2m.demand.internal;

import io.c2m.demand.DemandForecaster;
import io.c2m.internal.Settings;

/**
 * Provides {@code "auto"}: {@code combo}, or the Croston family for intermittent series; setting
 * {@code season} (default 1) for seasonal adjustment.
 */
public final class AutoProvider extends AbstractForecasterProvider {
  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public AutoProvider() {
    super("auto", "combo of ets, arima and theta; Croston family when intermittent");
  }

  @Override
  DemandForecaster build(Settings s) {
    return new Auto(s.getInt("season", 1));
  }

  @Override
  public SeasonUse seasonUse() {
    return SeasonUse.OPTIONAL;
  }
}
