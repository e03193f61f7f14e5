package io.c2m.demand.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.demand.DemandForecast;
import io.c2m.demand.DemandSeries;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The full exponential smoothing family: restrictions, likelihood, estimation and selection. */
class EtsFamilyTest {
  private static List<String> labels(int n, int m, boolean positive) {
    return EtsFamily.candidates(n, m, positive).stream().map(EtsFamily::label).toList();
  }

  @Test
  void offersTheFifteenModelsOfTheRestrictedFamily() {
    assertEquals(List.of("ETS(A,N,N)", "ETS(A,A,N)", "ETS(A,Ad,N)", "ETS(M,N,N)", "ETS(M,A,N)",
        "ETS(M,Ad,N)", "ETS(A,N,A)", "ETS(A,A,A)", "ETS(A,Ad,A)", "ETS(M,N,A)", "ETS(M,A,A)",
        "ETS(M,Ad,A)", "ETS(M,N,M)", "ETS(M,A,M)", "ETS(M,Ad,M)"), labels(100, 4, true));
    // No season length: the six non-seasonal models.
    assertEquals(6, labels(100, 1, true).size());
    // A zero in the data: no multiplicative error or season.
    assertEquals(List.of("ETS(A,N,N)", "ETS(A,A,N)", "ETS(A,Ad,N)", "ETS(A,N,A)", "ETS(A,A,A)",
        "ETS(A,Ad,A)"), labels(100, 4, false));
    // Two seasons plus the parameters: ETS(M,Ad,M) with m = 12 counts alpha, beta, gamma, phi,
    // l0, b0, 11 seasonal states and sigma (18), so it needs 24 + 18 = 42 periods.
    assertTrue(labels(42, 12, true).contains("ETS(M,Ad,M)"));
    assertFalse(labels(41, 12, true).contains("ETS(M,Ad,M)"));
    assertTrue(labels(41, 12, true).contains("ETS(M,N,M)"));
    // Too short for AICc: ETS(A,N,N) counts alpha, l0 and sigma and needs 5 periods.
    assertEquals(List.of(), labels(4, 1, true));
    assertEquals(List.of("ETS(A,N,N)", "ETS(M,N,N)"), labels(5, 1, true));
  }

  @Test
  void multiplicativeErrorLikelihoodMatchesTheHandComputation() {
    // ETS(M,N,N), alpha 0.5, l0 10, on 11, 9, 12: fitted values 10, 10.5, 9.75 (the level moves
    // half way to each value), relative errors 0.1, -1.5 / 10.5, 2.25 / 9.75.
    Ets model = new Ets(Ets.Error.MULTIPLICATIVE, Ets.Trend.NONE, Ets.Season.NONE, 1, false);
    double[] stats = new double[4];
    double[] states = new double[2];
    double obj = model.run(new double[] {11, 9, 12}, new double[] {0.5, 0, 0, 1, 10, 0},
        new double[] {0}, new double[1], states, 0, stats);
    double r1 = 0.1;
    double r2 = -1.5 / 10.5;
    double r3 = 2.25 / 9.75;
    double rel = r1 * r1 + r2 * r2 + r3 * r3;
    double logs = Math.log(10) + Math.log(10.5) + Math.log(9.75);
    assertEquals(rel, stats[1], 1e-12);
    assertEquals(logs, stats[2], 1e-12);
    assertEquals(1 + 2.25 + 2.25 * 2.25, stats[0], 1e-12);
    assertEquals(3 * Math.log(rel) + 2 * logs, obj, 1e-12);
    assertEquals(10.875, states[0], 1e-12);
    // The additive-error model shares the recursions; its objective is the sum of squares.
    Ets additive = new Ets(Ets.Error.ADDITIVE, Ets.Trend.NONE, Ets.Season.NONE, 1, false);
    assertEquals(1 + 2.25 + 2.25 * 2.25, additive.run(new double[] {11, 9, 12},
        new double[] {0.5, 0, 0, 1, 10, 0}, new double[] {0}, new double[1], null, 0, null),
        1e-12);
  }

  /** Simulates ETS(A,A,N) with alpha 0.5 and beta 0.2 (Hyndman et al. 2008, table 2.3). */
  private static double[] simulateAan(int n, long seed) {
    Random r = new Random(seed);
    double l = 50;
    double b = 1;
    double[] y = new double[n];
    for (int t = 0; t < n; t++) {
      double e = r.nextGaussian();
      y[t] = l + b + e;
      l = l + b + 0.5 * e;
      b = b + 0.2 * e;
    }
    return y;
  }

