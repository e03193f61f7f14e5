package io.c2m.demand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.InvalidConfigurationException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DemandForecastersTest {
  private static double[] means(DemandForecast f) {
    return f.points().stream().mapToDouble(ForecastPoint::mean).toArray();
  }

  @Test
  void everyBuiltInIsInstalledUnderItsName() {
    Set<String> names = DemandForecasters.names();
    for (String n : List.of("naive", "seasonal-naive", "moving-average", "ses", "holt",
        "holt-damped", "holt-winters-additive", "holt-winters-multiplicative", "croston", "sba",
        "tsb", "auto")) {
      assertTrue(names.contains(n), n);
      assertEquals(n, DemandForecasters.byName(n).name());
    }
  }

  @Test
  void unknownSettingsAndBadSeasonsAreRefused() {
    assertThrows(InvalidConfigurationException.class,
        () -> DemandForecasters.byName("ses", Map.of("alpha", "0.3")));
    InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
        () -> DemandForecasters.byName("holt-winters-additive", Map.of("season", "1")));
    assertTrue(e.getMessage().contains("season"), e.getMessage());
  }

  @Test
  void naiveRepeatsTheLastValue() {
    DemandForecast f = DemandForecaster.naive().forecast(DemandSeries.of("s", 3, 9, 4), 3);
    assertEquals(List.of(4.0, 4.0, 4.0), f.points().stream().map(ForecastPoint::mean).toList());
    // Random-walk spread grows with the square root of the step.
    double w1 = f.points().get(0).p90() - f.points().get(0).p50();
    double w3 = f.points().get(2).p90() - f.points().get(2).p50();
    assertEquals(Math.sqrt(3), w3 / w1, 1e-9);
  }

  @Test
  void seasonalNaiveRepeatsTheLastSeason() {
    DemandForecast f = DemandForecaster.seasonalNaive(3)
        .forecast(DemandSeries.of("s", 1, 2, 3, 4, 5, 6), 5);
    assertEquals(List.of(4.0, 5.0, 6.0, 4.0, 5.0),
        f.points().stream().map(ForecastPoint::mean).toList());
  }

  @Test
  void smoothersForecastAConstantSeriesAsThatConstant() {
    double[] y = new double[30];
    java.util.Arrays.fill(y, 12.5);
    for (DemandForecaster f : List.of(DemandForecaster.ses(), DemandForecaster.holt(),
        DemandForecaster.holtDamped(), DemandForecaster.auto())) {
      for (double m : means(f.forecast(new DemandSeries("c", y), 4))) {
        assertEquals(12.5, m, 0.05, f.name());
      }
    }
  }

  @Test
  void holtExtendsALinearTrend() {
    double[] y = new double[40];
    for (int t = 0; t < y.length; t++) {
      y[t] = 10 + 2 * t;
    }
    double[] f = means(DemandForecaster.holt().forecast(new DemandSeries("lin", y), 5));
    for (int h = 1; h <= 5; h++) {
      assertEquals(10 + 2 * (39 + h), f[h - 1], 0.5, "step " + h);
    }
  }

  @Test
  void holtWintersReproducesAnExactSeasonalPattern() {
    double[] add = {-5, 2, 6, -3};
    double[] mult = {0.8, 1.1, 1.3, 0.8};
    double[] ya = new double[32];
    double[] ym = new double[32];
    for (int t = 0; t < ya.length; t++) {
      ya[t] = 50 + 0.5 * t + add[t % 4];
      ym[t] = (50 + 0.5 * t) * mult[t % 4];
    }
    double[] fa = means(DemandForecaster.holtWintersAdditive(4).forecast(
        new DemandSeries("a", ya), 4));
    double[] fm = means(DemandForecaster.holtWintersMultiplicative(4).forecast(
        new DemandSeries("m", ym), 4));
    for (int h = 1; h <= 4; h++) {
      int t = 31 + h;
      assertEquals(50 + 0.5 * t + add[t % 4], fa[h - 1], 0.3, "additive step " + h);
      assertEquals((50 + 0.5 * t) * mult[t % 4], fm[h - 1], 0.3, "multiplicative step " + h);
    }
  }

  @Test
  void seasonallyAdjustedSesFollowsTheSeason() {
    double[] pattern = {0.8, 1.1, 1.3, 0.8};
    double[] y = new double[24];
    for (int t = 0; t < y.length; t++) {
      y[t] = 100 * pattern[t % 4];
    }
    double[] f = means(DemandForecaster.ses(4).forecast(new DemandSeries("q", y), 4));
    for (int h = 1; h <= 4; h++) {
      assertEquals(100 * pattern[(23 + h) % 4], f[h - 1], 0.5);
    }
  }

  @Test
  void crostonOnRegularIntermittentDemandForecastsSizeOverInterval() {
    // A demand of 4 every third period: size 4, interval 3, whatever alpha is.
    double[] y = new double[30];
    for (int t = 2; t < y.length; t += 3) {
      y[t] = 4;
    }
    DemandSeries s = new DemandSeries("i", y);
    double croston = DemandForecaster.croston().forecast(s, 1).points().get(0).mean();
    double sba = DemandForecaster.sba().forecast(s, 1).points().get(0).mean();
    double tsb = DemandForecaster.tsb().forecast(s, 1).points().get(0).mean();
    assertEquals(4.0 / 3, croston, 1e-9);
    assertTrue(sba < croston && sba >= 0.55 * croston, "SBA deflates by 1 - alpha/2: " + sba);
    assertEquals(4.0 / 3, tsb, 0.4);
  }

  @Test
  void tsbFollowsDemandThatStops() {
    double[] y = new double[40];
    for (int t = 0; t < 20; t++) {
      y[t] = t % 2 == 0 ? 6 : 0;
    }
    DemandSeries s = new DemandSeries("dead", y);
    double tsb = DemandForecaster.tsb().forecast(s, 1).points().get(0).mean();
    double croston = DemandForecaster.croston().forecast(s, 1).points().get(0).mean();
    assertTrue(tsb < croston, "TSB " + tsb + " below Croston " + croston);
  }

  @Test
  void autoUsesAnIntermittentMethodForSparseDemand() {
    double[] y = new double[30];
    for (int t = 0; t < y.length; t += 4) {
      y[t] = 2 + t % 3;
    }
    DemandForecast f = DemandForecaster.auto().forecast(new DemandSeries("sparse", y), 3);
    assertEquals("auto", f.method());
    double rate = f.points().get(0).mean();
    // A flat rate near the mean demand per period, not a smoothed last value.
    assertEquals(f.points().get(2).mean(), rate, 1e-12);
    assertTrue(rate > 0.3 && rate < 1.5, "rate " + rate);
  }

  @Test
  void badHistoriesGetErrorsNamingTheSeries() {
    IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
        () -> DemandForecaster.ses().forecast(DemandSeries.of("design-7"), 2));
    assertTrue(empty.getMessage().contains("design-7") && empty.getMessage().contains("empty"));
    IllegalArgumentException shortOne = assertThrows(IllegalArgumentException.class,
        () -> DemandForecaster.holtDamped().forecast(DemandSeries.of("design-8", 1, 2), 2));
    assertTrue(shortOne.getMessage().contains("design-8")
        && shortOne.getMessage().contains("too short"), shortOne.getMessage());
    IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
        () -> DemandForecaster.holtWintersMultiplicative(2)
            .forecast(DemandSeries.of("design-9", 1, 2, 0, 3, 2, 1), 2));
    assertTrue(zero.getMessage().contains("design-9") && zero.getMessage().contains("period 3"));
    IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
        () -> DemandSeries.of("design-10", 1, Double.NaN));
    assertTrue(nan.getMessage().contains("design-10"));
    IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
        () -> DemandSeries.of("design-11", 1, -2));
    assertTrue(negative.getMessage().contains("design-11"));
    assertThrows(IllegalArgumentException.class,
        () -> DemandForecaster.naive().forecast(DemandSeries.of("s", 1), 0));
  }

  @Test
  void forecastsNeverGoBelowZero() {
    double[] y = new double[20];
    for (int t = 0; t < y.length; t++) {
      y[t] = 100 - 5 * t;
    }
    DemandForecast f = DemandForecasters.byName("holt", Map.of("init", "fitted"))
        .forecast(new DemandSeries("down", y), 10);
    for (ForecastPoint p : f.points()) {
      assertTrue(p.mean() >= 0 && p.p10() >= 0, p.toString());
    }
    assertEquals(0, f.points().get(9).mean(), 1e-9);
  }
}
