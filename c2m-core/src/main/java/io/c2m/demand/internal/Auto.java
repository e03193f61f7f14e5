package io.c2m.demand.internal;

import io.c2m.demand.DemandForecast;
import io.c2m.demand.DemandForecaster;
import io.c2m.demand.DemandSeries;
import java.util.List;

/**
 * Chooses a method per series. Immutable and thread-safe.
 *
 * <ol>
 *   <li>Intermittent series, whose average inter-demand interval exceeds 1.32 periods (the cut-off
 *       of Syntetos, Boylan and Croston 2005, "On the categorization of demand patterns", JORS
 *       56), get whichever of {@code croston}, {@code sba} and {@code tsb} has the smallest
 *       in-sample mean squared one-step error; ties go to the earlier in that order.
 *   <li>Other series are seasonally adjusted when a season length above 1 is given and the series
 *       is significantly seasonal ({@link SeasonalAdjustment}), then {@code ses}, {@code holt}
 *       and {@code holt-damped} are fitted and the one with the smallest corrected Akaike
 *       information criterion wins (Hyndman et al. 2002, "A state space framework for automatic
 *       forecasting using exponential smoothing methods", IJF 18(3)); ties go to the simpler.
 *   <li>Series too short for any of them (AICc needs more observations than parameters plus two)
 *       get {@code naive}.
 * </ol>
 *
 * <p>The forecast's method is {@code auto}; {@link #choose(DemandSeries)} says which method was
 * used.
 */
public final class Auto implements DemandForecaster {
  private static final double INTERMITTENT_ADI = 1.32;

  private final int season;
  private final List<EtsForecaster> smoothers;
  private final List<Intermittent> intermittent;

  /**
   * Creates the forecaster.
   *
   * @param season the season length for adjustment, 1 for none
   */
  public Auto(int season) {
    if (season < 1) {
      throw new IllegalArgumentException(
          "The season length (" + season + ") of auto must be at least 1.");
    }
    this.season = season;
    this.smoothers = List.of(
        EtsForecaster.ses(1), EtsForecaster.holt(1), EtsForecaster.holtDamped(1));
    this.intermittent = List.of(new Intermittent(Intermittent.Variant.CROSTON),
        new Intermittent(Intermittent.Variant.SBA), new Intermittent(Intermittent.Variant.TSB));
  }

  @Override
  public String name() {
    return "auto";
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
    int nonzero = 0;
    for (double v : y) {
      if (v > 0) {
        nonzero++;
      }
    }
    if (n >= 2 && nonzero > 0 && (double) n / nonzero > INTERMITTENT_ADI) {
      Intermittent best = null;
      Intermittent.Result bestFit = null;
      for (Intermittent f : intermittent) {
        Intermittent.Result r = f.fit(y);
        if (bestFit == null || r.mse() < bestFit.mse()) {
          bestFit = r;
          best = f;
        }
      }
      return new Choice(best.name(), Intermittent.forecast(history, bestFit, horizon, name()));
    }
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
      return new Choice("naive", new DemandForecast(f.seriesId(), name(), f.points()));
    }
    return new Choice(best.name(), EtsForecaster.forecast(history, adj, bestFit, horizon, name()));
  }

  @Override
  public DemandForecast forecast(DemandSeries history, int horizon) {
    Points.check(history, horizon, name(), 1);
    return select(history, horizon).forecast();
  }
}
