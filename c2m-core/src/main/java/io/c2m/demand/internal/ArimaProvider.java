package io.c2m.demand.internal;

import io.c2m.demand.DemandForecaster;
import io.c2m.internal.Settings;

/**
 * Provides {@code "arima"}: automatic non-seasonal ARIMA (KPSS differencing, stepwise AICc
 * search); setting {@code season} (default 1) adjusts a seasonal series first.
 */
public final class ArimaProvider extends AbstractForecasterProvider {
  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public ArimaProvider() {
    super("arima", "automatic ARIMA: KPSS differencing, stepwise AICc search");
  }

  @Override
  DemandForecaster build(Settings s) {
    return new Arima(s.getInt("season", 1));
  }

  @Override
  public SeasonUse seasonUse() {
    return SeasonUse.OPTIONAL;
  }
}
