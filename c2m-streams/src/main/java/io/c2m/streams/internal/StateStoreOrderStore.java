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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Core's {@link OrderStore} over Kafka Streams key-value stores, so that core's {@link
 * io.c2m.order.OrderBook} (its acceptance rules, idempotency and campaigns) runs unchanged in a
 * task. Durability is the stores' changelogs, written in the same exactly-once transaction as
 * the acknowledgement; an order is acknowledged only once that transaction commits. Holds the
 * orders, offers and batches of one task (one partition of the orders repartitioned by design).
 * Insertion order is kept by a per-task sequence. Offers are read from the global offers store.
 * Not thread-safe: a task is single-threaded.
 */
public final class StateStoreOrderStore implements OrderStore {
  private static final String NEXT = "next";
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
   * @param sequence zero-padded insertion number to order id, and {@code next}
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
    String n = sequence.get(NEXT);
    long next = n == null ? 0 : Long.parseLong(n);
    sequence.put(String.format("%019d", next), order.id().value());
    sequence.put(NEXT, Long.toString(next + 1));
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
    next.forEach(orders::put);
    for (BookedBatch b : change.batches()) {
      batches.put(b.id().value(), b);
    }
  }

  @Override
  public Optional<BookedOrder> find(OrderId id) {
    return Optional.ofNullable(orders.get(requireNonNull(id, "id").value()));
  }

  @Override
  public List<BookedOrder> orders() {
    List<BookedOrder> out = new ArrayList<>();
    try (KeyValueIterator<String, String> it = sequence.all()) {
      while (it.hasNext()) {
        KeyValue<String, String> kv = it.next();
        if (!kv.key.equals(NEXT)) {
          out.add(orders.get(kv.value));
        }
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
    try (KeyValueIterator<String, BookedBatch> it = batches.all()) {
      it.forEachRemaining(kv -> out.add(kv.value));
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
