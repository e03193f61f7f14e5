package io.c2m.production;

import static java.util.Objects.requireNonNull;

import io.c2m.internal.Checks;
import io.c2m.order.OrderEvent;
import java.util.List;

/**
 * What rolling the order book forward to the engine's now did: the events it stored (campaigns
 * released or expired, batches of the current period frozen, failed campaigns of the strategy
 * expired) and the schedule after them.
 *
 * @param events the events, in the order they were stored
 * @param schedule the schedule after the step
 */
public record Advance(List<OrderEvent> events, Schedule schedule) {
  /**
   * Validates and copies.
   */
  public Advance {
    events = List.copyOf(Checks.requireNoNulls(events, "events"));
    requireNonNull(schedule, "schedule");
  }
}
