package io.c2m.niche;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.c2m.Attributes;
import io.c2m.ConsumerId;
import io.c2m.signal.ProfileSettings;
import io.c2m.signal.ProfileStore;
import io.c2m.signal.Signal;
import io.c2m.signal.SignalType;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TrendTest {
  private static final TrendSettings SETTINGS = TrendSettings.defaults();

  @Test
  void exponentiallyFadingInterestIsFadingWithItsHalfLife() {
    double[] daily = new double[SETTINGS.totalDays()];
    for (int d = 0; d < daily.length; d++) {
      daily[d] = 400 * Math.pow(2, -d / 5.0);
    }
    Trend t = Trend.estimate(daily, SETTINGS);
    assertEquals(TrendDirection.FADING, t.direction());
    // ln(interest) is exactly linear with slope -ln2/5, whatever the weights.
    assertEquals(5.0, t.halfLifeDays(), 1e-9);
    assertEquals(true, t.growth() < 1 / SETTINGS.emergingGrowth());
  }

  @Test
  void growthIsTheSmoothedRatioOfDailyRates() {
    double[] daily = new double[SETTINGS.totalDays()];
    Arrays.fill(daily, 0, 28, 2.0);
    Arrays.fill(daily, 28, 35, 10.0);
    Trend t = Trend.estimate(daily, SETTINGS);
    assertEquals(TrendDirection.EMERGING, t.direction());
    assertEquals((10 + 0.5) / (2 + 0.5), t.growth(), 1e-12);
    assertEquals(0.0, t.halfLifeDays());
  }

  @Test
  void flatOrScarceInterestIsSteady() {
    double[] flat = new double[SETTINGS.totalDays()];
    Arrays.fill(flat, 3.0);
    assertEquals(new Trend(TrendDirection.STEADY, 1.0, 0.0), Trend.estimate(flat, SETTINGS));
    double[] scarce = new double[SETTINGS.totalDays()];
    scarce[34] = 9.0;
    assertEquals(Trend.steady(), Trend.estimate(scarce, SETTINGS));
  }

  @Test
  void aWindowOfTheWrongLengthIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> Trend.estimate(new double[3], SETTINGS));
    assertThrows(IllegalArgumentException.class, () -> new TrendSettings(7, 28, 1.0, 0));
  }

  @Test
  void trendsAreReadFromTheStoreTimelineForTheNicheDefinition() {
    Instant asOf = Instant.parse("2026-04-30T12:00:00Z");
    ProfileStore store =
        new ProfileStore(ProfileSettings.defaults(), c -> true, asOf.minus(Duration.ofDays(40)));
    Attributes rising = Attributes.of("category", "dress", "color", "sage");
    Attributes falling = Attributes.of("category", "dress", "color", "navy");
    for (int d = 0; d < 35; d++) {
      Instant at = asOf.minus(Duration.ofDays(34 - d));
      int up = d >= 28 ? 20 : 2;
      for (int i = 0; i < up; i++) {
        store.add(Signal.of(ConsumerId.of("u" + i), SignalType.VIEW, at, rising, "web"));
      }
      int down = (int) Math.round(200 * Math.pow(2, -d / 4.0));
      for (int i = 0; i < down; i++) {
        store.add(Signal.of(ConsumerId.of("v" + i), SignalType.VIEW, at, falling, "web"));
      }
    }
    Trend up = Trend.of(store.timeline(), Attributes.of("color", "sage"), asOf, SETTINGS);
    Trend down = Trend.of(store.timeline(), Attributes.of("color", "navy"), asOf, SETTINGS);
    assertEquals(TrendDirection.EMERGING, up.direction());
    assertEquals((20 + 0.5) / (2 + 0.5), up.growth(), 1e-12);
    assertEquals(TrendDirection.FADING, down.direction());
    assertEquals(4.0, down.halfLifeDays(), 0.4, "rounding to whole signals blurs the half-life");
    Trend both = Trend.of(store.timeline(), Attributes.of("category", "dress"), asOf, SETTINGS);
    assertEquals(TrendDirection.FADING, both.direction());
  }
}
