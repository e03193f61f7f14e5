package io.c2m.demand.internal;

import io.c2m.demand.DemandForecast;
import io.c2m.demand.DemandForecaster;
import io.c2m.demand.DemandSeries;

/**
 * Exponential smoothing with fitted parameters ({@link Ets}): {@code ses}, {@code holt}, {@code
 * holt-damped}, {@code holt-winters-additive} and {@code holt-winters-multiplicative}. The
 * non-seasonal ones, given a season length above 1, adjust a significantly seasonal series first
 * ({@link SeasonalAdjustment}, the M3 convention). Quantiles come from the model's analytic
 * forecast variance under normal errors. Immutable and thread-safe.
 */
public final class EtsForecaster implements DemandForecaster, FixedParameters {
  private final String name;
  private final Ets model;
  private final int season;

  /**
   * Creates a forecaster.
   *
   * @param name the stable name
   * @param model the model
   * @param season the season length (for adjustment of non-seasonal models, or the model's own)
   */
  private EtsForecaster(String name, Ets model, int season) {
    if (season < 1) {
      throw new IllegalArgumentException(
          "The season length (" + season + ") of " + name + " must be at least 1.");
    }
    if (model.season != Ets.Season.NONE && season < 2) {
      throw new IllegalArgumentException(
          "The season length (" + season + ") of " + name + " must be at least 2.");
    }
    this.name = name;
    this.model = model;
    this.season = season;
  }

  /**
   * Simple exponential smoothing (ETS A,N,N).
   *
   * @param season the season length for M3-style adjustment, 1 for none
   * @return the forecaster
   */
  public static EtsForecaster ses(int season) {
    return ses(season, true);
  }

  /**
   * Like {@link #ses(int)}, choosing how the initial states are found.
   *
   * @param season the season length for M3-style adjustment, 1 for none
   * @param zeroStart true to start the states at zero (the default), false to fit them
   * @return the forecaster
   */
  public static EtsForecaster ses(int season, boolean zeroStart) {
    return new EtsForecaster(
        "ses", new Ets(Ets.Trend.NONE, Ets.Season.NONE, 1, zeroStart), season);
  }

  /**
   * Holt's linear trend (ETS A,A,N).
   *
   * @param season the season length for M3-style adjustment, 1 for none
   * @return the forecaster
   */
  public static EtsForecaster holt(int season) {
    return holt(season, true);
  }

  /**
   * Like {@link #holt(int)}, choosing how the initial states are found.
   *
   * @param season the season length for M3-style adjustment, 1 for none
   * @param zeroStart true to start the states at zero (the default), false to fit them
   * @return the forecaster
   */
  public static EtsForecaster holt(int season, boolean zeroStart) {
    return new EtsForecaster(
        "holt", new Ets(Ets.Trend.ADDITIVE, Ets.Season.NONE, 1, zeroStart), season);
  }

  /**
   * Additive damped trend (ETS A,Ad,N; Gardner and McKenzie 1985).
   *
   * @param season the season length for M3-style adjustment, 1 for none
   * @return the forecaster
   */
  public static EtsForecaster holtDamped(int season) {
    return holtDamped(season, true);
  }

  /**
   * Like {@link #holtDamped(int)}, choosing how the initial states are found.
   *
   * @param season the season length for M3-style adjustment, 1 for none
   * @param zeroStart true to start the states at zero (the default), false to fit them
   * @return the forecaster
   */
  public static EtsForecaster holtDamped(int season, boolean zeroStart) {
    return new EtsForecaster(
        "holt-damped", new Ets(Ets.Trend.DAMPED, Ets.Season.NONE, 1, zeroStart), season);
  }

  /**
   * Holt-Winters with additive season (ETS A,A,A).
   *
   * @param season the season length, at least 2
   * @return the forecaster
   */
  public static EtsForecaster holtWintersAdditive(int season) {
    return new EtsForecaster("holt-winters-additive",
        new Ets(Ets.Trend.ADDITIVE, Ets.Season.ADDITIVE, season), season);
  }

  /**
   * Holt-Winters with multiplicative season (ETS A,A,M).
   *
   * @param season the season length, at least 2
   * @return the forecaster
   */
  public static EtsForecaster holtWintersMultiplicative(int season) {
    return new EtsForecaster("holt-winters-multiplicative",
        new Ets(Ets.Trend.ADDITIVE, Ets.Season.MULTIPLICATIVE, season), season);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int minLength() {
    return model.minLength();
  }

  @Override
  public DemandForecast forecast(DemandSeries history, int horizon) {
    return fitOnce(history, horizon).forecast();
  }

  @Override
  public Origins fitOnce(DemandSeries all, int fitted, int horizon) {
    DemandSeries history = FixedParameters.prefix(all, fitted);
    Points.check(history, horizon, name, model.minLength());
    double[] y = history.values();
    if (model.season == Ets.Season.MULTIPLICATIVE) {
      for (int t = 0; t < y.length; t++) {
        if (!(y[t] > 0)) {
          throw new IllegalArgumentException(
              "The series " + history.id() + " has demand " + y[t] + " at period " + (t + 1)
                  + "; " + name + " needs strictly positive demand.\n"
                  + "Maybe use holt-winters-additive.");
        }
      }
    }
    SeasonalAdjustment adj = model.season == Ets.Season.NONE
        ? SeasonalAdjustment.of(y, season) : SeasonalAdjustment.of(y, 1);
    double[] adjusted = adj.adjust(all.values());
    EtsFit fit = model.fit(adj.adjust(y));
    if (!Double.isFinite(fit.sse())) {
      double max = 0;
      for (double v : y) {
        max = Math.max(max, v);
      }
      if (max > 1e150) {
        // The errors are computed on the scaled series; only scaling back overflowed.
        throw new io.c2m.StrategyException(name, "cannot compute the error variance of series "
            + history.id() + ": its values (up to " + max + ") overflow its arithmetic."
            + "\nMaybe rescale the series (e.g. to thousands of units).");
      }
      throw new IllegalArgumentException("The series " + history.id() + " cannot be modelled by "
          + name + ": for every parameter value tried, its level or a seasonal index falls to "
          + "zero or below.\nMaybe use holt-winters-additive or auto.");
    }
    io.c2m.Provenance prov = io.c2m.Provenance
        .builtIn(name, 0, java.util.Map.of("season", Integer.toString(season)));
    DemandForecast full = forecast(history, adj, fit, horizon, name, prov);
    return Origins.of(full, (origin, steps) ->
        EtsForecaster.forecast(FixedParameters.prefix(all, origin), adj,
            fit.atOrigin(adjusted, origin), steps, name, prov));
  }

  /**
   * Builds the forecast of a fitted model.
   *
   * @param history the history
   * @param adj the seasonal adjustment the model was fitted under
   * @param fit the fitted model
   * @param horizon the horizon
   * @param method the method name to report
   * @param provenance the provenance to report
   * @return the forecast
   */
  static DemandForecast forecast(DemandSeries history, SeasonalAdjustment adj, EtsFit fit,
      int horizon, String method, io.c2m.Provenance provenance) {
    double[] mean = fit.means(horizon);
    double[] sd = fit.sds(horizon);
    adj.reseasonalize(mean, history.length());
    adj.reseasonalizeSpread(sd, history.length());
    return new DemandForecast(history.id(), method,
        Points.normal(method, history.id(), mean, sd), provenance);
  }

  /**
   * Fits the model to a (possibly adjusted) series; used by {@code auto}.
   *
   * @param y the series
   * @return the fit
   */
  EtsFit fit(double[] y) {
    return model.fit(y);
  }
}
