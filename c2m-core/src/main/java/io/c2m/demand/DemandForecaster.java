package io.c2m.demand;

import io.c2m.demand.internal.MovingAverage;

/**
 * Forecasts demand per period, with uncertainty. Pure and thread-safe: the same history and horizon
 * give the same forecast.
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
}
