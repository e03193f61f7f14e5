package io.c2m.order;

import static java.util.Objects.requireNonNull;

import io.c2m.BatchId;
import io.c2m.DesignId;
import io.c2m.OrderId;
import io.c2m.internal.Checks;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;

/**
 * A batch released to the factory, as the {@link OrderStore} keeps it: frozen (later plans keep it
 * and its orders), with calendar dates.
 *
 * @param id the batch's id, unique in the store
 * @param design the design made
 * @param state where it stands; not {@link BatchState#PLANNED} (planned batches are not stored)
 * @param start the start of the period it is released in
 * @param ready when its goods can ship (start plus the lead time)
 * @param quantity units made; at least the units ordered
 * @param orders the orders it serves, each whole, none twice
 * @param updatedAt when its state last changed
 */
public record BookedBatch(BatchId id, DesignId design, BatchState state, Instant start,
    Instant ready, int quantity, List<OrderId> orders, Instant updatedAt) {
  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException if the batch is only planned, ready before its start, has a
   *     non-positive quantity, no order, or an order twice
   */
  public BookedBatch {
    requireNonNull(id, "id");
    requireNonNull(design, "design");
    requireNonNull(state, "state");
    requireNonNull(start, "start");
    requireNonNull(ready, "ready");
    requireNonNull(updatedAt, "updatedAt");
    if (state == BatchState.PLANNED) {
      throw new IllegalArgumentException(
          "Batch " + id + " is only PLANNED; a store keeps released batches only.");
    }
    if (ready.isBefore(start)) {
      throw new IllegalArgumentException("Batch " + id + " is ready (" + ready
          + ") before its start (" + start + ").");
    }
    Checks.requirePositive(quantity, "quantity of batch " + id);
    orders = List.copyOf(Checks.requireNoNulls(orders, "orders of batch " + id));
    if (new HashSet<>(orders).size() != orders.size()) {
      throw new IllegalArgumentException("Batch " + id + " lists an order twice.");
    }
  }

  /**
   * Returns this batch in another state.
   *
   * @param next the next state, one step forward
   * @param at when
   * @return the batch
   * @throws IllegalStateException if {@code next} does not directly follow the current state
   */
  public BookedBatch moveTo(BatchState next, Instant at) {
    if (!state.canMoveTo(next)) {
      throw new IllegalStateException("Batch " + id + " is " + state + "; it cannot move to "
          + next + " (a batch moves RELEASED -> IN_PRODUCTION -> DONE).");
    }
    return new BookedBatch(id, design, next, start, ready, quantity, orders, at);
  }
}
