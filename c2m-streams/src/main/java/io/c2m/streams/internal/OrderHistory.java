package io.c2m.streams.internal;

import static java.util.Objects.requireNonNull;

import io.c2m.order.OrderEvent;
import java.util.List;

/**
 * One order's events, acceptance first, as the order history store holds them.
 *
 * @param events the events
 */
public record OrderHistory(List<OrderEvent> events) {
  /** Copies. */
  public OrderHistory {
    events = List.copyOf(requireNonNull(events, "events"));
  }
}
