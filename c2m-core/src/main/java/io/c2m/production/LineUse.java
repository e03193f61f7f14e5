package io.c2m.production;

import io.c2m.internal.Checks;

/**
 * How much of a shared line's capacity one design uses.
 *
 * @param setupTime capacity consumed by each setup (batch) of the design; zero or more
 * @param unitUse capacity consumed by each unit made; zero or more
 */
public record LineUse(double setupTime, double unitUse) {
  /**
   * Validates.
   *
   * @throws IllegalArgumentException if a figure is negative or not finite
   */
  public LineUse {
    Checks.requireNonNegative(setupTime, "setup time");
    Checks.requireNonNegative(unitUse, "unit capacity use");
  }

  /**
   * Returns the capacity a batch of {@code quantity} units uses.
   *
   * @param quantity units made
   * @return setup time plus units times unit use
   */
  public double load(int quantity) {
    return setupTime + unitUse * quantity;
  }
}
