package io.c2m.demand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.Attributes;
import io.c2m.niche.Niche;
import io.c2m.niche.Trend;
import io.c2m.niche.TrendDirection;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

class ColdStartProperties {
  private static Niche niche(int audience, Trend trend) {
    Attributes def = Attributes.of(java.util.Map.of("category", "dress"));
    return new Niche(Niche.idFor(def), def, audience, 1, 1, trend);
  }

  @Property(tries = 200)
  void meansFollowTheTrendAndStayWithinTheAudience(
      @ForAll @IntRange(min = 1, max = 100_000) int audience,
      @ForAll @DoubleRange(min = 0, max = 1) double propensity,
      @ForAll @DoubleRange(min = 0, max = 1) double conversion,
      @ForAll TrendDirection direction,
      @ForAll @DoubleRange(min = 0, max = 5) double growth,
      @ForAll @DoubleRange(min = 0, max = 60) double halfLife) {
    Trend trend = new Trend(direction, growth, halfLife);
    DemandForecast f = ColdStart.forecast(niche(audience, trend), propensity, conversion, 30);
    double previous = Double.NaN;
    for (ForecastPoint p : f.points()) {
      assertTrue(p.mean() >= 0 && p.mean() <= audience * conversion + 1e-9, p.toString());
      assertTrue(p.p10() <= p.p50() && p.p50() <= p.p90(), p.toString());
      if (!Double.isNaN(previous)) {
        switch (direction) {
          case STEADY -> assertEquals(previous, p.mean(), 1e-9);
          case FADING -> assertTrue(p.mean() <= previous + 1e-9);
          case EMERGING -> assertTrue(p.mean() >= previous - 1e-9);
        }
      }
      previous = p.mean();
    }
  }
}
