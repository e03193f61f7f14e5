package io.c2m.testkit.demand;

import io.c2m.demand.DemandForecaster;

/** Runs the forecaster contract against {@code dynamicOptimisedTheta} on quarterly-adjusted histories. */
class DotmContractProperties extends DemandForecasterContract {
  @Override
  protected DemandForecaster forecaster() {
    return DemandForecaster.dynamicOptimisedTheta(4);
  }
}
