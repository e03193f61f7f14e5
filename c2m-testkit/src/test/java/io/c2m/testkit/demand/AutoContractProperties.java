package io.c2m.testkit.demand;

import io.c2m.demand.DemandForecaster;

/** Runs the forecaster contract against {@code auto}. */
class AutoContractProperties extends DemandForecasterContract {
  @Override
  protected DemandForecaster forecaster() {
    return DemandForecaster.auto(12);
  }

  @Override
  protected int minLength() {
    return 1;
  }
}
