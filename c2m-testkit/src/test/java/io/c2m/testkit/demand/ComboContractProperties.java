package io.c2m.testkit.demand;

import io.c2m.demand.DemandForecaster;

/** Runs the forecaster contract against {@code combo} on quarterly-adjusted histories. */
class ComboContractProperties extends DemandForecasterContract {
  @Override
  protected DemandForecaster forecaster() {
    return DemandForecaster.combo(4);
  }
}
