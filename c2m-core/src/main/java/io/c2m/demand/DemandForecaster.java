package io.c2m.demand;

import io.c2m.demand.internal.Auto;
import io.c2m.demand.internal.CheckedForecaster;
import io.c2m.demand.internal.EtsForecaster;
import io.c2m.demand.internal.Intermittent;
import io.c2m.demand.internal.MovingAverage;
import io.c2m.demand.internal.Naive;
import io.c2m.demand.internal.SeasonalNaive;
import io.c2m.demand.internal.Theta;

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
 *
 * <p>Every built-in's quantiles are consistent with its mean, {@code p10 <= mean <= p90}. A
 * numerical failure (e.g. values so large that the arithmetic overflows) raises an {@link
 * io.c2m.StrategyException} naming the method and the series; no built-in returns a made-up
 * value instead.
 */
@FunctionalInterface
public interface DemandForecaster {
  /**
   * The longest horizon a forecaster must accept, 10,000 periods (27 years of days): a forecast
   * holds one point per period, so a larger horizon is a mistake rather than a plan, and would
   * exhaust memory.
   */
  int MAX_HORIZON = 10_000;

  /**
   * Forecasts the periods after the history.
   *
   * @param history the observed demand, oldest first
   * @param horizon how many periods to forecast, between 1 and {@link #MAX_HORIZON}
   * @return the forecast
   * @throws IllegalArgumentException if the history is shorter than {@link #minLength()} or the
   *     horizon is outside [1, {@link #MAX_HORIZON}]; the message names the series
   */
  DemandForecast forecast(DemandSeries history, int horizon);

  /**
   * Returns the stable name of this forecaster. The default is the simple name of the class; for
   * a lambda, an anonymous or a hidden class, whose generated names change from run to run, it
   * is the stable fallback {@code "unnamed"}. Name a lambda with {@link #named(String,
   * DemandForecaster)}.
   *
   * @return the name
   */
  default String name() {
    Class<?> c = getClass();
    if (c.isHidden() || c.isSynthetic() || c.isAnonymousClass() || c.getSimpleName().isEmpty()
        || c.getName().contains("$$Lambda")) {
      return "unnamed";
    }
    return c.getSimpleName();
  }

  /**
   * Returns the shortest history this forecaster accepts; {@link #checked(DemandForecaster)}
   * refuses shorter ones before calling it.
   *
   * @return the minimum number of periods, at least 1; 1 unless overridden
   */
  default int minLength() {
    return 1;
  }

