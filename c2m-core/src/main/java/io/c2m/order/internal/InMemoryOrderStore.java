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
import java.util.function.BiConsumer;

/**
 * The in-memory {@link OrderStore}: one lock, a hash map by id and the insertion order in an array
 * list. Not durable. Why one lock: every operation is a few map operations (tens of nanoseconds),
 * so striping would cost more than it saves; {@link #commit} must be atomic across orders anyway.
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
    for (OrderEvent ev : change.events()) {
      BookedOrder cur = next.get(ev.order());
      if (cur == null) {
        Entry e = byId.get(ev.order());
        if (e == null) {
          throw new IllegalStateException("Order (" + ev.order() + ") is not in the store; "
              + "cannot move it from " + ev.from() + " to " + ev.to() + ".");
        }
        cur = e.current;
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
      byId.get(ev.order()).add(ev);
    }
    for (Map.Entry<OrderId, BookedOrder> e : next.entrySet()) {
      byId.get(e.getKey()).current = e.getValue();
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
   * Puts back an order with its history, as a journal's snapshot holds it; for recovery only (the
   * journal checked the record's checksum; the id must not be stored yet).
   *
   * @param current the order's current record
   * @param history its events, acceptance first
   * @throws IllegalStateException if the id is stored already or the history is empty
   */
  public synchronized void restore(BookedOrder current, List<OrderEvent> history) {
    OrderId id = current.order().id();
    if (history.isEmpty()) {
      throw new IllegalStateException("Order (" + id + ") is restored without history.");
    }
    Entry e = new Entry(current, history.get(0));
    for (int i = 1; i < history.size(); i++) {
      e.add(history.get(i));
    }
    if (byId.putIfAbsent(id, e) != null) {
      throw new IllegalStateException("Order (" + id + ") is restored twice.");
    }
    inOrder.add(e);
  }

  /**
   * Sizes an empty store for some orders, so a journal's recovery does not rehash as it loads.
   *
   * @param orders the orders about to be restored
   */
  public synchronized void expect(int orders) {
    if (byId.isEmpty()) {
      byId = new HashMap<>(Math.max(16, (int) Math.min(1 << 30, orders * 4L / 3 + 1)));
    }
    inOrder.ensureCapacity(orders);
  }

  /**
   * Visits every order with its history in insertion order, under the store's lock, so a journal
   * snapshot sees one consistent state.
   *
   * @param visitor called once per order
   */
  public synchronized void forEachOrder(BiConsumer<BookedOrder, List<OrderEvent>> visitor) {
    for (Entry e : inOrder) {
      visitor.accept(e.current, e.events());
    }
  }

  @Override
  public synchronized Optional<BookedOrder> find(OrderId id) {
    Entry e = byId.get(id);
    return e == null ? Optional.empty() : Optional.of(e.current);
  }

  @Override
  public synchronized List<BookedOrder> orders() {
    List<BookedOrder> out = new ArrayList<>(inOrder.size());
    for (Entry e : inOrder) {
      out.add(e.current);
    }
    return out;
  }

  @Override
  public synchronized List<BookedOrder> orders(Set<OrderState> states) {
    List<BookedOrder> out = new ArrayList<>();
    for (Entry e : inOrder) {
      if (states.contains(e.current.state())) {
        out.add(e.current);
      }
    }
    return out;
  }

  @Override
  public synchronized long size() {
    return inOrder.size();
  }

  @Override
  public synchronized List<OrderEvent> history(OrderId id) {
    Entry e = byId.get(id);
    return e == null ? List.of() : e.events();
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
