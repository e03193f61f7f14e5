package io.c2m.testkit.demand;

import io.c2m.demand.DemandForecaster;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

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
    // The multiplicative season needs demand well above zero that the model can describe: a
    // spiky or intermittent series drives its level to zero for every parameter value, and is
    // refused (HoltWintersMultiplicativeSpreadTest). Seasonal series around a positive level.
    return Combinators.combine(Arbitraries.integers().between(minLength(), 80),
        Arbitraries.doubles().between(50, 1000), Arbitraries.doubles().between(-0.5, 2),
        Arbitraries.doubles().between(0, 0.5), Arbitraries.doubles().between(0, 0.1))
        .as((n, level, slope, amp, noise) -> {
          double[] y = new double[n];
          for (int t = 0; t < n; t++) {
            double season = 1 + amp * Math.sin(2 * Math.PI * t / 4);
            y[t] = (level + slope * t) * season * (1 + noise * (((t * 7919) % 13) - 6) / 6.0);
          }
          return y;
        });
  }
}
