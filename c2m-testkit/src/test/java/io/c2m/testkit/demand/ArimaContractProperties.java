package io.c2m.testkit.demand;

import io.c2m.demand.DemandForecaster;

/** Runs the forecaster contract against {@code arima} on quarterly-adjusted histories. */
class ArimaContractProperties extends DemandForecasterContract {
  @Override
  protected DemandForecaster forecaster() {
    return DemandForecaster.arima(4);
  }
}
