package io.c2m.production;

import static java.util.Objects.requireNonNull;

import io.c2m.DesignId;
import io.c2m.OrderId;
import io.c2m.internal.Checks;

/**
 * An order that a plan does not put in any batch, with the reason.
 *
 * @param order the order
 * @param design its design
 * @param quantity its quantity
 * @param reason why it is not batched
 * @param detail a human-readable explanation with the figures behind the reason
 */
public record PendingOrder(
    OrderId order, DesignId design, int quantity, PendingReason reason, String detail) {
  /** Validates. */
  public PendingOrder {
    requireNonNull(order, "order");
    requireNonNull(design, "design");
    if (quantity <= 0) {
      Checks.requirePositive(quantity, "quantity of pending order " + order);
    }
    requireNonNull(reason, "reason");
    Checks.requireNonBlank(detail, "detail");
  }
}
