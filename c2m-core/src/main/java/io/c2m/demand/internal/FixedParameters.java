package io.c2m.demand.internal;

import io.c2m.demand.DemandForecast;
import io.c2m.demand.DemandSeries;

/**
 * A forecaster that can forecast from earlier origins of a history with the parameters it fitted
 * to the whole history, instead of fitting again at each origin. Internal: {@link Conformal} uses
 * it to calibrate intervals from rolling origins at the cost of one fit, keeping the smoothing
 * parameters fixed at the full-sample estimates, as is usual for conformal intervals of time
 * series (the states are run again on each prefix; only the estimation is skipped).
 */
interface FixedParameters {
  /**
   * Fits once to a history.
   *
   * @param history the history
   * @param horizon the horizon of the forecast from its end
   * @return the forecasts from its end and from earlier origins
   */
  default Origins fitOnce(DemandSeries history, int horizon) {
    return fitOnce(history, history.length(), horizon);
  }

  /**
   * Fits once to the first values of a history; the forecasts from later origins then run the
   * fitted model over the values that follow without fitting it again, so that their errors are
   * out of sample for the parameters.
   *
   * @param history the history
   * @param fitted how many first values to fit to, at least 1
   * @param horizon the horizon of the forecast from {@code fitted}
   * @return the forecasts from {@code fitted} and from other origins up to the history's end
   */
  Origins fitOnce(DemandSeries history, int fitted, int horizon);

  /** Forecasts of one fit from several origins. */
  interface Origins {
    /**
     * The forecast from the end of the history, exactly what {@code forecast} returns.
     *
     * @return the forecast
     */
    DemandForecast forecast();

    /**
     * The forecast from an earlier origin with the same parameters.
     *
     * @param origin how many first values of the history are known, at least 1
     * @param steps the horizon from there
     * @return the forecast, for a series of {@code origin} values (at most the history's length)
     */
    DemandForecast at(int origin, int steps);

    /**
     * How many parameters the fit estimated from the history: {@link Conformal} scales the
     * errors from earlier origins, which are in sample for them, by {@code sqrt(n / (n - p))}.
     *
     * @return the count; {@link Conformal#FITTED_PARAMETERS} unless the model says
     */
    default int parameters() {
      return Conformal.FITTED_PARAMETERS;
    }

    /**
     * Origins that answer {@code full} from the end of the history and {@code at} from earlier
     * origins.
     *
     * @param full the forecast from the end of the history
     * @param at the forecast from an earlier origin, as {@link #at(int, int)}
     * @return the origins
     */
    static Origins of(DemandForecast full, FromOrigin at) {
      return of(full, at, Conformal.FITTED_PARAMETERS);
    }

    /**
     * Like {@link #of(DemandForecast, FromOrigin)}, saying how many parameters the fit estimated.
     *
     * @param full the forecast from the end of the history
     * @param at the forecast from an earlier origin, as {@link #at(int, int)}
     * @param parameters how many parameters the fit estimated, zero or more
     * @return the origins
     */
    static Origins of(DemandForecast full, FromOrigin at, int parameters) {
      if (parameters < 0) {
        throw new IllegalArgumentException(
            "The number of fitted parameters (" + parameters + ") must not be negative.");
      }
      return new Origins() {
        @Override
        public DemandForecast forecast() {
          return full;
        }

        @Override
        public DemandForecast at(int origin, int steps) {
          return at.at(origin, steps);
        }

        @Override
        public int parameters() {
          return parameters;
        }
      };
    }
  }

  /** A forecast from an earlier origin with fixed parameters, as {@link Origins#at(int, int)}. */
  @FunctionalInterface
  interface FromOrigin {
    /**
     * The forecast.
     *
     * @param origin how many first values of the history are known, at least 1
     * @param steps the horizon from there
     * @return the forecast
     */
    DemandForecast at(int origin, int steps);
  }

  /**
   * Origins of any forecaster: its own if it keeps fixed parameters, otherwise by refitting it at
   * each origin.
   *
   * @param f the forecaster
   * @param history the history
   * @param fitted how many first values to fit to
   * @param horizon the horizon
   * @return the origins
   */
  static Origins refitting(io.c2m.demand.DemandForecaster f, DemandSeries history, int fitted,
      int horizon) {
    if (f instanceof FixedParameters fp) {
      return fp.fitOnce(history, fitted, horizon);
    }
    DemandForecast full = f.forecast(prefix(history, fitted), horizon);
    return Origins.of(full, (origin, steps) -> f.forecast(prefix(history, origin), steps));
  }

  /**
   * The first values of a history.
   *
   * @param history the history
   * @param origin how many values
   * @return the prefix, with the same id
   */
  static DemandSeries prefix(DemandSeries history, int origin) {
    if (origin == history.length()) {
      return history;
    }
    return new DemandSeries(history.id(), java.util.Arrays.copyOf(history.values(), origin));
  }
}
