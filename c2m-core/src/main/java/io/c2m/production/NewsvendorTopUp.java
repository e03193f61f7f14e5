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
 * {@link BatchingCosts#topUpUnits(DesignId, int, int)}); {@code price} and {@code salvageValue}
 * still set the critical fractile.
 *
 * <p>Limitation: the unit cost {@code c} is the design's flat unit cost of its
 * {@link ProductionConstraints}; per-period unit costs ({@link PeriodCosts}) and quantity price
 * breaks ({@link PriceBreak}) are not used to size the top-up (they do count in the batch's cost).
 * The record cannot know the unit cost, so it does not refuse a salvage value at or above it;
 * {@link BatchingProblem} does, against the design's lowest unit cost (a fractile of 1 would ask
 * for unbounded stock).
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
   * <p>Each period's demand is taken as a split normal (two-piece normal; John, 1982, "The
   * three-parameter two-piece normal family of distributions and its fitting", <i>Communications
   * in Statistics - Theory and Methods</i> 11(8)): its mode and median at the forecast's p50, a
   * lower standard deviation {@code (p50 - p10) / z_0.9} and an upper one
   * {@code (p90 - p50) / z_0.9} ({@code z_0.9 = 1.2816}), so that it passes exactly through the
   * forecast's p10, p50 and p90, and a right-skewed forecast (p90 far above p50) gets a long right
   * tail. For one period the quantile is exact under that model: for a fractile {@code f >= 0.5},
   * {@code p50 + z_f (p90 - p50) / z_0.9}, so {@code f = 0.9} gives p90; below 0.5 the lower side.
   *
   * <p>The sum of several split normals is not a split normal, and this method does not compute
   * its exact quantile. The approximation used, stated plainly: the sum's median is taken as the
   * sum of the medians, and each side's standard deviation as the root of the sum of the squared
   * per-period standard deviations of that side (periods taken as independent, as in the usual
   * normal approximation of demand over a cover period, e.g. Silver, Pyke and Peterson,
   * <i>Inventory Management and Production Planning and Scheduling</i>, 3rd ed., 1998, ch. 7);
   * the quantile is then {@code sum p50 + z_f sigma_side}. It is exact for one period and for
   * symmetric forecasts (where it is the normal approximation with the summed means); for a
   * sum of skewed periods it keeps the full skew, whereas the true sum is less skewed (the central
   * limit theorem pulls it toward a normal around the summed means), so above the median it is
   * somewhat high when the skew is large and the window long. Correlation between periods is
   * ignored: positively correlated errors make the true spread wider. With a zero spread on the
   * side asked for, the quantile is the summed median. A fractile of 1 has no finite quantile and
   * would give the cap of {@code Integer.MAX_VALUE / 2} units; {@link BatchingProblem} refuses a
   * top-up whose salvage value is not below the unit cost, so it never asks for one.
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
    boolean upper = f >= 0.5;
    double median = 0;
    double variance = 0;
    for (ForecastPoint p : periods) {
      median += p.p50();
      double sd = (upper ? p.p90() - p.p50() : p.p50() - p.p10()) / Z90;
      variance += sd * sd;
    }
    double q;
    if (variance == 0) {
      q = median;
    } else if (f >= 1) {
      q = Double.POSITIVE_INFINITY;
    } else {
      double z = Math.sqrt(2) * Erf.erfInv(2 * f - 1);
      q = median + Math.sqrt(variance) * z;
    }
    q = Math.max(0, q);
    // a hair above the rounding error of the inverse error function, so that a quantile that is
    // a whole number (p90 at fractile 0.9) is not floored to the unit below
    return (int) Math.min(Integer.MAX_VALUE / 2, Math.floor(q + 1e-9));
  }
}
