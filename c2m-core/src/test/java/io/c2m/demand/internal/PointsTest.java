package io.c2m.demand.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.StrategyException;
import io.c2m.demand.ForecastPoint;
import java.util.List;
import org.junit.jupiter.api.Test;

class PointsTest {
  @Test
  void quantilesFollowHyndmanFanType7() {
    // R: quantile(1:10, c(0.1, 0.5, 0.9)) gives 1.9, 5.5, 9.1 (type 7, the default).
    double[] v = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    assertEquals(1.9, Points.quantile(v, 0.1), 1e-12);
    assertEquals(5.5, Points.quantile(v, 0.5), 1e-12);
    assertEquals(9.1, Points.quantile(v, 0.9), 1e-12);
  }

  @Test
  void normalQuantilesAreClampedAtZero() {
    List<ForecastPoint> p = Points.normal("m", "s", new double[] {1.0}, new double[] {2.0});
    // 1 - 1.2816 * 2 < 0 is clamped; the upper quantile is 1 + 2.5631.
    assertEquals(0, p.get(0).p10());
    assertEquals(1 + 2 * 1.2815515655446004, p.get(0).p90(), 1e-12);
  }

  @Test
  void nonFiniteMeanRaisesStrategyExceptionInsteadOfZero() {
    StrategyException nan = assertThrows(StrategyException.class,
        () -> Points.normal("ses", "big", new double[] {Double.NaN}, new double[] {1}));
    assertEquals("ses", nan.strategyId());
    assertTrue(nan.getMessage().contains("series big"), nan.getMessage());
    // A finite mean whose interval overflows is a failure too, not a clamped number.
    assertThrows(StrategyException.class, () -> Points.normal("ses", "big",
        new double[] {1e308}, new double[] {1e308}));
    assertThrows(StrategyException.class, () -> Points.normal("ses", "big",
        new double[] {1}, new double[] {Double.POSITIVE_INFINITY}));
  }

  @Test
  void intermittentQuantilesComeFromOccurrenceTimesSize() {
    // Demand of 1000 in one period of four on average: P(0) = 0.75, so the 10% and 50%
    // quantiles are 0 and the 90% quantile is a size, 1000.
    List<ForecastPoint> p =
        Points.intermittent("croston", "s", 2, 250, new double[] {1000}, 0.5);
    assertEquals(new ForecastPoint(1, 250, 0, 0, 1000), p.get(0));
    assertEquals(new ForecastPoint(2, 250, 0, 0, 1000), p.get(1));
    // Sizes 10 and 30 (mean 20), rate 10: P(0) = 0.5; the 90% quantile is the size quantile
    // at (0.9 - 0.5) / 0.5 = 0.8, type 7 on {10, 30}: 10 + 0.8 * 20 = 26.
    ForecastPoint q = Points.intermittent("sba", "s", 1, 10, new double[] {30, 10}, 0.5).get(0);
    assertEquals(0, q.p50(), 1e-12);
    assertEquals(26, q.p90(), 1e-12);
  }

  @Test
  void intermittentIntervalContainsTheMeanForRareAndCertainDemand() {
    // Rare: P(demand) = 0.05, so the exact 90% quantile would be 0 < mean; raised to the mean.
    ForecastPoint rare = Points.intermittent("tsb", "s", 1, 1, new double[] {20}, 0.5).get(0);
    assertEquals(1, rare.p90(), 1e-12);
    // Certain: every period has demand 10 * 1.2 = 12, the mean.
    ForecastPoint certain =
        Points.intermittent("croston", "s", 1, 12, new double[] {10}, 0.5).get(0);
    assertEquals(new ForecastPoint(1, 12, 12, 12, 12), certain);
  }

  @Test
  void intermittentSizeSpreadWidensWithTheHorizon() {
    // Sizes 10 and 30 around 20, alpha 0.5: at step 5 the spread is widened by
    // sqrt(1 + 4 * 0.25) = sqrt(2), sizes 20 -+ 10 sqrt(2); P(0) = 0.5, the 90% quantile is the
    // size quantile at 0.8: 20 - 10 sqrt(2) + 0.8 * 20 sqrt(2).
    List<ForecastPoint> p = Points.intermittent("sba", "s", 5, 10, new double[] {30, 10}, 0.5);
    assertEquals(26, p.get(0).p90(), 1e-12);
    assertEquals(20 - 10 * Math.sqrt(2) + 0.8 * 20 * Math.sqrt(2), p.get(4).p90(), 1e-12);
    for (int h = 1; h < 5; h++) {
      assertTrue(p.get(h).p90() > p.get(h - 1).p90(), p.toString());
      assertEquals(10, p.get(h).mean(), 1e-12);
    }
  }
}
