package io.c2m.demand.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SeasonalityTest {
  private static final double[] PATTERN = {0.8, 1.1, 1.3, 0.8};

  private static double[] seasonal(int years, double growth) {
    double[] y = new double[4 * years];
    for (int t = 0; t < y.length; t++) {
      y[t] = (100 + growth * t) * PATTERN[t % 4];
    }
    return y;
  }

  @Test
  void detectsAStrongQuarterlyPattern() {
    assertTrue(Seasonality.isSeasonal(seasonal(6, 0), 4));
  }

  @Test
  void aTrendAloneIsNotSeasonal() {
    double[] y = new double[24];
    for (int t = 0; t < y.length; t++) {
      y[t] = 100 + 2 * t + (t % 2 == 0 ? 0.3 : -0.3);
    }
    assertFalse(Seasonality.isSeasonal(y, 4));
  }

  @Test
  void shortSeriesAreNeverSeasonal() {
    // Fewer than three seasons: not tested, as in the M3 convention.
    assertFalse(Seasonality.isSeasonal(seasonal(2, 0), 4));
  }

  @Test
  void recoversMultiplicativeIndicesOfAFlatSeries() {
    // With a constant level the centred moving average is the level, so the ratios are the
    // pattern itself (which already has mean 1).
    double[] idx = Seasonality.multiplicativeIndices(seasonal(5, 0), 4).orElseThrow();
    assertArrayEquals(PATTERN, idx, 1e-12);
  }

  @Test
  void recoversAdditiveIndices() {
    double[] y = new double[20];
    double[] add = {-5, 2, 6, -3};
    for (int t = 0; t < y.length; t++) {
      y[t] = 50 + 0.5 * t + add[t % 4];
    }
    // A linear trend passes through a centred moving average unchanged.
    assertArrayEquals(add, Seasonality.additiveIndices(y, 4).orElseThrow(), 1e-9);
  }
}
