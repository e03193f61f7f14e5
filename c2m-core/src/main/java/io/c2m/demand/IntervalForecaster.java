package io.c2m.demand;

/**
 * A forecaster that also gives prediction intervals at any coverage level. Pure and thread-safe,
 * like every {@link DemandForecaster}.
 */
public interface IntervalForecaster extends DemandForecaster {
  /**
   * Forecasts the periods after the history with central prediction intervals.
   *
   * @param history the observed demand, oldest first
   * @param horizon how many periods to forecast, between 1 and {@link #MAX_HORIZON}
   * @param levels the nominal coverages, each in (0, 1), e.g. 0.8 and 0.95
   * @return the forecast ({@link #forecast(DemandSeries, int)}) and its intervals
   * @throws IllegalArgumentException as {@link #forecast(DemandSeries, int)} does, or if a level
   *     is outside (0, 1)
   */
  IntervalForecast intervals(DemandSeries history, int horizon, double... levels);
}
