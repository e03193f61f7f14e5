package io.c2m.demand.internal;

/**
 * The M3 competition's seasonal adjustment (Makridakis and Hibon 2000, section 2): a series that
 * passes {@link Seasonality#isSeasonal} is divided by its classical multiplicative indices before
 * a non-seasonal method runs, and the forecasts are multiplied back. Series that are not
 * significantly seasonal, too short ({@code < 3m}) or not strictly positive are left alone.
 * Internal: used by the non-seasonal forecasters given a season length.
 *
 * <p>{@link #evolving(double[], int, int)} is the additive counterpart for a series on the
 * Box-Cox scale ({@link BoxCox}), where the seasonal swings no longer grow with the level: its
 * seasonal components may drift from season to season ({@link Seasonality#evolvingAdditive});
 * they are subtracted, forecasts get those of the last season added back, and forecast spreads
 * are left as they are.
 */
final class SeasonalAdjustment {
  private final double[] index;
  private final int m;
  private final boolean additive;
  /** Per-period indices of the history for an evolving season, else null. */
  private final double[] history;

  private SeasonalAdjustment(double[] index, int m, boolean additive) {
    this(index, m, additive, null);
  }

  private SeasonalAdjustment(double[] index, int m, boolean additive, double[] history) {
    this.index = index;
    this.m = m;
    this.additive = additive;
    this.history = history;
  }

  /**
   * The additive adjustment of a series already judged seasonal by an evolving season
   * ({@link Seasonality#evolvingAdditive}): each period of the history has its own index, and
   * forecasts repeat the indices of the last season, as STL forecasts do.
   *
   * @param y the series (any sign), at least two seasons long
   * @param m the season length
   * @param span the seasonal smoother's span, in seasons
   * @return the adjustment, the identity if the indices cannot be estimated
   */
  static SeasonalAdjustment evolving(double[] y, int m, int span) {
    if (m < 2) {
      return new SeasonalAdjustment(null, 1);
    }
    double[] s = Seasonality.evolvingAdditive(y, m, span).orElse(null);
    if (s == null) {
      return new SeasonalAdjustment(null, 1);
    }
    double[] last = new double[m];
    for (int t = y.length - m; t < y.length; t++) {
      last[t % m] = s[t];
    }
    return new SeasonalAdjustment(last, m, true, s);
  }

  /** The index of period {@code t} (0-based). */
  private double at(int t) {
    return history != null && t < history.length ? history[t] : index[t % m];
  }

  private SeasonalAdjustment(double[] index, int m) {
    this(index, m, false);
  }

  /**
   * Decides the adjustment for a series.
   *
   * @param y the series
   * @param m the season length (1 for none)
   * @return the adjustment, possibly the identity
   */
  static SeasonalAdjustment of(double[] y, int m) {
    if (m < 2 || !Seasonality.isSeasonal(y, m)) {
      return new SeasonalAdjustment(null, 1);
    }
    for (double v : y) {
      if (!(v > 0)) {
        return new SeasonalAdjustment(null, 1);
      }
    }
    return new SeasonalAdjustment(Seasonality.multiplicativeIndices(y, m).orElse(null), m);
  }

  /** Whether the series is adjusted. */
  boolean active() {
    return index != null;
  }

  /** The seasonally adjusted series. */
  double[] adjust(double[] y) {
    if (index == null) {
      return y;
    }
    double[] a = new double[y.length];
    for (int t = 0; t < y.length; t++) {
      a[t] = additive ? y[t] - at(t) : y[t] / at(t);
    }
    return a;
  }

  /**
   * Puts the season back into point forecasts: multiplies them by the index of their period, or
   * adds it for the additive adjustment.
   *
   * @param v values for steps 1.. after a history of length n; changed in place
   * @param n the history's length
   */
  void reseasonalize(double[] v, int n) {
    if (index == null) {
      return;
    }
    for (int h = 0; h < v.length; h++) {
      v[h] = additive ? v[h] + at(n + h) : v[h] * at(n + h);
    }
  }

  /**
   * Puts the season back into forecast standard deviations: multiplies them by the index of
   * their period; the additive adjustment leaves them alone.
   *
   * @param sd standard deviations for steps 1.. after a history of length n; changed in place
   * @param n the history's length
   */
  void reseasonalizeSpread(double[] sd, int n) {
    if (!additive) {
      reseasonalize(sd, n);
    }
  }
}
