package io.c2m.examples;

import io.c2m.BatchId;
import io.c2m.C2m;
import io.c2m.ConsumerId;
import io.c2m.DesignId;
import io.c2m.OrderId;
import io.c2m.order.BookedOrder;
import io.c2m.order.Offer;
import io.c2m.order.Order;
import io.c2m.order.OrderStore;
import io.c2m.production.Advance;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The order-lifecycle example of the README, compiled and tested with the build: a group-buy
 * campaign in a durable journal, released at its minimum, produced, shipped and delivered, and
 * every acknowledged order still there after a restart.
 */
public final class OrderLifecycleExample {
  private OrderLifecycleExample() {}

  /**
   * Runs the example.
   *
   * @param dir an empty directory for the journal
   * @return the events the listener saw, then the states read after the restart
   */
  public static List<String> run(Path dir) {
    List<String> seen = new ArrayList<>();
    // README:begin
    Instant monday = Instant.parse("2026-03-02T09:00:00Z");
    DesignId dress = DesignId.of("sage-linen-dress");
    try (OrderStore store = OrderStore.journal(dir)) {      // durable: fsync before each ack
      C2m c2m = C2m.builder().clock(Clock.fixed(monday, ZoneOffset.UTC))
          .orderStore(store).build();
      c2m.addOrderListener(e -> seen.add(e.order() + " " + e.from() + "->" + e.to()));
      c2m.offer(Offer.of(dress, 34.0)                       // 34 a unit, group buy:
          .withCampaign(3, Duration.ofDays(7)));              // 3 units within 7 days
      for (int i = 0; i < 3; i++) {
        c2m.acceptOrder(new Order(OrderId.of("o" + i), ConsumerId.of("c" + i), dress, 1, 34.0,
            monday.plus(Duration.ofHours(i)), monday.plus(Duration.ofDays(30))));
      }
      Advance step = c2m.advance();                         // MOQ reached: batch released
      BatchId batch = step.schedule().batches().get(0).id();
      c2m.startProduction(batch);                           // no cancellation from here on
      c2m.ship(batch);
      c2m.deliver(batch);
    }
    try (OrderStore reopened = OrderStore.journal(dir)) {   // after a restart
      for (BookedOrder o : reopened.orders()) {
        seen.add(o.order().id() + " is " + o.state());     // o0 is DELIVERED, ...
      }
    }
    // README:end
    return seen;
  }

  /**
   * Prints the example's events.
   *
   * @param args ignored
   * @throws java.io.IOException if no temporary directory can be made
   */
  public static void main(String[] args) throws java.io.IOException {
    Path dir = java.nio.file.Files.createTempDirectory("c2m-orders");
    run(dir).forEach(System.out::println);
  }
}
