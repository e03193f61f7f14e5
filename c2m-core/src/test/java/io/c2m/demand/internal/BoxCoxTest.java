package io.c2m.demand.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.demand.ForecastPoint;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-computed examples of the Box-Cox transform and Guerrero's choice of lambda. */
class BoxCoxTest {
  @Test
  void transformsAndTransformsBack() {
    BoxCox half = BoxCox.of(0.5);
    // (4^0.5 - 1) / 0.5 = 2, and back (0.5 * 2 + 1)^2 = 4.
    assertEquals(2.0, half.transform(4.0), 1e-12);
    assertEquals(4.0, half.inverse(2.0), 1e-12);
    BoxCox log = BoxCox.of(0);
    assertEquals(2.0, log.transform(Math.exp(2)), 1e-12);
    assertEquals(Math.exp(2), log.inverse(2.0), 1e-9);
    // Below the transform's range (0.5 w + 1 <= 0) the inverse is the smallest demand, 0.
    assertEquals(0.0, half.inverse(-3.0));
  }

  @Test
  void lambdaOutsideZeroToOneIsRefused() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> BoxCox.of(-0.3));
    assertTrue(e.getMessage().contains("-0.3") && e.getMessage().contains("between"),
        e.getMessage());
  }

  @Test
  void guerreroPicksTheLogWhenTheSpreadGrowsWithTheLevel() {
    // Subseries of period 2: means 10, 20, 40 and standard deviations sqrt(2) * 1, 2, 4, so
    // s / mu is constant: lambda = 0 makes the ratios s / mu^(1 - lambda) equal.
    double[] y = {9, 11, 18, 22, 36, 44};
    assertEquals(0.0, BoxCox.guerrero(y, 2), 1e-3);
    // A leading value that does not fill a subseries is left out.
    double[] longer = {1000, 9, 11, 18, 22, 36, 44};
    assertEquals(0.0, BoxCox.guerrero(longer, 2), 1e-3);
  }

  @Test
  void guerreroPicksTheSquareRootWhenTheSpreadGrowsWithItsRoot() {
    // Means 100, 400, 900; standard deviations sqrt(2) * 1, 2, 3 = sqrt(2) / 10 * sqrt(mu).
    double[] y = {99, 101, 398, 402, 897, 903};
    assertEquals(0.5, BoxCox.guerrero(y, 2), 1e-3);
    assertEquals(0.0, BoxCox.variation(y, 2, 0.5), 1e-12);
  }

  @Test
  void guerreroLeavesAConstantSpreadAlone() {
    // Standard deviation sqrt(2) in every subseries: lambda = 1, no transform but a shift.
    double[] y = {9, 11, 19, 21, 39, 41};
    assertEquals(1.0, BoxCox.guerrero(y, 2), 1e-3);
  }

  @Test
  void guerreroCriterionByHand() {
    // At lambda = 1 the ratios are the standard deviations sqrt(2) * {1, 2, 4}: mean
    // 7 sqrt(2) / 3, sample standard deviation sqrt(2) * sqrt(42) / 3, so the coefficient of
    // variation is sqrt(42) / 7 / sqrt(2) = sqrt(21) / 7.
    double[] y = {9, 11, 18, 22, 36, 44};
    assertEquals(Math.sqrt(21) / 7, BoxCox.variation(y, 2, 1.0), 1e-12);
  }

  @Test
  void pointsAreTheQuantilesTransformedBackAndTheBiasAdjustedMean() {
    BoxCox half = BoxCox.of(0.5);
    List<ForecastPoint> p = half.points("m", "s", new double[] {2.0}, new double[] {1.0});
    ForecastPoint f = p.get(0);
    // Median: (0.5 * 2 + 1)^2 = 4. Mean (FPP3 5.6): 4 * (1 + 1 * 0.5 / (2 * 2^2)) = 4.25.
    assertEquals(4.0, f.p50(), 1e-12);
    assertEquals(4.25, f.mean(), 1e-12);
    double z = Points.Z90;
    assertEquals(Math.pow(0.5 * (2 - z) + 1, 2), f.p10(), 1e-12);
    assertEquals(Math.pow(0.5 * (2 + z) + 1, 2), f.p90(), 1e-12);
  }

  @Test
  void seriesThatCannotBeTransformedSayWhy() {
    double[] shortSeries = new double[20];
    java.util.Arrays.fill(shortSeries, 5);
    BoxCox a = BoxCox.forSeries(shortSeries, 12);
    assertFalse(a.active());
    assertEquals("none: history of 20 period(s), shorter than three seasons (36)",
        a.describe());
    double[] withZero = new double[40];
    for (int t = 0; t < withZero.length; t++) {
      withZero[t] = t % 4 == 0 ? 0 : 10 + t % 4;
    }
    assertEquals("none: not strictly positive", BoxCox.forSeries(withZero, 4).describe());
    double[] flat = new double[24];
    for (int t = 0; t < flat.length; t++) {
      flat[t] = 100 + 2 * t + (t % 2 == 0 ? 0.3 : -0.3);
    }
    assertEquals("none: not significantly seasonal", BoxCox.forSeries(flat, 4).describe());
    assertEquals("none: no season", BoxCox.forSeries(flat, 1).describe());
  }

  @Test
  void aSeasonalSeriesGetsGuerrerosLambda() {
    // Quarterly swings proportional to the level: Guerrero's lambda is near the logarithm.
    double[] pattern = {0.7, 1.2, 1.3, 0.8};
    double[] y = new double[32];
    for (int t = 0; t < y.length; t++) {
      y[t] = 100 * Math.pow(1.05, t) * pattern[t % 4];
    }
    BoxCox b = BoxCox.forSeries(y, 4);
    assertTrue(b.active());
    assertEquals(0.0, b.lambda(), 1e-3);
    assertEquals(b.lambda(), BoxCox.guerrero(y, 4));
  }

  @Test
  void positivePrefixStopsAtTheFirstNonPositiveValue() {
    assertEquals(2, BoxCox.positivePrefix(new double[] {1, 2, 0, 3}));
    assertEquals(0, BoxCox.positivePrefix(new double[] {-1, 2}));
    assertEquals(3, BoxCox.positivePrefix(new double[] {1, 2, 3}));
  }
}
