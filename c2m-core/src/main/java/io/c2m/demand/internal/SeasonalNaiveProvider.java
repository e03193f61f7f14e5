package io.c2m.demand.internal;

import io.c2m.demand.DemandForecaster;
import io.c2m.internal.Settings;

/**
 * Provides {@code "seasonal-naive"}: the value one season earlier; setting {@code season} (default
 * 7).
 */
public final class SeasonalNaiveProvider extends AbstractForecasterProvider {
  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public SeasonalNaiveProvider() {
    super("seasonal-naive", "value of the same period one season earlier");
  }

  @Override
  DemandForecaster build(Settings s) {
    return new SeasonalNaive(s.getInt("season", SeasonalNaive.DEFAULT_SEASON));
  }
}
