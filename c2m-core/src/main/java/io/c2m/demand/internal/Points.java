package io.c2m.demand.internal;

import io.c2m.demand.DemandSeries;
import io.c2m.demand.ForecastPoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns point forecasts and error distributions into {@link ForecastPoint}s, and checks inputs.
 * Internal: shared by the built-in forecasters.
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
   * @param mean the means per step
   * @param sd the standard deviations per step
   * @return the points
   */
  static List<ForecastPoint> normal(double[] mean, double[] sd) {
    List<ForecastPoint> points = new ArrayList<>(mean.length);
    for (int h = 0; h < mean.length; h++) {
      double mu = finite(mean[h]);
      double s = finite(sd[h]);
      points.add(new ForecastPoint(h + 1, clamp(mu), clamp(mu - Z90 * s), clamp(mu),
          clamp(mu + Z90 * s)));
    }
    return points;
  }

  /**
   * Points from the empirical distribution of in-sample one-step errors, added to the mean
   * (quantiles by linear interpolation, Hyndman and Fan 1996 type 7). With no errors the
   * quantiles equal the mean.
   *
   * @param mean the means per step
   * @param errors the in-sample one-step errors
   * @return the points
   */
  static List<ForecastPoint> empirical(double[] mean, double[] errors) {
    double[] e = errors.clone();
    Arrays.sort(e);
    double q10 = quantile(e, 0.1);
    double q50 = quantile(e, 0.5);
    double q90 = quantile(e, 0.9);
    List<ForecastPoint> points = new ArrayList<>(mean.length);
    for (int h = 0; h < mean.length; h++) {
      double mu = finite(mean[h]);
      points.add(new ForecastPoint(h + 1, clamp(mu), clamp(mu + q10), clamp(mu + q50),
          clamp(mu + q90)));
    }
    return points;
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

  private static double finite(double v) {
    if (Double.isNaN(v)) {
      return 0;
    }
    return Math.max(-Double.MAX_VALUE / 4, Math.min(Double.MAX_VALUE / 4, v));
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
  static void check(DemandSeries history, int horizon, String method, int minLength) {
    java.util.Objects.requireNonNull(history, "history");
    if (horizon < 1) {
      throw new IllegalArgumentException(
          "The horizon (" + horizon + ") for series " + history.id() + " must be at least 1.");
    }
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
