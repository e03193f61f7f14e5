package io.c2m.production;

import static java.util.Objects.requireNonNull;

import io.c2m.demand.ForecastPoint;
import io.c2m.internal.Checks;

/**
 * A speculative top-up of a design's first batch beyond its committed orders, sized by the
 * newsvendor critical fractile (Arrow, Harris and Marschak, 1951): with price {@code p}, unit cost
 * {@code c} and salvage value {@code s}, make the {@code (p - c) / (p - s)} quantile of the
 * forecast of demand not yet committed. The quantile is interpolated linearly between the
 * forecast's p10, p50 and p90, extended linearly beyond them, and never below zero.
 *
 * <p>Limitation: the unit cost {@code c} is the design's flat unit cost of its
 * {@link ProductionConstraints}; per-period unit costs ({@link PeriodCosts}) and quantity price
 * breaks ({@link PriceBreak}) are not used to size the top-up (they do count in the batch's cost).
 *
 * @param price selling price of a top-up unit
 * @param salvageValue value of an unsold unit; below the price
 * @param forecast forecast of the uncommitted demand over the season
 */
public record NewsvendorTopUp(double price, double salvageValue, ForecastPoint forecast) {
  /**
   * Validates.
   *
   * @throws IllegalArgumentException if the salvage value is not below the price
   */
  public NewsvendorTopUp {
    Checks.requireNonNegative(price, "price");
    Checks.requireNonNegative(salvageValue, "salvage value");
    requireNonNull(forecast, "forecast");
    if (!(salvageValue < price)) {
      throw new IllegalArgumentException("The salvage value (" + salvageValue
          + ") must be below the price (" + price + ") for a newsvendor top-up.");
    }
  }

  /**
   * Returns the critical fractile {@code (p - c) / (p - s)}, clamped to [0, 1].
   *
   * @param unitCost the unit cost {@code c}
   * @return the service level to make for
   */
  public double criticalFractile(double unitCost) {
    double f = (price - unitCost) / (price - salvageValue);
    return Math.max(0, Math.min(1, f));
  }

  /**
   * Returns the units to add: the critical-fractile quantile of the forecast, rounded down.
   *
   * @param unitCost the unit cost
   * @return the top-up, zero or more
   */
  public int units(double unitCost) {
    double f = criticalFractile(unitCost);
    if (f <= 0) {
      return 0;
    }
    double q;
    double p10 = forecast.p10();
    double p50 = forecast.p50();
    double p90 = forecast.p90();
    if (f <= 0.5) {
      q = p10 + (p50 - p10) * (f - 0.1) / 0.4;
    } else {
      q = p50 + (p90 - p50) * (f - 0.5) / 0.4;
    }
    q = Math.max(0, q);
    return (int) Math.min(Integer.MAX_VALUE / 2, Math.floor(q));
  }
}
