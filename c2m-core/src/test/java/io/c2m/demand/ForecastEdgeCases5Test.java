package io.c2m.demand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.StrategyException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Forecaster edge cases from the review of issue 5: huge values, horizons, wrappers, names. */
class ForecastEdgeCases5Test {
  private static double[] huge(int n) {
    double[] y = new double[n];
    for (int t = 0; t < n; t++) {
      y[t] = 1e300 * (1 + 0.1 * (t % 4));
    }
    return y;
  }

  @Test
  void hugeValuesFailLoudlyInsteadOfForecastingZero() {
    DemandSeries s = new DemandSeries("huge", huge(16));
    for (DemandForecaster f : List.of(DemandForecaster.ses(), DemandForecaster.holt(),
        DemandForecaster.holtWintersAdditive(4))) {
      DemandForecast fc;
      try {
        fc = f.forecast(s, 3);
      } catch (StrategyException e) {
        assertEquals(f.name(), e.strategyId());
        assertTrue(e.getMessage().contains("huge"), e.getMessage());
        continue;
      }
      // If a method does manage, its forecast must be of the series' size, never 0.
      for (ForecastPoint p : fc.points()) {
        assertTrue(p.mean() > 1e299 && p.p90() > p.p10(), f.name() + ": " + p);
      }
    }
  }

  @Test
  void crostonMeanOfRareLargeDemandLiesWithinItsInterval() {
    ForecastPoint p = DemandForecaster.croston()
        .forecast(DemandSeries.of("s", 0, 0, 0, 1000, 0, 0), 1).points().get(0);
    // One demand of 1000 in four periods: rate 250; demand occurs with probability 1/4, so the
    // median is 0 and the 90% quantile is the only size seen, 1000.
    assertEquals(250, p.mean(), 1e-9);
    assertEquals(0, p.p50(), 1e-12);
    assertEquals(1000, p.p90(), 1e-9);
  }

  @Test
  void crostonAfterOneDemandHasP90AtLeastTheMean() {
    for (DemandForecaster f : List.of(DemandForecaster.croston(), DemandForecaster.sba(),
        DemandForecaster.tsb())) {
      for (ForecastPoint p : f.forecast(DemandSeries.of("s", 5, 0), 3).points()) {
        assertTrue(p.mean() > 0 && p.p10() <= p.mean() && p.mean() <= p.p90(),
            f.name() + ": " + p);
      }
    }
  }

