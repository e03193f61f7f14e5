package io.c2m.demand.internal;

import io.c2m.Provenance;
import io.c2m.demand.DemandForecast;
import io.c2m.demand.DemandForecaster;
import io.c2m.demand.DemandSeries;
import java.util.List;
import java.util.Map;

/**
 * Automatic exponential smoothing: every model of the state-space family that the series allows
 * ({@link EtsFamily}: error A/M × trend N/A/Ad × season N/A/M, with the usual restrictions) is
 * fitted by maximum likelihood and the one with the smallest corrected Akaike information
 * criterion wins (Hyndman, Koehler, Snyder and Grose 2002, "A state space framework for automatic
 * forecasting using exponential smoothing methods", IJF 18(3); Hyndman et al. 2008, chapter 7).
 * Seasonal models are candidates when a season length above 1 is given and the series holds at
 * least two full seasons plus one period per parameter. Ties go to the simpler model.
 *
 * <p>Maximum likelihood here: the smoothing parameters, the damping and the initial level and
 * trend maximise the Gaussian likelihood of the innovations (additive errors: the sum of squared
 * errors; multiplicative errors: the sum of squared relative errors with the log fitted values,
 * Hyndman et al. 2008, section 5.2); the initial seasonal states are fixed by classical
 * decomposition rather than estimated, so a seasonal model saves the optimiser {@code m - 1}
 * dimensions but AICc still counts them. Series too short for any model (AICc needs more
 * observations than parameters plus two) get {@code naive}, which the provenance says.
 *
 * <p>As a member of {@code auto}, the selection also considers a significantly seasonal,
 * strictly positive series on its Box-Cox scale ({@link BoxCox}, Guerrero's lambda): the
 * additive models of the family fitted there compete with the others by their AICc on the
 * original scale (the likelihood of the transformed series plus the transform's log-Jacobian,
 * with lambda counted as a parameter), and the winner's forecasts are transformed back. R's
 * {@code ets} given a lambda fits the additive models on the transformed scale only; measured on
 * M3 quarterly, that loses to the original-scale models (BENCHMARKS.md), which this comparison
 * keeps in the running.
 *
 * <p>The forecast's method is {@code ets}; its provenance has the settings {@code chosen} (e.g.
 * {@code ETS(M,Ad,N)}) and {@code season}, and for {@code auto}'s member {@code lambda} and
 * {@code scale} ({@code original} or {@code box-cox}). Immutable and thread-safe.
 */
public final class EtsSelect implements DemandForecaster, FixedParameters {
  private static final SeasonalAdjustment NO_ADJUSTMENT = SeasonalAdjustment.of(new double[0], 1);

  private final int season;
  private final boolean full;
  private final boolean boxCox;

  /**
   * Creates the forecaster.
   *
   * @param season the season length, 1 for none
   */
  public EtsSelect(int season) {
    this(season, true);
  }

  /**
   * Creates the forecaster, choosing the candidates.
   *
   * @param season the season length, 1 for none
   * @param full true for the whole family; false for the additive-error ses, holt and damped
   *     trend only, started at zero ({@link Ets}'s default for the built-in smoothers): the
   *     selection of issue 5, which {@code auto} uses for non-seasonal series because it is
   *     more accurate on the M3 yearly series (see {@link Auto}) and five times faster
   */
  EtsSelect(int season, boolean full) {
    this(season, full, false);
  }

  /**
   * Creates the forecaster, choosing the candidates and the scale.
   *
   * @param season the season length, 1 for none
   * @param full as for {@link #EtsSelect(int, boolean)}
   * @param boxCox true to model a significantly seasonal, strictly positive series on its
   *     Box-Cox scale ({@link BoxCox}, Guerrero's lambda) with the additive models of the family
   *     only, and to transform the forecasts back (as {@code auto} does)
   */
  EtsSelect(int season, boolean full, boolean boxCox) {
    if (season < 1) {
      throw new IllegalArgumentException(
          "The season length (" + season + ") of ets must be at least 1.");
    }
    this.season = season;
    this.full = full;
    this.boxCox = boxCox;
  }

  @Override
  public String name() {
    return "ets";
  }

  /**
   * Returns the model chosen for a series.
   *
   * @param history the history
   * @return the chosen model's name, e.g. {@code ETS(A,Ad,N)}, or {@code naive}
   */
  public String choose(DemandSeries history) {
    EtsFit fit = select(history.values());
    return fit == null ? "naive" : EtsFamily.label(fit.model());
  }

