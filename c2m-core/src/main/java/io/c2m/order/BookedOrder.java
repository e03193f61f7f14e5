package io.c2m.order;

import static java.util.Objects.requireNonNull;

import io.c2m.BatchId;
import java.time.Instant;
import java.util.Optional;

/**
 * An order as the {@link OrderStore} holds it: the order as first accepted, its lifecycle state, the
 * batch serving it (once released) and when it last changed.
 *
 * @param order the order as first accepted (a later duplicate never replaces it)
 * @param state its current state
 * @param batch the id of the batch serving it; empty when none
 * @param acceptedAt when the engine accepted it (its clock, not the order's {@code placedAt})
 * @param updatedAt when its state last changed; {@code acceptedAt} until then
 */
public record BookedOrder(Order order, OrderState state, String batch, Instant acceptedAt,
    Instant updatedAt) {
  /**
   * Validates.
   *
   * @throws IllegalArgumentException if it was updated before it was accepted, or a batch is named
   *     for an order that was never released, or none for one that was
   */
  public BookedOrder {
    requireNonNull(order, "order");
    requireNonNull(state, "state");
    requireNonNull(batch, "batch");
    requireNonNull(acceptedAt, "acceptedAt");
    requireNonNull(updatedAt, "updatedAt");
    if (updatedAt.isBefore(acceptedAt)) {
      throw new IllegalArgumentException("Order (" + order.id() + ") was updated (" + updatedAt
          + ") before it was accepted (" + acceptedAt + ").");
    }
    boolean batched = state == OrderState.RELEASED || state == OrderState.IN_PRODUCTION
        || state == OrderState.SHIPPED || state == OrderState.DELIVERED;
    if (batched && batch.isEmpty()) {
      throw new IllegalArgumentException(
          "Order (" + order.id() + ") in state " + state + " must name its batch.");
    }
    if (state.isOpen() && !batch.isEmpty()) {
      throw new IllegalArgumentException("Order (" + order.id() + ") in state " + state
          + " is in no batch yet, but names batch " + batch + ".");
    }
  }

  /**
   * Returns the batch serving the order.
   *
   * @return the batch id, empty before release
   */
  public Optional<BatchId> batchId() {
    return batch.isEmpty() ? Optional.empty() : Optional.of(BatchId.of(batch));
  }

  /**
   * Returns this order after an event.
   *
   * @param event an event of this order from its current state
   * @param batchOfEvent the batch the order is released into, or empty to keep the current one
   * @return the updated order
   * @throws IllegalStateException if the event's order or from-state does not match
   */
  public BookedOrder after(OrderEvent event, String batchOfEvent) {
    if (!event.order().equals(order.id())) {
      throw new IllegalStateException("Event of order (" + event.order()
          + ") applied to order (" + order.id() + ").");
    }
    if (event.from() != state) {
      throw new IllegalStateException("Order (" + order.id() + ") is " + state
          + ", not " + event.from() + ": cannot move it to " + event.to() + "; " + state.rule());
    }
    String b = batchOfEvent.isEmpty() ? batch : batchOfEvent;
    Instant at = event.at().isBefore(acceptedAt) ? acceptedAt : event.at();
    return new BookedOrder(order, event.to(), b, acceptedAt, at);
  }
}
