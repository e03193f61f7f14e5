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
}
