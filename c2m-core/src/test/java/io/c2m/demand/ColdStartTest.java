package io.c2m.demand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.c2m.Attributes;
import io.c2m.niche.Niche;
import io.c2m.niche.Trend;
import io.c2m.niche.TrendDirection;
import org.junit.jupiter.api.Test;

class ColdStartTest {
  private static Niche niche(int audience, Trend trend) {
    Attributes def = Attributes.of(java.util.Map.of("color", "sage"));
    return new Niche(Niche.idFor(def), def, audience, 10, 2, trend);
  }

  @Test
  void steadyNicheGivesAFlatPoissonForecast() {
    // 1000 members x 0.05 in the market x 0.2 converting = 10 orders a period.
    DemandForecast f = ColdStart.forecast(niche(1000, Trend.steady()), 0.05, 0.2, 3);
    for (ForecastPoint p : f.points()) {
      assertEquals(10, p.mean(), 1e-9);
      // Poisson(10) from tables: P(X <= 5) = 0.067, P(X <= 6) = 0.130; P(X <= 9) = 0.458,
      // P(X <= 10) = 0.583; P(X <= 13) = 0.865, P(X <= 14) = 0.917.
      assertEquals(6, p.p10());
      assertEquals(10, p.p50());
      assertEquals(14, p.p90());
    }
    assertEquals("cold-start", f.method());
  }

  @Test
  void fadingNicheHalvesEveryHalfLife() {
    Trend fading = new Trend(TrendDirection.FADING, 0.5, 7);
    DemandForecast f = ColdStart.forecast(niche(1000, fading), 0.1, 0.5, 14, 1, 28);
    assertEquals(50 * 0.5, f.points().get(6).mean(), 1e-9);
    assertEquals(50 * 0.25, f.points().get(13).mean(), 1e-9);
  }

  @Test
  void emergingNicheGrowsButNotBeyondItsAudience() {
    Trend emerging = new Trend(TrendDirection.EMERGING, 2, 0);
    DemandForecast f = ColdStart.forecast(niche(100, emerging), 0.1, 0.5, 200, 1, 28);
    assertEquals(5 * 2, f.points().get(27).mean(), 1e-9);
    // 100 members x 0.5 conversion is the most a period can take.
    assertEquals(50, f.points().get(199).mean(), 1e-9);
  }

  @Test
  void forecastPointInterpolatesBetweenItsQuantiles() {
    ForecastPoint p = new ForecastPoint(1, 10, 6, 10, 14);
    assertEquals(6, p.quantile(0.1), 1e-12);
    assertEquals(8, p.quantile(0.3), 1e-12);
    assertEquals(12, p.quantile(0.7), 1e-12);
    assertEquals(14, p.quantile(0.9), 1e-12);
    assertThrows(IllegalArgumentException.class, () -> p.quantile(0.95));
  }

  @Test
  void probabilitiesOutsideTheUnitIntervalAreRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> ColdStart.forecast(niche(10, Trend.steady()), 1.5, 0.2, 3));
    assertThrows(IllegalArgumentException.class,
        () -> ColdStart.forecast(niche(10, Trend.steady()), 0.5, -0.1, 3));
  }
}
