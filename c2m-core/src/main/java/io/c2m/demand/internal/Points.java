package io.c2m.demand.internal;

import io.c2m.StrategyException;
import io.c2m.demand.DemandForecaster;
import io.c2m.demand.DemandSeries;
import io.c2m.demand.ForecastPoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns point forecasts and error distributions into {@link ForecastPoint}s, and checks inputs.
 * Internal: shared by the built-in forecasters. A value that is not finite is a numerical failure
 * and raises a {@link StrategyException} naming the method and series; it is never replaced by a
 * number, which would be a confident but baseless forecast.
 *
 * <p>Demand is never negative, so every mean and quantile is clamped at zero: a quantile of the
 * clamped distribution is the clamped quantile, and the clamped mean is the rule a planner would
 * apply anyway.
 */
public final class Points {
  /** The standard normal 90% quantile. */
  static final double Z90 = 1.2815515655446004;

  private Points() {}

  /**
   * Points from normal errors: quantiles {@code mean +- z sd}.
   *
   * @param method the method's name, for the error
   * @param seriesId the series, for the error
   * @param mean the means per step
   * @param sd the standard deviations per step
   * @return the points
   * @throws StrategyException if a mean, a standard deviation or a quantile is not finite (a
   *     numerical failure, e.g. values near {@code Double.MAX_VALUE}): nothing is substituted
   */
  static List<ForecastPoint> normal(String method, String seriesId, double[] mean, double[] sd) {
    List<ForecastPoint> points = new ArrayList<>(mean.length);
    for (int h = 0; h < mean.length; h++) {
      double mu = mean[h];
      double s = sd[h];
      double lo = mu - Z90 * s;
      double hi = mu + Z90 * s;
      requireFinite(method, seriesId, h + 1, "mean", mu);
      requireFinite(method, seriesId, h + 1, "standard deviation", s);
      requireFinite(method, seriesId, h + 1, "10% quantile", lo);
      requireFinite(method, seriesId, h + 1, "90% quantile", hi);
      points.add(new ForecastPoint(h + 1, clamp(mu), clamp(lo), clamp(mu), clamp(hi)));
    }
    return points;
  }

  /**
   * Points from a compound distribution for intermittent demand: in each period demand occurs
   * with probability {@code q} and then has a size drawn from the observed non-zero sizes, scaled
   * so that the distribution's mean is the forecast {@code rate} ({@code q = rate / mean size},
   * capped at 1, the sizes scaled up when the rate exceeds their mean). Quantiles of the size are
   * of type 7 (Hyndman and Fan 1996). The quantiles are those of one period's demand. The sizes'
   * level is smoothed with {@code alpha}, a local level whose variance after {@code h} steps
   * grows as {@code 1 + (h - 1) alpha^2} (the simple exponential smoothing variance, Hyndman et
   * al. 2008, "Forecasting with Exponential Smoothing", table 6.1): the sizes' spread around their
   * mean is widened by its square root at step {@code h} (a widened size is never below zero).
   *
   * <p>A planner reads {@code [p10, p90]} as containing the mean; when demand is rare (it occurs
   * in fewer than one period in ten) the distribution's own 90% quantile is 0, below the mean, so
   * p90 is raised to the mean, and likewise p10 is lowered to the mean when demand is nearly
   * certain and the smallest sizes exceed it. Both are documented departures from the exact
   * quantiles, never a substitute for a failure.
   *
   * @param method the method's name, for the error
   * @param seriesId the series, for the error
   * @param horizon the number of steps
   * @param rate the forecast demand per period, zero or more
   * @param sizes the observed non-zero demands (empty only if the rate is zero)
   * @param alpha the size smoothing constant, in [0, 1]
   * @return the points
   * @throws StrategyException if the rate or a quantile is not finite
   */
  static List<ForecastPoint> intermittent(String method, String seriesId, int horizon,
      double rate, double[] sizes, double alpha) {
    requireFinite(method, seriesId, 1, "mean", rate);
    List<ForecastPoint> points = new ArrayList<>(horizon);
    if (!(rate > 0) || sizes.length == 0) {
      double r = Math.max(0, rate);
      for (int h = 0; h < horizon; h++) {
        points.add(new ForecastPoint(h + 1, r, r, r, r));
      }
      return points;
    }
    double meanSize = 0;
    for (double v : sizes) {
      meanSize += v / sizes.length;
    }
    double q = Math.min(1, rate / meanSize);
    double scale = q < 1 ? 1 : rate / meanSize;
    double[] z = new double[sizes.length];
    for (int h = 1; h <= horizon; h++) {
      double widen = Math.sqrt(1 + (h - 1) * alpha * alpha);
      for (int i = 0; i < z.length; i++) {
        z[i] = Math.max(0, meanSize + (sizes[i] - meanSize) * widen);
      }
      Arrays.sort(z);
      double q10 = compound(z, q, scale, 0.1);
      double q50 = compound(z, q, scale, 0.5);
      double q90 = compound(z, q, scale, 0.9);
      requireFinite(method, seriesId, h, "90% quantile", q90);
      points.add(new ForecastPoint(h, rate, Math.min(q10, rate), q50, Math.max(q90, rate)));
    }
    return points;
  }

