package io.c2m.testkit.demand;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 *   <li>every mean and quantile is finite and non-negative for non-negative history;
 *   <li>quantiles are ordered, {@code p10 <= p50 <= p90};
 *   <li>forecasting the same history twice gives the same forecast (determinism).
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
   * @return the minimum length, 1 unless overridden
   */
  protected int minLength() {
    return 1;
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
   * Means and quantiles are finite and non-negative.
   *
   * @param y the history
   * @param horizon the horizon
   */
  @Property(tries = 60)
  void forecastsAreFiniteAndNonNegative(
      @ForAll("history") double[] y, @ForAll @IntRange(min = 1, max = 24) int horizon) {
    for (ForecastPoint p : forecaster().forecast(new DemandSeries("s", y), horizon).points()) {
      for (double v : new double[] {p.mean(), p.p10(), p.p50(), p.p90()}) {
        assertTrue(Double.isFinite(v) && v >= 0, "finite, non-negative: " + p);
      }
    }
  }

  /**
   * Quantiles are ordered.
   *
   * @param y the history
   * @param horizon the horizon
   */
  @Property(tries = 60)
  void quantilesAreOrdered(
      @ForAll("history") double[] y, @ForAll @IntRange(min = 1, max = 24) int horizon) {
    for (ForecastPoint p : forecaster().forecast(new DemandSeries("s", y), horizon).points()) {
      assertTrue(p.p10() <= p.p50() && p.p50() <= p.p90(), "ordered: " + p);
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
}
