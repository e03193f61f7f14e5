package io.c2m.demand.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The candidates of the automatic exponential smoothing selection ({@link EtsSelect}): the
 * state-space family of Hyndman, Koehler, Ord and Snyder (2008), error additive or multiplicative
 * × trend none, additive or additive damped × season none, additive or multiplicative, with the
 * restrictions of their section 7.1 and of R's {@code forecast::ets} defaults. Internal: one job,
 * deciding which models a series may be fitted with.
 *
 * <ul>
 *   <li>Additive errors with a multiplicative season are left out: their forecast variance can be
 *       infinite and the fits are numerically unstable (section 15.3).
 *   <li>Multiplicative errors or seasons need strictly positive data.
 *   <li>A seasonal model needs a season length above 1 and at least two full seasons plus one
 *       period per parameter it counts in AICc ({@code n >= 2m + k}); a model of any kind needs
 *       {@code n >= k + 2}, for AICc to be finite.
 *   <li>Multiplicative trends are not offered (as {@code forecast::ets} by default).
 * </ul>
 *
 * <p>That leaves up to fifteen models: ANN, AAN, AAdN, MNN, MAN, MAdN, then ANA, AAA, AAdA, MNA,
 * MAA, MAdA, MNM, MAM, MAdM, in that order (ties in AICc go to the earlier, simpler one).
 */
final class EtsFamily {
  private EtsFamily() {}

  /**
   * Lists the models a series may be fitted with.
   *
   * @param n the series' length
   * @param m the season length, 1 for none
   * @param positive whether every value is strictly positive
   * @return the candidates, simplest first; possibly empty
   */
  static List<Ets> candidates(int n, int m, boolean positive) {
    List<Ets> out = new ArrayList<>();
    Ets.Season[] seasons = m >= 2
        ? new Ets.Season[] {Ets.Season.NONE, Ets.Season.ADDITIVE, Ets.Season.MULTIPLICATIVE}
        : new Ets.Season[] {Ets.Season.NONE};
    for (Ets.Season season : seasons) {
      for (Ets.Error error : Ets.Error.values()) {
        for (Ets.Trend trend : Ets.Trend.values()) {
          Ets model = new Ets(error, trend, season, m, false, false);
          if (allowed(model, n, positive)) {
            out.add(model);
          }
        }
      }
    }
    return out;
  }

  /**
   * The additive-error non-seasonal models started at zero (ses, holt, damped trend), as far as
   * a series of length {@code n} leaves AICc finite: the candidates of issue 5's selection.
   *
   * @param n the series' length
   * @return the candidates, simplest first
   */
  static List<Ets> smoothers(int n) {
    List<Ets> out = new ArrayList<>();
    for (Ets.Trend trend : Ets.Trend.values()) {
      Ets model = new Ets(trend, Ets.Season.NONE, 1, true);
      if (n >= model.minLength()) {
        out.add(model);
      }
    }
    return out;
  }

  /**
   * Whether a model may be fitted to a series.
   *
   * @param model the model
   * @param n the series' length
   * @param positive whether every value is strictly positive
   * @return true if allowed
   */
  static boolean allowed(Ets model, int n, boolean positive) {
    boolean multiplicative = model.error == Ets.Error.MULTIPLICATIVE
        || model.season == Ets.Season.MULTIPLICATIVE;
    if (multiplicative && !positive) {
      return false;
    }
    if (model.error == Ets.Error.ADDITIVE && model.season == Ets.Season.MULTIPLICATIVE) {
      return false;
    }
    int k = parameters(model);
    if (n < Math.max(model.minLength(), k + 2)) {
      return false;
    }
    return model.season == Ets.Season.NONE || n >= 2 * model.m + k;
  }

  /** The parameters AICc counts for a model: as {@link EtsFit#parameters()}. */
  static int parameters(Ets model) {
    return model.freeParameters() + 1 + (model.season == Ets.Season.NONE ? 0 : model.m - 1);
  }

  /**
   * The model's name in the notation of Hyndman et al. (2008), e.g. {@code ETS(M,Ad,N)}.
   *
   * @param model the model
   * @return the name
   */
  static String label(Ets model) {
    String e = model.error == Ets.Error.ADDITIVE ? "A" : "M";
    String t = switch (model.trend) {
      case NONE -> "N";
      case ADDITIVE -> "A";
      case DAMPED -> "Ad";
    };
    String s = switch (model.season) {
      case NONE -> "N";
      case ADDITIVE -> "A";
      case MULTIPLICATIVE -> "M";
    };
    return "ETS(" + e + "," + t + "," + s + ")";
  }
}
