package io.c2m.demand.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.demand.DemandForecast;
import io.c2m.demand.DemandForecaster;
import io.c2m.demand.DemandSeries;
import io.c2m.demand.ForecastPoint;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Invariants of the full ETS selection and of auto with fixed-parameter calibration. */
class EtsSelectProperties {
  @Property(tries = 60)
  void forecastsAreFiniteOrderedAndRepeatable(
      @ForAll @Size(min = 1, max = 40) List<@DoubleRange(min = 0, max = 1000) Double> values,
      @ForAll @IntRange(min = 1, max = 4) int season,
      @ForAll @IntRange(min = 1, max = 8) int horizon) {
    DemandSeries s = new DemandSeries("s",
        values.stream().mapToDouble(Double::doubleValue).toArray());
    for (DemandForecaster f : List.of(new EtsSelect(season),
        DemandForecaster.conformal(DemandForecaster.auto(season)))) {
      DemandForecast a = f.forecast(s, horizon);
      assertEquals(horizon, a.points().size());
      for (ForecastPoint p : a.points()) {
        assertTrue(Double.isFinite(p.mean()) && Double.isFinite(p.p90()), p.toString());
        assertTrue(p.p10() <= p.p50() && p.p50() <= p.p90(), p.toString());
      }
      assertEquals(a, f.forecast(s, horizon));
    }
  }

  @Property(tries = 30)
  void tooShortSeriesFallBackAndSaySo(
      @ForAll @Size(min = 1, max = 4) List<@DoubleRange(min = 0, max = 1000) Double> values) {
    DemandSeries s = new DemandSeries("s",
        values.stream().mapToDouble(Double::doubleValue).toArray());
    DemandForecast f = new EtsSelect(1).forecast(s, 3);
    assertEquals("naive", f.provenance().settings().get("chosen"));
    assertTrue(f.provenance().settings().get("fallback").contains("too short"));
  }
}
