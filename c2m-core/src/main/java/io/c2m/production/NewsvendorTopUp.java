package io.c2m.production;

import static java.util.Objects.requireNonNull;

import io.c2m.demand.ForecastPoint;
import io.c2m.DesignId;
import io.c2m.internal.Checks;
import java.util.List;
import org.apache.commons.math3.special.Erf;

/**
 * A speculative top-up of a design's first batch beyond its committed orders, sized by the
 * newsvendor critical fractile (Arrow, Harris and Marschak, 1951): with price {@code p}, unit cost
 * {@code c} and salvage value {@code s}, make the {@code (p - c) / (p - s)} quantile of the
 * forecast of demand not yet committed. The quantile is interpolated linearly between the
 * forecast's p10, p50 and p90, extended linearly beyond them, and never below zero.
 *
 * <p>When the problem has a forecast per period for the design ({@link BatchingProblem#forecasts()}),
 * the season {@code forecast} here is not used: each batch is topped up by
 * {@link #units(double, List)} of the periods it covers (see
 * {@link BatchingProblem#topUpUnits(DesignId, int, int)}); {@code price} and {@code salvageValue}
 * still set the critical fractile.
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

  /** The 90% quantile of the standard normal distribution. */
  private static final double Z90 = 1.2815515655446004;

  /**
   * Returns the units to add for the demand of several periods: the critical-fractile quantile of
   * their sum, rounded down, never below zero.
   *
   * <p>The distribution of the sum is an approximation, stated plainly: each period's demand is
   * taken as normal with the forecast's mean and a standard deviation fitted to its spread,
   * {@code (p90 - p10) / (2 z_0.9)} with {@code z_0.9 = 1.2816} (a normal distribution has its
   * 10% and 90% quantiles {@code z_0.9} standard deviations either side of the mean); periods are
   * taken as independent, so the sum is normal with the summed means and the summed variances
   * (the usual normal approximation of demand over a cover period, e.g. Silver, Pyke and Peterson,
   * <i>Inventory Management and Production Planning and Scheduling</i>, 3rd ed., 1998, ch. 7).
   * Skew (p50 off the middle of p10 and p90) and correlation between periods are ignored:
   * positively correlated forecast errors make the true spread wider, so the top-up is then too
   * small above the median and too large below it. With a zero spread the quantile is the summed
   * mean; a fractile of 1 (salvage value at the unit cost) has no finite normal quantile and gives
   * the cap of {@code Integer.MAX_VALUE / 2} units (batches are then capped by the largest batch).
   *
   * @param unitCost the unit cost {@code c}
   * @param periods the forecast of each covered period; empty for none
   * @return the top-up, zero or more
   */
  public int units(double unitCost, List<ForecastPoint> periods) {
    double f = criticalFractile(unitCost);
    if (f <= 0 || periods.isEmpty()) {
      return 0;
    }
    double mean = 0;
    double variance = 0;
    for (ForecastPoint p : periods) {
      mean += p.mean();
      double sd = (p.p90() - p.p10()) / (2 * Z90);
      variance += sd * sd;
    }
    double q;
    if (variance == 0) {
      q = mean;
    } else if (f >= 1) {
      q = Double.POSITIVE_INFINITY;
    } else {
      double z = Math.sqrt(2) * Erf.erfInv(2 * f - 1);
      q = mean + Math.sqrt(variance) * z;
    }
    q = Math.max(0, q);
    return (int) Math.min(Integer.MAX_VALUE / 2, Math.floor(q));
  }
}
