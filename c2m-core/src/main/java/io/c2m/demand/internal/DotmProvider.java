package io.c2m.demand.internal;

import io.c2m.demand.DemandForecaster;
import io.c2m.internal.Settings;

/**
 * Provides {@code "dotm"}: the dynamic optimised theta model (Fiorucci et al. 2016); setting {@code season} (default 1)
 * adjusts a seasonal series first.
 */
public final class DotmProvider extends AbstractForecasterProvider {
  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public DotmProvider() {
    super("dotm", "the dynamic optimised theta model");
  }

  @Override
  DemandForecaster build(Settings s) {
    return new Theta(Theta.Variant.DOTM, s.getInt("season", 1));
  }

  @Override
  public SeasonUse seasonUse() {
    return SeasonUse.OPTIONAL;
  }
}
