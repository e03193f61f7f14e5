package io.c2m.demand.internal;

import io.c2m.demand.DemandForecaster;
import io.c2m.internal.Settings;

/**
 * Provides {@code "sba"}: the Syntetos-Boylan approximation for intermittent demand; no settings.
 */
public final class SbaProvider extends AbstractForecasterProvider {
  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public SbaProvider() {
    super("sba", "Syntetos-Boylan approximation, intermittent demand");
  }

  @Override
  DemandForecaster build(Settings s) {
    return new Intermittent(Intermittent.Variant.SBA);
  }
}
