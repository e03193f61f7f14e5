package io.c2m.demand.internal;

import java.util.Optional;

/**
 * Classical seasonal decomposition and the seasonality test used for the M3 competition's
 * seasonally adjusted methods. Internal: shared by the forecasters that adjust a seasonal series
 * before smoothing it.
 *
 * <p>The test (Makridakis, Wheelwright and Hyndman 1998, "Forecasting: Methods and
 * Applications", 3rd ed.; used for M3 by Makridakis and Hibon 2000) declares a series seasonal
 * when its autocorrelation at the seasonal lag {@code m} exceeds the 90% limit {@code z *
 * sqrt((1 + 2 * sum_{k<m} r_k^2) / n)} (Bartlett's standard error), and only for series of at
 * least {@code 3m} periods. We take the one-sided 90% point {@code z = 1.282}: with it the
 * seasonally adjusted naive method reproduces M3's published NAIVE2 sMAPE on the quarterly series
 * (9.955 against 9.951), where the two-sided {@code z = 1.645} gives 10.03. Seasonal indices come
 * from classical multiplicative decomposition: a centred moving
 * average of order {@code m} (2 x m when {@code m} is even) estimates the trend-cycle, the ratios
 * of the series to it are averaged per position in the cycle, and the averages are normalised to a
 * mean of 1.
 */
public final class Seasonality {
  private static final double CRITICAL = 1.282;

  private Seasonality() {}

  /**
   * Tests a series for seasonality at lag {@code m} with the 90% autocorrelation limit.
   *
   * @param y the series
   * @param m the season length
   * @return whether the series is significantly seasonal; false when {@code m < 2} or the series
   *     is shorter than {@code 3m}
   */
  public static boolean isSeasonal(double[] y, int m) {
    int n = y.length;
    if (m < 2 || n < 3 * m) {
      return false;
    }
    double mean = 0;
    for (double v : y) {
      mean += v;
    }
    mean /= n;
    double c0 = 0;
    for (double v : y) {
      c0 += (v - mean) * (v - mean);
    }
    if (c0 <= 0) {
      return false;
    }
    double sumSq = 0;
    double rm = 0;
    for (int k = 1; k <= m; k++) {
      double ck = 0;
      for (int t = k; t < n; t++) {
        ck += (y[t] - mean) * (y[t - k] - mean);
      }
      double r = ck / c0;
      if (k < m) {
        sumSq += r * r;
      } else {
        rm = r;
      }
    }
    double limit = CRITICAL * Math.sqrt((1 + 2 * sumSq) / n);
    return Math.abs(rm) > limit;
  }

  /**
   * Classical multiplicative seasonal indices, one per position {@code t mod m} of the cycle
   * (position 0 is the series' first period).
   *
   * @param y the series, strictly positive
   * @param m the season length, at least 2, with {@code y.length >= 2m}
   * @return the indices, mean 1, all positive; empty if they cannot be estimated
   */
  public static Optional<double[]> multiplicativeIndices(double[] y, int m) {
    double[] ratio = ratiosToTrend(y, m, true);
    return ratio == null ? Optional.empty() : Optional.of(ratio);
  }

  /**
   * Classical additive seasonal indices, one per position {@code t mod m}, summing to zero.
   *
   * @param y the series
   * @param m the season length, at least 2, with {@code y.length >= 2m}
   * @return the indices; empty if they cannot be estimated
   */
  public static Optional<double[]> additiveIndices(double[] y, int m) {
    double[] diff = ratiosToTrend(y, m, false);
    return diff == null ? Optional.empty() : Optional.of(diff);
  }

