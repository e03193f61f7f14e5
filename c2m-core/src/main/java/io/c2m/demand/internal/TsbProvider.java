package io.c2m.demand.internal;

import io.c2m.demand.DemandForecaster;
import io.c2m.internal.Settings;

/**
 * Provides {@code "tsb"}: Teunter-Syntetos-Babai for intermittent and obsolescent demand; no
 * settings.
 */
public final class TsbProvider extends AbstractForecasterProvider {
  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public TsbProvider() {
    super("tsb", "Teunter-Syntetos-Babai, intermittent demand");
  }

  @Override
  DemandForecaster build(Settings s) {
    return new Intermittent(Intermittent.Variant.TSB);
  }
}
