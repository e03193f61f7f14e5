package io.c2m.testkit.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.c2m.BatchId;
import io.c2m.ConsumerId;
import io.c2m.DesignId;
import io.c2m.OrderId;
import io.c2m.order.BatchState;
import io.c2m.order.BookedBatch;
import io.c2m.order.BookedOrder;
import io.c2m.order.Order;
import io.c2m.order.OrderChange;
import io.c2m.order.OrderEvent;
import io.c2m.order.OrderState;
import io.c2m.order.OrderStore;
import io.c2m.order.OrderStore.Insertion.Outcome;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A concurrency stress run for any {@link OrderStore} (issue 10 part 8): submitter threads insert
 * new orders, with retries of stored orders (same id and content: must be {@code DUPLICATE}) and
 * conflicting resubmissions (same id, other quantity: must be {@code CONFLICT}), while committer
 * threads release orders into batches, start production, cancel, and now and then send a change
 * with one illegal event (must be refused whole). Each committer owns the orders whose id hashes to
 * it, so it knows their exact state; afterwards the store must hold every order exactly once, in
 * the state its committer left it, in exactly one state, with the quantities conserved and every
 * released order in the one batch that lists it. A run that does not finish in time fails with a
 * thread dump (a deadlock).
 */
public final class OrderStoreStress {
  /**
   * How to stress.
   *
   * @param orders distinct orders to insert
   * @param submitters inserting threads
   * @param committers committing threads
   * @param retryPercent share of submissions that retry a stored order
   * @param conflictPercent share of submissions that reuse a stored id with other content
   * @param seed the seed
   * @param timeout the longest the run may take
   */
  public record Settings(int orders, int submitters, int committers, int retryPercent,
      int conflictPercent, long seed, Duration timeout) {
    /**
     * Returns the settings: 8 submitters, 2 committers, 10% retries, 1% conflicts.
     *
     * @param orders distinct orders
     * @return the settings
     */
    public static Settings of(int orders) {
      return new Settings(orders, 8, 2, 10, 1, 42, Duration.ofMinutes(10));
    }
  }

  /**
   * What a run did.
   *
   * @param inserted INSERTED outcomes (one per distinct order)
   * @param duplicates DUPLICATE outcomes
   * @param conflicts CONFLICT outcomes
   * @param commits changes stored
   * @param refused illegal changes refused
   * @param seconds wall time
   */
  public record Report(long inserted, long duplicates, long conflicts, long commits,
      long refused, double seconds) {}

  private OrderStoreStress() {}

  private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

  static Order order(String id, int n, int quantity) {
    Instant t = T0.plusSeconds(n);
    return new Order(OrderId.of(id), ConsumerId.of("c" + (n % 1000)), DesignId.of("d" + n % 5),
        quantity, 30, t, t.plusSeconds(30L * 86_400));
  }

