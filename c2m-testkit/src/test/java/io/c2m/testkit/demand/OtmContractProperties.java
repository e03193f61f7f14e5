package io.c2m.testkit.demand;

import io.c2m.demand.DemandForecaster;

/** Runs the forecaster contract against {@code optimisedTheta} on quarterly-adjusted histories. */
class OtmContractProperties extends DemandForecasterContract {
  @Override
  protected DemandForecaster forecaster() {
    return DemandForecaster.optimisedTheta(4);
  }
}
