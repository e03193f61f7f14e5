package io.c2m.demand.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** AICc of a fit read on the original scale of a Box-Cox transformed series. */
class EtsFitJacobianTest {
  @Test
  void addsTheLogJacobianAndOneParameterForLambda() {
    double[] y = new double[30];
    for (int t = 0; t < y.length; t++) {
      y[t] = 50 + t + (t % 3) * 2;
    }
    EtsFit fit = new Ets(Ets.Error.ADDITIVE, Ets.Trend.ADDITIVE, Ets.Season.NONE, 1, false)
        .fit(y);
    int k = fit.parameters();
    int n = fit.n();
    assertEquals(fit.aicc(), fit.aicc(0, 0), 0);
    // One more parameter: 2 more in AIC, and the small-sample term 2k(k+1)/(n-k-1) at k + 1.
    double expected = fit.aicc() + 7.5 + 2
        + 2.0 * (k + 1) * (k + 2) / (n - k - 2) - 2.0 * k * (k + 1) / (n - k - 1);
    assertEquals(expected, fit.aicc(1, 7.5), 1e-9);
  }
}
