package io.c2m.testkit.demand;

import io.c2m.demand.DemandForecaster;

/** Runs the forecaster contract against {@code auto} with conformal intervals. */
class ConformalAutoContractProperties extends DemandForecasterContract {
  @Override
  protected DemandForecaster forecaster() {
    return DemandForecaster.conformal(DemandForecaster.auto(4));
  }
}
