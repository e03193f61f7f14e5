package io.c2m.demand.internal;

import io.c2m.demand.DemandForecaster;
import io.c2m.internal.Settings;

/**
 * Provides {@code "naive"}: the last value; setting {@code season} (default 1) adjusts a seasonal
 * series first (M3 NAIVE2).
 */
public final class NaiveProvider extends AbstractForecasterProvider {
  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public NaiveProvider() {
    super("naive", "last value, flat (seasonally adjusted with season > 1)");
  }

  @Override
  DemandForecaster build(Settings s) {
    return new Naive(s.getInt("season", 1));
  }
}
