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

  @Override
  public String name() {
    return delegate.name();
  }

  @Override
  public int minLength() {
    return delegate.minLength();
  }

  /**
   * Fits a forecaster once to a whole history for forecasts from earlier origins with the same
   * parameters, with the checks of {@link #forecast} on the arguments and on the forecast from
   * the end of the history. For {@link Conformal}, whose calibration needs no second fit.
   *
   * @param f the forecaster, checked or not
   * @param history the history
   * @param horizon the horizon
   * @return the origins of the one fit, or null if the forecaster cannot keep its parameters
   */
  static FixedParameters.Origins fitOnce(DemandForecaster f, DemandSeries history, int horizon) {
    if (f instanceof CheckedForecaster c) {
      if (!(c.delegate instanceof FixedParameters fp)) {
        return null;
      }
      Objects.requireNonNull(history, "history");
      Points.check(history, horizon, c.name(), Math.max(1, c.delegate.minLength()));
      FixedParameters.Origins o;
      try {
        o = fp.fitOnce(history, horizon);
      } catch (StrategyException e) {
        throw e;
      } catch (RuntimeException e) {
        throw c.failed(history, e);
      }
      c.check(history, horizon, o.forecast());
      return o;
    }
    return f instanceof FixedParameters fp ? fp.fitOnce(history, horizon) : null;
  }

  private StrategyException failed(DemandSeries history, RuntimeException e) {
    return new StrategyException(name(), "failed while forecasting series " + history.id()
        + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()), e);
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
      throw failed(history, e);
    }
    return check(history, horizon, f);
  }

  /** Checks a forecast of the delegate against the contract. */
  private DemandForecast check(DemandSeries history, int horizon, DemandForecast f) {
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
