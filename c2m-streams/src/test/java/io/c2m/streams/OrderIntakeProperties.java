package io.c2m.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.c2m.order.Offer;
import io.c2m.order.Order;
import io.c2m.order.OrderBook;
import io.c2m.order.OrderReceipt;
import io.c2m.order.OrderStore;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The streams order intake answers every order as core's order book does: generated orders for a
 * few offered designs (and one not offered), with retries of the same order, retries with other
 * content (quantity or price), wrong prices, shuffled.
 */
class OrderIntakeProperties {

  @Property(tries = 10)
  void everyReceiptEqualsTheOrderBooks(@ForAll long seed,
      @ForAll @IntRange(min = 5, max = 60) int orders) throws Exception {
    Random r = new Random(seed);
    List<Offer> offers = List.of(
        OrderIntakeTest.offer("d1", 5, Duration.ofDays(2)),
        OrderIntakeTest.offer("d2", 3, Duration.ZERO),
        OrderIntakeTest.offer("d3", 1000, Duration.ofDays(30)));
    List<Order> input = new ArrayList<>();
    for (int i = 0; i < orders; i++) {
      String design = "d" + (1 + r.nextInt(4)); // d4 is not on offer
      double price = r.nextDouble() < 0.1 ? 25.0 : 30.0;
      Order o = OrderIntakeTest.order("o" + i, design, 1 + r.nextInt(3), price,
          OrderIntakeTest.T0.plusSeconds(60L * i));
      input.add(o);
      if (r.nextDouble() < 0.3) {
        input.add(o); // a retry
      }
      if (r.nextDouble() < 0.15) {
        input.add(o.withQuantity(o.quantity() + 1)); // the same id, other content
      }
    }
    Collections.shuffle(input, r);

    OrderBook reference = OrderBook.of(OrderStore.inMemory(),
        Clock.fixed(OrderIntakeTest.T0, ZoneOffset.UTC), c -> true);
    offers.forEach(reference::offer);
    try (OrderIntakeTest.Intake in = new OrderIntakeTest.Intake()) {
      for (Offer o : offers) {
        in.offer(o, OrderIntakeTest.T0);
      }
      for (Order o : input) {
        OrderReceipt expected = reference.accept(o);
        OrderReceipt actual = in.place(o);
        assertEquals(expected, actual, () -> "receipt of " + o);
      }
    }
  }
}
