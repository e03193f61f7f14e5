package io.c2m.demand.internal;

import io.c2m.StrategyException;
import io.c2m.demand.ForecastPoint;
import java.util.ArrayList;
import java.util.List;

/**
 * The Box-Cox transform (Box and Cox 1964, "An analysis of transformations", JRSS B 26) with its
 * parameter chosen by Guerrero's method (Guerrero 1993, "Time-series analysis supported by power
 * transformations", Journal of Forecasting 12), as in Hyndman and Athanasopoulos, "Forecasting:
 * Principles and Practice", 3rd ed., sections 3.1 (transformations, Guerrero) and 5.6 (forecasting
 * on the transformed scale, bias adjustment). Internal: {@code auto}'s members model a seasonal
 * series on this scale, where its seasonal swings no longer grow with its level, so that additive
 * seasonal states and additive seasonal adjustment describe it.
 *
 * <pre>
 *   w = (y^lambda - 1) / lambda   (lambda &gt; 0)        y = (lambda w + 1)^(1 / lambda)
 *   w = log y                    (lambda = 0)        y = exp(w)
 * </pre>
 *
 * <p>Guerrero's method cuts the series into consecutive subseries of one season each (the first
 * {@code n mod m} values are left out, so the last subseries ends at the last value), takes each
 * subseries' mean {@code mu_i} and standard deviation {@code s_i}, and picks the {@code lambda}
 * that makes {@code s_i / mu_i^(1 - lambda)} most nearly constant: the smallest coefficient of
 * variation (sample standard deviation over mean) of those ratios, found by Brent's method.
 *
 * <p>{@code lambda} is kept in [0, 1], between the logarithm and no transform, rather than the
 * wider [-1, 2] of R's {@code BoxCox.lambda}: below 0 the inverse {@code (lambda w + 1)^(1 /
 * lambda)} has a pole, so an upper quantile of a long horizon can be infinite; above 1 the
 * transform would make seasonal swings grow faster than the level on the original scale, the
 * opposite of what demand series show. The bounds are a rule for safe back-transformation, not
 * tuned on any data set.
 *
 * <p>Forecasts made on the transformed scale are normal there, with mean {@code mu_h} and
 * standard deviation {@code sigma_h}; transformed back, the quantiles are the inverse of the
 * transformed quantiles (the transform is monotone), so {@code p50} is the inverse of {@code
 * mu_h}, and the mean is the bias-adjusted back-transform of FPP3 section 5.6, {@code
 * y(mu_h) [1 + sigma_h^2 (1 - lambda) / (2 (lambda mu_h + 1)^2)]}. Where {@code lambda w + 1 <=
 * 0} the inverse is 0, the smallest demand. Immutable and thread-safe.
 */
final class BoxCox {
  /** The smallest lambda chosen: the logarithm. */
  static final double LOWER = 0;
  /** The largest lambda chosen: no transform (but a shift by one). */
  static final double UPPER = 1;

  private final double lambda;
  private final String reason;

  private BoxCox(double lambda, String reason) {
    this.lambda = lambda;
    this.reason = reason;
  }

  /**
   * The identity: no transform.
   *
   * @param reason why the series is not transformed, for the provenance
   * @return the identity
   */
  static BoxCox none(String reason) {
    return new BoxCox(Double.NaN, java.util.Objects.requireNonNull(reason, "reason"));
  }

  /**
   * The transform with a given parameter.
   *
   * @param lambda the parameter, in [{@link #LOWER}, {@link #UPPER}]
   * @return the transform
   * @throws IllegalArgumentException if {@code lambda} is outside that range
   */
  static BoxCox of(double lambda) {
    if (!(lambda >= LOWER && lambda <= UPPER)) {
      throw new IllegalArgumentException("The Box-Cox parameter (" + lambda
          + ") must be between " + LOWER + " and " + UPPER + ".");
    }
    return new BoxCox(lambda, null);
  }

  /**
   * Decides the transform of a series for seasonal modelling: Guerrero's {@code lambda} for a
   * strictly positive series that is significantly seasonal at lag {@code m} ({@link
   * Seasonality#isSeasonal}, which needs three full seasons); otherwise the identity, with the
   * reason.
   *
   * @param y the series
   * @param m the season length
   * @return the transform
   */
  static BoxCox forSeries(double[] y, int m) {
    if (m < 2) {
      return none("no season");
    }
    if (y.length < 3 * m) {
      return none("history of " + y.length + " period(s), shorter than three seasons ("
          + 3 * m + ")");
    }
    for (double v : y) {
      if (!(v > 0)) {
        return none("not strictly positive");
      }
    }
    if (!Seasonality.isSeasonal(y, m)) {
      return none("not significantly seasonal");
    }
    return of(guerrero(y, m));
  }

  /**
   * Guerrero's {@code lambda} in [{@link #LOWER}, {@link #UPPER}].
   *
   * @param y the series, strictly positive, with at least two subseries of {@code period} values
   * @param period the subseries' length, at least 2
   * @return the parameter minimising {@link #variation(double[], int, double)}
   */
  static double guerrero(double[] y, int period) {
    if (period < 2 || y.length < 2 * period) {
      throw new IllegalArgumentException("Guerrero's method needs a period (" + period
          + ") of at least 2 and at least two periods of values (" + y.length + ").");
    }
    Subseries s = Subseries.of(y, period);
    double[] best = Optim.minimize(
        u -> variation(s, LOWER + u[0] * (UPPER - LOWER)), new double[] {0.5});
    return LOWER + best[0] * (UPPER - LOWER);
  }

