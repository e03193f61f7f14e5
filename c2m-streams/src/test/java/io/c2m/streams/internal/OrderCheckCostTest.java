package io.c2m.streams.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.c2m.BatchId;
import io.c2m.C2m;
import io.c2m.ConsumerId;
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
import io.c2m.production.Schedule;
import io.c2m.streams.C2mSerdes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * What one stream-time check costs in a task that has taken many orders, most of them released
 * long ago: the engine's {@code schedule()} (the strategy's plan of the open orders, the
 * campaigns, the released batches) over {@link StateStoreOrderStore} on RocksDB stores, reading
 * the open orders through the index against reading every order (the {@link OrderStore}
 * default), in the same run. Off by default; run with {@code -Dc2m.bench=true} (see
 * BENCHMARKS.md).
 */
@EnabledIfSystemProperty(named = "c2m.bench", matches = "true")
class OrderCheckCostTest {
  private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

  /** The same store, but open orders found by reading every order (the SPI's default). */
  private record FullScan(StateStoreOrderStore store) implements OrderStore {
    @Override
    public Insertion insert(Order order, OrderEvent accepted) {
      return store.insert(order, accepted);
    }

    @Override
    public void commit(OrderChange change) {
      store.commit(change);
    }

    @Override
    public Optional<BookedOrder> find(OrderId id) {
      return store.find(id);
    }

    @Override
    public List<BookedOrder> orders() {
      return store.orders();
    }

    @Override
    public List<OrderEvent> history(OrderId id) {
      return store.history(id);
    }

    @Override
    public Optional<BookedBatch> batch(BatchId id) {
      return store.batch(id);
    }

    @Override
    public List<BookedBatch> batches() {
      return store.batches();
    }

    @Override
    public void putOffer(Offer offer) {
      store.putOffer(offer);
    }

    @Override
    public List<Offer> offers() {
      return store.offers();
    }

    @Override
    public Optional<Offer> offer(DesignId design) {
      return store.offer(design);
    }

    @Override
    public void close() {
      store.close();
    }
  }

  private static <V> KeyValueStore<String, V> rocks(MockProcessorContext<Object, Object> c,
      String name, Serde<V> values) {
    KeyValueStore<String, V> s = Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(name), Serdes.String(), values)
        .withLoggingDisabled().withCachingDisabled().build();
    s.init(c.getStateStoreContext(), s);
    return s;
  }

  @Test
  void aCheckReadsTheOpenOrdersNotAllOrders() throws Exception {
    int orders = Integer.getInteger("c2m.bench.orders", 100_000);
    int open = Integer.getInteger("c2m.bench.open", 1_000);
    int designs = 50;
    Path dir = Files.createTempDirectory("c2m-check-cost");
    Properties props = new Properties();
    props.put("application.id", "c2m-check-cost");
    props.put("bootstrap.servers", "127.0.0.1:9");
    MockProcessorContext<Object, Object> c =
        new MockProcessorContext<>(props, new TaskId(0, 0), dir.toFile());
    KeyValueStore<String, Offer> offers = rocks(c, "offers", C2mSerdes.json(Offer.class));
    StateStoreOrderStore store = new StateStoreOrderStore(
        rocks(c, "orders", C2mSerdes.json(BookedOrder.class)),
        rocks(c, "history", C2mSerdes.json(OrderHistory.class)),
        rocks(c, "sequence", Serdes.String()), offers,
        rocks(c, "batches", C2mSerdes.json(BookedBatch.class)));
    for (int d = 0; d < designs; d++) {
      offers.put("d" + d, new Offer(new DesignId("d" + d), 30.0, 1, 1, Duration.ZERO,
          Duration.ofDays(2), T0.minus(Duration.ofDays(400)), T0.plus(Duration.ofDays(400)),
          0));
    }
    List<OrderId> toRelease = new ArrayList<>();
    for (int i = 0; i < orders; i++) {
      Instant at = T0.minusSeconds(orders - i);
      Order o = new Order(new OrderId("o" + i), new ConsumerId("c" + i),
          new DesignId("d" + i % designs), 1, 30.0, at, at.plus(Duration.ofDays(30)));
      store.insert(o, OrderEvent.accepted(o.id(), OrderState.PLACED, at, "accepted"));
      if (i < orders - open) {
        toRelease.add(o.id());
      }
      if (toRelease.size() == 100) {
        release(store, toRelease, i);
      }
    }
    release(store, toRelease, orders);
    Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
    C2m indexed = C2m.builder().orderStore(store).clock(clock).build();
    C2m scanning = C2m.builder().orderStore(new FullScan(store)).clock(clock).build();
    Schedule a = indexed.schedule();
    Schedule b = scanning.schedule();
    assertEquals(a, b, "the same schedule either way");
    double[] index = new double[7];
    double[] scan = new double[7];
    for (int k = 0; k < index.length; k++) {
      long t0 = System.nanoTime();
      indexed.schedule();
      long t1 = System.nanoTime();
      scanning.schedule();
      long t2 = System.nanoTime();
      index[k] = (t1 - t0) / 1e6;
      scan[k] = (t2 - t1) / 1e6;
    }
    Arrays.sort(index);
    Arrays.sort(scan);
    System.out.printf("check cost: %d orders, %d open, %d batches: index %.1f ms, full scan "
        + "%.1f ms (medians of 7), ratio %.1f%n", orders, open, a.batches().size(), index[3],
        scan[3], scan[3] / index[3]);
    deleteTree(dir);
  }

  private static void release(StateStoreOrderStore store, List<OrderId> ids, int n) {
    if (ids.isEmpty()) {
      return;
    }
    String design = "d" + n % 50;
    List<OrderEvent> events = new ArrayList<>();
    for (OrderId id : ids) {
      events.add(new OrderEvent(id, OrderState.PLACED, OrderState.RELEASED, T0, "released"));
    }
    // One batch per hundred orders (their designs mixed: the store does not check that).
    store.commit(new OrderChange(events, List.of(new BookedBatch(new BatchId("b" + n),
        new DesignId(design), BatchState.RELEASED, T0, T0, ids.size(), List.copyOf(ids), T0))));
    ids.clear();
  }

  private static void deleteTree(Path dir) throws java.io.IOException {
    try (var walk = Files.walk(dir)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
  }
}
