package io.c2m.testkit.demand;

import io.c2m.demand.DemandForecaster;

/** Runs the forecaster contract against {@code naive}. */
class NaiveContractProperties extends DemandForecasterContract {
  @Override
  protected DemandForecaster forecaster() {
    return DemandForecaster.naive(4);
  }

  @Override
  protected int minLength() {
    return 1;
  }
}
