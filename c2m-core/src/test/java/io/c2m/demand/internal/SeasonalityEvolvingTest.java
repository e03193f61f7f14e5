package io.c2m.demand.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The evolving additive season ({@link Seasonality#evolvingAdditive}). */
class SeasonalityEvolvingTest {
  private static final double[] PATTERN = {3, -1, -4, 2};

  @Test
  void aFixedPatternOnALinearTrendIsRecoveredExactly() {
    // The centred 2 x 4 moving average of a line plus a zero-sum quarterly pattern is the line,
    // so the detrended values are the pattern and every local mean of it is the pattern.
    double[] y = new double[24];
    for (int t = 0; t < y.length; t++) {
      y[t] = 10 + 0.5 * t + PATTERN[t % 4];
    }
    double[] s = Seasonality.evolvingAdditive(y, 4, 11).orElseThrow();
    for (int t = 0; t < y.length; t++) {
      assertEquals(PATTERN[t % 4], s[t], 1e-9, "period " + t);
    }
  }

  @Test
  void aGrowingPatternWeighsTheRecentSeasonsMore() {
    // The swing grows from 1 to 3 times the pattern over eight years.
    double[] y = new double[32];
    for (int t = 0; t < y.length; t++) {
      y[t] = 100 + (1 + 2.0 * (t / 4) / 7) * PATTERN[t % 4];
    }
    double[] evolving = Seasonality.evolvingAdditive(y, 4, 7).orElseThrow();
    double[] fixed = Seasonality.additiveIndices(y, 4).orElseThrow();
    double lastQ3 = evolving[y.length - 2];
    assertTrue(lastQ3 < fixed[2] - 0.5,
        "evolving " + lastQ3 + " against the fixed index " + fixed[2]);
    assertTrue(evolving[2] > fixed[2] + 0.5,
        "first season " + evolving[2] + " against the fixed index " + fixed[2]);
  }

  @Test
  void aSeasonSumsToAboutZero() {
    double[] y = new double[40];
    for (int t = 0; t < y.length; t++) {
      y[t] = 50 + t + (1 + t / 8.0) * PATTERN[t % 4] + ((t * 7919) % 5) * 0.1;
    }
    double[] s = Seasonality.evolvingAdditive(y, 4, 11).orElseThrow();
    double last = 0;
    for (int t = y.length - 4; t < y.length; t++) {
      last += s[t];
    }
    assertEquals(0, last, 0.5);
  }

  @Test
  void tooShortSeriesHaveNoComponents() {
    assertTrue(Seasonality.evolvingAdditive(new double[7], 4, 11).isEmpty());
  }
}
