package io.c2m.demand.internal;

import io.c2m.demand.DemandForecaster;
import io.c2m.internal.Settings;

/**
 * Provides {@code "otm"}: the optimised theta model (theta fitted) (Fiorucci et al. 2016); setting {@code season} (default 1)
 * adjusts a seasonal series first.
 */
public final class OtmProvider extends AbstractForecasterProvider {
  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public OtmProvider() {
    super("otm", "the optimised theta model (theta fitted)");
  }

  @Override
  DemandForecaster build(Settings s) {
    return new Theta(Theta.Variant.OTM, s.getInt("season", 1));
  }

  @Override
  public SeasonUse seasonUse() {
    return SeasonUse.OPTIONAL;
  }
}