  /** The fit with the smallest AICc among the candidates, or null when none can be fitted. */
  EtsFit select(double[] y) {
    Choice c = select(y, BoxCox.none("not asked for"), y);
    return c == null ? null : c.fit();
  }

  /**
   * The fit with the smallest AICc on the original scale among the candidates for {@code y}
   * and, when a transform is given, the additive models for its Box-Cox scale {@code w},
   * whose AICc adds the transform's log-Jacobian and one parameter for lambda ({@link
   * EtsFit#aicc(int, double)}); ties go to the original scale.
   */
  private Choice select(double[] y, BoxCox bc, double[] w) {
    boolean positive = true;
    for (double v : y) {
      positive &= v > 0;
    }
    List<Ets> candidates = full ? EtsFamily.candidates(y.length, season, positive)
        : EtsFamily.smoothers(y.length);
    Choice best = null;
    double bestAicc = Double.POSITIVE_INFINITY;
    for (Ets model : candidates) {
      EtsFit fit = model.fit(y);
      double aicc = fit.aicc();
      if (aicc < bestAicc) {
        bestAicc = aicc;
        best = new Choice(fit, false);
      }
    }
    if (!bc.active()) {
      return best;
    }
    double logY = 0;
    for (double v : y) {
      logY += Math.log(v);
    }
    double jacobian = -2 * (bc.lambda() - 1) * logY;
    for (Ets model : EtsFamily.candidates(y.length, season, false, true)) {
      EtsFit fit = model.fit(w);
      double aicc = fit.aicc(1, jacobian);
      if (aicc < bestAicc) {
        bestAicc = aicc;
        best = new Choice(fit, true);
      }
    }
    return best;
  }

  /** A chosen fit and whether it was fitted on the Box-Cox scale. */
  private record Choice(EtsFit fit, boolean transformed) {}

  @Override
  public DemandForecast forecast(DemandSeries history, int horizon) {
    return fitOnce(history, horizon).forecast();
  }

  @Override
  public Origins fitOnce(DemandSeries history, int fitted, int horizon) {
    Points.check(history, horizon, name(), 1);
    double[] y = history.values();
    DemandSeries part = FixedParameters.prefix(history, fitted);
    BoxCox bc = boxCox ? BoxCox.forSeries(part.values(), season) : BoxCox.none("not asked for");
    // Values after the fitted part that cannot be transformed are reached by refitting.
    int usable = bc.active() ? BoxCox.positivePrefix(y) : y.length;
    double[] w = bc.active() ? bc.transform(java.util.Arrays.copyOf(y, usable)) : y;
    Choice choice = select(part.values(), bc,
        bc.active() ? java.util.Arrays.copyOf(w, fitted) : null);
    if (choice == null) {
      DemandForecaster naive = new Naive(season);
      Provenance prov = Provenance.builtIn(name(), 0, Map.of("chosen", "naive", "season",
          Integer.toString(season), "fallback", "history of " + fitted
              + " period(s) too short for any exponential smoothing model by AICc"));
      DemandForecast f = naive.forecast(part, horizon);
      DemandForecast full = new DemandForecast(f.seriesId(), name(), f.points(), prov);
      return Origins.of(full, (origin, steps) ->
          naive.forecast(FixedParameters.prefix(history, origin), steps));
    }
    EtsFit fit = choice.fit();
    BoxCox scale = choice.transformed() ? bc : BoxCox.none("original scale chosen");
    double[] series = choice.transformed() ? w : y;
    int reach = choice.transformed() ? usable : y.length;
    Map<String, String> settings = new java.util.LinkedHashMap<>();
    settings.put("chosen", EtsFamily.label(fit.model()));
    settings.put("season", Integer.toString(season));
    if (boxCox) {
      settings.put("lambda", bc.describe());
      settings.put("scale", choice.transformed() ? "box-cox" : "original");
    }
    Provenance prov = Provenance.builtIn(name(), 0, settings);
    DemandForecast full = forecast(part, scale, fit, horizon, prov);
    return Origins.of(full, (origin, steps) -> origin > reach
        ? EtsSelect.this.forecast(FixedParameters.prefix(history, origin), steps)
        : forecast(FixedParameters.prefix(history, origin), scale,
            fit.atOrigin(series, origin), steps, prov));
  }

  private DemandForecast forecast(DemandSeries history, BoxCox bc, EtsFit fit, int horizon,
      Provenance prov) {
    if (!bc.active()) {
      return EtsForecaster.forecast(history, NO_ADJUSTMENT, fit, horizon, name(), prov);
    }
    return new DemandForecast(history.id(), name(),
        bc.points(name(), history.id(), fit.means(horizon), fit.sds(horizon)), prov);
  }
}
