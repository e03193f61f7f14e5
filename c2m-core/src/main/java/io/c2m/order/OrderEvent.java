package io.c2m.order;

import static java.util.Objects.requireNonNull;

import io.c2m.OrderId;
import java.time.Instant;

/**
 * One step of an order's lifecycle, delivered to {@link OrderListener}s so an integrator can act on
 * it (capture the payment on acceptance, refund on {@link OrderState#CANCELLED} or {@link
 * OrderState#EXPIRED}, print a label on {@link OrderState#SHIPPED}).
 *
 * <p>The event of an order's acceptance has {@code from == to} (the state it was accepted into,
 * {@link OrderState#PLACED} or {@link OrderState#IN_CAMPAIGN}); every other event is a legal
 * transition ({@link OrderState#canMoveTo(OrderState)}).
 *
 * @param order the order
 * @param from the state before
 * @param to the state after
 * @param at when it happened, by the engine's clock
 * @param reason why, in words (never consumer data beyond the pseudonymous ids)
 */
public record OrderEvent(OrderId order, OrderState from, OrderState to, Instant at,
    String reason) {
  /**
   * Validates.
   *
   * @throws IllegalArgumentException if the transition is not legal, or an acceptance is into a
   *     state that is not initial, or the reason is blank
   */
  public OrderEvent {
    requireNonNull(order, "order");
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    requireNonNull(at, "at");
    requireNonNull(reason, "reason");
    if (reason.isBlank()) {
      throw new IllegalArgumentException("The event of order (" + order + ") from " + from
          + " to " + to + " needs a reason.");
    }
    if (from == to) {
      if (!from.isInitial()) {
        throw new IllegalArgumentException("Order (" + order + ") cannot be accepted into " + to
            + "; an order is accepted into PLACED or IN_CAMPAIGN.");
      }
    } else if (!from.canMoveTo(to)) {
      throw new IllegalArgumentException("Order (" + order + ") cannot move from " + from
          + " to " + to + ": " + from.rule());
    }
  }

  /**
   * Creates the event of an order's acceptance.
   *
   * @param order the order
   * @param into the state it is accepted into
   * @param at when
   * @param reason why
   * @return the event
   */
  public static OrderEvent accepted(OrderId order, OrderState into, Instant at, String reason) {
    return new OrderEvent(order, into, into, at, reason);
  }

  /**
   * Tells whether this is the event of the order's acceptance.
   *
   * @return true if {@code from == to}
   */
  public boolean isAcceptance() {
    return from == to;
  }
}
