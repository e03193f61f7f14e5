package io.c2m.order;

import static java.util.Objects.requireNonNull;

import io.c2m.OrderId;

/**
 * The answer to an order: accepted, a duplicate of an accepted order (idempotent retry), or
 * rejected with a reason.
 *
 * @param order the order's id
 * @param status what happened
 * @param reason why, for a rejection; empty otherwise
 */
public record OrderReceipt(OrderId order, Status status, String reason) {
  /** What happened to an order. */
  public enum Status {
    /** New and recorded. */
    ACCEPTED,
    /** The same order was accepted before; nothing changed. */
    DUPLICATE,
    /** Refused; the reason says why. Nothing was recorded. */
    REJECTED
  }

  /**
   * Validates: a rejection has a reason, other statuses have none.
   *
   * @throws IllegalArgumentException if the reason does not fit the status
   */
  public OrderReceipt {
    requireNonNull(order, "order");
    requireNonNull(status, "status");
    requireNonNull(reason, "reason");
    if ((status == Status.REJECTED) == reason.isBlank()) {
      throw new IllegalArgumentException("The receipt of order (" + order + ") with status "
          + status + (reason.isBlank() ? " needs a reason." : " must not have a reason."));
    }
  }

  /**
   * Tells whether the order is (now or already) on the book.
   *
   * @return true for accepted or duplicate
   */
  public boolean isOnBook() {
    return status != Status.REJECTED;
  }
}
