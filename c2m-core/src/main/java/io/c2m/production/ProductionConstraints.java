package io.c2m.production;

import io.c2m.internal.Checks;

/**
 * What a production line imposes on the batches of one design. Money is {@code double} in the one
 * currency of a plan; time is in whole planning periods.
 *
 * @param minimumOrderQuantity the smallest batch the line will run (MOQ); at least 1
 * @param orderMultiple batches are a multiple of this many units (case pack); at least 1
 * @param maximumBatch the largest batch; at least the MOQ ({@link Integer#MAX_VALUE} for none)
 * @param capacityPerPeriod units the line can make per period ({@link Integer#MAX_VALUE} for none)
 * @param setupCost fixed cost of running a batch
 * @param unitCost variable cost per unit made
 * @param holdingCostPerUnitPeriod cost of keeping one unit in stock for one period
 * @param leadTimePeriods periods from the release of a batch until its goods can ship; at most
 *     {@link #MAX_LEAD_TIME}
 */
public record ProductionConstraints(
    int minimumOrderQuantity,
    int orderMultiple,
    int maximumBatch,
    int capacityPerPeriod,
    double setupCost,
    double unitCost,
    double holdingCostPerUnitPeriod,
    int leadTimePeriods) {
  private static final ProductionConstraints UNCONSTRAINED =
      new ProductionConstraints(1, 1, Integer.MAX_VALUE, Integer.MAX_VALUE, 0, 0, 0, 0);

  /** The longest lead time, in periods: {@link BatchingProblem#MAX_HORIZON}. */
  public static final int MAX_LEAD_TIME = BatchingProblem.MAX_HORIZON;

  /**
   * Validates: every number in range and the combination feasible.
   *
   * @throws IllegalArgumentException naming the field, the value and the rule
   */
  public ProductionConstraints {
    Checks.requirePositive(minimumOrderQuantity, "minimum order quantity");
    Checks.requirePositive(orderMultiple, "order multiple");
    Checks.requirePositive(maximumBatch, "maximum batch");
    Checks.requirePositive(capacityPerPeriod, "capacity per period");
    Checks.requireNonNegative(setupCost, "setup cost");
    Checks.requireNonNegative(unitCost, "unit cost");
    Checks.requireNonNegative(holdingCostPerUnitPeriod, "holding cost per unit-period");
    Checks.requireNonNegative(leadTimePeriods, "lead time in periods");
    if (leadTimePeriods > MAX_LEAD_TIME) {
      throw new IllegalArgumentException("The lead time (" + leadTimePeriods + " periods) must be "
          + "at most " + MAX_LEAD_TIME + " periods, the longest horizon a plan has, so that a "
          + "release period plus the lead time never overflows.");
    }
    if (minimumOrderQuantity > maximumBatch) {
      throw new IllegalArgumentException(
          "The minimum order quantity (" + minimumOrderQuantity
              + ") must not exceed the maximum batch (" + maximumBatch + ").");
    }
    if (roundUp(minimumOrderQuantity, orderMultiple) > largestBatch(maximumBatch, capacityPerPeriod,
        orderMultiple)) {
      throw new IllegalArgumentException(
          "No batch can satisfy minimum order quantity " + minimumOrderQuantity
              + ", order multiple " + orderMultiple + ", maximum batch " + maximumBatch
              + " and capacity per period " + capacityPerPeriod + " at once.");
    }
  }

  /**
   * No limits and no costs: MOQ 1, multiple 1, unlimited batch and capacity, zero lead time.
   *
   * @return the unconstrained line
   */
  public static ProductionConstraints unconstrained() {
    return UNCONSTRAINED;
  }

  /**
   * Returns the smallest multiple of the order multiple that is at least {@code quantity}.
   *
   * @param quantity units wanted
   * @return units to make
   */
  public int roundToMultiple(int quantity) {
    return roundUp(quantity, orderMultiple);
  }

  /**
   * Returns the largest quantity one batch may have: the maximum batch and the capacity per
   * period, rounded down to the order multiple.
   *
   * @return the largest feasible batch
   */
  public int largestBatch() {
    return largestBatch(maximumBatch, capacityPerPeriod, orderMultiple);
  }

  /**
   * Tells whether a batch quantity is allowed: at least the MOQ, a multiple of the order
   * multiple, at most the largest batch.
   *
   * @param quantity the batch quantity
   * @return true if feasible
   */
  public boolean allows(int quantity) {
    return quantity >= minimumOrderQuantity
        && quantity % orderMultiple == 0
        && quantity <= largestBatch();
  }

  private static int roundUp(int q, int k) {
    long r = ((long) q + k - 1) / k * k;
    return r > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) r;
  }

  private static int largestBatch(int maximumBatch, int capacity, int multiple) {
    int cap = Math.min(maximumBatch, capacity);
    return cap / multiple * multiple;
  }

  /**
   * Returns a copy with another MOQ.
   *
   * @param moq the minimum order quantity
   * @return the new constraints
   */
  public ProductionConstraints withMinimumOrderQuantity(int moq) {
    return new ProductionConstraints(moq, orderMultiple, maximumBatch, capacityPerPeriod,
        setupCost, unitCost, holdingCostPerUnitPeriod, leadTimePeriods);
  }

  /**
   * Returns a copy with another order multiple.
   *
   * @param multiple the order multiple
   * @return the new constraints
   */
  public ProductionConstraints withOrderMultiple(int multiple) {
    return new ProductionConstraints(minimumOrderQuantity, multiple, maximumBatch,
        capacityPerPeriod, setupCost, unitCost, holdingCostPerUnitPeriod, leadTimePeriods);
  }

  /**
   * Returns a copy with another maximum batch.
   *
   * @param max the maximum batch
   * @return the new constraints
   */
  public ProductionConstraints withMaximumBatch(int max) {
    return new ProductionConstraints(minimumOrderQuantity, orderMultiple, max, capacityPerPeriod,
        setupCost, unitCost, holdingCostPerUnitPeriod, leadTimePeriods);
  }

  /**
   * Returns a copy with another capacity per period.
   *
   * @param capacity units per period
   * @return the new constraints
   */
  public ProductionConstraints withCapacityPerPeriod(int capacity) {
    return new ProductionConstraints(minimumOrderQuantity, orderMultiple, maximumBatch, capacity,
        setupCost, unitCost, holdingCostPerUnitPeriod, leadTimePeriods);
  }

  /**
   * Returns a copy with other costs.
   *
   * @param setup setup cost per batch
   * @param unit cost per unit
   * @param holding holding cost per unit-period
   * @return the new constraints
   */
  public ProductionConstraints withCosts(double setup, double unit, double holding) {
    return new ProductionConstraints(minimumOrderQuantity, orderMultiple, maximumBatch,
        capacityPerPeriod, setup, unit, holding, leadTimePeriods);
  }

  /**
   * Returns a copy with another lead time.
   *
   * @param periods lead time in periods
   * @return the new constraints
   */
  public ProductionConstraints withLeadTimePeriods(int periods) {
    return new ProductionConstraints(minimumOrderQuantity, orderMultiple, maximumBatch,
        capacityPerPeriod, setupCost, unitCost, holdingCostPerUnitPeriod, periods);
  }
}
