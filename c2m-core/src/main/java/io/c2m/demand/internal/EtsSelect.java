package io.c2m.demand.internal;

import io.c2m.demand.DemandForecast;
import io.c2m.demand.DemandForecaster;
import io.c2m.demand.DemandSeries;
import java.util.List;

/**
 * Exponential smoothing chosen per series by the corrected Akaike information criterion
 * (Hyndman, Koehler, Snyder and Grose 2002, "A state space framework for automatic forecasting
 * using exponential smoothing methods", IJF 18(3)): the series is seasonally adjusted when a
 * season length above 1 is given and it is significantly seasonal ({@link SeasonalAdjustment},
 * the M3 convention), then {@code ses}, {@code holt} and {@code holt-damped} (additive errors)
 * are fitted and the one with the smallest AICc wins; ties go to the simpler. Series too short
 * for any of them (AICc needs more observations than parameters plus two) get {@code naive}.
 * This was {@code auto} before issue 12; it is the ETS member of {@code combo}. Not the whole
 * ETS family: multiplicative errors and seasonal states are not among the candidates (see
 * BENCHMARKS.md, "Forecast accuracy on M3").
 *
 * <p>The forecast's method is {@code ets}; its provenance has the settings {@code chosen}, the
 * method used, and {@code season}. Immutable and thread-safe.
 */
public final class EtsSelect implements DemandForecaster {
  private final int season;
  private final List<EtsForecaster> smoothers;

  /**
   * Creates the forecaster.
   *
   * @param season the season length for adjustment, 1 for none
   */
  public EtsSelect(int season) {
    if (season < 1) {
      throw new IllegalArgumentException(
          "The season length (" + season + ") of ets must be at least 1.");
    }
    this.season = season;
    this.smoothers = List.of(
        EtsForecaster.ses(1), EtsForecaster.holt(1), EtsForecaster.holtDamped(1));
  }

  @Override
  public String name() {
    return "ets";
  }

  /**
   * Returns the method chosen for a series.
   *
   * @param history the history
   * @return the chosen method's name
   */
  public String choose(DemandSeries history) {
    return select(history, 1).method();
  }

  /** The chosen method and its forecast. */
  private record Choice(String method, DemandForecast forecast) {}

  private Choice select(DemandSeries history, int horizon) {
    double[] y = history.values();
    int n = y.length;
    SeasonalAdjustment adj = SeasonalAdjustment.of(y, season);
    double[] a = adj.adjust(y);
    EtsForecaster best = null;
    Ets.Fitted bestFit = null;
    double bestAicc = Double.POSITIVE_INFINITY;
    for (EtsForecaster f : smoothers) {
      if (n < f.minLength()) {
        continue;
      }
      Ets.Fitted fit = f.fit(a);
      double aicc = fit.aicc();
      if (aicc < bestAicc) {
        bestAicc = aicc;
        best = f;
        bestFit = fit;
      }
    }
    if (best == null) {
      DemandForecast f = new Naive(season).forecast(history, horizon);
      return new Choice("naive", new DemandForecast(f.seriesId(), name(), f.points(),
          io.c2m.Provenance.builtIn(name(), 0, java.util.Map.of("chosen", "naive", "season",
              Integer.toString(season), "fallback", "history of " + n
                  + " period(s) too short for AICc"))));
    }
    return new Choice(best.name(), EtsForecaster.forecast(
        history, adj, bestFit, horizon, name(), provenance(best.name())));
  }

  private io.c2m.Provenance provenance(String chosen) {
    return io.c2m.Provenance.builtIn(name(), 0,
        java.util.Map.of("chosen", chosen, "season", Integer.toString(season)));
  }

  @Override
  public DemandForecast forecast(DemandSeries history, int horizon) {
    Points.check(history, horizon, name(), 1);
    return select(history, horizon).forecast();
  }
}
