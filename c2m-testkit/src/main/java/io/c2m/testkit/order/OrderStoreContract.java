package io.c2m.testkit.order;

import static io.c2m.testkit.order.OrderFixtures.accepted;
import static io.c2m.testkit.order.OrderFixtures.at;
import static io.c2m.testkit.order.OrderFixtures.batch;
import static io.c2m.testkit.order.OrderFixtures.change;
import static io.c2m.testkit.order.OrderFixtures.move;
import static io.c2m.testkit.order.OrderFixtures.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.BatchId;
import io.c2m.DesignId;
import io.c2m.OrderId;
import io.c2m.order.BatchState;
import io.c2m.order.BookedBatch;
import io.c2m.order.BookedOrder;
import io.c2m.order.Offer;
import io.c2m.order.Order;
import io.c2m.order.OrderChange;
import io.c2m.order.OrderEvent;
import io.c2m.order.OrderState;
import io.c2m.order.OrderStore;
import io.c2m.order.OrderStore.Insertion.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link OrderStore} must pass, built-in or a user's: every clause of the
 * SPI's javadoc as a JUnit 5 example, and the invariants as a jqwik property over random
 * sequences of inserts, duplicates, conflicts and legal and illegal changes run against {@link
 * OrderStoreModel}. Implement it in a test class:
 *
 * <pre>{@code
 * class MyStoreContractTest implements OrderStoreContract {
 *   public OrderStore newStore() { return new MyStore(freshLocation()); }
 *   public boolean durable() { return true; }
 *   public OrderStore reopen(OrderStore store) { store.close(); return new MyStore(itsLocation); }
 * }
 * }</pre>
 *
 * <p>A durable store also shows that everything acknowledged survives {@link #reopen}: the same
 * orders, states, histories, batches and offers, in the same order, and idempotency across the
 * reopen.
 */
public interface OrderStoreContract {
  /**
   * Returns a new, empty store. The kit closes it.
   *
   * @return the store
   */
  OrderStore newStore();

  /**
   * Tells whether the store is durable, so the kit checks {@link #reopen}.
   *
   * @return false by default
   */
  default boolean durable() {
    return false;
  }

  /**
   * Closes a store made by {@link #newStore()} (or an earlier reopen) and opens a new store over
   * the same data. Called only when {@link #durable()}.
   *
   * @param store the store to close
   * @return the reopened store
   */
  default OrderStore reopen(OrderStore store) {
    throw new UnsupportedOperationException("This store is not durable; it cannot be reopened.");
  }

  private OrderStore reopenIfDurable(OrderStore store) {
    return durable() ? reopen(store) : store;
  }

  /** A new order is INSERTED, found, listed, in its acceptance state with its acceptance event. */
  @Test
  default void anInsertedOrderIsStoredWithItsAcceptance() {
    try (OrderStore s = newStore()) {
      Order o = order("a", 2, 10);
      OrderEvent acc = accepted(o);
      OrderStore.Insertion ins = s.insert(o, acc);
      assertEquals(Outcome.INSERTED, ins.outcome());
      BookedOrder b = new BookedOrder(o, OrderState.PLACED, "", at(10), at(10));
      assertEquals(b, ins.stored());
      assertEquals(b, s.find(o.id()).orElseThrow());
      assertEquals(List.of(b), s.orders());
      assertEquals(1, s.size());
      assertEquals(List.of(acc), s.history(o.id()));
      assertTrue(s.find(OrderId.of("nope")).isEmpty());
      assertEquals(List.of(), s.history(OrderId.of("nope")));
    }
  }

  /** The same id with the same business content later is a DUPLICATE; the first timestamps stand. */
  @Test
  default void aRetryIsADuplicateAndKeepsTheFirstTimestamps() {
    OrderStore s = newStore();
    try {
      Order first = order("a", 2, 10);
      s.insert(first, accepted(first));
      Order retry = order("a", 2, 99);
      OrderStore.Insertion ins = s.insert(retry, accepted(retry));
      assertEquals(Outcome.DUPLICATE, ins.outcome());
      assertEquals(first, ins.stored().order());
      assertEquals(at(10), ins.stored().acceptedAt());
      s = reopenIfDurable(s);
      ins = s.insert(retry, accepted(retry));
      assertEquals(Outcome.DUPLICATE, ins.outcome(), "a retry after a reopen");
      assertEquals(first, s.find(first.id()).orElseThrow().order());
      assertEquals(1, s.size());
      assertEquals(1, s.history(first.id()).size());
    } finally {
      s.close();
    }
  }

  /** The same id with other content is a CONFLICT; the first order is kept unchanged. */
  @Test
  default void anotherOrderUnderATakenIdIsAConflictAndTheFirstIsKept() {
    OrderStore s = newStore();
    try {
      Order first = order("a", 2, 10);
      BookedOrder stored = s.insert(first, accepted(first)).stored();
      for (Order other : List.of(order("a", 3, 10), order("a", "d2", 2, 30, 10),
          order("a", "d1", 2, 31, 10))) {
        OrderStore.Insertion ins = s.insert(other, accepted(other));
        assertEquals(Outcome.CONFLICT, ins.outcome(), other.toString());
        assertEquals(stored, ins.stored());
      }
      s = reopenIfDurable(s);
      Order other = order("a", 5, 10);
      assertEquals(Outcome.CONFLICT, s.insert(other, accepted(other)).outcome());
      assertEquals(List.of(stored), s.orders());
    } finally {
      s.close();
    }
  }

  /** An event that is not the order's acceptance is refused and nothing is stored. */
  @Test
  default void anInsertWithoutItsAcceptanceIsRefused() {
    try (OrderStore s = newStore()) {
      Order o = order("a", 2, 10);
      assertThrows(IllegalArgumentException.class,
          () -> s.insert(o, move("a", OrderState.PLACED, OrderState.CANCELLED, 10)));
      assertThrows(IllegalArgumentException.class, () -> s.insert(o, accepted(order("b", 2, 10))));
      assertEquals(0, s.size());
    }
  }

  /** Orders are listed in insertion order, whatever their ids; by state, too. */
  @Test
  default void ordersAreListedInInsertionOrder() {
    OrderStore s = newStore();
    try {
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        ids.add("id-" + i);
      }
      Collections.shuffle(ids, new Random(7));
      for (int i = 0; i < ids.size(); i++) {
        Order o = order(ids.get(i), 1 + i % 4, i);
        OrderEvent acc = OrderEvent.accepted(o.id(),
            i % 3 == 0 ? OrderState.IN_CAMPAIGN : OrderState.PLACED, o.placedAt(), "accepted");
        s.insert(o, acc);
      }
      s = reopenIfDurable(s);
      assertEquals(ids, s.orders().stream().map(b -> b.order().id().value()).toList());
      List<BookedOrder> campaign = s.orders(Set.of(OrderState.IN_CAMPAIGN));
      assertEquals(67, campaign.size());
      assertEquals(s.orders().stream().filter(b -> b.state() == OrderState.IN_CAMPAIGN).toList(),
          campaign);
      assertEquals(200, s.size());
    } finally {
      s.close();
    }
  }

  /** {@code insertAll} does what one insert per order does, duplicates inside the list included. */
  @Test
  default void insertAllIsInsertForEach() {
    try (OrderStore s = newStore()) {
      Order a = order("a", 2, 1);
      Order b = order("b", 2, 2);
      Order a2 = order("a", 2, 3);
      Order b3 = order("b", 3, 4);
      s.insert(a, accepted(a));
      List<OrderStore.Insertion> out = s.insertAll(List.of(a2, b, b, b3),
          List.of(accepted(a2), accepted(b), accepted(b), accepted(b3)));
      assertEquals(List.of(Outcome.DUPLICATE, Outcome.INSERTED, Outcome.DUPLICATE,
          Outcome.CONFLICT), out.stream().map(OrderStore.Insertion::outcome).toList());
      assertEquals(List.of(a, b), s.orders().stream().map(BookedOrder::order).toList());
      assertThrows(IllegalArgumentException.class,
          () -> s.insertAll(List.of(a), List.of()));
    }
  }

  /** Transitions move orders through the lifecycle; releases attach the batch; history grows. */
  @Test
  default void aChangeMovesOrdersAndStoresBatches() {
    OrderStore s = newStore();
    try {
      Order a = order("a", 2, 1);
      Order b = order("b", 3, 2);
      s.insert(a, accepted(a));
      s.insert(b, accepted(b));
      BookedBatch b1 = batch("b1", "d1", 5, 50, "a", "b");
      s.commit(new OrderChange(List.of(move("a", OrderState.PLACED, OrderState.RELEASED, 50),
          move("b", OrderState.PLACED, OrderState.RELEASED, 50)), List.of(b1)));
      BookedBatch b1p = b1.moveTo(BatchState.IN_PRODUCTION, at(60));
      s.commit(new OrderChange(List.of(move("a", OrderState.RELEASED, OrderState.IN_PRODUCTION, 60),
          move("b", OrderState.RELEASED, OrderState.CANCELLED, 60)), List.of(b1p)));
      s.commit(change(move("a", OrderState.IN_PRODUCTION, OrderState.SHIPPED, 70),
          move("a", OrderState.SHIPPED, OrderState.DELIVERED, 80)));
      s = reopenIfDurable(s);
      BookedOrder ba = s.find(a.id()).orElseThrow();
      assertEquals(OrderState.DELIVERED, ba.state());
      assertEquals("b1", ba.batch());
      assertEquals(at(80), ba.updatedAt());
      assertEquals(at(1), ba.acceptedAt());
      assertEquals(OrderState.CANCELLED, s.find(b.id()).orElseThrow().state());
      assertEquals(List.of(OrderState.PLACED, OrderState.RELEASED, OrderState.IN_PRODUCTION,
          OrderState.SHIPPED, OrderState.DELIVERED),
          s.history(a.id()).stream().map(OrderEvent::to).toList());
      assertEquals(List.of(b1p), s.batches());
      assertEquals(b1p, s.batch(BatchId.of("b1")).orElseThrow());
      assertTrue(s.batch(BatchId.of("b2")).isEmpty());
    } finally {
      s.close();
    }
  }

  /** A bad event in the middle of a change fails the whole change: nothing of it is stored. */
  @Test
  default void aChangeIsAllOrNothing() {
    OrderStore s = newStore();
    try {
      for (String id : List.of("a", "b", "c")) {
        Order o = order(id, 2, 1);
        s.insert(o, accepted(o));
      }
      List<BookedOrder> before = s.orders();
      List<OrderChange> bad = List.of(
          new OrderChange(List.of(move("a", OrderState.PLACED, OrderState.RELEASED, 5),
              move("b", OrderState.RELEASED, OrderState.IN_PRODUCTION, 5),
              move("c", OrderState.PLACED, OrderState.CANCELLED, 5)),
              List.of(batch("b1", "d1", 2, 5, "a"))),
          new OrderChange(List.of(move("a", OrderState.PLACED, OrderState.CANCELLED, 5),
              move("zz", OrderState.PLACED, OrderState.CANCELLED, 5)), List.of()),
          change(move("a", OrderState.PLACED, OrderState.CANCELLED, 5),
              move("a", OrderState.PLACED, OrderState.CANCELLED, 6)),
          new OrderChange(List.of(move("a", OrderState.PLACED, OrderState.RELEASED, 5)),
              List.of()));
      for (OrderChange c : bad) {
        assertThrows(IllegalStateException.class, () -> commitTo(s, c), c.toString());
      }
      OrderStore r = reopenIfDurable(s);
      assertEquals(before, r.orders());
      assertEquals(List.of(), r.batches());
      for (BookedOrder b : before) {
        assertEquals(1, r.history(b.order().id()).size());
      }
      r.close();
    } finally {
      s.close();
    }
  }

  private static void commitTo(OrderStore s, OrderChange c) {
    s.commit(c);
  }

  /** An illegal transition is refused with a message naming the order, its state and the rule. */
  @Test
  default void anIllegalTransitionNamesTheOrderItsStateAndTheRule() {
    try (OrderStore s = newStore()) {
      Order o = order("ord-42", 2, 1);
      s.insert(o, accepted(o));
      s.commit(new OrderChange(List.of(move("ord-42", OrderState.PLACED, OrderState.RELEASED, 2),
          move("ord-42", OrderState.RELEASED, OrderState.IN_PRODUCTION, 3)),
          List.of(batch("b1", "d1", 2, 2, "ord-42"))));
      // cancel after production started
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> s.commit(change(move("ord-42", OrderState.RELEASED, OrderState.CANCELLED, 4))));
      String m = String.valueOf(e.getMessage());
      assertTrue(m.contains("ord-42"), m);
      assertTrue(m.contains("IN_PRODUCTION"), m);
      assertTrue(m.contains(OrderState.IN_PRODUCTION.rule()), m);
      // unknown order
      e = assertThrows(IllegalStateException.class,
          () -> s.commit(change(move("ord-43", OrderState.PLACED, OrderState.CANCELLED, 4))));
      assertTrue(String.valueOf(e.getMessage()).contains("ord-43"), e.getMessage());
      assertEquals(OrderState.IN_PRODUCTION, s.find(o.id()).orElseThrow().state());
    }
  }

  /** A batch keeps its first position when replaced; one of another design is refused. */
  @Test
  default void batchesAreReplacedInPlace() {
    OrderStore s = newStore();
    try {
      for (String id : List.of("a", "b")) {
        Order o = order(id, 2, 1);
        s.insert(o, accepted(o));
      }
      BookedBatch b1 = batch("b1", "d1", 2, 5, "a");
      BookedBatch b2 = batch("b2", "d1", 2, 5, "b");
      s.commit(new OrderChange(List.of(move("a", OrderState.PLACED, OrderState.RELEASED, 5)),
          List.of(b1)));
      s.commit(new OrderChange(List.of(move("b", OrderState.PLACED, OrderState.RELEASED, 5)),
          List.of(b2)));
      BookedBatch b1p = b1.moveTo(BatchState.IN_PRODUCTION, at(9));
      s.commit(new OrderChange(List.of(), List.of(b1p)));
      OrderStore t = s;
      assertThrows(IllegalStateException.class, () -> t.commit(new OrderChange(List.of(),
          List.of(batch("b1", "d9", 2, 5, "a")))));
      s = reopenIfDurable(s);
      assertEquals(List.of(b1p, b2), s.batches());
    } finally {
      s.close();
    }
  }

  /** Offers are stored by design, replaced by design, listed by design id. */
  @Test
  default void offersAreStoredByDesign() {
    OrderStore s = newStore();
    try {
      Offer d2 = Offer.of(DesignId.of("d2"), 10).withCampaign(50, Duration.ofDays(7));
      Offer d1 = Offer.of(DesignId.of("d1"), 30)
          .withSalesWindow(at(0), at(86_400));
      s.putOffer(d2);
      s.putOffer(Offer.of(DesignId.of("d1"), 20));
      s.putOffer(d1);
      s = reopenIfDurable(s);
      assertEquals(List.of(d1, d2), s.offers());
      assertEquals(d2, s.offer(DesignId.of("d2")).orElseThrow());
      assertTrue(s.offer(DesignId.of("d3")).isEmpty());
    } finally {
      s.close();
    }
  }

  /** Closing twice is harmless. */
  @Test
  default void closeIsIdempotent() {
    OrderStore s = newStore();
    s.close();
    s.close();
  }

  /**
   * Many threads inserting the same ids, some with conflicting content: exactly one INSERTED per
   * id; every other insert is a DUPLICATE when its content is the stored one's, else a CONFLICT.
   *
   * @throws Exception if a thread fails
   */
  @Test
  default void concurrentInsertsOfOneIdInsertItExactlyOnce() throws Exception {
    int threads = 8;
    int ids = 300;
    OrderStore shared = newStore();
    OrderStore s = shared;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      Map<String, AtomicInteger> inserted = new ConcurrentHashMap<>();
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          List<Integer> mine = new ArrayList<>();
          for (int i = 0; i < ids; i++) {
            mine.add(i);
          }
          Collections.shuffle(mine, new Random(thread));
          start.await();
          for (int i : mine) {
            Order o = order("x" + i, 1 + (thread % 2 == 0 ? 0 : i % 2), thread);
            OrderStore.Insertion ins = shared.insert(o, accepted(o));
            if (ins.outcome() == Outcome.INSERTED) {
              inserted.computeIfAbsent(o.id().value(), k -> new AtomicInteger()).incrementAndGet();
            } else {
              assertEquals(ins.stored().order().sameBusinessContent(o),
                  ins.outcome() == Outcome.DUPLICATE, ins.toString());
            }
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get(120, TimeUnit.SECONDS);
      }
      assertEquals(ids, inserted.size());
      inserted.forEach((k, v) -> assertEquals(1, v.get(), k));
      assertEquals(ids, s.size());
      s = reopenIfDurable(s);
      assertEquals(ids, s.orders().size());
    } finally {
      pool.shutdownNow();
      s.close();
    }
  }

  /**
   * Concurrent inserts and changes on disjoint orders lose nothing: each thread inserts its orders
   * and cancels every other one while the others do the same.
   *
   * @throws Exception if a thread fails
   */
  @Test
  default void concurrentInsertsAndChangesLoseNothing() throws Exception {
    int threads = 4;
    int per = 150;
    OrderStore shared = newStore();
    OrderStore s = shared;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          for (int i = 0; i < per; i++) {
            String id = "t" + thread + "-" + i;
            Order o = order(id, 1, i);
            assertEquals(Outcome.INSERTED, shared.insert(o, accepted(o)).outcome());
            if (i % 2 == 1) {
              shared.commit(change(move(id, OrderState.PLACED, OrderState.CANCELLED, i + 1)));
            }
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get(120, TimeUnit.SECONDS);
      }
      s = reopenIfDurable(s);
      assertEquals(threads * per, s.size());
      assertEquals(threads * per / 2, s.orders(Set.of(OrderState.CANCELLED)).size());
      assertEquals(threads * per / 2, s.orders(Set.of(OrderState.PLACED)).size());
    } finally {
      pool.shutdownNow();
      s.close();
    }
  }

  /**
   * Returns random operation sequences; override to narrow them.
   *
   * @return the arbitrary
   */
  @Provide
  default Arbitrary<List<OrderStoreModel.Op>> operations() {
    return OrderStoreModel.operations();
  }

  /**
   * Random inserts, duplicates, conflicts, legal and illegal changes (and reopens, for a durable
   * store) give the model's outcomes; afterwards the store holds the model's orders, histories
   * and batches in the model's order, every order in exactly one state, quantities conserved.
   *
   * @param ops the operations
   */
  @Property(tries = 60)
  default void theStoreBehavesAsTheModel(@ForAll("operations") List<OrderStoreModel.Op> ops) {
    OrderStoreModel model = new OrderStoreModel();
    OrderStore s = newStore();
    try {
      long second = 0;
      for (OrderStoreModel.Op op : ops) {
        second++;
        switch (op.kind()) {
          case 0, 1, 2, 3 -> {
            Order o = OrderStoreModel.order(op.order(), op.variant(), second);
            OrderEvent acc = OrderStoreModel.acceptance(o, op.variant());
            assertEquals(model.insert(o, acc), s.insert(o, acc), op.toString());
          }
          case 4, 5, 6, 7 -> {
            List<Integer> idx = op.kind() == 7
                ? List.of(op.order(), (op.order() + 1) % OrderStoreModel.IDS,
                    (op.order() + op.a() % 2) % OrderStoreModel.IDS)
                : List.of(op.order());
            OrderChange c = model.change(idx, op.a(), op.b(), second);
            boolean ok = model.commit(c);
            if (ok) {
              s.commit(c);
            } else {
              OrderStore t = s;
              assertThrows(IllegalStateException.class, () -> t.commit(c), c.toString());
            }
          }
          case 8 -> {
            List<Order> os = new ArrayList<>();
            List<OrderEvent> accs = new ArrayList<>();
            List<OrderStore.Insertion> expected = new ArrayList<>();
            for (int k = 0; k < 3; k++) {
              Order o = OrderStoreModel.order((op.order() + k * (op.a() % 3)) % OrderStoreModel.IDS,
                  op.variant() ^ (op.b() >> k & 1), second);
              OrderEvent acc = OrderStoreModel.acceptance(o, op.variant());
              os.add(o);
              accs.add(acc);
              expected.add(model.insert(o, acc));
            }
            assertEquals(expected, s.insertAll(os, accs));
          }
          default -> s = reopenIfDurable(s);
        }
      }
      checkAgainst(model, s);
      s = reopenIfDurable(s);
      checkAgainst(model, s);
    } finally {
      s.close();
    }
  }

  private static void checkAgainst(OrderStoreModel model, OrderStore s) {
    assertEquals(model.orders(), s.orders());
    assertEquals(model.orders().size(), s.size());
    for (BookedOrder b : model.orders()) {
      List<OrderEvent> h = s.history(b.order().id());
      assertEquals(model.history(b.order().id()), h);
      assertEquals(b.state(), h.get(h.size() - 1).to(), "the state is its last event's");
    }
    assertEquals(model.batches(), s.batches());
    // every order in exactly one state; quantities conserved over the states
    Map<OrderId, OrderState> seen = new HashMap<>();
    long units = 0;
    for (OrderState st : OrderState.values()) {
      for (BookedOrder b : s.orders(EnumSet.of(st))) {
        assertFalse(seen.containsKey(b.order().id()), "order in two states: " + b);
        seen.put(b.order().id(), st);
        units += b.order().quantity();
      }
    }
    assertEquals(model.orders().size(), seen.size());
    assertEquals(model.orders().stream().mapToLong(b -> b.order().quantity()).sum(), units);
  }
}