  /**
   * Gives a forecaster (typically a lambda) a stable name.
   *
   * @param name the name, not blank
   * @param forecaster the forecaster
   * @return a forecaster that delegates to {@code forecaster} and reports {@code name}
   * @throws IllegalArgumentException if the name is blank
   */
  static DemandForecaster named(String name, DemandForecaster forecaster) {
    io.c2m.internal.Checks.requireNonBlank(name, "name");
    java.util.Objects.requireNonNull(forecaster, "forecaster");
    return new DemandForecaster() {
      @Override
      public DemandForecast forecast(DemandSeries history, int horizon) {
        return forecaster.forecast(history, horizon);
      }

      @Override
      public String name() {
        return name;
      }

      @Override
      public int minLength() {
        return forecaster.minLength();
      }
    };
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
   * The standard theta method (STM; Assimakopoulos and Nikolopoulos 2000, in the state space form
   * of Fiorucci et al. 2016), {@code theta = 2}, on the seasonally adjusted series.
   *
   * @param season the season length (1 for none)
   * @return the forecaster named {@code "theta"}
   */
  static DemandForecaster theta(int season) {
    return new Theta(Theta.Variant.STM, season);
  }

  /**
   * The optimised theta model (OTM; Fiorucci et al. 2016): {@code theta} fitted with the
   * smoothing constant and initial level.
   *
   * @param season the season length (1 for none)
   * @return the forecaster named {@code "otm"}
   */
  static DemandForecaster optimisedTheta(int season) {
    return new Theta(Theta.Variant.OTM, season);
  }

  /**
   * The dynamic standard theta model (DSTM; Fiorucci et al. 2016): {@code theta = 2}, the trend
   * line re-estimated with each observation.
   *
   * @param season the season length (1 for none)
   * @return the forecaster named {@code "dstm"}
   */
  static DemandForecaster dynamicTheta(int season) {
    return new Theta(Theta.Variant.DSTM, season);
  }

  /**
   * The dynamic optimised theta model (DOTM; Fiorucci et al. 2016): {@code theta} fitted, the
   * trend line re-estimated with each observation.
   *
   * @param season the season length (1 for none)
   * @return the forecaster named {@code "dotm"}
   */
  static DemandForecaster dynamicOptimisedTheta(int season) {
    return new Theta(Theta.Variant.DOTM, season);
  }

  /**
   * The default: for intermittent series whichever of Croston/SBA/TSB fits best in-sample,
   * otherwise the mean of {@link #ets(int)}, {@link #theta(int)} and {@link
   * #dynamicOptimisedTheta(int)}. Chosen as the most accurate default within the speed target
   * that we measured on the M3 yearly and quarterly series, ahead of {@link #combo(int)}, which
   * adds ARIMA and is slower (BENCHMARKS.md, "Forecast accuracy on M3").
   *
   * @return the forecaster named {@code "auto"}
   */
  static DemandForecaster auto() {
    return new Auto(1);
  }

  /**
   * Like {@link #auto()}, on the seasonally adjusted series. For a significantly seasonal,
   * strictly positive series (at least three seasons) the theta members work on its Box-Cox
   * scale (lambda by Guerrero's method) with an evolving season; the provenance setting
   * {@code lambda} says which lambda, or why none.
   *
   * @param season the season length (1 for none)
   * @return the forecaster named {@code "auto"}
   */
  static DemandForecaster auto(int season) {
    return new Auto(season);
  }

  /**
   * Automatic exponential smoothing: every allowed model of the state-space family (error
   * additive or multiplicative, trend none, additive or damped, season none, additive or
   * multiplicative; no additive error with multiplicative season; multiplicative parts only for
   * positive data; seasonal models only with two full seasons plus the parameters) fitted by
   * maximum likelihood, the smallest AICc chosen (Hyndman et al. 2008). The chosen model, e.g.
   * {@code ETS(M,Ad,N)}, is the provenance setting {@code chosen}.
   *
   * @param season the season length (1 for none)
   * @return the forecaster named {@code "ets"}
   */
  static DemandForecaster ets(int season) {
    return new io.c2m.demand.internal.EtsSelect(season);
  }

  /**
   * Automatic ARIMA (Hyndman and Khandakar 2008): KPSS tests for differencing, a stepwise
   * search of the orders by AICc, conditional least squares; on the seasonally adjusted series.
   *
   * @param season the season length (1 for none)
   * @return the forecaster named {@code "arima"}
   */
  static DemandForecaster arima(int season) {
    return new io.c2m.demand.internal.Arima(season);
  }

  /**
   * The equal-weight mean of {@link #ets(int)}, {@link #arima(int)} and {@link #theta(int)},
   * step by step, quantiles averaged likewise.
   *
   * @param season the season length (1 for none)
   * @return the forecaster named {@code "combo"}
   */
  static DemandForecaster combo(int season) {
    return Auto.combo(season, false);
  }


  /**
   * Gives a forecaster conformal prediction intervals calibrated on its own rolling-origin errors
   * over the history (10 origins): its point forecasts are kept, its p10 and p90 become the
   * calibrated 80% interval, and {@link IntervalForecaster#intervals} gives any other level, each
   * level calibrated on its own. The built-in smoothing and theta models are fitted once and run
   * with those parameters from each origin; other forecasters (ARIMA, the naive ones, yours) are
   * refitted at each origin, up to 10 extra fits per forecast. See BENCHMARKS.md for the coverage
   * measured on M3.
   *
   * @param forecaster the forecaster
   * @return the calibrated forecaster, with the same name
   */
  static IntervalForecaster conformal(DemandForecaster forecaster) {
    return io.c2m.demand.internal.Conformal.wrap(forecaster);
  }

  /**
   * Like {@link #conformal(DemandForecaster)} with a chosen number of rolling origins.
   *
   * @param forecaster the forecaster
   * @param origins how many origins to refit it at, at least 1
   * @return the calibrated forecaster, with the same name
   */
  static IntervalForecaster conformal(DemandForecaster forecaster, int origins) {
    return new io.c2m.demand.internal.Conformal(forecaster, origins);
  }

  /**
   * Wraps a forecaster so that its arguments and every forecast it returns are checked. The
   * arguments are checked before the forecaster is called (history not null, horizon in [1,
   * {@link #MAX_HORIZON}], history at least {@link #minLength()} long): a bad one raises an
   * {@link IllegalArgumentException}, the caller's error. Anything the forecaster throws
   * afterwards, and a forecast that breaks the contract (for another series, not one point per
   * step, negative), raises a {@link io.c2m.StrategyException} naming the forecaster, with the
   * cause kept.
   *
   * @param forecaster the forecaster to check
   * @return the checking forecaster, with the same name
   */
  static DemandForecaster checked(DemandForecaster forecaster) {
    return CheckedForecaster.wrap(forecaster);
  }
}
