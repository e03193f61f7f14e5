package io.c2m.demand.internal;

import io.c2m.demand.DemandForecaster;
import io.c2m.internal.Settings;

/**
 * Provides {@code "holt-winters-additive"}: Holt-Winters with additive season; setting {@code
 * season} (default 7).
 */
public final class HoltWintersAdditiveProvider extends AbstractForecasterProvider {
  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public HoltWintersAdditiveProvider() {
    super("holt-winters-additive", "Holt-Winters, additive season, fitted");
  }

  @Override
  DemandForecaster build(Settings s) {
    return EtsForecaster.holtWintersAdditive(s.getInt("season", SeasonalNaive.DEFAULT_SEASON));
  }
}
