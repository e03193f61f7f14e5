package io.c2m.demand.eval;

import java.util.Objects;

/**
 * Forecast accuracy measures, in the conventions of the M3 competition (Makridakis and Hibon
 * 2000) and of Hyndman and Koehler (2006), "Another look at measures of forecast accuracy", IJF
 * 22(4). Stateless; all methods are pure.
 */
public final class Accuracy {
  private Accuracy() {}

  /**
   * Symmetric mean absolute percentage error: the mean over the horizon of {@code 200 |y - f| /
   * (|y| + |f|)}, in percent (0 to 200). A period where both are zero counts as 0.
   *
   * @param actual the observed values
   * @param forecast the point forecasts, same length
   * @return the sMAPE
   * @throws IllegalArgumentException if the lengths differ or are zero
   */
  public static double smape(double[] actual, double[] forecast) {
    requireSameLength(actual, forecast);
    double sum = 0;
    for (int i = 0; i < actual.length; i++) {
      double den = Math.abs(actual[i]) + Math.abs(forecast[i]);
      sum += den == 0 ? 0 : 200 * Math.abs(actual[i] - forecast[i]) / den;
    }
    return sum / actual.length;
  }

  /**
   * The in-sample mean absolute seasonal difference at lag {@code m} (lag 1 for {@code m = 1}):
   * the MASE scale.
   *
   * @param history the in-sample values
   * @param m the season length, at least 1
   * @return the scale; NaN when the history has no more than {@code m} values
   */
  public static double maseScale(double[] history, int m) {
    Objects.requireNonNull(history, "history");
    if (m < 1) {
      throw new IllegalArgumentException("The season length (" + m + ") must be at least 1.");
    }
    if (history.length <= m) {
      return Double.NaN;
    }
    double sum = 0;
    for (int t = m; t < history.length; t++) {
      sum += Math.abs(history[t] - history[t - m]);
    }
    return sum / (history.length - m);
  }

  /**
   * Mean absolute scaled error: the mean absolute error over the horizon divided by {@link
   * #maseScale}.
   *
   * @param history the in-sample values
   * @param m the season length for the scale
   * @param actual the observed values
   * @param forecast the point forecasts
   * @return the MASE; NaN when the scale is zero or undefined
   */
  public static double mase(double[] history, int m, double[] actual, double[] forecast) {
    requireSameLength(actual, forecast);
    double scale = maseScale(history, m);
    if (!(scale > 0)) {
      return Double.NaN;
    }
    double sum = 0;
    for (int i = 0; i < actual.length; i++) {
      sum += Math.abs(actual[i] - forecast[i]);
    }
    return sum / actual.length / scale;
  }

  /**
   * Mean pinball (quantile) loss of a quantile forecast: {@code p (y - q)} when {@code y >= q},
   * otherwise {@code (1 - p) (q - y)}.
   *
   * @param actual the observed values
   * @param quantile the forecast {@code p}-quantiles
   * @param p the probability, in (0, 1)
   * @return the mean loss
   */
  public static double pinball(double[] actual, double[] quantile, double p) {
    requireSameLength(actual, quantile);
    if (!(p > 0 && p < 1)) {
      throw new IllegalArgumentException("The probability (" + p + ") must be in (0, 1).");
    }
    double sum = 0;
    for (int i = 0; i < actual.length; i++) {
      double d = actual[i] - quantile[i];
      sum += d >= 0 ? p * d : (p - 1) * d;
    }
    return sum / actual.length;
  }

  /**
   * The share of observed values inside their interval {@code [lower, upper]}.
   *
   * @param actual the observed values
   * @param lower the lower bounds
   * @param upper the upper bounds
   * @return the coverage, in [0, 1]
   */
  public static double coverage(double[] actual, double[] lower, double[] upper) {
    requireSameLength(actual, lower);
    requireSameLength(actual, upper);
    int in = 0;
    for (int i = 0; i < actual.length; i++) {
      if (actual[i] >= lower[i] && actual[i] <= upper[i]) {
        in++;
      }
    }
    return (double) in / actual.length;
  }

  /**
   * Mean scaled interval score (MSIS, the M4 competition's interval measure; Gneiting and Raftery
   * 2007): the mean over the horizon of {@code (u - l) + 2/a (l - y) [y < l] + 2/a (y - u) [y > u]}
   * with {@code a = 1 - level}, divided by {@link #maseScale}. Lower is better; a narrow interval
   * pays for every value it misses.
   *
   * @param history the in-sample values
   * @param m the season length for the scale
   * @param actual the observed values
   * @param lower the interval's lower bounds
   * @param upper the interval's upper bounds
   * @param level the interval's nominal coverage, in (0, 1)
   * @return the MSIS; NaN when the scale is zero or undefined
   */
  public static double msis(double[] history, int m, double[] actual, double[] lower,
      double[] upper, double level) {
    requireSameLength(actual, lower);
    requireSameLength(actual, upper);
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("The level (" + level + ") must be in (0, 1).");
    }
    double scale = maseScale(history, m);
    if (!(scale > 0)) {
      return Double.NaN;
    }
    double a = 1 - level;
    double sum = 0;
    for (int i = 0; i < actual.length; i++) {
      sum += upper[i] - lower[i];
      if (actual[i] < lower[i]) {
        sum += 2 / a * (lower[i] - actual[i]);
      } else if (actual[i] > upper[i]) {
        sum += 2 / a * (actual[i] - upper[i]);
      }
    }
    return sum / actual.length / scale;
  }

  private static void requireSameLength(double[] a, double[] b) {
    Objects.requireNonNull(a, "actual");
    Objects.requireNonNull(b, "forecast");
    if (a.length == 0 || a.length != b.length) {
      throw new IllegalArgumentException("The actual values (" + a.length
          + ") and the forecasts (" + b.length + ") must have the same, positive length.");
    }
  }
}