  /** Simulates ETS(M,N,M): y = l s (1 + e), l' = l (1 + alpha e), s' = s (1 + gamma e). */
  private static double[] simulateMnm(double alpha, double gamma, double sigma, int n,
      long seed) {
    Random r = new Random(seed);
    double l = 100;
    double[] s = {0.7, 1.0, 1.4, 0.9};
    double[] y = new double[n];
    for (int t = 0; t < n; t++) {
      double e = sigma * r.nextGaussian();
      int j = t % 4;
      y[t] = l * s[j] * (1 + e);
      l = l * (1 + alpha * e);
      s[j] = s[j] * (1 + gamma * e);
    }
    return y;
  }

  @Test
  void maximumLikelihoodRecoversTheParametersOfSimulatedModels() {
    EtsFit aan = new Ets(Ets.Error.ADDITIVE, Ets.Trend.ADDITIVE, Ets.Season.NONE, 1, false,
        false).fit(simulateAan(4000, 7));
    assertEquals(0.5, aan.alpha(), 0.07);
    assertEquals(0.2, aan.beta(), 0.07);
    assertEquals(1.0, Math.sqrt(aan.sigma2()), 0.05);
    EtsFit mnm = new Ets(Ets.Error.MULTIPLICATIVE, Ets.Trend.NONE, Ets.Season.MULTIPLICATIVE,
        4, false, false).fit(simulateMnm(0.3, 0.1, 0.03, 2000, 11));
    assertEquals(0.3, mnm.alpha(), 0.07);
    assertEquals(0.1, mnm.gamma(), 0.07);
    // sigma is relative: 3% of the level.
    assertEquals(0.03, Math.sqrt(mnm.sigma2()), 0.005);
  }

  @Test
  void aiccPicksTheSimulatedStructure() {
    EtsSelect ets = new EtsSelect(4);
    // A trend with innovations in its slope: a trended model wins over the level-only ones.
    double[] aanY = simulateAan(200, 3);
    EtsFit best = ets.select(aanY);
    assertTrue(best.model().trend != Ets.Trend.NONE, EtsFamily.label(best.model()));
    EtsFit ann = new Ets(Ets.Error.ADDITIVE, Ets.Trend.NONE, Ets.Season.NONE, 1, false, false)
        .fit(aanY);
    assertTrue(best.aicc() < ann.aicc());
    // A strong multiplicative season: a seasonal model, with multiplicative error.
    EtsFit mnm = ets.select(simulateMnm(0.3, 0.05, 0.03, 120, 5));
    assertEquals(Ets.Season.MULTIPLICATIVE, mnm.model().season, EtsFamily.label(mnm.model()));
    assertEquals(Ets.Error.MULTIPLICATIVE, mnm.model().error);
  }

  @Test
  void fromTheLastOriginTheStatesAreThoseOfTheFit() {
    double[] y = simulateMnm(0.3, 0.1, 0.03, 60, 2);
    EtsFit fit = new EtsSelect(4).select(y);
    EtsFit again = fit.atOrigin(y, y.length);
    assertEquals(fit.level(), again.level(), 1e-9 * Math.abs(fit.level()));
    assertEquals(fit.slope(), again.slope(), 1e-9 * (1 + Math.abs(fit.slope())));
    double[] a = fit.means(8);
    double[] b = again.means(8);
    for (int h = 0; h < 8; h++) {
      assertEquals(a[h], b[h], 1e-9 * Math.abs(a[h]));
    }
  }

  @Test
  void aSeriesTooShortForEverySeasonalModelFallsBackToNonSeasonalOnes() {
    // 12 quarters: no seasonal model has two seasons plus its parameters.
    double[] y = new double[12];
    for (int t = 0; t < y.length; t++) {
      y[t] = 100 + 10 * (t % 4) + t;
    }
    EtsSelect ets = new EtsSelect(4);
    String chosen = ets.choose(new DemandSeries("q", y));
    assertTrue(chosen.endsWith(",N)"), chosen);
    DemandForecast f = ets.forecast(new DemandSeries("q", y), 4);
    assertEquals(chosen, f.provenance().settings().get("chosen"));
  }
}
