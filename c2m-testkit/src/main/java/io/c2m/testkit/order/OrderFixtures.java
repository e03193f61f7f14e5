package io.c2m.testkit.order;

import io.c2m.BatchId;
import io.c2m.ConsumerId;
import io.c2m.DesignId;
import io.c2m.OrderId;
import io.c2m.order.BatchState;
import io.c2m.order.BookedBatch;
import io.c2m.order.Order;
import io.c2m.order.OrderChange;
import io.c2m.order.OrderEvent;
import io.c2m.order.OrderState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Small builders of orders, events, batches and changes for order-store tests. Every instant is
 * counted in seconds from {@link #T0}, so tests stay deterministic.
 */
public final class OrderFixtures {
  /** The instant fixtures count from: 2026-03-01T00:00:00Z. */
  public static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

  private OrderFixtures() {}

  /**
   * Returns {@link #T0} plus some seconds.
   *
   * @param seconds the offset
   * @return the instant
   */
  public static Instant at(long seconds) {
    return T0.plusSeconds(seconds);
  }

  /**
   * Returns an order of consumer {@code c-<id>} for design {@code d1} at a unit price of 30.
   *
   * @param id the order id
   * @param quantity units
   * @param placedSecond when it was placed, in seconds from {@link #T0}
   * @return the order
   */
  public static Order order(String id, int quantity, long placedSecond) {
    return order(id, "d1", quantity, 30.0, placedSecond);
  }

  /**
   * Returns an order of consumer {@code c-<id>}.
   *
   * @param id the order id
   * @param design the design id
   * @param quantity units
   * @param price the unit price
   * @param placedSecond when it was placed, in seconds from {@link #T0}
   * @return the order
   */
  public static Order order(String id, String design, int quantity, double price,
      long placedSecond) {
    Instant placed = at(placedSecond);
    return new Order(OrderId.of(id), ConsumerId.of("c-" + id), DesignId.of(design), quantity,
        price, placed, placed.plus(Duration.ofDays(30)));
  }

  /**
   * Returns the acceptance of an order into {@link OrderState#PLACED} at its placing time.
   *
   * @param order the order
   * @return the event
   */
  public static OrderEvent accepted(Order order) {
    return OrderEvent.accepted(order.id(), OrderState.PLACED, order.placedAt(), "accepted");
  }

  /**
   * Returns a transition.
   *
   * @param id the order id
   * @param from the state before
   * @param to the state after
   * @param second when, in seconds from {@link #T0}
   * @return the event
   */
  public static OrderEvent move(String id, OrderState from, OrderState to, long second) {
    return new OrderEvent(OrderId.of(id), from, to, at(second), "test " + from + "->" + to);
  }

  /**
   * Returns a released batch of design {@code design} serving some orders.
   *
   * @param id the batch id
   * @param design the design
   * @param quantity units made
   * @param second its start and update time, in seconds from {@link #T0}
   * @param orders the order ids
   * @return the batch
   */
  public static BookedBatch batch(String id, String design, int quantity, long second,
      String... orders) {
    return new BookedBatch(BatchId.of(id), DesignId.of(design), BatchState.RELEASED, at(second),
        at(second).plus(Duration.ofDays(2)), quantity,
        java.util.Arrays.stream(orders).map(OrderId::of).toList(), at(second));
  }

  /**
   * Returns a change of events only.
   *
   * @param events the events
   * @return the change
   */
  public static OrderChange change(OrderEvent... events) {
    return new OrderChange(List.of(events), List.of());
  }
}
