package io.c2m;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.order.BatchState;
import io.c2m.order.BookedBatch;
import io.c2m.order.BookedOrder;
import io.c2m.order.Offer;
import io.c2m.order.Order;
import io.c2m.order.OrderEvent;
import io.c2m.order.OrderReceipt;
import io.c2m.order.OrderState;
import io.c2m.production.BatchingStrategy;
import io.c2m.production.ProductionConstraints;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Invariants of the engine's order lifecycle under random sequences of orders, retries,
 * conflicting ids, cancellations, advances of the clock, production, shipment and delivery.
 */
class OrderLifecycleProperties {
  private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");
  private static final DesignId PLAIN = DesignId.of("plain");
  private static final DesignId GROUP = DesignId.of("group");
  private static final DesignId WINDOW = DesignId.of("window");

  /** A clock the property moves forward. */
  private static final class MovingClock extends Clock {
    Instant now = T0;

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  /** One step: a kind and two numbers that pick what it acts on. */
  record Step(int kind, int a, int b) {}

  @Provide
  Arbitrary<List<Step>> steps() {
    return Arbitraries.integers().between(0, 9).flatMap(k -> Arbitraries.integers()
        .between(0, 40).flatMap(a -> Arbitraries.integers().between(0, 1000)
            .map(b -> new Step(k, a, b)))).list().ofMaxSize(80);
  }

  @Property(tries = 150)
  void everyOrderIsInExactlyOneStateAndUnitsAreConserved(@ForAll("steps") List<Step> steps) {
    MovingClock clock = new MovingClock();
    C2m c2m = C2m.builder().clock(clock).batching(BatchingStrategy.groupBuy(3))
        .defaultConstraints(ProductionConstraints.unconstrained().withMaximumBatch(50)
            .withMinimumOrderQuantity(4))
        .build();
    List<OrderEvent> seen = new ArrayList<>();
    c2m.addOrderListener(seen::add);
    c2m.offer(Offer.of(PLAIN, 10));
    c2m.offer(Offer.of(GROUP, 20).withCampaign(5, Duration.ofDays(2)));
    c2m.offer(Offer.of(WINDOW, 30).withSalesWindow(T0, T0.plus(Duration.ofDays(3))));
    DesignId[] designs = {PLAIN, GROUP, WINDOW};
    double[] prices = {10, 20, 30};
    Map<OrderId, Order> first = new HashMap<>();
    int accepted = 0;
    for (Step s : steps) {
      try {
        switch (s.kind()) {
          case 0, 1, 2, 3 -> {
            int d = s.b() % 3;
            Order o = new Order(OrderId.of("o" + s.a()), ConsumerId.of("c" + s.a()), designs[d],
                1 + s.b() % 3, prices[d], clock.now, clock.now.plus(Duration.ofDays(10)));
            OrderReceipt r = c2m.acceptOrder(o);
            Order known = first.get(o.id());
            if (known == null && r.status() == OrderReceipt.Status.ACCEPTED) {
              first.put(o.id(), o);
              accepted++;
            } else if (known != null) {
              assertEquals(known.sameBusinessContent(o) ? OrderReceipt.Status.DUPLICATE
                  : OrderReceipt.Status.REJECTED, r.status());
            }
          }
          case 4 -> clock.now = clock.now.plus(Duration.ofHours(1 + s.b() % 30));
          case 5 -> c2m.advance();
          case 6 -> c2m.cancelOrder(OrderId.of("o" + s.a()), "changed their mind");
          case 7 -> batch(c2m, s.b()).ifPresent(b -> c2m.startProduction(b.id()));
          case 8 -> batch(c2m, s.b()).ifPresent(b -> c2m.ship(b.id()));
          default -> batch(c2m, s.b()).ifPresent(b -> c2m.deliver(b.id()));
        }
      } catch (IllegalStateException illegal) {
        // an illegal transition is refused and changes nothing; the invariants below still hold
        assertTrue(illegal.getMessage().contains("is "), illegal.getMessage());
      }
      check(c2m, first, accepted, seen);
    }
  }

  private static java.util.Optional<BookedBatch> batch(C2m c2m, int pick) {
    List<BookedBatch> all = c2m.orderBook().batches();
    return all.isEmpty() ? java.util.Optional.empty()
        : java.util.Optional.of(all.get(pick % all.size()));
  }

  private static void check(C2m c2m, Map<OrderId, Order> first, int accepted,
      List<OrderEvent> seen) {
    List<BookedOrder> stored = c2m.orderBook().booked();
    assertEquals(accepted, stored.size());
    Map<OrderId, BookedOrder> byId = new HashMap<>();
    long units = 0;
    Map<OrderState, Long> byState = new HashMap<>();
    for (BookedOrder b : stored) {
      byId.put(b.order().id(), b);
      assertEquals(first.get(b.order().id()), b.order(), "the first order's content stands");
      units += b.order().quantity();
      byState.merge(b.state(), (long) b.order().quantity(), Long::sum);
      List<OrderEvent> h = c2m.orderBook().store().history(b.order().id());
      assertTrue(h.get(0).isAcceptance());
      assertEquals(b.state(), h.get(h.size() - 1).to(), "the state is the last event's");
      for (int i = 1; i < h.size(); i++) {
        assertEquals(h.get(i - 1).to(), h.get(i).from());
      }
    }
    assertEquals(units, byState.values().stream().mapToLong(Long::longValue).sum());
    // the listeners saw exactly the stored events
    long events = 0;
    for (BookedOrder b : stored) {
      events += c2m.orderBook().store().history(b.order().id()).size();
    }
    assertEquals(events, seen.size());
    Set<OrderId> inBatch = new HashSet<>();
    for (BookedBatch b : c2m.orderBook().batches()) {
      long ordered = 0;
      for (OrderId id : b.orders()) {
        assertTrue(inBatch.add(id), "an order is in one batch at most");
        BookedOrder o = byId.get(id);
        assertEquals(b.id().value(), o.batch().isEmpty() ? b.id().value() : o.batch());
        ordered += o.order().quantity();
        assertTrue(!o.state().isOpen(), "a batched order is no longer open");
        if (b.state() == BatchState.DONE) {
          assertTrue(o.state() == OrderState.SHIPPED || o.state() == OrderState.DELIVERED
              || o.state() == OrderState.CANCELLED, o.state().name());
        }
      }
      assertTrue(ordered <= b.quantity(), "a batch makes at least what its orders ordered");
    }
    for (BookedOrder o : stored) {
      if (o.batchId().isPresent()) {
        assertTrue(inBatch.contains(o.order().id()));
      }
    }
  }
}