  /** The p-quantile of "0 with probability 1 - q, else scale times a size". */
  private static double compound(double[] sortedSizes, double q, double scale, double p) {
    double zero = 1 - q;
    if (p <= zero) {
      return 0;
    }
    return scale * quantile(sortedSizes, (p - zero) / q);
  }

  private static void requireFinite(
      String method, String seriesId, int step, String what, double v) {
    if (!Double.isFinite(v)) {
      throw new StrategyException(method, "computed a " + what + " of " + v + " for series "
          + seriesId + " at step " + step + "; the values may be too large for its arithmetic."
          + "\nMaybe rescale the series (e.g. to thousands of units).");
    }
  }

  /**
   * The type-7 quantile of sorted values.
   *
   * @param sorted the values, ascending
   * @param p the probability
   * @return the quantile, 0 when there are no values
   */
  public static double quantile(double[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    double pos = p * (sorted.length - 1);
    int i = (int) Math.floor(pos);
    int j = Math.min(i + 1, sorted.length - 1);
    return sorted[i] + (pos - i) * (sorted[j] - sorted[i]);
  }

  private static double clamp(double v) {
    return Math.max(0, v);
  }

  /**
   * Checks the horizon.
   *
   * @param history the history, for the message
   * @param horizon the horizon
   * @throws IllegalArgumentException unless the horizon is in [1, {@link
   *     DemandForecaster#MAX_HORIZON}]
   */
  public static void checkHorizon(DemandSeries history, int horizon) {
    if (horizon < 1 || horizon > DemandForecaster.MAX_HORIZON) {
      throw new IllegalArgumentException("The horizon (" + horizon + ") for series "
          + history.id() + " must be between 1 and " + DemandForecaster.MAX_HORIZON + ".");
    }
  }

  /**
   * Checks the horizon and the history's length for a method.
   *
   * @param history the history
   * @param horizon the horizon
   * @param method the method's name
   * @param minLength the minimum length
   * @throws IllegalArgumentException naming the series, the method and the rule
   */
  public static void check(DemandSeries history, int horizon, String method, int minLength) {
    java.util.Objects.requireNonNull(history, "history");
    checkHorizon(history, horizon);
    if (history.length() == 0) {
      throw new IllegalArgumentException(
          "The series " + history.id() + " is empty; " + method + " needs at least " + minLength
              + " period(s).");
    }
    if (history.length() < minLength) {
      throw new IllegalArgumentException(
          "The series " + history.id() + " is too short (" + history.length() + " periods); "
              + method + " needs at least " + minLength + ".\nMaybe use naive or auto.");
    }
  }
}