  /**
   * Additive seasonal components that evolve over time, in the manner of STL's seasonal
   * smoothing (Cleveland, Cleveland, McRae and Terpenning 1990, "STL: A seasonal-trend
   * decomposition procedure based on loess", Journal of Official Statistics 6(1)): the series
   * less its centred moving average (order {@code m}, 2 x m when {@code m} is even) is smoothed
   * along each cycle-subseries (the periods of one position in the cycle) by a locally weighted
   * mean (loess of degree 0, STL's default for the seasonal part) with tricube weights over the
   * {@code span} nearest seasons, evaluated at every period; at each period the components are
   * then centred by subtracting the mean of the {@code m} positions' smooths at that period, so
   * that a season's components sum to about zero. Not STL itself (no inner iterations, no
   * low-pass filter, no loess trend): one pass, enough to let a season's shape drift.
   *
   * @param y the series, any sign
   * @param m the season length, at least 2, with {@code y.length >= 2m}
   * @param span the number of seasons in the smoother's window, at least 1
   * @return one component per period; empty if they cannot be estimated
   */
  public static Optional<double[]> evolvingAdditive(double[] y, int m, int span) {
    int n = y.length;
    if (m < 2 || n < 2 * m || span < 1) {
      return Optional.empty();
    }
    int half = m / 2;
    // Detrended values at the periods where the centred average exists.
    double[] d = new double[n];
    boolean[] has = new boolean[n];
    for (int t = half; t < n - half; t++) {
      double s;
      if (m % 2 == 0) {
        s = 0.5 * (y[t - half] + y[t + half]);
        for (int j = t - half + 1; j < t + half; j++) {
          s += y[j];
        }
      } else {
        s = 0;
        for (int j = t - half; j <= t + half; j++) {
          s += y[j];
        }
      }
      d[t] = y[t] - s / m;
      has[t] = true;
    }
    // smooth[j][t]: position j's smooth evaluated at period t.
    double[][] smooth = new double[m][n];
    for (int j = 0; j < m; j++) {
      int k = 0;
      for (int t = j; t < n; t += m) {
        k += has[t] ? 1 : 0;
      }
      if (k == 0) {
        return Optional.empty();
      }
      double[] time = new double[k];
      double[] value = new double[k];
      int i = 0;
      for (int t = j; t < n; t += m) {
        if (has[t]) {
          time[i] = t;
          value[i++] = d[t];
        }
      }
      for (int t = 0; t < n; t++) {
        smooth[j][t] = localMean(time, value, t, span, m);
      }
    }
    double[] out = new double[n];
    for (int t = 0; t < n; t++) {
      double mean = 0;
      for (int j = 0; j < m; j++) {
        mean += smooth[j][t] / m;
      }
      out[t] = smooth[t % m][t] - mean;
    }
    return Optional.of(out);
  }

  /**
   * The tricube-weighted mean of {@code value} around {@code at}: the bandwidth reaches the
   * {@code q}-th nearest time, widened by half a spacing per missing point when there are fewer
   * than {@code q} (Cleveland et al. 1990, section 3).
   */
  private static double localMean(double[] time, double[] value, double at, int q,
      int spacing) {
    int k = time.length;
    double[] dist = new double[k];
    for (int i = 0; i < k; i++) {
      dist[i] = Math.abs(time[i] - at);
    }
    double h;
    if (q < k) {
      double[] sorted = dist.clone();
      java.util.Arrays.sort(sorted);
      h = sorted[q - 1];
    } else {
      double max = 0;
      for (double v : dist) {
        max = Math.max(max, v);
      }
      h = max + (q - k) * spacing / 2.0;
    }
    h = Math.max(h, spacing);
    double sw = 0;
    double s = 0;
    for (int i = 0; i < k; i++) {
      double r = dist[i] / h;
      double w = r < 1 ? Math.pow(1 - r * r * r, 3) : 0;
      sw += w;
      s += w * value[i];
    }
    if (sw > 0) {
      return s / sw;
    }
    // Every point at the bandwidth's edge: the nearest one.
    int best = 0;
    for (int i = 1; i < k; i++) {
      best = dist[i] < dist[best] ? i : best;
    }
    return value[best];
  }

  private static double[] ratiosToTrend(double[] y, int m, boolean multiplicative) {
    int n = y.length;
    if (m < 2 || n < 2 * m) {
      return null;
    }
    double[] sum = new double[m];
    int[] count = new int[m];
    int half = m / 2;
    for (int t = half; t < n - half; t++) {
      double trend;
      if (m % 2 == 0) {
        double s = 0.5 * (y[t - half] + y[t + half]);
        for (int j = t - half + 1; j < t + half; j++) {
          s += y[j];
        }
        trend = s / m;
      } else {
        double s = 0;
        for (int j = t - half; j <= t + half; j++) {
          s += y[j];
        }
        trend = s / m;
      }
      if (multiplicative) {
        if (!(trend > 0)) {
          return null;
        }
        sum[t % m] += y[t] / trend;
      } else {
        sum[t % m] += y[t] - trend;
      }
      count[t % m]++;
    }
    double[] idx = new double[m];
    double total = 0;
    for (int j = 0; j < m; j++) {
      if (count[j] == 0) {
        return null;
      }
      idx[j] = sum[j] / count[j];
      total += idx[j];
    }
    double avg = total / m;
    for (int j = 0; j < m; j++) {
      if (multiplicative) {
        if (!(avg > 0)) {
          return null;
        }
        idx[j] /= avg;
        if (!(idx[j] > 0)) {
          return null;
        }
      } else {
        idx[j] -= avg;
      }
    }
    return idx;
  }
}
