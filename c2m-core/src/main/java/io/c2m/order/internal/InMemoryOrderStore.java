package io.c2m.order.internal;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The in-memory {@link OrderStore}: one lock, a hash map by id and the insertion order in an array
 * list. Not durable. Why one lock: every operation is a few map operations (tens of nanoseconds),
 * so striping would cost more than it saves; {@link #commit} must be atomic across orders anyway.
 *
 * <p>As a journal's state, it also holds the orders the journal recovered, packed ({@link
 * PackedOrders}: a few large arrays, decoded when read); they come first in insertion order, then
 * the orders inserted since the opening, as objects.
 */
public final class InMemoryOrderStore implements OrderStore {
  /** An order's current record and its events. */
  private static final class Entry {
    BookedOrder current;
    Object events; // one OrderEvent, or a List<OrderEvent> once there are several

    Entry(BookedOrder current, OrderEvent first) {
      this.current = current;
      this.events = first;
    }

    @SuppressWarnings("unchecked")
    void add(OrderEvent e) {
      if (events instanceof OrderEvent one) {
        List<OrderEvent> list = new ArrayList<>(4);
        list.add(one);
        list.add(e);
        events = list;
      } else {
        ((List<OrderEvent>) events).add(e);
      }
    }

    @SuppressWarnings("unchecked")
    List<OrderEvent> events() {
      return events instanceof OrderEvent one ? List.of(one)
          : List.copyOf((List<OrderEvent>) events);
    }
  }

  private Map<OrderId, Entry> byId = new HashMap<>();
  private final ArrayList<Entry> inOrder = new ArrayList<>();
  private final Map<BatchId, BookedBatch> batches = new LinkedHashMap<>();
  private final Map<DesignId, Offer> offers = new TreeMap<>();
  // The orders a journal recovered; the first packed.size() in insertion order.
  private final PackedOrders packed = new PackedOrders();

  /** Creates an empty store. */
  public InMemoryOrderStore() {}

  /**
   * Checks that an acceptance event fits its order; shared by the built-in stores.
   *
   * @param order the order
   * @param accepted its acceptance
   * @throws IllegalArgumentException if it does not fit
   */
  public static void checkAcceptance(Order order, OrderEvent accepted) {
    requireNonNull(order, "order");
    requireNonNull(accepted, "accepted");
    if (!accepted.isAcceptance() || !accepted.order().equals(order.id())) {
      throw new IllegalArgumentException("The event " + accepted.from() + " -> " + accepted.to()
          + " of order (" + accepted.order() + ") is not the acceptance of order (" + order.id()
          + ").");
    }
  }

  @Override
  public synchronized Insertion insert(Order order, OrderEvent accepted) {
    checkAcceptance(order, accepted);
    if (packed.size() > 0) {
      int slot = packed.slot(order.id());
      if (slot >= 0) {
        BookedOrder stored = packed.booked(slot);
        return new Insertion(stored.order().sameBusinessContent(order)
            ? Insertion.Outcome.DUPLICATE : Insertion.Outcome.CONFLICT, stored);
      }
    }
    // One hash walk for a new order (the common case); a retry wastes two small objects.
    BookedOrder b = new BookedOrder(order, accepted.to(), "", accepted.at(), accepted.at());
    Entry fresh = new Entry(b, accepted);
    Entry e = byId.putIfAbsent(order.id(), fresh);
    if (e != null) {
      return new Insertion(e.current.order().sameBusinessContent(order)
          ? Insertion.Outcome.DUPLICATE : Insertion.Outcome.CONFLICT, e.current);
    }
    inOrder.add(fresh);
    return new Insertion(Insertion.Outcome.INSERTED, b);
  }

  @Override
  public synchronized void commit(OrderChange change) {
    requireNonNull(change, "change");
    // Check and compute every new record first, so a bad event changes nothing.
    Map<OrderId, BookedOrder> next = new HashMap<>();
    Map<OrderId, String> batchOf = batchOfOrders(change.batches());
    Map<OrderId, Integer> packedSlots = new HashMap<>();
    Map<OrderId, List<OrderEvent>> packedAdded = new HashMap<>();
    for (OrderEvent ev : change.events()) {
      BookedOrder cur = next.get(ev.order());
      if (cur == null) {
        Entry e = byId.get(ev.order());
        int slot = e == null ? packed.slot(ev.order()) : -1;
        if (e == null && slot < 0) {
          throw new IllegalStateException("Order (" + ev.order() + ") is not in the store; "
              + "cannot move it from " + ev.from() + " to " + ev.to() + ".");
        }
        if (e != null) {
          cur = e.current;
        } else {
          cur = packed.booked(slot); // without its history: the new record copies its bytes
          packedSlots.put(ev.order(), slot);
          packedAdded.put(ev.order(), new ArrayList<>(2));
        }
      }
      next.put(ev.order(), cur.after(ev, batchFor(ev, batchOf)));
    }
    for (BookedBatch b : change.batches()) {
      BookedBatch old = batches.get(b.id());
      if (old != null && !old.design().equals(b.design())) {
        throw new IllegalStateException("Batch " + b.id() + " is stored for design "
            + old.design() + ", not " + b.design() + ".");
      }
    }
    for (OrderEvent ev : change.events()) {
      Entry e = byId.get(ev.order());
      if (e != null) {
        e.add(ev);
      } else {
        packedAdded.get(ev.order()).add(ev);
      }
    }
    for (Map.Entry<OrderId, BookedOrder> e : next.entrySet()) {
      Entry hot = byId.get(e.getKey());
      if (hot != null) {
        hot.current = e.getValue();
      } else {
        packed.appendEvents(packedSlots.get(e.getKey()), e.getValue(),
            packedAdded.get(e.getKey()));
      }
    }
    for (BookedBatch b : change.batches()) {
      batches.put(b.id(), b);
    }
  }

