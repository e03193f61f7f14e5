package io.c2m.order;

import io.c2m.internal.Checks;
import java.util.List;

/**
 * What one step of the book changes, stored by {@link OrderStore#commit(OrderChange)} atomically:
 * order transitions (never acceptances: those go through {@link OrderStore#insert}) and the batches
 * they concern, new or updated.
 *
 * @param events the transitions, applied in order; each order's event must start from its stored
 *     state (or from the state an earlier event of the same change left it in)
 * @param batches released batches to store or replace, by id
 */
public record OrderChange(List<OrderEvent> events, List<BookedBatch> batches) {
  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException if an event is an acceptance
   */
  public OrderChange {
    events = List.copyOf(Checks.requireNoNulls(events, "events"));
    batches = List.copyOf(Checks.requireNoNulls(batches, "batches"));
    for (OrderEvent e : events) {
      if (e.isAcceptance()) {
        throw new IllegalArgumentException("The acceptance of order (" + e.order()
            + ") is stored by insert, not commit.");
      }
    }
  }

  /**
   * Tells whether the change changes nothing.
   *
   * @return true if there is no event and no batch
   */
  public boolean isEmpty() {
    return events.isEmpty() && batches.isEmpty();
  }
}
