package io.c2m.order;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.c2m.ConsumerId;
import io.c2m.DesignId;
import io.c2m.OrderId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 10: {@link OrderBook#acceptAll} (the batched intake of {@code c2m orders accept}) answers,
 * stores and publishes exactly as {@link OrderBook#accept} called for each order in turn.
 */
class OrderBookAcceptAll10Test {
  private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

  private static Order order(String id, String consumer, String design, int quantity,
      double price) {
    return new Order(OrderId.of(id), ConsumerId.of(consumer), DesignId.of(design), quantity,
        price, T0.plusSeconds(60), T0.plus(Duration.ofDays(30)));
  }

  private static OrderBook book(List<OrderEvent> events) {
    OrderBook b = OrderBook.of(OrderStore.inMemory(), Clock.fixed(T0.plusSeconds(3600),
        ZoneOffset.UTC), c -> !c.value().equals("stranger"));
    b.offer(new Offer(DesignId.of("dress"), 30, 1, 1, Duration.ZERO, Duration.ofDays(14),
        Instant.MIN, Instant.MAX, 3));
    b.offer(new Offer(DesignId.of("coat"), 80, 10, 1, Duration.ofDays(7), Duration.ofDays(14),
        Instant.MIN, Instant.MAX, 0));
    b.addListener(events::add);
    return b;
  }

  @Test
  void aBatchAnswersStoresAndPublishesAsOneByOne() {
    List<Order> orders = List.of(
        order("o1", "c1", "dress", 1, 30),
        order("o2", "c2", "coat", 2, 80), // into the campaign
        order("o1", "c1", "dress", 1, 30), // a resend in the same batch: duplicate
        order("o2", "c9", "coat", 2, 80), // the same id, other content: rejected, first kept
        order("o3", "c3", "dress", 1, 25), // the price rule
        order("o3", "c3", "dress", 1, 30), // the same id, now right: accepted
        order("o4", "c4", "dress", 5, 30), // the cap per order
        order("o5", "stranger", "dress", 1, 30), // an unknown consumer
        order("o6", "c6", "hat", 1, 30), // not on offer
        order("o7", "c7", "coat", 1, 80));
    List<OrderEvent> oneByOneEvents = new ArrayList<>();
    OrderBook oneByOne = book(oneByOneEvents);
    List<OrderReceipt> expected = new ArrayList<>();
    for (Order o : orders) {
      expected.add(oneByOne.accept(o));
    }
    List<OrderEvent> batchEvents = new ArrayList<>();
    OrderBook batched = book(batchEvents);
    List<OrderReceipt> receipts = batched.acceptAll(orders);

    assertEquals(expected, receipts);
    assertEquals(oneByOne.booked(), batched.booked());
    assertEquals(oneByOneEvents, batchEvents);
    assertEquals(List.of(OrderReceipt.Status.ACCEPTED, OrderReceipt.Status.ACCEPTED,
        OrderReceipt.Status.DUPLICATE, OrderReceipt.Status.REJECTED,
        OrderReceipt.Status.REJECTED, OrderReceipt.Status.ACCEPTED,
        OrderReceipt.Status.REJECTED, OrderReceipt.Status.REJECTED,
        OrderReceipt.Status.REJECTED, OrderReceipt.Status.ACCEPTED),
        receipts.stream().map(OrderReceipt::status).toList());
    // a second batch of resends: all answered from the store, nothing stored twice
    assertEquals(List.of(OrderReceipt.Status.DUPLICATE, OrderReceipt.Status.REJECTED),
        batched.acceptAll(List.of(orders.get(0), orders.get(3))).stream()
            .map(OrderReceipt::status).toList());
    assertEquals(4, batched.size()); // o1, o2, o3, o7
    assertEquals(List.of(), batched.acceptAll(List.of()));
  }
}
