package io.c2m.demand;

import io.c2m.demand.internal.Auto;
import io.c2m.demand.internal.CheckedForecaster;
import io.c2m.demand.internal.EtsForecaster;
import io.c2m.demand.internal.Intermittent;
import io.c2m.demand.internal.MovingAverage;
import io.c2m.demand.internal.Naive;
import io.c2m.demand.internal.SeasonalNaive;

/**
 * Forecasts demand per period, with uncertainty. Pure and thread-safe: the same history and horizon
 * give the same forecast.
 *
 * <p>The built-ins fit their smoothing parameters to each history (Commons Math optimisers on the
 * in-sample one-step squared error) and never forecast below zero. Those taking a {@code season}
 * length and not modelling seasonality themselves ({@link #naive(int)}, {@link #ses(int)}, {@link
 * #holt(int)}, {@link #holtDamped(int)}, {@link #auto(int)}) follow the M3 competition's
 * convention (Makridakis and Hibon 2000): a series of at least three seasons whose
 * autocorrelation at the seasonal lag is significant at 90% is divided by its classical
 * multiplicative seasonal indices, forecast, and multiplied back.
 */
@FunctionalInterface
public interface DemandForecaster {
  /**
   * Forecasts the periods after the history.
   *
   * @param history the observed demand, oldest first
   * @param horizon how many periods to forecast, at least 1
   * @return the forecast
   * @throws IllegalArgumentException if the history is too short for the method or the horizon is
   *     not positive; the message names the series
   */
  DemandForecast forecast(DemandSeries history, int horizon);

  /**
   * Returns the stable name of this forecaster.
   *
   * @return the name
   */
  default String name() {
    return getClass().getSimpleName();
  }

  /**
   * The moving average of the last {@code window} periods, with quantiles from its in-sample
   * one-step errors.
   *
   * @param window how many recent periods to average, at least 1
   * @return the forecaster named {@code "moving-average"}
   */
  static DemandForecaster movingAverage(int window) {
    return new MovingAverage(window);
  }

  /**
   * The last value, flat; quantiles from a random walk's growing variance.
   *
   * @return the forecaster named {@code "naive"}
   */
  static DemandForecaster naive() {
    return new Naive(1);
  }

  /**
   * The last seasonally adjusted value, re-seasonalised: the M3 competition's {@code NAIVE2}.
   *
   * @param season the season length (1 for none)
   * @return the forecaster named {@code "naive"}
   */
  static DemandForecaster naive(int season) {
    return new Naive(season);
  }

  /**
   * The value of the same period one season earlier.
   *
   * @param season the season length, at least 1
   * @return the forecaster named {@code "seasonal-naive"}
   */
  static DemandForecaster seasonalNaive(int season) {
    return new SeasonalNaive(season);
  }

  /**
   * Simple exponential smoothing with fitted smoothing constant and initial level.
   *
   * @return the forecaster named {@code "ses"}
   */
  static DemandForecaster ses() {
    return EtsForecaster.ses(1);
  }

  /**
   * Simple exponential smoothing of the seasonally adjusted series.
   *
   * @param season the season length (1 for none)
   * @return the forecaster named {@code "ses"}
   */
  static DemandForecaster ses(int season) {
    return EtsForecaster.ses(season);
  }

  /**
   * Holt's linear trend method with fitted parameters and initial states.
   *
   * @return the forecaster named {@code "holt"}
   */
  static DemandForecaster holt() {
    return EtsForecaster.holt(1);
  }

  /**
   * Holt's linear trend method on the seasonally adjusted series.
   *
   * @param season the season length (1 for none)
   * @return the forecaster named {@code "holt"}
   */
  static DemandForecaster holt(int season) {
    return EtsForecaster.holt(season);
  }

  /**
   * Additive damped trend exponential smoothing (Gardner and McKenzie 1985), damping fitted in
   * [0.8, 0.98].
   *
   * @return the forecaster named {@code "holt-damped"}
   */
  static DemandForecaster holtDamped() {
    return EtsForecaster.holtDamped(1);
  }

  /**
   * Damped trend exponential smoothing of the seasonally adjusted series.
   *
   * @param season the season length (1 for none)
   * @return the forecaster named {@code "holt-damped"}
   */
  static DemandForecaster holtDamped(int season) {
    return EtsForecaster.holtDamped(season);
  }

  /**
   * Holt-Winters with additive seasonality.
   *
   * @param season the season length, at least 2; the history needs two seasons
   * @return the forecaster named {@code "holt-winters-additive"}
   */
  static DemandForecaster holtWintersAdditive(int season) {
    return EtsForecaster.holtWintersAdditive(season);
  }

  /**
   * Holt-Winters with multiplicative seasonality; the history must be strictly positive.
   *
   * @param season the season length, at least 2; the history needs two seasons
   * @return the forecaster named {@code "holt-winters-multiplicative"}
   */
  static DemandForecaster holtWintersMultiplicative(int season) {
    return EtsForecaster.holtWintersMultiplicative(season);
  }

  /**
   * Croston's method for intermittent demand.
   *
   * @return the forecaster named {@code "croston"}
   */
  static DemandForecaster croston() {
    return new Intermittent(Intermittent.Variant.CROSTON);
  }

  /**
   * The Syntetos-Boylan approximation: Croston's method without its bias.
   *
   * @return the forecaster named {@code "sba"}
   */
  static DemandForecaster sba() {
    return new Intermittent(Intermittent.Variant.SBA);
  }

  /**
   * Teunter-Syntetos-Babai: intermittent demand whose probability may fall to zero.
   *
   * @return the forecaster named {@code "tsb"}
   */
  static DemandForecaster tsb() {
    return new Intermittent(Intermittent.Variant.TSB);
  }

  /**
   * Chooses per series: Croston/SBA/TSB for intermittent demand, otherwise the exponential
   * smoothing model (ses, holt, holt-damped) with the smallest AICc.
   *
   * @return the forecaster named {@code "auto"}
   */
  static DemandForecaster auto() {
    return new Auto(1);
  }

  /**
   * Like {@link #auto()}, on the seasonally adjusted series.
   *
   * @param season the season length (1 for none)
   * @return the forecaster named {@code "auto"}
   */
  static DemandForecaster auto(int season) {
    return new Auto(season);
  }

  /**
   * Wraps a forecaster so that every forecast it returns is checked: for the history's series,
   * one point per step, nothing negative. A forecast that breaks the contract raises a {@link
   * io.c2m.StrategyException} naming the forecaster.
   *
   * @param forecaster the forecaster to check
   * @return the checking forecaster, with the same name
   */
  static DemandForecaster checked(DemandForecaster forecaster) {
    return CheckedForecaster.wrap(forecaster);
  }
}
