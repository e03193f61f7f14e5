package io.c2m.testkit.demand;

import io.c2m.demand.DemandForecaster;

/** Runs the forecaster contract against {@code holt-damped}. */
class HoltDampedContractProperties extends DemandForecasterContract {
  @Override
  protected DemandForecaster forecaster() {
    return DemandForecaster.holtDamped(4);
  }

  @Override
  protected int minLength() {
    return 4;
  }
}
