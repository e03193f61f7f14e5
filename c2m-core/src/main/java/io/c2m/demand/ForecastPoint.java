package io.c2m.demand;

import io.c2m.internal.Checks;

/**
 * The forecast of one future period: mean and quantiles of demand.
 *
 * @param step how many periods ahead, from 1
 * @param mean the expected demand
 * @param p10 the 10% quantile
 * @param p50 the median
 * @param p90 the 90% quantile
 */
public record ForecastPoint(int step, double mean, double p10, double p50, double p90) {
  /**
   * Validates.
   *
   * @throws IllegalArgumentException if a value is not finite or the quantiles are out of order
   */
  public ForecastPoint {
    Checks.requirePositive(step, "step");
    Checks.requireFinite(mean, "mean");
    Checks.requireFinite(p10, "p10");
    Checks.requireFinite(p50, "p50");
    Checks.requireFinite(p90, "p90");
    if (!(p10 <= p50 && p50 <= p90)) {
      throw new IllegalArgumentException(
          "The quantiles of step " + step + " must be ordered p10 <= p50 <= p90, got " + p10
              + ", " + p50 + ", " + p90 + ".");
    }
  }

  /**
   * Returns a quantile between the 10% and the 90% one, interpolating linearly between the
   * stored quantiles (p10 at 0.1, p50 at 0.5, p90 at 0.9), e.g. for a newsvendor's critical
   * ratio. An approximation: the forecasters' distributions are not linear between them.
   *
   * @param p the probability, in [0.1, 0.9]
   * @return the interpolated quantile
   * @throws IllegalArgumentException if {@code p} is outside [0.1, 0.9]
   */
  public double quantile(double p) {
    if (!(p >= 0.1 && p <= 0.9)) {
      throw new IllegalArgumentException(
          "The probability (" + p + ") must be between 0.1 and 0.9; the forecast holds the 10%, "
              + "50% and 90% quantiles only.");
    }
    return p <= 0.5 ? p10 + (p - 0.1) / 0.4 * (p50 - p10) : p50 + (p - 0.5) / 0.4 * (p90 - p50);
  }
}
