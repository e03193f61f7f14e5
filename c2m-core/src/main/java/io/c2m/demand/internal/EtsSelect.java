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
 * <p>The forecast's method is {@code ets}; its provenance has the settings {@code chosen} (e.g.
 * {@code ETS(M,Ad,N)}) and {@code season}. Immutable and thread-safe.
 */
public final class EtsSelect implements DemandForecaster, FixedParameters {
  private final int season;
  private final boolean full;

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
    if (season < 1) {
      throw new IllegalArgumentException(
          "The season length (" + season + ") of ets must be at least 1.");
    }
    this.season = season;
    this.full = full;
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
    boolean positive = true;
    for (double v : y) {
      positive &= v > 0;
    }
    List<Ets> candidates = full ? EtsFamily.candidates(y.length, season, positive)
        : EtsFamily.smoothers(y.length);
    EtsFit best = null;
    double bestAicc = Double.POSITIVE_INFINITY;
    for (Ets model : candidates) {
      EtsFit fit = model.fit(y);
      double aicc = fit.aicc();
      if (aicc < bestAicc) {
        bestAicc = aicc;
        best = fit;
      }
    }
    return best;
  }

  @Override
  public DemandForecast forecast(DemandSeries history, int horizon) {
    return fitOnce(history, horizon).forecast();
  }

  @Override
  public Origins fitOnce(DemandSeries history, int fitted, int horizon) {
    Points.check(history, horizon, name(), 1);
    double[] y = history.values();
    DemandSeries part = FixedParameters.prefix(history, fitted);
    EtsFit fit = select(part.values());
    if (fit == null) {
      DemandForecaster naive = new Naive(season);
      Provenance prov = Provenance.builtIn(name(), 0, Map.of("chosen", "naive", "season",
          Integer.toString(season), "fallback", "history of " + fitted
              + " period(s) too short for any exponential smoothing model by AICc"));
      DemandForecast f = naive.forecast(part, horizon);
      DemandForecast full = new DemandForecast(f.seriesId(), name(), f.points(), prov);
      return Origins.of(full, (origin, steps) ->
          naive.forecast(FixedParameters.prefix(history, origin), steps));
    }
    SeasonalAdjustment none = SeasonalAdjustment.of(y, 1);
    Provenance prov = Provenance.builtIn(name(), 0, Map.of(
        "chosen", EtsFamily.label(fit.model()), "season", Integer.toString(season)));
    DemandForecast full = EtsForecaster.forecast(part, none, fit, horizon, name(), prov);
    return Origins.of(full, (origin, steps) ->
        EtsForecaster.forecast(FixedParameters.prefix(history, origin), none,
            fit.atOrigin(y, origin), steps, name(), prov));
  }
}
