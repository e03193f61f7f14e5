package io.c2m.testkit.demand;

import io.c2m.demand.DemandForecaster;

/** Runs the forecaster contract against {@code croston}. */
class CrostonContractProperties extends DemandForecasterContract {
  @Override
  protected DemandForecaster forecaster() {
    return DemandForecaster.croston();
  }

  @Override
  protected int minLength() {
    return 2;
  }
}
