package io.c2m.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.ConsumerId;
import io.c2m.DesignId;
import io.c2m.OrderId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OrderBookTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static Order order(String id, int quantity) {
    return new Order(OrderId.of(id), ConsumerId.of("c"), DesignId.of("d"), quantity, 10, T0,
        T0.plusSeconds(86_400));
  }

  @Test
  void sameOrderTwiceIsOneOrder() {
    OrderBook book = new OrderBook();
    assertEquals(OrderReceipt.Status.ACCEPTED, book.accept(order("o1", 2)).status());
    OrderReceipt again = book.accept(order("o1", 2));
    assertEquals(OrderReceipt.Status.DUPLICATE, again.status());
    assertTrue(again.isOnBook());
    assertEquals(1, book.size());
  }

  @Test
  void sameIdWithOtherContentIsRejectedAndTheFirstKept() {
    OrderBook book = new OrderBook();
    book.accept(order("o1", 2));
    OrderReceipt clash = book.accept(order("o1", 3));
    assertEquals(OrderReceipt.Status.REJECTED, clash.status());
    assertTrue(clash.reason().contains("o1"), clash.reason());
    assertEquals(2, book.orders().get(0).quantity());
  }

  @Test
  void ordersForDesignsNotOnOfferAreRejected() {
    OrderBook book = new OrderBook(d -> d.equals(DesignId.of("other")));
    OrderReceipt r = book.accept(order("o1", 1));
    assertEquals(OrderReceipt.Status.REJECTED, r.status());
    assertTrue(r.reason().contains("not on offer"), r.reason());
    assertEquals(0, book.size());
  }

  @Test
  void keepsAcceptanceOrder() {
    OrderBook book = new OrderBook();
    book.accept(order("b", 1));
    book.accept(order("a", 1));
    assertEquals(OrderId.of("b"), book.orders().get(0).id());
    assertEquals(OrderId.of("a"), book.orders().get(1).id());
  }
}
