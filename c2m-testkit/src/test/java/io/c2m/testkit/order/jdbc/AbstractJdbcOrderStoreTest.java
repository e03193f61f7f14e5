package io.c2m.testkit.order.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.BatchId;
import io.c2m.ConsumerId;
import io.c2m.DesignId;
import io.c2m.OrderId;
import io.c2m.order.BatchState;
import io.c2m.order.BookedBatch;
import io.c2m.order.BookedOrder;
import io.c2m.order.JdbcStoreOptions;
import io.c2m.order.Offer;
import io.c2m.order.Order;
import io.c2m.order.OrderChange;
import io.c2m.order.OrderEvent;
import io.c2m.order.OrderState;
import io.c2m.order.OrderStore;
import io.c2m.order.OrderStore.Insertion.Outcome;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Focused tests of the JDBC order store, run on each database by a subclass: idempotency,
 * conflicts, atomic commits, concurrent writers on separate connections, reopening, the schema
 * version and lossless values.
 */
abstract class AbstractJdbcOrderStoreTest {
  static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123456789Z");
  private static final AtomicInteger PREFIXES = new AtomicInteger();

  /** The table prefix of the current test: each test has its own tables. */
  String prefix;
  private final List<OrderStore> opened = new ArrayList<>();

  /**
   * Returns the JDBC URL of the database under test.
   *
   * @return the URL
   */
  abstract String url();

  @BeforeEach
  void newPrefix() {
    prefix = "t" + PREFIXES.incrementAndGet() + "_" + getClass().getSimpleName().length() + "_";
  }

  @AfterEach
  void closeStores() {
    for (OrderStore s : opened) {
      s.close();
    }
  }

  OrderStore open() {
    return open(JdbcStoreOptions.defaults().withTablePrefix(prefix));
  }

  OrderStore open(JdbcStoreOptions options) {
    OrderStore s = OrderStore.jdbc(url(), new Properties(), options);
    opened.add(s);
    return s;
  }

