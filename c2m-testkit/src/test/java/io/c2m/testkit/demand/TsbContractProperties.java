package io.c2m.testkit.demand;

import io.c2m.demand.DemandForecaster;

/** Runs the forecaster contract against {@code tsb}. */
class TsbContractProperties extends DemandForecasterContract {
  @Override
  protected DemandForecaster forecaster() {
    return DemandForecaster.tsb();
  }

  @Override
  protected int minLength() {
    return 2;
  }
}
