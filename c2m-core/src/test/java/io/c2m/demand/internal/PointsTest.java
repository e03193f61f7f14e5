package io.c2m.demand.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
    List<ForecastPoint> p = Points.normal(new double[] {1.0}, new double[] {2.0});
    // 1 - 1.2816 * 2 < 0 is clamped; the upper quantile is 1 + 2.5631.
    assertEquals(0, p.get(0).p10());
    assertEquals(1 + 2 * 1.2815515655446004, p.get(0).p90(), 1e-12);
  }

  @Test
  void empiricalQuantilesShiftTheErrorsByTheMean() {
    List<ForecastPoint> p = Points.empirical(new double[] {10}, new double[] {-2, 0, 2, 4, -4});
    // Sorted errors -4, -2, 0, 2, 4: type-7 quantiles -3.2, 0, 3.2.
    assertEquals(6.8, p.get(0).p10(), 1e-12);
    assertEquals(10, p.get(0).p50(), 1e-12);
    assertEquals(13.2, p.get(0).p90(), 1e-12);
  }
}