  /**
   * Runs the stress and checks the store afterwards.
   *
   * @param store an empty store
   * @param s the settings
   * @return what happened
   * @throws AssertionError if an invariant breaks or the run deadlocks
   */
  public static Report run(OrderStore store, Settings s) {
    long start = System.nanoTime();
    AtomicLongArray counts = new AtomicLongArray(5);
    List<ConcurrentLinkedQueue<Order>> inbox = new ArrayList<>();
    for (int c = 0; c < s.committers(); c++) {
      inbox.add(new ConcurrentLinkedQueue<>());
    }
    List<Map<OrderId, OrderState>> expected = new ArrayList<>();
    List<Map<OrderId, String>> expectedBatch = new ArrayList<>();
    AtomicBoolean submitting = new AtomicBoolean(true);
    AtomicLong nextId = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(s.submitters() + s.committers());
    List<Future<?>> subs = new ArrayList<>();
    List<Future<?>> comms = new ArrayList<>();
    List<Order> published = java.util.Collections.synchronizedList(new ArrayList<>());
    try {
      for (int t = 0; t < s.submitters(); t++) {
        long seed = s.seed() * 31 + t;
        subs.add(pool.submit(() -> {
          Random r = new Random(seed);
          List<Order> mine = new ArrayList<>();
          while (true) {
            int dice = r.nextInt(100);
            if (dice < s.retryPercent() + s.conflictPercent() && published.size() > 0) {
              Order old = published.get(r.nextInt(published.size()));
              boolean conflict = dice < s.conflictPercent();
              Order o = conflict ? old.withQuantity(old.quantity() + 1) : old;
              OrderStore.Insertion ins = store.insert(o, accepted(o, r.nextInt(1000)));
              assertEquals(conflict ? Outcome.CONFLICT : Outcome.DUPLICATE, ins.outcome(),
                  o.id().toString());
              assertEquals(old, ins.stored().order());
              counts.incrementAndGet(conflict ? 2 : 1);
              continue;
            }
            long n = nextId.getAndIncrement();
            if (n >= s.orders()) {
              return null;
            }
            Order o = order("s" + n, (int) n, 1 + (int) (n % 9));
            assertEquals(Outcome.INSERTED, store.insert(o, accepted(o, 0)).outcome());
            counts.incrementAndGet(0);
            mine.add(o);
            inbox.get(Math.floorMod(o.id().hashCode(), s.committers())).add(o);
            if (mine.size() % 16 == 0) {
              published.addAll(mine.subList(mine.size() - 16, mine.size()));
            }
          }
        }));
      }
      for (int c = 0; c < s.committers(); c++) {
        Map<OrderId, OrderState> states = new HashMap<>();
        Map<OrderId, String> batchOf = new HashMap<>();
        expected.add(states);
        expectedBatch.add(batchOf);
        int me = c;
        comms.add(pool.submit(() -> {
          commitLoop(store, me, inbox.get(me), states, batchOf, submitting, counts,
              new Random(s.seed() * 17 + me));
          return null;
        }));
      }
      long deadline = System.nanoTime() + s.timeout().toNanos();
      for (Future<?> f : subs) {
        f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      }
      submitting.set(false);
      for (Future<?> f : comms) {
        f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      }
    } catch (TimeoutException e) {
      fail("The stress run did not finish in " + s.timeout() + ": a deadlock?\n" + threadDump());
    } catch (java.util.concurrent.ExecutionException e) {
      throw new AssertionError("A stress thread failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    } finally {
      pool.shutdownNow();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    check(store, s, expected, expectedBatch, counts);
    return new Report(counts.get(0), counts.get(1), counts.get(2), counts.get(3), counts.get(4),
        seconds);
  }

  private static OrderEvent accepted(Order o, int delaySeconds) {
    return OrderEvent.accepted(o.id(), OrderState.PLACED, o.placedAt().plusSeconds(delaySeconds),
        "accepted");
  }

  private static void commitLoop(OrderStore store, int me, ConcurrentLinkedQueue<Order> inbox,
      Map<OrderId, OrderState> states, Map<OrderId, String> batchOf, AtomicBoolean submitting,
      AtomicLongArray counts, Random r) {
    List<BookedBatch> released = new ArrayList<>();
    Instant now = T0.plusSeconds(10_000_000);
    int batchNo = 0;
    while (true) {
      List<Order> got = new ArrayList<>();
      for (Order o; got.size() < 8 && (o = inbox.poll()) != null; ) {
        got.add(o);
        states.put(o.id(), OrderState.PLACED);
      }
      if (got.isEmpty() && released.isEmpty()) {
        if (!submitting.get() && inbox.isEmpty()) {
          return;
        }
        java.util.concurrent.locks.LockSupport.parkNanos(200_000);
        continue;
      }
      now = now.plusSeconds(1);
      int dice = r.nextInt(100);
      if (dice < 10 && !released.isEmpty()) {
        // production starts for a batch: its orders and the batch move together
        BookedBatch b = released.remove(r.nextInt(released.size()));
        List<OrderEvent> ev = new ArrayList<>();
        for (OrderId id : b.orders()) {
          if (states.get(id) == OrderState.RELEASED) {
            ev.add(new OrderEvent(id, OrderState.RELEASED, OrderState.IN_PRODUCTION, now, "line"));
          }
        }
        store.commit(new OrderChange(ev, List.of(b.moveTo(BatchState.IN_PRODUCTION, now))));
        ev.forEach(e -> states.put(e.order(), OrderState.IN_PRODUCTION));
        counts.incrementAndGet(3);
      } else if (dice < 12 && !got.isEmpty()) {
        // an illegal change: a good event then one from the wrong state; nothing may apply
        Order o = got.get(0);
        OrderChange bad = new OrderChange(List.of(
            new OrderEvent(o.id(), OrderState.PLACED, OrderState.CANCELLED, now, "bad"),
            new OrderEvent(o.id(), OrderState.PLACED, OrderState.IN_CAMPAIGN, now, "bad")),
            List.of());
        assertThrows(IllegalStateException.class, () -> store.commit(bad));
        assertEquals(OrderState.PLACED, store.find(o.id()).orElseThrow().state());
        counts.incrementAndGet(4);
      }
      if (got.isEmpty()) {
        continue;
      }
      // a third cancelled one by one, the rest released together in one batch per design
      Map<DesignId, List<Order>> byDesign = new HashMap<>();
      for (Order o : got) {
        if (r.nextInt(3) == 0) {
          store.commit(new OrderChange(List.of(new OrderEvent(o.id(), OrderState.PLACED,
              OrderState.CANCELLED, now, "consumer cancelled")), List.of()));
          states.put(o.id(), OrderState.CANCELLED);
          counts.incrementAndGet(3);
        } else {
          byDesign.computeIfAbsent(o.design(), d -> new ArrayList<>()).add(o);
        }
      }
      List<OrderEvent> ev = new ArrayList<>();
      List<BookedBatch> batches = new ArrayList<>();
      for (Map.Entry<DesignId, List<Order>> e : byDesign.entrySet()) {
        String id = "k" + me + "-" + batchNo++;
        int units = e.getValue().stream().mapToInt(Order::quantity).sum();
        batches.add(new BookedBatch(BatchId.of(id), e.getKey(), BatchState.RELEASED, now, now,
            units, e.getValue().stream().map(Order::id).toList(), now));
        for (Order o : e.getValue()) {
          ev.add(new OrderEvent(o.id(), OrderState.PLACED, OrderState.RELEASED, now, "released"));
          batchOf.put(o.id(), id);
        }
      }
      if (!ev.isEmpty()) {
        store.commit(new OrderChange(ev, batches));
        ev.forEach(x -> states.put(x.order(), OrderState.RELEASED));
        released.addAll(batches);
        counts.incrementAndGet(3);
      }
    }
  }

  private static void check(OrderStore store, Settings s, List<Map<OrderId, OrderState>> expected,
      List<Map<OrderId, String>> expectedBatch, AtomicLongArray counts) {
    assertEquals(s.orders(), counts.get(0), "one INSERTED per order");
    List<BookedOrder> all = store.orders();
    assertEquals(s.orders(), all.size(), "every order stored exactly once");
    assertEquals(s.orders(), store.size());
    Map<OrderId, BookedOrder> byId = new HashMap<>();
    long units = 0;
    for (BookedOrder b : all) {
      assertTrue(byId.put(b.order().id(), b) == null, "stored twice: " + b.order().id());
      units += b.order().quantity();
    }
    long sent = 0;
    for (long n = 0; n < s.orders(); n++) {
      sent += 1 + n % 9;
    }
    assertEquals(sent, units, "quantities conserved");
    long inStates = 0;
    long unitsInStates = 0;
    for (OrderState st : EnumSet.allOf(OrderState.class)) {
      for (BookedOrder b : store.orders(EnumSet.of(st))) {
        assertEquals(st, b.state());
        inStates++;
        unitsInStates += b.order().quantity();
      }
    }
    assertEquals(all.size(), inStates, "every order in exactly one state");
    assertEquals(units, unitsInStates, "quantities conserved over the states");
    for (int c = 0; c < expected.size(); c++) {
      for (Map.Entry<OrderId, OrderState> e : expected.get(c).entrySet()) {
        BookedOrder b = byId.get(e.getKey());
        assertEquals(e.getValue(), b.state(), "state of " + e.getKey());
        String batch = expectedBatch.get(c).getOrDefault(e.getKey(), "");
        assertEquals(batch, b.batch(), "batch of " + e.getKey());
      }
    }
    Map<OrderId, Integer> listed = new HashMap<>();
    for (BookedBatch b : store.batches()) {
      int ordered = 0;
      for (OrderId o : b.orders()) {
        assertFalse(listed.containsKey(o), "order " + o + " in two batches");
        listed.put(o, 1);
        assertEquals(b.id().value(), byId.get(o).batch());
        ordered += byId.get(o).order().quantity();
      }
      assertEquals(b.quantity(), ordered, "batch " + b.id() + " quantity");
    }
  }

  private static String threadDump() {
    StringBuilder sb = new StringBuilder();
    for (ThreadInfo t : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
      sb.append(t);
    }
    return sb.toString();
  }
}