  void sql(String statement) throws SQLException {
    try (Connection c = DriverManager.getConnection(url());
        Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }

  static Order order(String id, String consumer, int quantity, double price) {
    return new Order(OrderId.of(id), ConsumerId.of(consumer), DesignId.of("d1"), quantity, price,
        T0, T0.plus(Duration.ofDays(30)));
  }

  static OrderEvent accepted(Order o, Instant at) {
    return OrderEvent.accepted(o.id(), OrderState.PLACED, at, "accepted");
  }

  static OrderEvent move(String id, OrderState from, OrderState to, Instant at) {
    return new OrderEvent(OrderId.of(id), from, to, at, "test " + to);
  }

  static BookedBatch batch(String id, BatchState state, Instant at, String... orders) {
    List<OrderId> ids = new ArrayList<>();
    for (String o : orders) {
      ids.add(OrderId.of(o));
    }
    return new BookedBatch(BatchId.of(id), DesignId.of("d1"), state, T0, T0.plusSeconds(86400),
        10 * orders.length, ids, at);
  }

  @Test
  void storesOrdersInInsertionOrderWithTheirAcceptance() {
    OrderStore s = open();
    List<Order> in = List.of(order("o-3", "c1", 1, 10), order("o-1", "c2", 2, 10),
        order("o-2", "c3", 3, 10));
    for (Order o : in) {
      assertEquals(Outcome.INSERTED, s.insert(o, accepted(o, T0)).outcome());
    }
    assertEquals(3, s.size());
    List<OrderId> ids = s.orders().stream().map(b -> b.order().id()).toList();
    assertEquals(List.of(OrderId.of("o-3"), OrderId.of("o-1"), OrderId.of("o-2")), ids);
    BookedOrder b = s.find(OrderId.of("o-1")).orElseThrow();
    assertEquals(in.get(1), b.order());
    assertEquals(OrderState.PLACED, b.state());
    assertEquals(T0, b.acceptedAt());
    assertEquals(List.of(accepted(in.get(1), T0)), s.history(OrderId.of("o-1")));
    assertTrue(s.find(OrderId.of("nope")).isEmpty());
    assertEquals(List.of(), s.history(OrderId.of("nope")));
  }

  @Test
  void aResentOrderIsADuplicateAndOtherContentUnderItsIdAConflict() {
    OrderStore s = open();
    Order first = order("o-1", "c1", 2, 30);
    s.insert(first, accepted(first, T0));
    Order resent = new Order(first.id(), first.consumer(), first.design(), 2, 30,
        T0.plusSeconds(1), T0.plusSeconds(99));
    OrderStore.Insertion dup = s.insert(resent, accepted(resent, T0.plusSeconds(1)));
    assertEquals(Outcome.DUPLICATE, dup.outcome());
    assertEquals(first, dup.stored().order(), "the first one's timestamps stand");
    assertEquals(T0, dup.stored().acceptedAt());
    Order other = order("o-1", "c1", 3, 30);
    OrderStore.Insertion conflict = s.insert(other, accepted(other, T0.plusSeconds(2)));
    assertEquals(Outcome.CONFLICT, conflict.outcome());
    assertEquals(first, conflict.stored().order());
    assertEquals(first, s.find(first.id()).orElseThrow().order());
    assertEquals(1, s.size());
    assertEquals(1, s.history(first.id()).size());
  }

  @Test
  void insertAllAnswersEachOrderInTurn() {
    OrderStore s = open();
    Order old = order("o-old", "c1", 1, 5);
    s.insert(old, accepted(old, T0));
    List<Order> in = List.of(order("o-a", "c1", 1, 5), order("o-old", "c1", 1, 5),
        order("o-b", "c1", 1, 5), order("o-old", "c9", 1, 5), order("o-a", "c1", 1, 5),
        order("o-b", "c1", 7, 5));
    List<OrderEvent> acc = in.stream().map(o -> accepted(o, T0.plusSeconds(5))).toList();
    List<Outcome> outcomes = s.insertAll(in, acc).stream()
        .map(OrderStore.Insertion::outcome).toList();
    assertEquals(List.of(Outcome.INSERTED, Outcome.DUPLICATE, Outcome.INSERTED,
        Outcome.CONFLICT, Outcome.DUPLICATE, Outcome.CONFLICT), outcomes);
    assertEquals(List.of("o-old", "o-a", "o-b"),
        s.orders().stream().map(b -> b.order().id().value()).toList());
    assertEquals(1, s.find(OrderId.of("o-b")).orElseThrow().order().quantity());
  }

  @Test
  void insertAllStoresManyOrdersInMultiRowStatementsInOrder() {
    OrderStore s = open();
    for (int i = 0; i < 150; i += 15) {
      Order o = order("m-" + i, "c1", 1, 5);
      s.insert(o, accepted(o, T0));
    }
    List<Order> in = new ArrayList<>();
    for (int i = 149; i >= 0; i--) {
      in.add(order("m-" + i, "c1", 1, 5)); // 2 full statements of 64 new rows and a tail of 12
    }
    List<OrderStore.Insertion> res = s.insertAll(in,
        in.stream().map(o -> accepted(o, T0.plusSeconds(1))).toList());
    for (int k = 0; k < in.size(); k++) {
      int i = 149 - k;
      assertEquals(i % 15 == 0 ? Outcome.DUPLICATE : Outcome.INSERTED, res.get(k).outcome(),
          "m-" + i);
    }
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 150; i += 15) {
      expected.add("m-" + i);
    }
    for (int i = 149; i >= 0; i--) {
      if (i % 15 != 0) {
        expected.add("m-" + i);
      }
    }
    assertEquals(expected, s.orders().stream().map(b -> b.order().id().value()).toList());
    assertEquals(List.of(accepted(in.get(0), T0.plusSeconds(1))),
        s.history(OrderId.of("m-149")));
    assertEquals(T0.plusSeconds(1), s.find(OrderId.of("m-1")).orElseThrow().acceptedAt());
  }

