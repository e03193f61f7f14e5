package io.c2m.demand.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class EtsTest {
  /** Simulates ETS(A,N,N): l' = l + alpha e, y = l + e, e ~ N(0, sigma). */
  private static double[] simulateSes(double alpha, double sigma, int n, long seed) {
    Random r = new Random(seed);
    double l = 100;
    double[] y = new double[n];
    for (int t = 0; t < n; t++) {
      double e = sigma * r.nextGaussian();
      y[t] = l + e;
      l += alpha * e;
    }
    return y;
  }

  @Test
  void sesRecoversTheSmoothingConstantOfASimulatedSeries() {
    for (double alpha : new double[] {0.2, 0.5, 0.8}) {
      double[] y = simulateSes(alpha, 1.0, 3000, 42);
      EtsFit fit = new Ets(Ets.Trend.NONE, Ets.Season.NONE, 1, false).fit(y);
      assertEquals(alpha, fit.alpha(), 0.06, "alpha " + alpha);
      // The residual standard deviation estimates the simulated sigma of 1.
      assertEquals(1.0, Math.sqrt(fit.sigma2()), 0.05);
    }
  }

  @Test
  void holtRecoversBothConstantsOfASimulatedSeries() {
    Random r = new Random(7);
    double alpha = 0.5;
    double beta = 0.2;
    double l = 50;
    double b = 1;
    double[] y = new double[4000];
    for (int t = 0; t < y.length; t++) {
      double e = r.nextGaussian();
      y[t] = l + b + e;
      l = l + b + alpha * e;
      b = b + beta * e;
    }
    EtsFit fit = new Ets(Ets.Trend.ADDITIVE, Ets.Season.NONE, 1, false).fit(y);
    assertEquals(alpha, fit.alpha(), 0.07);
    assertEquals(beta, fit.beta(), 0.07);
  }

  @Test
  void theDefaultZeroStartFavoursFastAdaptation() {
    // Documented bias of the default: the warm-up errors from a zero start push alpha up.
    double[] y = simulateSes(0.2, 1.0, 3000, 42);
    double zero = new Ets(Ets.Trend.NONE, Ets.Season.NONE, 1, true).fit(y).alpha();
    double fitted = new Ets(Ets.Trend.NONE, Ets.Season.NONE, 1, false).fit(y).alpha();
    assertTrue(zero > fitted, zero + " > " + fitted);
  }

  @Test
  void sesVarianceGrowsAsInTheClosedForm() {
    // Hyndman et al. (2008), table 6.1: var_h = sigma^2 (1 + (h - 1) alpha^2) for ETS(A,N,N).
    double[] y = simulateSes(0.4, 2.0, 500, 3);
    EtsFit fit = new Ets(Ets.Trend.NONE, Ets.Season.NONE, 1).fit(y);
    double[] sd = fit.sds(6);
    for (int h = 1; h <= 6; h++) {
      double expected = Math.sqrt(fit.sigma2() * (1 + (h - 1) * fit.alpha() * fit.alpha()));
      assertEquals(expected, sd[h - 1], 1e-9);
    }
  }

  @Test
  void holtVarianceGrowsAsInTheClosedForm() {
    // Table 6.1 for ETS(A,A,N): var_h = sigma^2 [1 + (h-1){alpha^2 + alpha beta h
    // + beta^2 h (2h - 1) / 6}].
    double[] y = new double[200];
    Random r = new Random(11);
    for (int t = 0; t < y.length; t++) {
      y[t] = 20 + 0.5 * t + 3 * r.nextGaussian();
    }
    EtsFit fit = new Ets(Ets.Trend.ADDITIVE, Ets.Season.NONE, 1).fit(y);
    double a = fit.alpha();
    double b = fit.beta();
    double[] sd = fit.sds(8);
    for (int h = 1; h <= 8; h++) {
      double v = fit.sigma2() * (1 + (h - 1) * (a * a + a * b * h + b * b * h * (2 * h - 1) / 6.0));
      assertEquals(Math.sqrt(v), sd[h - 1], 1e-9 * Math.sqrt(v));
    }
  }

  @Test
  void dampedForecastIncrementsShrinkByPhi() {
    double[] y = new double[40];
    for (int t = 0; t < y.length; t++) {
      y[t] = 10 + 3 * t + (t % 2 == 0 ? 1 : -1);
    }
    EtsFit fit = new Ets(Ets.Trend.DAMPED, Ets.Season.NONE, 1).fit(y);
    double[] f = fit.means(5);
    for (int h = 2; h < 5; h++) {
      double ratio = (f[h] - f[h - 1]) / (f[h - 1] - f[h - 2]);
      assertEquals(fit.phi(), ratio, 1e-9);
    }
    assertTrue(fit.phi() >= 0.8 && fit.phi() <= 0.98, "phi in its bounds: " + fit.phi());
  }

  @Test
  void parametersStayInTheUsualRegion() {
    double[] y = simulateSes(0.9, 5, 100, 5);
    for (Ets.Trend trend : Ets.Trend.values()) {
      EtsFit fit = new Ets(trend, Ets.Season.NONE, 1).fit(y);
      assertTrue(fit.alpha() >= 1e-4 && fit.alpha() <= 0.9999, "alpha " + fit.alpha());
      assertTrue(fit.beta() >= 0 && fit.beta() <= fit.alpha(), "beta " + fit.beta());
    }
  }
}
