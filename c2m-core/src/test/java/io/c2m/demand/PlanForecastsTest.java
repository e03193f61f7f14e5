package io.c2m.demand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.Attributes;
import io.c2m.DesignId;
import io.c2m.niche.Niche;
import io.c2m.niche.Trend;
import io.c2m.production.NewsvendorTopUp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanForecastsTest {
  private static final DemandSeries LONG = DemandSeries.of("a", 10, 12, 11, 13, 12, 14, 13, 15);

  @Test
  void forecastsEachDesignAndFallsBackForShortHistories() {
    Map<DesignId, DemandForecast> f = PlanForecasts.forecasts(DemandForecaster.holtDamped(),
        Map.of(DesignId.of("a"), LONG, DesignId.of("b"), DemandSeries.of("b", 5, 7),
            DesignId.of("c"), DemandSeries.of("c")), 3);
    assertEquals(2, f.size(), "the design without history is left out");
    assertEquals("holt-damped", f.get(DesignId.of("a")).model());
    DemandForecast b = f.get(DesignId.of("b"));
    assertEquals("naive", b.model());
    assertEquals(7, b.points().get(2).mean(), 1e-12);
    assertEquals(List.of("b: history of 2 period(s), holt-damped needs 4"),
        PlanForecasts.fallbacks(f));
    Map<DesignId, List<ForecastPoint>> points = PlanForecasts.points(f);
    assertEquals(3, points.get(DesignId.of("a")).size());
  }

  @Test
  void aNewDesignGetsItsNichesColdStartForecast() {
    Attributes def = Attributes.of(Map.of("color", "sage"));
    Niche niche = new Niche(Niche.idFor(def), def, 1000, 10, 2, Trend.steady());
    DemandForecast cold = PlanForecasts.forDesign(DemandForecaster.auto(), DemandSeries.of("new"),
        3, niche, 0.05, 0.2, 4, 1);
    assertEquals("cold-start", cold.method());
    assertEquals(10, cold.points().get(0).mean(), 1e-9); // 1000 x 0.05 x 0.2
    assertEquals(niche.id().value(), cold.provenance().settings().get("niche"));
    assertTrue(cold.provenance().settings().get("fallback").contains("fewer than 3"));
    DemandForecast warm = PlanForecasts.forDesign(DemandForecaster.auto(), LONG, 3, niche, 0.05,
        0.2, 4, 1);
    assertEquals("auto", warm.method());
  }

  @Test
  void expectedProfitOfACertainDemandIsExact() {
    List<ForecastPoint> certain = List.of(new ForecastPoint(1, 60, 60, 60, 60),
        new ForecastPoint(2, 40, 40, 40, 40));
    // Demand 100 for sure; price 10, cost 4, salvage 1.
    assertEquals(6 * 50, PlanForecasts.expectedTopUpProfit(10, 4, 1, 50, certain), 1e-9);
    assertEquals(10 * 100 + 1 * 50 - 4 * 150,
        PlanForecasts.expectedTopUpProfit(10, 4, 1, 150, certain), 1e-9);
    assertEquals(0, PlanForecasts.expectedTopUpProfit(10, 4, 1, 0, certain), 0);
  }

  @Test
  void theNewsvendorQuantityMaximisesTheExpectedProfit() {
    List<ForecastPoint> periods = List.of(new ForecastPoint(1, 100, 70, 100, 140),
        new ForecastPoint(2, 80, 50, 80, 120));
    NewsvendorTopUp t = new NewsvendorTopUp(10, 1, periods.get(0));
    int q = t.units(4, periods);
    double best = PlanForecasts.expectedTopUpProfit(10, 4, 1, q, periods);
    for (int d : new int[] {-30, -10, -3, 3, 10, 30}) {
      double other = PlanForecasts.expectedTopUpProfit(10, 4, 1, q + d, periods);
      assertTrue(best >= other - 1e-6, "q=" + q + " " + best + " vs q+" + d + " " + other);
    }
    assertFalse(best <= 0);
  }
}