  @Test
  void aStateChangeAndItsEventAreStoredTogether() {
    OrderStore s = open();
    for (String id : List.of("o-1", "o-2")) {
      Order o = order(id, "c1", 5, 10);
      s.insert(o, accepted(o, T0));
    }
    Instant t1 = T0.plusSeconds(60);
    s.commit(new OrderChange(List.of(move("o-1", OrderState.PLACED, OrderState.RELEASED, t1),
        move("o-2", OrderState.PLACED, OrderState.RELEASED, t1)),
        List.of(batch("b-1", BatchState.RELEASED, t1, "o-1", "o-2"))));
    Instant t2 = t1.plusSeconds(60);
    s.commit(new OrderChange(List.of(
        move("o-1", OrderState.RELEASED, OrderState.IN_PRODUCTION, t2),
        move("o-1", OrderState.IN_PRODUCTION, OrderState.SHIPPED, t2),
        move("o-2", OrderState.RELEASED, OrderState.CANCELLED, t2)),
        List.of(batch("b-1", BatchState.IN_PRODUCTION, t2, "o-1"))));
    BookedOrder o1 = s.find(OrderId.of("o-1")).orElseThrow();
    assertEquals(OrderState.SHIPPED, o1.state());
    assertEquals("b-1", o1.batch());
    assertEquals(t2, o1.updatedAt());
    assertEquals(List.of(OrderState.PLACED, OrderState.RELEASED, OrderState.IN_PRODUCTION,
        OrderState.SHIPPED), s.history(OrderId.of("o-1")).stream().map(OrderEvent::to).toList());
    assertEquals(OrderState.CANCELLED, s.find(OrderId.of("o-2")).orElseThrow().state());
    BookedBatch b = s.batch(BatchId.of("b-1")).orElseThrow();
    assertEquals(BatchState.IN_PRODUCTION, b.state());
    assertEquals(List.of(OrderId.of("o-1")), b.orders());
    assertEquals(List.of(b), s.batches());
    assertEquals(List.of(OrderId.of("o-2")), s.orders(EnumSet.of(OrderState.CANCELLED)).stream()
        .map(x -> x.order().id()).toList());
  }

