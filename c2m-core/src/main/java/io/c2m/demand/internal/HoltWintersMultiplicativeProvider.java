package io.c2m.demand.internal;

import io.c2m.demand.DemandForecaster;
import io.c2m.internal.Settings;

/**
 * Provides {@code "holt-winters-multiplicative"}: Holt-Winters with multiplicative season; setting
 * {@code season} (default 7).
 */
public final class HoltWintersMultiplicativeProvider extends AbstractForecasterProvider {
  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public HoltWintersMultiplicativeProvider() {
    super("holt-winters-multiplicative", "Holt-Winters, multiplicative season, fitted");
  }

  @Override
  DemandForecaster build(Settings s) {
    return EtsForecaster.holtWintersMultiplicative(
        s.getInt("season", SeasonalNaive.DEFAULT_SEASON));
  }
}
