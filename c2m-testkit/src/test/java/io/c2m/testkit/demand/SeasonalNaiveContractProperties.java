package io.c2m.testkit.demand;

import io.c2m.demand.DemandForecaster;

/** Runs the forecaster contract against {@code seasonal-naive}. */
class SeasonalNaiveContractProperties extends DemandForecasterContract {
  @Override
  protected DemandForecaster forecaster() {
    return DemandForecaster.seasonalNaive(7);
  }

  @Override
  protected int minLength() {
    return 7;
  }
}