  @Test
  void horizonAboveTheDocumentedMaximumIsRefused() {
    DemandSeries s = DemandSeries.of("s", 1, 2, 3);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DemandForecaster.naive().forecast(s, 99_999_999));
    assertTrue(e.getMessage().contains("10000"), e.getMessage());
    assertEquals(DemandForecaster.MAX_HORIZON,
        DemandForecaster.naive().forecast(s, DemandForecaster.MAX_HORIZON).horizon());
    for (String name : DemandForecasters.names()) {
      assertThrows(IllegalArgumentException.class,
          () -> DemandForecasters.byName(name).forecast(s, DemandForecaster.MAX_HORIZON + 1),
          name);
    }
  }

  @Test
  void checkedForecasterRefusesBadArgumentsBeforeCallingTheDelegate() {
    AtomicInteger calls = new AtomicInteger();
    DemandForecaster needsFour = new DemandForecaster() {
      @Override
      public DemandForecast forecast(DemandSeries history, int horizon) {
        calls.incrementAndGet();
        return DemandForecaster.naive().forecast(history, horizon);
      }

      @Override
      public String name() {
        return "needs-four";
      }

      @Override
      public int minLength() {
        return 4;
      }
    };
    DemandForecaster checked = DemandForecaster.checked(needsFour);
    assertThrows(NullPointerException.class, () -> checked.forecast(null, 1));
    assertThrows(IllegalArgumentException.class,
        () -> checked.forecast(DemandSeries.of("s", 1, 2, 3, 4), 0));
    assertThrows(IllegalArgumentException.class, () -> checked.forecast(
        DemandSeries.of("s", 1, 2, 3, 4), DemandForecaster.MAX_HORIZON + 1));
    assertThrows(IllegalArgumentException.class, () -> checked.forecast(DemandSeries.of("s"), 1));
    assertThrows(IllegalArgumentException.class,
        () -> checked.forecast(DemandSeries.of("s", 1, 2, 3), 1));
    assertEquals(0, calls.get());
    assertEquals(2, checked.forecast(DemandSeries.of("s", 1, 2, 3, 4), 2).horizon());
    assertEquals(1, calls.get());
  }

  @Test
  void checkedForecasterWrapsTheDelegatesIllegalArgumentExceptionWithItsName() {
    DemandForecaster buggy = DemandForecaster.named("buggy", (h, n) -> {
      throw new IllegalArgumentException("The mean (Infinity) must be finite.");
    });
    StrategyException e = assertThrows(StrategyException.class,
        () -> DemandForecaster.checked(buggy).forecast(DemandSeries.of("huge", 1), 1));
    assertEquals("buggy", e.strategyId());
    assertTrue(e.getCause() instanceof IllegalArgumentException);
    assertTrue(e.getMessage().contains("huge"), e.getMessage());
  }

  @Test
  void byNameReturnsACheckedForecaster() {
    DemandForecaster f = DemandForecasters.byName("naive");
    // checked() returns a forecaster that is already checked as it is.
    assertSame(f, DemandForecaster.checked(f));
    assertSame(f, DemandForecaster.checked(f));
    DemandForecaster raw = DemandForecaster.naive();
    assertNotEquals(raw, DemandForecaster.checked(raw));
  }

  @Test
  void lambdaForecastersHaveAStableName() {
    Supplier<DemandForecaster> make = () -> (h, n) -> DemandForecaster.naive().forecast(h, n);
    assertEquals("unnamed", make.get().name());
    DemandForecaster anonymous = new DemandForecaster() {
      @Override
      public DemandForecast forecast(DemandSeries history, int horizon) {
        return DemandForecaster.naive().forecast(history, horizon);
      }
    };
    assertEquals("unnamed", anonymous.name());
    DemandForecaster named = DemandForecaster.named("mine", make.get());
    assertEquals("mine", named.name());
    assertEquals("mine", DemandForecaster.checked(named).name());
    assertThrows(IllegalArgumentException.class,
        () -> DemandForecaster.named(" ", make.get()));
  }

  @Test
  void providersSayWhetherTheyTakeASeason() {
    Map<String, DemandForecasterProvider.SeasonUse> expected = Map.of(
        "moving-average", DemandForecasterProvider.SeasonUse.NONE,
        "croston", DemandForecasterProvider.SeasonUse.NONE,
        "ses", DemandForecasterProvider.SeasonUse.OPTIONAL,
        "auto", DemandForecasterProvider.SeasonUse.OPTIONAL,
        "holt-winters-multiplicative", DemandForecasterProvider.SeasonUse.REQUIRED,
        "seasonal-naive", DemandForecasterProvider.SeasonUse.REQUIRED);
    expected.forEach((name, use) -> assertEquals(use,
        DemandForecasters.provider(name).seasonUse(), name));
    // Every provider that takes a season accepts the setting; the others refuse it.
    for (String name : DemandForecasters.names()) {
      DemandForecasterProvider p = DemandForecasters.provider(name);
      if (p.seasonUse() == DemandForecasterProvider.SeasonUse.NONE) {
        assertThrows(io.c2m.InvalidConfigurationException.class,
            () -> p.create(Map.of("season", "4")), name);
      } else {
        assertEquals(name, p.create(Map.of("season", "4")).name());
      }
    }
  }

  @Test
  void autoForecastCarriesTheChosenModelInItsProvenance() {
    DemandSeries s = DemandSeries.of("s", 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32);
    DemandForecast f = DemandForecaster.auto().forecast(s, 2);
    String chosen = ((io.c2m.demand.internal.Auto) DemandForecaster.auto()).choose(s);
    assertEquals("auto", f.method());
    assertEquals("auto", f.provenance().strategy());
    assertEquals(chosen, f.provenance().settings().get("chosen"));
    assertEquals(chosen, f.model());
    assertEquals("naive", DemandForecaster.naive().forecast(s, 1).model());
  }
}
