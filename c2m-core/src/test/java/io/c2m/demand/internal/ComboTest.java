package io.c2m.demand.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.c2m.demand.DemandForecast;
import io.c2m.demand.DemandForecaster;
import io.c2m.demand.DemandSeries;
import io.c2m.demand.ForecastPoint;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComboTest {
  private static DemandForecaster constant(String name, double mean, double spread) {
    return DemandForecaster.named(name, (s, h) -> {
      List<ForecastPoint> p = new java.util.ArrayList<>();
      for (int i = 1; i <= h; i++) {
        p.add(new ForecastPoint(i, mean, mean - spread, mean, mean + spread));
      }
      return new DemandForecast(s.id(), name, p);
    });
  }

  private static final DemandForecaster FAILS = DemandForecaster.named("fails", (s, h) -> {
    throw new IllegalArgumentException("cannot");
  });

  @Test
  void meanAndMedianOfTheMembersStepByStep() {
    List<DemandForecaster> m = List.of(constant("a", 10, 1), constant("b", 20, 2),
        constant("c", 60, 3));
    DemandSeries s = DemandSeries.of("s", 1, 2, 3);
    ForecastPoint mean = new Combo("combo", m, false).forecast(s, 2).points().get(1);
    assertEquals(30, mean.mean(), 1e-12);
    assertEquals(28, mean.p10(), 1e-12);
    assertEquals(32, mean.p90(), 1e-12);
    ForecastPoint median = new Combo("combo", m, true).forecast(s, 2).points().get(1);
    assertEquals(20, median.mean(), 1e-12);
    assertEquals(18, median.p10(), 1e-12);
    assertEquals(22, median.p90(), 1e-12);
  }

  @Test
  void aFailingMemberIsLeftOutAndNamed() {
    DemandForecast f = new Combo("combo", List.of(constant("a", 10, 1), FAILS), false)
        .forecast(DemandSeries.of("s", 1, 2), 1);
    assertEquals(10, f.points().get(0).mean(), 1e-12);
    assertEquals("fails", f.provenance().settings().get("failed"));
    assertEquals("a", f.provenance().settings().get("members"));
    assertThrows(IllegalArgumentException.class,
        () -> new Combo("combo", List.of(FAILS), false).forecast(DemandSeries.of("s", 1), 1));
  }
}
