package io.c2m.streams.internal;

import static java.util.Objects.requireNonNull;

import io.c2m.BatchId;
import io.c2m.DesignId;
import io.c2m.OrderId;
import io.c2m.order.BookedBatch;
import io.c2m.order.BookedOrder;
import io.c2m.order.Offer;
import io.c2m.order.Order;
import io.c2m.order.OrderChange;
import io.c2m.order.OrderEvent;
import io.c2m.order.OrderState;
import io.c2m.order.OrderStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Core's {@link OrderStore} over Kafka Streams key-value stores, so that core's {@link
 * io.c2m.order.OrderBook} (its acceptance rules, idempotency and campaigns) runs unchanged in a
 * task. Durability is the stores' changelogs, written in the same exactly-once transaction as
 * the acknowledgement; an order is acknowledged only once that transaction commits. Holds the
 * orders, offers and batches of one task (one partition of the orders repartitioned by design).
 * Offers are read from the global offers store. Not thread-safe: a task is single-threaded.
 *
 * <p>The sequence store keeps the orders' and batches' insertion order and an index of the open
 * orders, so that a stream-time check reads the open orders, not every order the task ever took:
 * <ul>
 *   <li>{@code next} and {@code <19-digit n>} to order id: the acceptance order;
 *   <li>{@code open/<order id>} to its 19-digit number: the orders still open ({@link
 *       OrderState#isOpen()}), removed when an order leaves them (it never comes back);
 *   <li>{@code batch-next} and {@code batch/<19-digit n>} to batch id: the release order.
 * </ul>
 */
public final class StateStoreOrderStore implements OrderStore {
  private static final String NEXT = "next";
  private static final String FIRST = "0".repeat(19);
  private static final String LAST = "9".repeat(19);
  private static final String OPEN = "open/";
  private static final String BATCH_NEXT = "batch-next";
  private static final String BATCH = "batch/";
  private static final Set<OrderState> OPEN_STATES =
      EnumSet.of(OrderState.PLACED, OrderState.IN_CAMPAIGN);
  private final KeyValueStore<String, BookedOrder> orders;
  private final KeyValueStore<String, OrderHistory> history;
  private final KeyValueStore<String, String> sequence;
  private final KeyValueStore<String, Offer> offers;
  private final KeyValueStore<String, BookedBatch> batches;

  /**
   * Wraps the stores.
   *
   * @param orders order id to its current record
   * @param history order id to its events
   * @param sequence insertion order and open orders (see the class comment)
   * @param offers design id to its offer (the global store: read-only here)
   * @param batches batch id to its batch
   */
  public StateStoreOrderStore(KeyValueStore<String, BookedOrder> orders,
      KeyValueStore<String, OrderHistory> history, KeyValueStore<String, String> sequence,
      KeyValueStore<String, Offer> offers, KeyValueStore<String, BookedBatch> batches) {
    this.orders = requireNonNull(orders, "orders");
    this.history = requireNonNull(history, "history");
    this.sequence = requireNonNull(sequence, "sequence");
    this.offers = requireNonNull(offers, "offers");
    this.batches = requireNonNull(batches, "batches");
  }

  @Override
  public Insertion insert(Order order, OrderEvent accepted) {
    requireNonNull(order, "order");
    requireNonNull(accepted, "accepted");
    if (!accepted.isAcceptance() || !accepted.order().equals(order.id())) {
      throw new IllegalArgumentException("The event " + accepted.from() + " -> " + accepted.to()
          + " of order (" + accepted.order() + ") is not the acceptance of order (" + order.id()
          + ").");
    }
    BookedOrder existing = orders.get(order.id().value());
    if (existing != null) {
      return new Insertion(existing.order().sameBusinessContent(order)
          ? Insertion.Outcome.DUPLICATE : Insertion.Outcome.CONFLICT, existing);
    }
    BookedOrder b = new BookedOrder(order, accepted.to(), "", accepted.at(), accepted.at());
    orders.put(order.id().value(), b);
    history.put(order.id().value(), new OrderHistory(List.of(accepted)));
    String seq = next(NEXT);
    sequence.put(seq, order.id().value());
    if (b.state().isOpen()) {
      sequence.put(OPEN + order.id().value(), seq);
    }
    return new Insertion(Insertion.Outcome.INSERTED, b);
  }

  @Override
  public void commit(OrderChange change) {
    requireNonNull(change, "change");
    Map<OrderId, String> batchOf = new HashMap<>();
    for (BookedBatch b : change.batches()) {
      for (OrderId o : b.orders()) {
        batchOf.put(o, b.id().value());
      }
    }
    // Compute every new record first, so a bad event changes nothing.
    Map<String, BookedOrder> next = new HashMap<>();
    Map<String, List<OrderEvent>> events = new HashMap<>();
    for (OrderEvent ev : change.events()) {
      String id = ev.order().value();
      BookedOrder cur = next.containsKey(id) ? next.get(id) : orders.get(id);
      if (cur == null) {
        throw new IllegalStateException("Order (" + ev.order() + ") is not in the store; "
            + "cannot move it from " + ev.from() + " to " + ev.to() + ".");
      }
      String batch = "";
      if (ev.to() == OrderState.RELEASED) {
        batch = batchOf.get(ev.order());
        if (batch == null) {
          throw new IllegalStateException("Order (" + ev.order() + ") is released, but no "
              + "batch of the change lists it.");
        }
      }
      next.put(id, cur.after(ev, batch));
      events.computeIfAbsent(id, k -> new ArrayList<>(history(ev.order()))).add(ev);
    }
    for (BookedBatch b : change.batches()) {
      BookedBatch old = batches.get(b.id().value());
      if (old != null && !old.design().equals(b.design())) {
        throw new IllegalStateException("Batch " + b.id() + " is stored for design "
            + old.design() + ", not " + b.design() + ".");
      }
    }
    events.forEach((id, list) -> history.put(id, new OrderHistory(list)));
    next.forEach((id, b) -> {
      orders.put(id, b);
      if (!b.state().isOpen()) {
        sequence.delete(OPEN + id);
      }
    });
    for (BookedBatch b : change.batches()) {
      if (batches.get(b.id().value()) == null) {
        sequence.put(BATCH + next(BATCH_NEXT), b.id().value());
      }
      batches.put(b.id().value(), b);
    }
  }

  /** Returns the next 19-digit number of a counter and moves the counter on. */
  private String next(String counter) {
    String n = sequence.get(counter);
    long k = n == null ? 0 : Long.parseLong(n);
    sequence.put(counter, Long.toString(k + 1));
    return String.format("%019d", k);
  }

  @Override
  public Optional<BookedOrder> find(OrderId id) {
    return Optional.ofNullable(orders.get(requireNonNull(id, "id").value()));
  }

  @Override
  public List<BookedOrder> orders() {
    List<BookedOrder> out = new ArrayList<>();
    try (KeyValueIterator<String, String> it = sequence.range(FIRST, LAST)) {
      it.forEachRemaining(kv -> out.add(orders.get(kv.value)));
    }
    return out;
  }

  /**
   * Returns the orders in some states, in acceptance order; for open states only the index of
   * open orders is read.
   *
   * @param states the states
   * @return the orders
   */
  @Override
  public List<BookedOrder> orders(Set<OrderState> states) {
    requireNonNull(states, "states");
    if (!OPEN_STATES.containsAll(states)) {
      return OrderStore.super.orders(states);
    }
    List<KeyValue<String, String>> open = new ArrayList<>(); // (number, order id)
    try (KeyValueIterator<String, String> it =
        sequence.prefixScan(OPEN, new StringSerializer())) {
      it.forEachRemaining(
          kv -> open.add(KeyValue.pair(kv.value, kv.key.substring(OPEN.length()))));
    }
    open.sort(Comparator.comparing((KeyValue<String, String> kv) -> kv.key));
    List<BookedOrder> out = new ArrayList<>();
    for (KeyValue<String, String> kv : open) {
      BookedOrder b = orders.get(kv.value);
      if (states.contains(b.state())) {
        out.add(b);
      }
    }
    return out;
  }

  @Override
  public List<OrderEvent> history(OrderId id) {
    OrderHistory h = history.get(requireNonNull(id, "id").value());
    return h == null ? List.of() : h.events();
  }

  @Override
  public Optional<BookedBatch> batch(BatchId id) {
    return Optional.ofNullable(batches.get(requireNonNull(id, "id").value()));
  }

  @Override
  public List<BookedBatch> batches() {
    List<BookedBatch> out = new ArrayList<>();
    try (KeyValueIterator<String, String> it = sequence.prefixScan(BATCH,
        new StringSerializer())) {
      it.forEachRemaining(kv -> out.add(batches.get(kv.value)));
    }
    return out;
  }

  /**
   * Refused: offers come from the offers topic into a global store, on every instance.
   *
   * @param offer the offer
   * @throws UnsupportedOperationException always
   */
  @Override
  public void putOffer(Offer offer) {
    throw new UnsupportedOperationException("Offers are published to the offers topic; the "
        + "streams order intake reads them from its global store.");
  }

  @Override
  public List<Offer> offers() {
    List<Offer> out = new ArrayList<>();
    try (KeyValueIterator<String, Offer> it = offers.all()) {
      it.forEachRemaining(kv -> out.add(kv.value));
    }
    return out;
  }

  @Override
  public Optional<Offer> offer(DesignId design) {
    return Optional.ofNullable(offers.get(requireNonNull(design, "design").value()));
  }

  @Override
  public void close() {
    // the stores belong to the task
  }
}
