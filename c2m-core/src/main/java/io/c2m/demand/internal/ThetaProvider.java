package io.c2m.demand.internal;

import io.c2m.demand.DemandForecaster;
import io.c2m.internal.Settings;

/**
 * Provides {@code "theta"}: the standard theta method (theta = 2), M3's winner (Fiorucci et al. 2016); setting {@code season} (default 1)
 * adjusts a seasonal series first.
 */
public final class ThetaProvider extends AbstractForecasterProvider {
  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public ThetaProvider() {
    super("theta", "the standard theta method (theta = 2), M3's winner");
  }

  @Override
  DemandForecaster build(Settings s) {
    return new Theta(Theta.Variant.STM, s.getInt("season", 1));
  }

  @Override
  public SeasonUse seasonUse() {
    return SeasonUse.OPTIONAL;
  }
}
