package io.c2m.demand.internal;

import io.c2m.Provenance;
import io.c2m.demand.DemandForecast;
import io.c2m.demand.DemandForecaster;
import io.c2m.demand.DemandSeries;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The default forecaster: the best default we measured (BENCHMARKS.md, "Forecast accuracy on
 * M3"). Immutable and thread-safe.
 *
 * <ol>
 *   <li>Intermittent series, whose average inter-demand interval exceeds 1.32 periods (the cut-off
 *       of Syntetos, Boylan and Croston 2005, "On the categorization of demand patterns", JORS
 *       56), get whichever of {@code croston}, {@code sba} and {@code tsb} has the smallest
 *       in-sample mean squared one-step error; ties go to the earlier in that order.
 *   <li>Other series get the mean of automatic exponential smoothing ({@code ets}), the
 *       standard theta method ({@code theta}) and the dynamic optimised theta model ({@code
 *       dotm}), the theta models on the seasonally adjusted series: combining beat every single
 *       method on the M3 yearly and quarterly series, as combinations did in M3 and M4. Given a
 *       season length above 1, {@code ets} is the full state-space family chosen by AICc,
 *       seasonal models included: M3 quarterly sMAPE 8.93, against 9.08 with the AICc choice
 *       among ses, holt and holt-damped on the adjusted series. Without a season (length 1) it
 *       is that older choice, with states started at zero: on the M3 yearly series the
 *       combination scores 15.87 with it and 15.93 with the full family, and it fits three
 *       models instead of six, which keeps 10,000 series within the speed target. {@code
 *       combo}, which puts automatic ARIMA in place of {@code dotm} (the M4 benchmark
 *       combination), costs about twenty times more (ARIMA's stepwise search fits up to 32
 *       models by conditional least squares, 4 ms a series of 100 periods); so {@code auto} is
 *       the fast combination.
 *       (Choosing a Holt-Winters model instead for long seasonal series, by its errors over the
 *       last three seasons, was tried and measured worse: M3 quarterly sMAPE 9.41 against
 *       9.08, and a hundred times slower.)
 *       <p>A significantly seasonal, strictly positive series (season length above 1) is
 *       modelled by the two theta members on its Box-Cox scale ({@link BoxCox}, lambda in [0,
 *       1] by Guerrero's method, as in Hyndman and Athanasopoulos, FPP3 sections 3.1 and 5.6),
 *       adjusted there by an evolving additive season (STL-like, {@link
 *       Seasonality#evolvingAdditive}) instead of fixed multiplicative indices. {@code ets}
 *       stays on the original scale, where its multiplicative models already describe swings
 *       that grow with the level (letting its additive models compete on the Box-Cox scale by
 *       AICc with the log-Jacobian was measured: no gain, 27% more time on M3 quarterly).
 *       Measured (BENCHMARKS.md, "Quality on seasonal series"): AirPassengers sMAPE 2.90
 *       against 4.63, M3 quarterly 8.87 against 8.94. Non-seasonal series are untouched.
 * </ol>
 *
 * <p>The forecast's method is {@code auto}; its provenance (strategy {@code auto}) has the
 * settings {@code chosen} (the method used: {@code ets-theta-dotm} or an intermittent one),
 * {@code season} and, for a season length above 1 and the combination, {@code lambda} (the
 * Box-Cox parameter, or {@code none: } and why the series was not transformed), plus those of
 * the chosen method; {@link #choose(DemandSeries)} also says which
 * method was used.
 */
public final class Auto implements DemandForecaster, FixedParameters {
  private static final double INTERMITTENT_ADI = 1.32;

  private final int season;
  private final Combo combo;
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
    boolean boxCox = season > 1;
    this.combo = new Combo("ets-theta-dotm", List.of(new EtsSelect(season, season > 1),
        new Theta(Theta.Variant.STM, season, boxCox),
        new Theta(Theta.Variant.DOTM, season, boxCox)), false);
    this.intermittent = List.of(new Intermittent(Intermittent.Variant.CROSTON),
        new Intermittent(Intermittent.Variant.SBA), new Intermittent(Intermittent.Variant.TSB));
  }

  /**
   * The combination {@code auto} uses: ETS chosen by AICc, ARIMA and theta (STM), the
   * combination of the M4 competition's benchmarks.
   *
   * @param season the season length for adjustment, 1 for none
   * @param median true for the median instead of the mean
   * @return the forecaster named {@code "combo"}
   */
  public static DemandForecaster combo(int season, boolean median) {
    return new Combo("combo", List.of(new EtsSelect(season), new Arima(season),
        new Theta(Theta.Variant.STM, season)), median);
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
    return select(history, 1).provenance().settings().get("chosen");
  }

  private DemandForecast select(DemandSeries history, int horizon) {
    return fitOnce(history, horizon).forecast();
  }

  /**
   * {@inheritDoc} The combination keeps its members' parameters; on an intermittent series the
   * chosen Croston-family variant keeps its smoothing constants from each origin (the choice
   * among the variants and their constants count as the fit's parameters).
   */
  @Override
  public Origins fitOnce(DemandSeries all, int fitted, int horizon) {
    DemandSeries history = FixedParameters.prefix(all, fitted);
    Points.check(history, horizon, name(), 1);
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
      DemandForecast full = Intermittent.forecast(history, bestFit, horizon, name(),
          provenance(best.name(), Map.of()));
      Intermittent chosen = best;
      Intermittent.Result fit = bestFit;
      return Origins.of(full, (origin, steps) -> {
        DemandSeries prefix = FixedParameters.prefix(all, origin);
        return Intermittent.forecast(prefix, chosen.rerun(prefix.values(), fit), steps, name(),
            full.provenance());
      });
    }
    Origins inner = combo.fitOnce(all, fitted, horizon);
    DemandForecast f = inner.forecast();
    String lambda = season > 1 ? BoxCox.forSeries(y, season).describe() : null;
    DemandForecast full = new DemandForecast(history.id(), name(), f.points(),
        provenance(combo.name(), f.provenance().settings(), lambda));
    return Origins.of(full, inner::at);
  }

  private Provenance provenance(String chosen, Map<String, String> inner) {
    return provenance(chosen, inner, null);
  }

  private Provenance provenance(String chosen, Map<String, String> inner, String lambda) {
    Map<String, String> s = new HashMap<>(inner);
    s.put("chosen", chosen);
    s.put("season", Integer.toString(season));
    if (lambda != null) {
      s.put("lambda", lambda);
    }
    return Provenance.builtIn(name(), 0, s);
  }

  @Override
  public DemandForecast forecast(DemandSeries history, int horizon) {
    Points.check(history, horizon, name(), 1);
    return select(history, horizon);
  }
}