  /**
   * Guerrero's criterion: the coefficient of variation of {@code s_i / mu_i^(1 - lambda)} over
   * the subseries (see the class comment).
   *
   * @param y the series, strictly positive, with at least two subseries
   * @param period the subseries' length, at least 2
   * @param lambda the parameter
   * @return the coefficient of variation
   */
  static double variation(double[] y, int period, double lambda) {
    return variation(Subseries.of(y, period), lambda);
  }

  /**
   * The standard deviations and log means of the subseries of one period each (a class, not a
   * record: it holds arrays and is never compared).
   */
  private static final class Subseries {
    private final double[] sd;
    private final double[] logMean;

    private Subseries(double[] sd, double[] logMean) {
      this.sd = sd;
      this.logMean = logMean;
    }

    static Subseries of(double[] y, int period) {
      int k = y.length / period;
      int offset = y.length - k * period;
      double[] sd = new double[k];
      double[] logMean = new double[k];
      for (int i = 0; i < k; i++) {
        double s = 0;
        for (int j = 0; j < period; j++) {
          s += y[offset + i * period + j];
        }
        double mu = s / period;
        double ss = 0;
        for (int j = 0; j < period; j++) {
          double d = y[offset + i * period + j] - mu;
          ss += d * d;
        }
        sd[i] = Math.sqrt(ss / (period - 1));
        logMean[i] = Math.log(mu);
      }
      return new Subseries(sd, logMean);
    }
  }

  private static double variation(Subseries s, double lambda) {
    double[] sd = s.sd;
    double[] logMean = s.logMean;
    int k = sd.length;
    double[] r = new double[k];
    double mean = 0;
    for (int i = 0; i < k; i++) {
      r[i] = sd[i] * Math.exp(-(1 - lambda) * logMean[i]);
      mean += r[i] / k;
    }
    double ss = 0;
    for (double v : r) {
      ss += (v - mean) * (v - mean);
    }
    double cv = Math.sqrt(ss / (k - 1)) / mean;
    return Double.isFinite(cv) ? cv : Double.POSITIVE_INFINITY;
  }

  /**
   * The length of the longest strictly positive prefix of a series: the values a transform
   * decided on a positive history can reach when later values are given.
   *
   * @param y the series
   * @return the number of leading values above zero
   */
  static int positivePrefix(double[] y) {
    int t = 0;
    while (t < y.length && y[t] > 0) {
      t++;
    }
    return t;
  }

  /** Whether the series is transformed. */
  boolean active() {
    return reason == null;
  }

  /** The parameter; NaN for the identity. */
  double lambda() {
    return lambda;
  }

  /**
   * What the provenance says: the parameter, or why there is no transform.
   *
   * @return e.g. {@code "0.2500"} or {@code "none: not significantly seasonal"}
   */
  String describe() {
    return active() ? String.format(java.util.Locale.ROOT, "%.4f", lambda) : "none: " + reason;
  }

  /**
   * Transforms a value.
   *
   * @param y the value, strictly positive
   * @return the transformed value
   */
  double transform(double y) {
    if (!active()) {
      return y;
    }
    return lambda == 0 ? Math.log(y) : (Math.pow(y, lambda) - 1) / lambda;
  }

  /**
   * Transforms values.
   *
   * @param y the values, strictly positive
   * @return the transformed values, a new array
   */
  double[] transform(double[] y) {
    double[] w = new double[y.length];
    for (int t = 0; t < y.length; t++) {
      w[t] = transform(y[t]);
    }
    return w;
  }

  /**
   * Transforms a value back: 0 where {@code lambda w + 1 <= 0}.
   *
   * @param w the transformed value
   * @return the value on the original scale
   */
  double inverse(double w) {
    if (!active()) {
      return w;
    }
    if (lambda == 0) {
      return Math.exp(w);
    }
    double base = lambda * w + 1;
    return base > 0 ? Math.pow(base, 1 / lambda) : 0;
  }

  /**
   * The forecast points of normal forecasts on the transformed scale, on the original scale.
   *
   * @param method the method's name, for the error
   * @param seriesId the series, for the error
   * @param mean the means per step, transformed scale
   * @param sd the standard deviations per step, transformed scale
   * @return the points
   * @throws StrategyException if a value is not finite (a numerical failure)
   */
  List<ForecastPoint> points(String method, String seriesId, double[] mean, double[] sd) {
    List<ForecastPoint> points = new ArrayList<>(mean.length);
    for (int h = 0; h < mean.length; h++) {
      double mu = mean[h];
      double s = sd[h];
      double p50 = inverse(mu);
      double p10 = inverse(mu - Points.Z90 * s);
      double p90 = inverse(mu + Points.Z90 * s);
      double base = active() ? lambda * mu + 1 : 1;
      double adjusted = active() && base > 0
          ? p50 * (1 + s * s * (1 - lambda) / (2 * base * base)) : p50;
      // The bias adjustment is a second-order approximation; the mean stays within the
      // interval, which a planner reads as containing it.
      double m = Math.min(Math.max(adjusted, p10), p90);
      for (double v : new double[] {m, p10, p50, p90}) {
        if (!Double.isFinite(v)) {
          throw new StrategyException(method, "computed a forecast of " + v + " for series "
              + seriesId + " at step " + (h + 1) + " when transforming back from the Box-Cox "
              + "scale (lambda " + lambda + "); the values may be too large for its arithmetic."
              + "\nMaybe rescale the series (e.g. to thousands of units).");
        }
      }
      points.add(new ForecastPoint(h + 1, Math.max(0, m), Math.max(0, p10), Math.max(0, p50),
          Math.max(0, p90)));
    }
    return points;
  }
}
