package io.c2m.order;

import static java.util.Objects.requireNonNull;

import io.c2m.ConsumerId;
import io.c2m.DesignId;
import io.c2m.OrderId;
import io.c2m.internal.Checks;
import java.time.Instant;

/**
 * A consumer's commitment to buy a design before it is produced.
 *
 * @param id the order's id, unique; the key of idempotency
 * @param consumer the pseudonymous consumer
 * @param design the design ordered
 * @param quantity units ordered; positive
 * @param unitPrice price per unit agreed; zero or more (a negative zero is stored as zero, so that
 *     every store, whatever its database keeps of the sign, compares prices alike)
 * @param placedAt when the order was placed
 * @param latestDelivery the promised latest delivery; not before {@code placedAt}
 */
public record Order(
    OrderId id,
    ConsumerId consumer,
    DesignId design,
    int quantity,
    double unitPrice,
    Instant placedAt,
    Instant latestDelivery) {
  /**
   * Validates.
   *
   * @throws IllegalArgumentException if the quantity is not positive, the price negative or the
   *     promise before the order
   */
  public Order {
    requireNonNull(id, "id");
    requireNonNull(consumer, "consumer");
    requireNonNull(design, "design");
    if (quantity <= 0) {
      throw new IllegalArgumentException(
          "The quantity (" + quantity + ") of order (" + id + ") must be positive.");
    }
    if (!(unitPrice >= 0) || Double.isInfinite(unitPrice)) {
      // the message is built only on failure: intake and journal recovery build millions
      Checks.requireNonNegative(unitPrice, "unit price of order " + id);
    }
    // -0.0 passes the check but Double.compare tells it from 0.0 (sameBusinessContent), and some
    // databases (H2) drop its sign: one zero only.
    unitPrice += 0.0;
    requireNonNull(placedAt, "placedAt");
    requireNonNull(latestDelivery, "latestDelivery");
    if (latestDelivery.isBefore(placedAt)) {
      throw new IllegalArgumentException(
          "The latest delivery (" + latestDelivery + ") of order (" + id
              + ") must not be before it was placed (" + placedAt + ").");
    }
  }

  /**
   * Returns a copy with another quantity.
   *
   * @param q the quantity
   * @return the new order
   */
  public Order withQuantity(int q) {
    return new Order(id, consumer, design, q, unitPrice, placedAt, latestDelivery);
  }

  /**
   * Tells whether another order has the same business content: consumer, design, quantity and unit
   * price (timestamps and id are not compared). A resent order with the same id and business content
   * is a retry ({@link OrderStore.Insertion.Outcome#DUPLICATE}); with other content a conflict.
   *
   * @param other the other order
   * @return true if the business content is the same
   */
  public boolean sameBusinessContent(Order other) {
    return consumer.equals(other.consumer) && design.equals(other.design)
        && quantity == other.quantity
        && Double.compare(unitPrice, other.unitPrice) == 0;
  }
}
