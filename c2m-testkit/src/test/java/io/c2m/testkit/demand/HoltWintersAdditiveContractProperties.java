package io.c2m.testkit.demand;

import io.c2m.demand.DemandForecaster;

/** Runs the forecaster contract against {@code holt-winters-additive}. */
class HoltWintersAdditiveContractProperties extends DemandForecasterContract {
  @Override
  protected DemandForecaster forecaster() {
    return DemandForecaster.holtWintersAdditive(4);
  }

  @Override
  protected int minLength() {
    return 8;
  }
}
