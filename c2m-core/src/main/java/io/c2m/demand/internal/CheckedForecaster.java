package io.c2m.demand.internal;

import io.c2m.StrategyException;
import io.c2m.demand.DemandForecast;
import io.c2m.demand.DemandForecaster;
import io.c2m.demand.DemandSeries;
import io.c2m.demand.ForecastPoint;
import java.util.Objects;

/**
 * Decorator that checks each forecast of a (possibly third-party) forecaster against the SPI's
 * contract, so that a broken forecaster fails loudly with its name instead of sizing a production
 * run from a wrong forecast: the forecast is for the history's series, has one point per step and
 * no negative value. (Finiteness and quantile order are checked by {@link ForecastPoint} itself.)
 */
public final class CheckedForecaster implements DemandForecaster {
  private final DemandForecaster delegate;

  private CheckedForecaster(DemandForecaster delegate) {
    this.delegate = delegate;
  }

  /**
   * Wraps a forecaster unless it is already wrapped.
   *
   * @param forecaster the forecaster
   * @return the checking forecaster, with the same name
   */
  public static DemandForecaster wrap(DemandForecaster forecaster) {
    Objects.requireNonNull(forecaster, "forecaster");
    return forecaster instanceof CheckedForecaster ? forecaster
        : new CheckedForecaster(forecaster);
  }

  @Override
  public String name() {
    return delegate.name();
  }

  @Override
  public DemandForecast forecast(DemandSeries history, int horizon) {
    DemandForecast f;
    try {
      f = delegate.forecast(history, horizon);
    } catch (RuntimeException e) {
      if (e instanceof StrategyException || e instanceof IllegalArgumentException) {
        throw e;
      }
      throw new StrategyException(name(), "failed while forecasting series " + history.id()
          + ": " + e, e);
    }
    if (f == null) {
      throw new StrategyException(name(), "returned no forecast (null) for series "
          + history.id() + ".");
    }
    if (!f.seriesId().equals(history.id())) {
      throw new StrategyException(name(), "returned a forecast for series " + f.seriesId()
          + " when asked for series " + history.id() + ".");
    }
    if (f.horizon() != horizon) {
      throw new StrategyException(name(), "returned " + f.horizon() + " points for series "
          + history.id() + " when asked for " + horizon + ".");
    }
    for (ForecastPoint p : f.points()) {
      if (p.mean() < 0 || p.p10() < 0) {
        throw new StrategyException(name(), "forecast negative demand for series "
            + history.id() + " at step " + p.step() + ": " + p + ".");
      }
    }
    return f;
  }
}
