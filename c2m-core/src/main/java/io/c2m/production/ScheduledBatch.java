package io.c2m.production;

import static java.util.Objects.requireNonNull;

import io.c2m.BatchId;
import io.c2m.DesignId;
import io.c2m.OrderId;
import io.c2m.internal.Checks;
import io.c2m.order.BatchState;
import java.time.Instant;
import java.util.List;

/**
 * A batch of a {@link Schedule} with calendar dates: a frozen batch from the order store
 * ({@link BatchState#RELEASED} or later) or one only {@link BatchState#PLANNED}.
 *
 * @param id the batch's id
 * @param design the design made
 * @param state where it stands
 * @param start the start of its release period
 * @param ready when its goods can ship
 * @param quantity units made
 * @param orders the orders it serves
 */
public record ScheduledBatch(BatchId id, DesignId design, BatchState state, Instant start,
    Instant ready, int quantity, List<OrderId> orders) {
  /**
   * Validates and copies.
   */
  public ScheduledBatch {
    requireNonNull(id, "id");
    requireNonNull(design, "design");
    requireNonNull(state, "state");
    requireNonNull(start, "start");
    requireNonNull(ready, "ready");
    Checks.requirePositive(quantity, "quantity of batch " + id);
    orders = List.copyOf(Checks.requireNoNulls(orders, "orders"));
  }
}