  @Test
  void aBadEventInTheMiddleFailsTheWholeChange() {
    OrderStore s = open();
    for (String id : List.of("o-1", "o-2", "o-3")) {
      Order o = order(id, "c1", 5, 10);
      s.insert(o, accepted(o, T0));
    }
    Instant t1 = T0.plusSeconds(60);
    OrderChange bad = new OrderChange(List.of(
        move("o-1", OrderState.PLACED, OrderState.CANCELLED, t1),
        move("o-2", OrderState.IN_CAMPAIGN, OrderState.EXPIRED, t1),
        move("o-3", OrderState.PLACED, OrderState.CANCELLED, t1)),
        List.of(batch("b-9", BatchState.RELEASED, t1, "o-1")));
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> s.commit(bad));
    assertTrue(e.getMessage().contains("o-2") && e.getMessage().contains("PLACED"),
        e.getMessage());
    OrderChange unknown = new OrderChange(List.of(
        move("o-1", OrderState.PLACED, OrderState.CANCELLED, t1),
        move("ghost", OrderState.PLACED, OrderState.CANCELLED, t1)), List.of());
    assertThrows(IllegalStateException.class, () -> s.commit(unknown));
    for (BookedOrder b : s.orders()) {
      assertEquals(OrderState.PLACED, b.state(), b.order().id().value());
      assertEquals(1, s.history(b.order().id()).size());
    }
    assertEquals(List.of(), s.batches());
  }

  @Test
  void aChangeRacingAnotherWriterIsRolledBackWhole() throws Exception {
    OrderStore s = open();
    for (String id : List.of("o-1", "o-2")) {
      Order o = order(id, "c1", 5, 10);
      s.insert(o, accepted(o, T0));
    }
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (Connection other = DriverManager.getConnection(url())) {
      // Another writer moves o-2 and holds its row lock while the store's change runs: the
      // store reads o-2 as PLACED, then its UPDATE waits, then finds the row changed.
      other.setAutoCommit(false);
      try (Statement st = other.createStatement()) {
        st.executeUpdate("UPDATE " + prefix + "orders SET state = 'CANCELLED', event_count = 2 "
            + "WHERE id = 'o-2'");
        st.executeUpdate("INSERT INTO " + prefix + "events (order_id, seq, from_state, to_state, "
            + "at_s, at_n, reason) VALUES ('o-2', 1, 'PLACED', 'CANCELLED', 0, 0, 'other')");
      }
      Future<?> change = pool.submit(() -> s.commit(new OrderChange(List.of(
          move("o-1", OrderState.PLACED, OrderState.CANCELLED, T0.plusSeconds(1)),
          move("o-2", OrderState.PLACED, OrderState.CANCELLED, T0.plusSeconds(1))),
          List.of())));
      Thread.sleep(300);
      other.commit();
      ExecutionException e = assertThrows(ExecutionException.class,
          () -> change.get(30, TimeUnit.SECONDS));
      assertTrue(e.getCause() instanceof IllegalStateException, e.getCause().toString());
      assertTrue(e.getCause().getMessage().contains("o-2")
          && e.getCause().getMessage().contains("CANCELLED now: another writer"),
          e.getCause().getMessage());
    } finally {
      pool.shutdown();
    }
    assertEquals(OrderState.PLACED, s.find(OrderId.of("o-1")).orElseThrow().state());
    assertEquals(1, s.history(OrderId.of("o-1")).size(), "o-1's event rolled back with o-2's");
    assertEquals(2, s.history(OrderId.of("o-2")).size());
  }

  @Test
  void concurrentInsertsOfTheSameIdsFromSeparateConnectionsStoreEachOnce() throws Exception {
    open(); // creates the tables before the race
    int threads = 6;
    int ids = 120;
    Map<String, AtomicInteger> inserted = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      OrderStore s = open();
      done.add(pool.submit(() -> {
        List<Order> mine = new ArrayList<>();
        for (int i = 0; i < ids; i++) {
          // a third of the ids get a thread-specific quantity: conflicts
          mine.add(order("o-" + i, "c" + (i % 7), i % 3 == 0 ? 1 + thread : 1, 9.5));
        }
        Collections.shuffle(mine, new Random(thread));
        go.await();
        for (int from = 0; from < mine.size(); from += 20) {
          List<Order> part = mine.subList(from, from + 20);
          List<OrderStore.Insertion> res = thread % 2 == 0
              ? s.insertAll(part, part.stream().map(o -> accepted(o, T0)).toList())
              : part.stream().map(o -> s.insert(o, accepted(o, T0))).toList();
          for (int k = 0; k < part.size(); k++) {
            Order o = part.get(k);
            OrderStore.Insertion r = res.get(k);
            if (r.outcome() == Outcome.INSERTED) {
              inserted.computeIfAbsent(o.id().value(), x -> new AtomicInteger()).incrementAndGet();
            } else {
              assertEquals(r.outcome() == Outcome.DUPLICATE,
                  r.stored().order().sameBusinessContent(o), o.id().value());
            }
          }
        }
        return null;
      }));
    }
    go.countDown();
    for (Future<?> f : done) {
      f.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();
    OrderStore check = open();
    assertEquals(ids, check.size());
    assertEquals(ids, inserted.size());
    for (Map.Entry<String, AtomicInteger> e : inserted.entrySet()) {
      assertEquals(1, e.getValue().get(), "inserts of " + e.getKey());
      assertEquals(1, check.history(OrderId.of(e.getKey())).size());
    }
  }

  @Test
  void concurrentChangesOfOneOrderApplyOnce() throws Exception {
    OrderStore setup = open();
    int orders = 40;
    for (int i = 0; i < orders; i++) {
      Order o = order("o-" + i, "c1", 1, 1);
      setup.insert(o, accepted(o, T0));
    }
    int threads = 4;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    Map<String, AtomicInteger> wins = new ConcurrentHashMap<>();
    AtomicInteger refused = new AtomicInteger();
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      OrderStore s = open();
      int thread = t;
      done.add(pool.submit(() -> {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < orders; i++) {
          order.add(i);
        }
        Collections.shuffle(order, new Random(thread));
        go.await();
        for (int i : order) {
          try {
            s.commit(new OrderChange(List.of(move("o-" + i, OrderState.PLACED,
                OrderState.CANCELLED, T0.plusSeconds(thread))), List.of()));
            wins.computeIfAbsent("o-" + i, x -> new AtomicInteger()).incrementAndGet();
          } catch (IllegalStateException e) {
            refused.incrementAndGet();
          }
        }
        return null;
      }));
    }
    go.countDown();
    for (Future<?> f : done) {
      f.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertEquals(orders, wins.size());
    wins.values().forEach(w -> assertEquals(1, w.get()));
    assertEquals(orders * (threads - 1), refused.get());
    for (int i = 0; i < orders; i++) {
      assertEquals(2, setup.history(OrderId.of("o-" + i)).size());
    }
  }

  @Test
  void aNewStoreOnTheSameDatabaseSeesEverything() {
    OrderStore s = open();
    Map<OrderId, BookedOrder> before = new HashMap<>();
    for (int i = 0; i < 5; i++) {
      Order o = order("o-" + i, "c" + i, 1 + i, 0.1 * i);
      s.insert(o, accepted(o, T0.plusNanos(i)));
    }
    s.commit(new OrderChange(List.of(move("o-1", OrderState.PLACED, OrderState.RELEASED,
        T0.plusSeconds(9))), List.of(batch("b-1", BatchState.RELEASED, T0, "o-1"))));
    Offer offer = Offer.of(DesignId.of("d1"), 30).withCampaign(10, Duration.ofDays(7));
    s.putOffer(offer);
    s.putOffer(Offer.of(DesignId.of("a0"), 1));
    s.orders().forEach(b -> before.put(b.order().id(), b));
    List<BookedBatch> batches = s.batches();
    s.close();
    OrderStore again = open();
    List<BookedOrder> after = again.orders();
    assertEquals(5, after.size());
    for (BookedOrder b : after) {
      assertEquals(before.get(b.order().id()), b);
    }
    assertEquals(batches, again.batches());
    assertEquals(List.of(Offer.of(DesignId.of("a0"), 1), offer), again.offers());
    assertEquals(offer, again.offer(DesignId.of("d1")).orElseThrow());
    assertEquals(2, again.history(OrderId.of("o-1")).size());
  }

  @Test
  void valuesRoundTripExactly() {
    OrderStore s = open();
    double[] prices = {0.1 + 0.2, Double.MIN_VALUE, 1e308, 1 / 3.0, 0.0, -0.0, 123456.789012345};
    for (int i = 0; i < prices.length; i++) {
      Instant placed = Instant.ofEpochSecond(-62135596800L + i * 7919L, 999_999_999 - i);
      Order o = new Order(OrderId.of("p-" + i), ConsumerId.of("c"), DesignId.of("d"), 1,
          prices[i], placed, Instant.ofEpochSecond(253402300799L, 1));
      s.insert(o, OrderEvent.accepted(o.id(), OrderState.IN_CAMPAIGN, placed.plusNanos(1),
          "accepted, with ünïcödé and 'quotes'"));
      BookedOrder b = s.find(o.id()).orElseThrow();
      assertEquals(o, b.order());
      assertEquals(Double.doubleToRawLongBits(prices[i] == 0 ? 0.0 : prices[i]),
          Double.doubleToRawLongBits(b.order().unitPrice()));
      assertEquals(placed.plusNanos(1), b.acceptedAt());
    }
    Offer wide = new Offer(DesignId.of("wide"), Math.PI, 3, 2, Duration.ofSeconds(86400, 7),
        Duration.ofNanos(1), Instant.MIN, Instant.MAX, 4);
    s.putOffer(wide);
    assertEquals(wide, s.offer(DesignId.of("wide")).orElseThrow());
    Offer replaced = Offer.of(DesignId.of("wide"), 2.5);
    s.putOffer(replaced);
    assertEquals(List.of(replaced), s.offers());
  }

  @Test
  void refusesIdsTooLongForItsColumns() {
    OrderStore s = open();
    Order o = order("x".repeat(1001), "c", 1, 1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> s.insert(o, accepted(o, T0)));
    assertTrue(e.getMessage().contains("1000"), e.getMessage());
    assertEquals(0, s.size());
  }

  @Test
  void theSchemaIsVersionedAndCanBeCreatedByAnAdministrator() throws SQLException {
    JdbcStoreOptions noCreate = JdbcStoreOptions.defaults().withTablePrefix(prefix)
        .withCreateSchema(false);
    IllegalStateException missing = assertThrows(IllegalStateException.class,
        () -> open(noCreate));
    assertTrue(missing.getMessage().contains("schemaScript"), missing.getMessage());
    for (String statement : noCreate.schemaScript().split(";\n")) {
      sql(statement);
    }
    for (String statement : noCreate.schemaScript().split(";\n")) {
      sql(statement); // twice: harmless
    }
    OrderStore s = open(noCreate);
    Order o = order("o-1", "c", 1, 1);
    assertEquals(Outcome.INSERTED, s.insert(o, accepted(o, T0)).outcome());
    sql("INSERT INTO " + prefix + "schema_version (version, description) VALUES (2, 'future')");
    IllegalStateException newer = assertThrows(IllegalStateException.class, this::open);
    assertTrue(newer.getMessage().contains("newer"), newer.getMessage());
    assertFalse(s.orders().isEmpty(), "the open store still works");
  }
}
