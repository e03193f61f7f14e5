package io.c2m.demand.internal;

/**
 * The M3 competition's seasonal adjustment (Makridakis and Hibon 2000, section 2): a series that
 * passes {@link Seasonality#isSeasonal} is divided by its classical multiplicative indices before
 * a non-seasonal method runs, and the forecasts are multiplied back. Series that are not
 * significantly seasonal, too short ({@code < 3m}) or not strictly positive are left alone.
 * Internal: used by the non-seasonal forecasters given a season length.
 */
final class SeasonalAdjustment {
  private final double[] index;
  private final int m;

  private SeasonalAdjustment(double[] index, int m) {
    this.index = index;
    this.m = m;
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
      a[t] = y[t] / index[t % m];
    }
    return a;
  }

  /**
   * Multiplies forecasts back by the index of their period.
   *
   * @param v values for steps 1.. after a history of length n; changed in place
   * @param n the history's length
   */
  void reseasonalize(double[] v, int n) {
    if (index == null) {
      return;
    }
    for (int h = 0; h < v.length; h++) {
      v[h] *= index[(n + h) % m];
    }
  }
}
