package io.c2m.demand.internal;

import io.c2m.StrategyException;
import io.c2m.demand.DemandForecast;
import io.c2m.demand.DemandForecaster;
import io.c2m.demand.DemandSeries;
import io.c2m.demand.ForecastPoint;
import java.util.Objects;

/**
 * Decorator that checks the arguments of a (possibly third-party) forecaster before calling it,
 * and each forecast after, so that a broken forecaster fails loudly with its name instead of
 * sizing a production run from a wrong forecast. Bad arguments (null history, horizon outside [1,
 * {@link DemandForecaster#MAX_HORIZON}], history shorter than {@link
 * DemandForecaster#minLength()}) are the caller's error and raise an {@link
 * IllegalArgumentException} before the delegate runs; whatever the delegate throws afterwards is
 * its own failure and is wrapped in a {@link StrategyException} with its name, the cause kept. The
 * forecast must be for the history's series, have one point per step and no negative value.
 * (Finiteness and quantile order are checked by {@link ForecastPoint} itself.)
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

  /** The checked forecaster, for {@link Conformal} to find out whether it keeps parameters. */
  DemandForecaster delegate() {
    return delegate;
  }

  @Override
  public String name() {
    return delegate.name();
  }

  @Override
  public int minLength() {
    return delegate.minLength();
  }

  @Override
  public DemandForecast forecast(DemandSeries history, int horizon) {
    Objects.requireNonNull(history, "history");
    Points.check(history, horizon, name(), Math.max(1, delegate.minLength()));
    DemandForecast f;
    try {
      f = delegate.forecast(history, horizon);
    } catch (StrategyException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new StrategyException(name(), "failed while forecasting series " + history.id()
          + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()), e);
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
