package io.c2m.production;

import io.c2m.internal.Checks;

/**
 * The cost of a batch or a plan, split by cause.
 *
 * @param setup setup costs
 * @param holding holding costs of stock carried between periods
 * @param unit variable costs of the units made
 */
public record CostBreakdown(double setup, double holding, double unit) {
  /** No cost. */
  public static final CostBreakdown ZERO = new CostBreakdown(0, 0, 0);

  /**
   * Validates.
   *
   * @throws IllegalArgumentException if a part is negative or not finite
   */
  public CostBreakdown {
    Checks.requireNonNegative(setup, "setup cost");
    Checks.requireNonNegative(holding, "holding cost");
    Checks.requireNonNegative(unit, "unit cost");
  }

  /**
   * Returns the total.
   *
   * @return setup + holding + unit
   */
  public double total() {
    return setup + holding + unit;
  }

  /**
   * Adds two breakdowns part by part.
   *
   * @param other the other
   * @return the sum
   */
  public CostBreakdown plus(CostBreakdown other) {
    return new CostBreakdown(setup + other.setup, holding + other.holding, unit + other.unit);
  }
}
