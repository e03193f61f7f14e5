package io.c2m.demand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.StrategyException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckedForecasterTest {
  private static DemandForecaster named(String name, DemandForecaster f) {
    return new DemandForecaster() {
      @Override
      public DemandForecast forecast(DemandSeries history, int horizon) {
        return f.forecast(history, horizon);
      }

      @Override
      public String name() {
        return name;
      }
    };
  }

  @Test
  void passesGoodForecastsThrough() {
    DemandForecaster checked = DemandForecaster.checked(DemandForecaster.naive());
    assertEquals("naive", checked.name());
    assertEquals(3, checked.forecast(DemandSeries.of("s", 1, 2), 3).horizon());
    assertSame(checked, DemandForecaster.checked(checked));
  }

  @Test
  void namesTheForecasterThatBreaksTheContract() {
    DemandForecaster wrongSeries = named("liar", (h, n) -> new DemandForecast("other", "liar",
        List.of(new ForecastPoint(1, 1, 1, 1, 1))));
    StrategyException e = assertThrows(StrategyException.class,
        () -> DemandForecaster.checked(wrongSeries).forecast(DemandSeries.of("s", 1), 1));
    assertEquals("liar", e.strategyId());
    DemandForecaster shortOne = named("short", (h, n) -> new DemandForecast(h.id(), "short",
        List.of(new ForecastPoint(1, 1, 1, 1, 1))));
    assertThrows(StrategyException.class,
        () -> DemandForecaster.checked(shortOne).forecast(DemandSeries.of("s", 1), 2));
    DemandForecaster negative = named("negative", (h, n) -> new DemandForecast(h.id(), "negative",
        List.of(new ForecastPoint(1, -1, -2, -1, 0))));
    StrategyException neg = assertThrows(StrategyException.class,
        () -> DemandForecaster.checked(negative).forecast(DemandSeries.of("s", 1), 1));
    assertTrue(neg.getMessage().contains("negative"), neg.getMessage());
  }
}
