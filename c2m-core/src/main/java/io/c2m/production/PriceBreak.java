package io.c2m.production;

import io.c2m.internal.Checks;

/**
 * An all-units quantity discount: a batch of at least {@code minQuantity} units pays
 * {@code unitCost} for every unit (the largest break reached applies).
 *
 * @param minQuantity the smallest batch the price applies to; positive
 * @param unitCost the unit cost from that quantity on; zero or more
 */
public record PriceBreak(int minQuantity, double unitCost) {
  /**
   * Validates.
   *
   * @throws IllegalArgumentException if the quantity is not positive or the cost negative
   */
  public PriceBreak {
    Checks.requirePositive(minQuantity, "minimum quantity of a price break");
    Checks.requireNonNegative(unitCost, "unit cost of a price break");
  }
}
