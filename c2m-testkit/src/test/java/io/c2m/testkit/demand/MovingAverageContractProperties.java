package io.c2m.testkit.demand;

import io.c2m.demand.DemandForecaster;

/** Runs the forecaster contract against {@code moving-average}. */
class MovingAverageContractProperties extends DemandForecasterContract {
  @Override
  protected DemandForecaster forecaster() {
    return DemandForecaster.movingAverage(7);
  }

  @Override
  protected int minLength() {
    return 1;
  }
}
