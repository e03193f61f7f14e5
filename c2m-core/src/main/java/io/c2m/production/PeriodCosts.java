package io.c2m.production;

import io.c2m.internal.Checks;
import java.util.List;

/**
 * Costs of one design that vary over the planning horizon, overriding the constant costs of its
 * {@link ProductionConstraints} period by period. Each list is either empty (use the constant) or
 * holds one value per period of the horizon. Wagner and Whitin's own 1958 example has a different
 * setup cost in every period.
 *
 * @param setupCost setup cost of a batch released in each period
 * @param holdingCost cost of one unit left in stock at the end of each period
 * @param unitCost variable cost of a unit made in each period
 */
public record PeriodCosts(List<Double> setupCost, List<Double> holdingCost, List<Double> unitCost) {
  /** No override. */
  public static final PeriodCosts NONE = new PeriodCosts(List.of(), List.of(), List.of());

  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException if a cost is negative or not finite
   */
  public PeriodCosts {
    setupCost = List.copyOf(Checks.requireNoNulls(setupCost, "setupCost"));
    holdingCost = List.copyOf(Checks.requireNoNulls(holdingCost, "holdingCost"));
    unitCost = List.copyOf(Checks.requireNoNulls(unitCost, "unitCost"));
    for (int t = 0; t < setupCost.size(); t++) {
      Checks.requireNonNegative(setupCost.get(t), "setup cost of period " + t);
    }
    for (int t = 0; t < holdingCost.size(); t++) {
      Checks.requireNonNegative(holdingCost.get(t), "holding cost of period " + t);
    }
    for (int t = 0; t < unitCost.size(); t++) {
      Checks.requireNonNegative(unitCost.get(t), "unit cost of period " + t);
    }
  }

  /**
   * Tells whether every list is empty or has exactly {@code horizon} values.
   *
   * @param horizon the number of periods
   * @return true if the sizes fit
   */
  boolean fits(int horizon) {
    return (setupCost.isEmpty() || setupCost.size() == horizon)
        && (holdingCost.isEmpty() || holdingCost.size() == horizon)
        && (unitCost.isEmpty() || unitCost.size() == horizon);
  }
}
