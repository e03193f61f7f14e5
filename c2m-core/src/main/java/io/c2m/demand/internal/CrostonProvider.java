package io.c2m.demand.internal;

import io.c2m.demand.DemandForecaster;
import io.c2m.internal.Settings;

/** Provides {@code "croston"}: Croston's method for intermittent demand; no settings. */
public final class CrostonProvider extends AbstractForecasterProvider {
  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public CrostonProvider() {
    super("croston", "Croston, intermittent demand");
  }

  @Override
  DemandForecaster build(Settings s) {
    return new Intermittent(Intermittent.Variant.CROSTON);
  }
}
