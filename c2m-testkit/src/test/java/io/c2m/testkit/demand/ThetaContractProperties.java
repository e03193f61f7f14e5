package io.c2m.testkit.demand;

import io.c2m.demand.DemandForecaster;

/** Runs the forecaster contract against {@code theta} on quarterly-adjusted histories. */
class ThetaContractProperties extends DemandForecasterContract {
  @Override
  protected DemandForecaster forecaster() {
    return DemandForecaster.theta(4);
  }
}