  /**
   * Maps each order of the given batches to its batch id; shared by the built-in stores.
   *
   * @param batches the batches of a change
   * @return order id to batch id
   */
  public static Map<OrderId, String> batchOfOrders(List<BookedBatch> batches) {
    Map<OrderId, String> out = new HashMap<>();
    for (BookedBatch b : batches) {
      for (OrderId o : b.orders()) {
        out.put(o, b.id().value());
      }
    }
    return out;
  }

  /**
   * The batch an event puts its order in: the change's batch listing the order when the event
   * releases it, else none (the order keeps its batch).
   *
   * @param ev the event
   * @param batchOf the change's batches by order
   * @return the batch id, or empty
   */
  public static String batchFor(OrderEvent ev, Map<OrderId, String> batchOf) {
    if (ev.to() != OrderState.RELEASED) {
      return "";
    }
    String b = batchOf.get(ev.order());
    if (b == null) {
      throw new IllegalStateException("Order (" + ev.order() + ") is released, but no batch "
          + "of the change lists it.");
    }
    return b;
  }

  /**
   * Returns the packed orders, for a journal's recovery to fill before anything is inserted.
   *
   * @throws IllegalStateException if orders were inserted already
   */
  synchronized PackedOrders recovering() {
    if (!inOrder.isEmpty()) {
      throw new IllegalStateException("Orders are recovered into a store already in use.");
    }
    return packed;
  }

  /** The state a journal's snapshot writes, taken under the store's lock. */
  record Snapshot(PackedOrders.View packed, List<BookedOrder> orders,
      List<List<OrderEvent>> histories, List<BookedBatch> batches, List<Offer> offers) {
    long size() {
      return packed.size() + (long) orders.size();
    }
  }

  /**
   * Takes what a snapshot needs, under the store's lock: the packed orders' records as they are
   * (their chunks are never overwritten), the other orders with their histories, the batches and
   * the offers.
   *
   * @return the state
   */
  synchronized Snapshot snapshot() {
    List<BookedOrder> orders = new ArrayList<>(inOrder.size());
    List<List<OrderEvent>> histories = new ArrayList<>(inOrder.size());
    for (Entry e : inOrder) {
      orders.add(e.current);
      histories.add(e.events());
    }
    return new Snapshot(packed.view(), orders, histories, List.copyOf(batches.values()),
        List.copyOf(offers.values()));
  }

  @Override
  public synchronized Optional<BookedOrder> find(OrderId id) {
    Entry e = byId.get(id);
    if (e != null) {
      return Optional.of(e.current);
    }
    int slot = packed.slot(id);
    return slot < 0 ? Optional.empty() : Optional.of(packed.booked(slot));
  }

  @Override
  public synchronized List<BookedOrder> orders() {
    List<BookedOrder> out = new ArrayList<>(packed.size() + inOrder.size());
    for (int s = 0; s < packed.size(); s++) {
      out.add(packed.booked(s));
    }
    for (Entry e : inOrder) {
      out.add(e.current);
    }
    return out;
  }

  @Override
  public synchronized List<BookedOrder> orders(Set<OrderState> states) {
    List<BookedOrder> out = new ArrayList<>();
    if (packed.size() > 0) {
      boolean[] wanted = new boolean[OrderState.values().length];
      for (OrderState st : states) {
        wanted[st.ordinal()] = true;
      }
      for (int s = 0; s < packed.size(); s++) {
        if (packed.hasState(s, wanted)) {
          out.add(packed.booked(s));
        }
      }
    }
    for (Entry e : inOrder) {
      if (states.contains(e.current.state())) {
        out.add(e.current);
      }
    }
    return out;
  }

  @Override
  public synchronized long size() {
    return packed.size() + (long) inOrder.size();
  }

  @Override
  public synchronized List<OrderEvent> history(OrderId id) {
    Entry e = byId.get(id);
    if (e != null) {
      return e.events();
    }
    int slot = packed.slot(id);
    if (slot < 0) {
      return List.of();
    }
    List<OrderEvent> h = new ArrayList<>();
    packed.booked(slot, h);
    return List.copyOf(h);
  }

  @Override
  public synchronized Optional<BookedBatch> batch(BatchId id) {
    return Optional.ofNullable(batches.get(id));
  }

  @Override
  public synchronized List<BookedBatch> batches() {
    return List.copyOf(batches.values());
  }

  @Override
  public synchronized void putOffer(Offer offer) {
    offers.put(requireNonNull(offer, "offer").design(), offer);
  }

  @Override
  public synchronized List<Offer> offers() {
    return List.copyOf(offers.values());
  }

  @Override
  public void close() {
    // nothing to release
  }
}
