package io.c2m.testkit.demand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.demand.DemandForecast;
import io.c2m.demand.DemandForecaster;
import io.c2m.demand.DemandSeries;
import io.c2m.demand.ForecastPoint;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The contract every {@link DemandForecaster} must pass, built in or a user's: extend this class
 * in a test, implement {@link #forecaster()}, and the jqwik properties run against it.
 *
 * <ul>
 *   <li>a forecast has one point per step, steps 1..horizon, and the forecaster's name;
 *   <li>every mean and quantile is non-negative for non-negative history (finiteness and
 *       quantile order are guaranteed by {@link ForecastPoint} itself);
 *   <li>the mean lies within the 10%-90% interval, {@code p10 <= mean <= p90};
 *   <li>forecasting the same history twice gives the same forecast (determinism), also when
 *       several threads forecast at once (the SPI is thread-safe);
 *   <li>bad arguments are refused with an {@link IllegalArgumentException}: horizon 0 or above
 *       {@link DemandForecaster#MAX_HORIZON}, an empty history, a history shorter than {@link
 *       #minLength()}.
 * </ul>
 *
 * <p>Histories are non-negative, between {@link #minLength()} and 80 periods, a mix of smooth,
 * trending, seasonal and intermittent shapes. Override {@link #histories()} to narrow them (for
 * example to strictly positive values for a multiplicative model).
 */
public abstract class DemandForecasterContract {
  /** Creates the contract. */
  protected DemandForecasterContract() {}

  /**
   * Returns the forecaster under test.
   *
   * @return the forecaster
   */
  protected abstract DemandForecaster forecaster();

  /**
   * Returns the shortest history the forecaster accepts.
   *
   * @return the minimum length, the forecaster's {@link DemandForecaster#minLength()} unless
   *     overridden
   */
  protected int minLength() {
    return forecaster().minLength();
  }

  /**
   * Returns the histories to test with.
   *
   * @return non-negative series
   */
  protected Arbitrary<double[]> histories() {
    Arbitrary<Integer> length = Arbitraries.integers().between(minLength(), 80);
    Arbitrary<double[]> noise = length.flatMap(n -> Arbitraries.doubles().between(0, 1000)
        .array(double[].class).ofSize(n));
    Arbitrary<double[]> intermittent = length.flatMap(n -> Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, Arbitraries.just(0.0)),
        net.jqwik.api.Tuple.of(1, Arbitraries.doubles().between(1, 20)))
        .array(double[].class).ofSize(n));
    Arbitrary<double[]> shaped = net.jqwik.api.Combinators.combine(length,
        Arbitraries.doubles().between(-5, 5), Arbitraries.doubles().between(0, 50),
        Arbitraries.integers().between(2, 12)).as((n, slope, amp, m) -> {
          double[] y = new double[n];
          for (int t = 0; t < n; t++) {
            y[t] = Math.max(0, 100 + slope * t + amp * Math.sin(2 * Math.PI * t / m)
                + ((t * 7919) % 13 - 6));
          }
          return y;
        });
    return Arbitraries.oneOf(noise, intermittent, shaped);
  }

  @Provide
  Arbitrary<double[]> history() {
    return histories();
  }

  /**
   * One point per step, in order, under the forecaster's name.
   *
   * @param y the history
   * @param horizon the horizon
   */
  @Property(tries = 60)
  void forecastHasOnePointPerStep(
      @ForAll("history") double[] y, @ForAll @IntRange(min = 1, max = 24) int horizon) {
    DemandForecast f = forecaster().forecast(new DemandSeries("contract", y), horizon);
    assertEquals(horizon, f.points().size());
    assertEquals("contract", f.seriesId());
    assertEquals(forecaster().name(), f.method());
    for (int h = 0; h < horizon; h++) {
      assertEquals(h + 1, f.points().get(h).step());
    }
  }

  /**
   * Means and quantiles are non-negative.
   *
   * @param y the history
   * @param horizon the horizon
   */
  @Property(tries = 60)
  void forecastsAreNonNegative(
      @ForAll("history") double[] y, @ForAll @IntRange(min = 1, max = 24) int horizon) {
    for (ForecastPoint p : forecaster().forecast(new DemandSeries("s", y), horizon).points()) {
      assertTrue(p.p10() >= 0 && p.mean() >= 0, "non-negative: " + p);
    }
  }

  /**
   * The mean lies within the 10%-90% interval: quantiles consistent with the mean.
   *
   * @param y the history
   * @param horizon the horizon
   */
  @Property(tries = 60)
  void meanLiesWithinTheInterval(
      @ForAll("history") double[] y, @ForAll @IntRange(min = 1, max = 24) int horizon) {
    for (ForecastPoint p : forecaster().forecast(new DemandSeries("s", y), horizon).points()) {
      double slack = 1e-9 * Math.max(1, Math.abs(p.mean()));
      assertTrue(p.p10() <= p.mean() + slack && p.mean() <= p.p90() + slack,
          "p10 <= mean <= p90: " + p);
    }
  }

  /**
   * The same history gives the same forecast.
   *
   * @param y the history
   * @param horizon the horizon
   */
  @Property(tries = 40)
  void forecastsAreDeterministic(
      @ForAll("history") double[] y, @ForAll @IntRange(min = 1, max = 12) int horizon) {
    DemandSeries s = new DemandSeries("s", y);
    assertEquals(forecaster().forecast(s, horizon), forecaster().forecast(s, horizon));
  }

  /**
   * One forecaster used from several threads at once gives each the forecast it gives alone.
   *
   * @param y the history
   * @throws Exception if a thread is interrupted
   */
  @Property(tries = 10)
  void concurrentForecastsAgree(@ForAll("history") double[] y) throws Exception {
    DemandForecaster f = forecaster();
    DemandSeries s = new DemandSeries("s", y);
    DemandForecast alone = f.forecast(s, 6);
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      java.util.List<java.util.concurrent.Future<DemandForecast>> runs =
          new java.util.ArrayList<>();
      for (int i = 0; i < 8; i++) {
        runs.add(pool.submit(() -> f.forecast(s, 6)));
      }
      for (java.util.concurrent.Future<DemandForecast> r : runs) {
        assertEquals(alone, r.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Bad arguments are refused with an {@link IllegalArgumentException}.
   *
   * @param y the history
   */
  @Property(tries = 10)
  void badArgumentsAreRefused(@ForAll("history") double[] y) {
    DemandForecaster f = forecaster();
    DemandSeries s = new DemandSeries("s", y);
    assertThrows(IllegalArgumentException.class, () -> f.forecast(s, 0));
    assertThrows(IllegalArgumentException.class, () -> f.forecast(s, -1));
    assertThrows(IllegalArgumentException.class,
        () -> f.forecast(s, DemandForecaster.MAX_HORIZON + 1));
    assertThrows(IllegalArgumentException.class,
        () -> f.forecast(new DemandSeries("empty", new double[0]), 1));
    if (minLength() > 1) {
      DemandSeries tooShort = new DemandSeries("short", java.util.Arrays.copyOf(y,
          minLength() - 1));
      assertThrows(IllegalArgumentException.class, () -> f.forecast(tooShort, 1));
    }
  }
}
