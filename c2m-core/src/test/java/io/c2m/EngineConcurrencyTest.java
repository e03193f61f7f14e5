package io.c2m;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.order.BookedBatch;
import io.c2m.order.BookedOrder;
import io.c2m.order.Offer;
import io.c2m.order.Order;
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
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Issue 10 part 8 on the engine: 8 threads submit orders with 10% duplicate retries and 1%
 * conflicting ids while another thread advances the clock and the book (plans, releases,
 * expiries), starts production and ships, and a third cancels. Bounded in the suite (8 x 5,000
 * submissions); the full size runs with {@code -Dc2m.stress.orders=1000000} (total submissions):
 * {@code mvn -B -pl c2m-core -am test -Dtest=EngineConcurrencyTest -Dc2m.stress.orders=1000000
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class EngineConcurrencyTest {
  private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");
  private static final int THREADS = 8;

  /** A clock another thread moves. */
  private static final class SharedClock extends Clock {
    final AtomicReference<Instant> now = new AtomicReference<>(T0);

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
      return now.get();
    }
  }

  private record Submission(Order order, OrderReceipt.Status status) {}

  @Test
  void exactlyOnceUnderConcurrentIntakeAdvanceAndCancellation() throws Exception {
    int total = Integer.getInteger("c2m.stress.orders", THREADS * 5_000);
    int perThread = total / THREADS;
    SharedClock clock = new SharedClock();
    C2m c2m = C2m.builder().clock(clock).batching(BatchingStrategy.groupBuy(2))
        .defaultConstraints(ProductionConstraints.unconstrained().withMinimumOrderQuantity(20)
            .withMaximumBatch(5_000))
        .build();
    DesignId[] designs = {DesignId.of("plain"), DesignId.of("campaign"), DesignId.of("other")};
    c2m.offer(Offer.of(designs[0], 10));
    c2m.offer(Offer.of(designs[1], 10).withCampaign(50, Duration.ofDays(1)));
    c2m.offer(Offer.of(designs[2], 10));
    Queue<Submission> log = new ConcurrentLinkedQueue<>();
    AtomicBoolean done = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS + 2);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> submitters = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      submitters.add(pool.submit(() -> {
        Random r = new Random(thread);
        List<Order> mine = new ArrayList<>();
        start.await();
        for (int i = 0; i < perThread; i++) {
          Order o;
          double u = r.nextDouble();
          if (u < 0.10 && !mine.isEmpty()) {
            o = mine.get(r.nextInt(mine.size())); // a retry: same content
          } else if (u < 0.11) {
            // a conflicting id: another thread's id (maybe not taken yet), other content
            int other = (thread + 1) % THREADS;
            o = new Order(OrderId.of(other + "-" + r.nextInt(Math.max(1, i))),
                ConsumerId.of("x" + thread), designs[r.nextInt(3)], 1 + r.nextInt(3), 10,
                clock.instant(), clock.instant().plus(Duration.ofDays(30)));
          } else {
            o = new Order(OrderId.of(thread + "-" + i), ConsumerId.of("c" + thread + "-" + i),
                designs[r.nextInt(3)], 1 + r.nextInt(3), 10, clock.instant(),
                clock.instant().plus(Duration.ofDays(30)));
            mine.add(o);
          }
          log.add(new Submission(o, c2m.acceptOrder(o).status()));
        }
        return null;
      }));
    }
    Future<?> advancer = pool.submit(() -> {
      Random r = new Random(99);
      start.await();
      while (!done.get()) {
        clock.now.updateAndGet(n -> n.plus(Duration.ofHours(2)));
        c2m.advance();
        List<BookedBatch> batches = c2m.orderBook().batches();
        if (!batches.isEmpty()) {
          BookedBatch b = batches.get(r.nextInt(batches.size()));
          try {
            switch (b.state()) {
              case RELEASED -> c2m.startProduction(b.id());
              case IN_PRODUCTION -> c2m.ship(b.id());
              default -> c2m.deliver(b.id());
            }
          } catch (IllegalStateException raced) {
            // a state moved by this very thread earlier: refused, nothing changed
          }
        }
      }
      return null;
    });
    Future<?> canceller = pool.submit(() -> {
      Random r = new Random(7);
      start.await();
      while (!done.get()) {
        OrderId id = OrderId.of(r.nextInt(THREADS) + "-" + r.nextInt(Math.max(1, perThread)));
        try {
          c2m.cancelOrder(id, "consumer changed their mind");
        } catch (IllegalStateException notAllowed) {
          assertTrue(notAllowed.getMessage().contains(id.value()), notAllowed.getMessage());
        }
        Thread.onSpinWait();
      }
      return null;
    });
    start.countDown();
    for (Future<?> f : submitters) {
      f.get(300, TimeUnit.SECONDS); // no deadlock
    }
    done.set(true);
    advancer.get(60, TimeUnit.SECONDS);
    canceller.get(60, TimeUnit.SECONDS);
    pool.shutdown();

    Map<OrderId, BookedOrder> stored = new HashMap<>();
    for (BookedOrder b : c2m.orderBook().booked()) {
      assertEquals(null, stored.put(b.order().id(), b), "an order is stored once");
    }
    Map<OrderId, Integer> accepted = new HashMap<>();
    for (Submission s : log) {
      BookedOrder b = stored.get(s.order().id());
      switch (s.status()) {
        case ACCEPTED -> {
          accepted.merge(s.order().id(), 1, Integer::sum);
          assertEquals(s.order(), b.order(), "the accepted content is the stored one");
        }
        case DUPLICATE -> assertTrue(b.order().sameBusinessContent(s.order()));
        default -> assertTrue(b == null || !b.order().sameBusinessContent(s.order()),
            "only a conflicting content is rejected");
      }
    }
    assertEquals(stored.keySet(), accepted.keySet(), "every stored order was acknowledged once");
    assertTrue(accepted.values().stream().allMatch(n -> n == 1), "exactly once");
    long units = 0;
    Map<OrderState, Long> byState = new HashMap<>();
    for (BookedOrder b : stored.values()) {
      units += b.order().quantity();
      byState.merge(b.state(), (long) b.order().quantity(), Long::sum);
    }
    assertEquals(units, byState.values().stream().mapToLong(Long::longValue).sum());
    Set<OrderId> inBatch = new HashSet<>();
    for (BookedBatch b : c2m.orderBook().batches()) {
      long ordered = 0;
      for (OrderId id : b.orders()) {
        assertTrue(inBatch.add(id), "an order is in one batch");
        assertTrue(!stored.get(id).state().isOpen());
        ordered += stored.get(id).order().quantity();
      }
      assertTrue(ordered <= b.quantity());
    }
  }
}
