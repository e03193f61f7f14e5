package io.c2m.testkit.demand;

import io.c2m.demand.DemandForecaster;
import net.jqwik.api.Arbitrary;

/** Runs the forecaster contract against {@code holt-winters-multiplicative}. */
class HoltWintersMultiplicativeContractProperties extends DemandForecasterContract {
  @Override
  protected DemandForecaster forecaster() {
    return DemandForecaster.holtWintersMultiplicative(4);
  }

  @Override
  protected int minLength() {
    return 8;
  }

  @Override
  protected Arbitrary<double[]> histories() {
    // The multiplicative season needs strictly positive demand.
    return super.histories().map(y -> {
      double[] p = y.clone();
      for (int t = 0; t < p.length; t++) {
        p[t] += 1;
      }
      return p;
    });
  }
}
