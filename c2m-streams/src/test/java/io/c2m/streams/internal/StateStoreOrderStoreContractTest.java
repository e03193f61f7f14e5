package io.c2m.streams.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.DesignId;
import io.c2m.OrderId;
import io.c2m.BatchId;
import io.c2m.order.BookedBatch;
import io.c2m.order.BookedOrder;
import io.c2m.order.Offer;
import io.c2m.order.Order;
import io.c2m.order.OrderChange;
import io.c2m.order.OrderEvent;
import io.c2m.order.OrderStore;
import io.c2m.streams.C2mSerdes;
import io.c2m.order.OrderState;
import io.c2m.testkit.order.OrderFixtures;
import io.c2m.testkit.order.OrderStoreContract;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The {@link OrderStore} contract kit against {@link StateStoreOrderStore} over Kafka Streams'
 * in-memory stores (with c2m's JSON Serdes, as in the topology). Reopening builds a new order
 * store over the same state stores, as a task does after a restart from its changelogs. Offers
 * are put into the offers store directly (the topology loads them from the offers topic). The
 * two concurrency clauses do not apply: a task is single-threaded, and the store says so.
 */
class StateStoreOrderStoreContractTest implements OrderStoreContract {

  /** The state stores of one task. */
  private record Stores5(KeyValueStore<String, BookedOrder> orders,
      KeyValueStore<String, OrderHistory> history, KeyValueStore<String, String> sequence,
      KeyValueStore<String, Offer> offers, KeyValueStore<String, BookedBatch> batches) {}

  /** The order store plus a way to put offers, as the offers topic would. */
  private record WithOffers(Stores5 stores, StateStoreOrderStore store) implements OrderStore {
    static WithOffers over(Stores5 s) {
      return new WithOffers(s, new StateStoreOrderStore(s.orders(), s.history(), s.sequence(),
          s.offers(), s.batches()));
    }

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
    public List<BookedOrder> orders(java.util.Set<OrderState> states) {
      return store.orders(states);
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
      stores.offers().put(offer.design().value(), offer);
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

  private static <V> KeyValueStore<String, V> store(MockProcessorContext<Object, Object> c,
      String name, Serde<V> values) {
    KeyValueStore<String, V> s = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name),
        Serdes.String(), values).withLoggingDisabled().withCachingDisabled().build();
    s.init(c.getStateStoreContext(), s);
    return s;
  }

  @Override
  public OrderStore newStore() {
    MockProcessorContext<Object, Object> c = new MockProcessorContext<>();
    return WithOffers.over(new Stores5(
        store(c, "orders", C2mSerdes.json(BookedOrder.class)),
        store(c, "history", C2mSerdes.json(OrderHistory.class)),
        store(c, "sequence", Serdes.String()),
        store(c, "offers", C2mSerdes.json(Offer.class)),
        store(c, "batches", C2mSerdes.json(BookedBatch.class))));
  }

  @Override
  public boolean durable() {
    return true;
  }

  @Override
  public OrderStore reopen(OrderStore store) {
    store.close();
    return WithOffers.over(((WithOffers) store).stores());
  }

  /** Not a test here: a task's store is used by one thread only. */
  @Override
  public void concurrentInsertsOfOneIdInsertItExactlyOnce() {}

  /** Not a test here: a task's store is used by one thread only. */
  @Override
  public void concurrentInsertsAndChangesLoseNothing() {}

  /**
   * Open orders are read through the index, which forgets an order once it leaves the open
   * states; batches are listed in release order whatever their ids; both survive a reopen.
   */
  @org.junit.jupiter.api.Test
  void theOpenIndexAndTheBatchOrderFollowTheChanges() {
    WithOffers s = (WithOffers) newStore();
    for (String id : List.of("a", "b", "c", "d")) {
      Order o = OrderFixtures.order(id, 1, 1);
      s.insert(o, OrderEvent.accepted(o.id(), id.equals("d") ? OrderState.IN_CAMPAIGN
          : OrderState.PLACED, o.placedAt(), "accepted"));
    }
    s.commit(new OrderChange(List.of(
        OrderFixtures.move("b", OrderState.PLACED, OrderState.RELEASED, 2)),
        List.of(OrderFixtures.batch("b10", "d1", 1, 2, "b"))));
    s.commit(new OrderChange(List.of(
        OrderFixtures.move("a", OrderState.PLACED, OrderState.RELEASED, 3)),
        List.of(OrderFixtures.batch("b2", "d1", 1, 3, "a"))));
    s.commit(OrderFixtures.change(
        OrderFixtures.move("c", OrderState.PLACED, OrderState.CANCELLED, 4)));
    OrderStore r = reopen(s);
    assertEquals(List.of("d"), ids(r.orders(EnumSet.of(OrderState.PLACED,
        OrderState.IN_CAMPAIGN))));
    assertEquals(List.of(), ids(r.orders(EnumSet.of(OrderState.PLACED))));
    assertEquals(List.of("a", "b"), ids(r.orders(EnumSet.of(OrderState.RELEASED))));
    assertEquals(List.of("a", "b", "c", "d"), ids(r.orders()));
    assertEquals(List.of("b10", "b2"), r.batches().stream().map(b -> b.id().value()).toList(),
        "release order, not id order");
    List<String> keys = new java.util.ArrayList<>();
    try (var it = s.stores().sequence().all()) {
      it.forEachRemaining(kv -> keys.add(kv.key));
    }
    assertTrue(keys.contains("open/d") && !keys.contains("open/a") && !keys.contains("open/c"),
        keys.toString());
  }

  private static List<String> ids(List<BookedOrder> orders) {
    return orders.stream().map(b -> b.order().id().value()).toList();
  }
}
