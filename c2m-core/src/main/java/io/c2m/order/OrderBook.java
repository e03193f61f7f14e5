package io.c2m.order;

import static java.util.Objects.requireNonNull;

import io.c2m.BatchId;
import io.c2m.ConsumerId;
import io.c2m.DesignId;
import io.c2m.OrderId;
import io.c2m.order.OrderStore.Insertion;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The orders a business has acknowledged and their lifecycle, kept in an {@link OrderStore}.
 *
 * <p><b>Acceptance.</b> {@link #accept(Order)} answers by order id first: an id already stored with
 * the same business content ({@link Order#sameBusinessContent(Order)}) is a {@code DUPLICATE}, even
 * resent long after (the first order's timestamps stand); with other content it is {@code REJECTED}
 * and the first order kept. A new order is then checked against the rules, each refusal naming its
 * rule: the design is on offer ({@code offer}); the offer's sales window is open at the order's
 * {@code placedAt} ({@code sales-window}); the unit price is the offer's ({@code price}, see {@link
 * Offer#priceMatches(double)}); the quantity is within the offer's cap per order ({@code
 * cap-per-order}); the consumer is known, when the book was given a consumer check ({@code
 * known-consumer}). An accepted order is {@link OrderState#IN_CAMPAIGN} when its offer runs
 * group-buy campaigns, else {@link OrderState#PLACED}; the receipt is returned only once the store
 * has it (durably, for a durable store).
 *
 * <p><b>Lifecycle.</b> Every change is a legal transition ({@link OrderState#canMoveTo}), stored
 * with its event, then given to the listeners; an illegal one is refused with an {@link
 * IllegalStateException} naming the order, its state and the rule. Campaigns are advanced by
 * {@link #advanceCampaigns(Instant, Instant)}; batches planned elsewhere are frozen by {@link
 * #release(BookedBatch, String)}.
 *
 * <p>Thread-safe: acceptance relies on the store's atomic insert; lifecycle changes are serialised
 * by the book's lock and checked again by the store's atomic commit.
 */
public final class OrderBook implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OrderBook.class);
  private static final Set<OrderState> CAMPAIGN = EnumSet.of(OrderState.IN_CAMPAIGN);

  private final OrderStore store;
  private final Clock clock;
  private final Predicate<DesignId> legacyDesigns;
  private final Predicate<ConsumerId> knownConsumer;
  private final List<OrderListener> listeners = new CopyOnWriteArrayList<>();
  private final Object lifecycle = new Object();

  /**
   * Creates an in-memory book accepting orders for any design at any price (no offers needed).
   */
  public OrderBook() {
    this(d -> true);
  }

  /**
   * Creates an in-memory book that rejects orders for designs the predicate does not know; no
   * offers needed, no price rule.
   *
   * @param knownDesign tells whether a design is on offer
   */
  public OrderBook(Predicate<DesignId> knownDesign) {
    this(OrderStore.inMemory(), Clock.systemUTC(), requireNonNull(knownDesign, "knownDesign"),
        c -> true);
  }

  private OrderBook(OrderStore store, Clock clock, Predicate<DesignId> legacyDesigns,
      Predicate<ConsumerId> knownConsumer) {
    this.store = requireNonNull(store, "store");
    this.clock = requireNonNull(clock, "clock");
    this.legacyDesigns = legacyDesigns;
    this.knownConsumer = requireNonNull(knownConsumer, "knownConsumer");
  }

  /**
   * Creates a book over a store whose offers set the acceptance rules.
   *
   * @param store where orders, offers and batches live
   * @param clock the engine's clock (acceptance and event times)
   * @param knownConsumer tells whether a consumer is known; {@code c -> true} to accept anyone
   * @return the book
   */
  public static OrderBook of(OrderStore store, Clock clock, Predicate<ConsumerId> knownConsumer) {
    return new OrderBook(store, clock, null, knownConsumer);
  }

  /**
   * Returns the store.
   *
   * @return the store
   */
  public OrderStore store() {
    return store;
  }

  /**
   * Registers a listener of every later event.
   *
   * @param listener the listener
   */
  public void addListener(OrderListener listener) {
    listeners.add(requireNonNull(listener, "listener"));
  }

  /**
   * Removes a listener.
   *
   * @param listener the listener
   * @return true if it was registered
   */
  public boolean removeListener(OrderListener listener) {
    return listeners.remove(listener);
  }

  private void publish(List<OrderEvent> events) {
    for (OrderEvent e : events) {
      for (OrderListener l : listeners) {
        try {
          l.onEvent(e);
        } catch (RuntimeException ex) {
          // never the event's content: ids may be personal to an integrator
          LOG.warn("An order listener ({}) failed: {}", l.getClass().getName(),
              ex.getClass().getName());
        }
      }
    }
  }

  /**
   * Puts a design on offer, or replaces its terms, durably.
   *
   * @param offer the offer
   */
  public void offer(Offer offer) {
    store.putOffer(requireNonNull(offer, "offer"));
  }

  /**
   * Returns the offer of a design.
   *
   * @param design the design
   * @return the offer, or empty
   */
  public Optional<Offer> offer(DesignId design) {
    return store.offer(design);
  }

  /**
   * Accepts an order (see the class comment for the rules and idempotency).
   *
   * @param order the order
   * @return accepted, duplicate, or rejected with the rule
   */
  public OrderReceipt accept(Order order) {
    requireNonNull(order, "order");
    if (store.find(order.id()).isPresent()) {
      // A resend is answered by the store's insert, not by this read: the insert returns only once
      // the first order is durable, so a duplicate is never acknowledged before the original.
      Insertion again = store.insert(order, OrderEvent.accepted(order.id(), OrderState.PLACED,
          clock.instant(), "resent"));
      if (again.outcome() != Insertion.Outcome.INSERTED) {
        return answer(order, again.stored().order());
      }
      throw new IllegalStateException("Order (" + order.id() + ") was found in the store and then "
          + "inserted as new: the store broke its contract.");
    }
    Object decided = decide(order);
    if (decided instanceof OrderReceipt refused) {
      return refused;
    }
    OrderEvent event = (OrderEvent) decided;
    Insertion ins = store.insert(order, event);
    if (ins.outcome() == Insertion.Outcome.INSERTED) {
      publish(List.of(event));
      return new OrderReceipt(order.id(), OrderReceipt.Status.ACCEPTED, "");
    }
    return answer(order, ins.stored().order());
  }

  /**
   * Accepts many orders, the same as {@link #accept} for each in order, but with one durable
   * write for all ({@link OrderStore#insertAll}: one fsync of a journal, one transaction of a
   * database): when it returns, every accepted order is durable, and only then are their events
   * published.
   *
   * @param orders the orders, in order; an id may repeat (the later ones are resends)
   * @return one receipt per order, in order
   */
  public List<OrderReceipt> acceptAll(List<Order> orders) {
    requireNonNull(orders, "orders");
    OrderReceipt[] out = new OrderReceipt[orders.size()];
    List<Order> toInsert = new ArrayList<>(orders.size());
    List<OrderEvent> events = new ArrayList<>(orders.size());
    List<Integer> at = new ArrayList<>(orders.size());
    List<Boolean> resent = new ArrayList<>(orders.size());
    Set<OrderId> inserting = new HashSet<>();
    for (int i = 0; i < orders.size(); i++) {
      Order order = requireNonNull(orders.get(i), "orders[" + i + "]");
      if (inserting.contains(order.id()) || store.find(order.id()).isPresent()) {
        // answered by the insert, after the first is durable (see accept)
        toInsert.add(order);
        events.add(OrderEvent.accepted(order.id(), OrderState.PLACED, clock.instant(), "resent"));
        at.add(i);
        resent.add(true);
        continue;
      }
      Object decided = decide(order);
      if (decided instanceof OrderReceipt refused) {
        out[i] = refused;
        continue;
      }
      toInsert.add(order);
      events.add((OrderEvent) decided);
      at.add(i);
      resent.add(false);
      inserting.add(order.id());
    }
    List<Insertion> done = toInsert.isEmpty() ? List.of() : store.insertAll(toInsert, events);
    List<OrderEvent> published = new ArrayList<>();
    for (int k = 0; k < done.size(); k++) {
      Order order = toInsert.get(k);
      Insertion ins = done.get(k);
      if (ins.outcome() == Insertion.Outcome.INSERTED) {
        if (resent.get(k)) {
          throw new IllegalStateException("Order (" + order.id() + ") was found in the store and "
              + "then inserted as new: the store broke its contract.");
        }
        published.add(events.get(k));
        out[at.get(k)] = new OrderReceipt(order.id(), OrderReceipt.Status.ACCEPTED, "");
      } else {
        out[at.get(k)] = answer(order, ins.stored().order());
      }
    }
    publish(published);
    return List.of(out);
  }

  /** Applies the acceptance rules: the acceptance event, or the receipt of a refusal. */
  private Object decide(Order order) {
    OrderState into = OrderState.PLACED;
    String why;
    if (legacyDesigns != null) {
      if (!legacyDesigns.test(order.design())) {
        return rejected(order, "offer", "the design (" + order.design() + ") is not on offer.");
      }
      why = "accepted";
    } else {
      Optional<Offer> o = store.offer(order.design());
      if (o.isEmpty()) {
        return rejected(order, "offer", "the design (" + order.design() + ") is not on offer.");
      }
      Offer offer = o.get();
      if (!offer.onSaleAt(order.placedAt())) {
        return rejected(order, "sales-window", "design " + order.design() + " is on sale "
            + window(offer) + "; the order was placed at " + order.placedAt() + ".");
      }
      if (!offer.priceMatches(order.unitPrice())) {
        return rejected(order, "price", "the unit price (" + order.unitPrice()
            + ") is not the offer's price (" + offer.unitPrice() + ") of design "
            + order.design() + ".");
      }
      if (offer.maxPerOrder() > 0 && order.quantity() > offer.maxPerOrder()) {
        return rejected(order, "cap-per-order", "the quantity (" + order.quantity()
            + ") is above the cap of " + offer.maxPerOrder() + " units per order of design "
            + order.design() + ".");
      }
      if (!knownConsumer.test(order.consumer())) {
        return rejected(order, "known-consumer", "the consumer is not known to the engine.\n"
            + "Maybe register the consumer first.");
      }
      into = offer.hasCampaign() ? OrderState.IN_CAMPAIGN : OrderState.PLACED;
      why = offer.hasCampaign() ? "accepted into the group-buy campaign of design "
          + order.design() : "accepted";
    }
    return OrderEvent.accepted(order.id(), into, clock.instant(), why);
  }

  private static String window(Offer offer) {
    String from = offer.salesFrom().equals(Instant.MIN) ? "" : "from " + offer.salesFrom();
    String until = offer.salesUntil().equals(Instant.MAX) ? "" : " until " + offer.salesUntil();
    return (from + until).trim();
  }

  private static OrderReceipt answer(Order order, Order stored) {
    if (stored.sameBusinessContent(order)) {
      return new OrderReceipt(order.id(), OrderReceipt.Status.DUPLICATE, "");
    }
    return new OrderReceipt(order.id(), OrderReceipt.Status.REJECTED, "The order id ("
        + order.id() + ") is already taken by an order with other content (consumer, design, "
        + "quantity or unit price); the first order is kept.");
  }

  private static OrderReceipt rejected(Order order, String rule, String detail) {
    return new OrderReceipt(order.id(), OrderReceipt.Status.REJECTED,
        "Order (" + order.id() + ") is refused by the " + rule + " rule: " + detail);
  }

  /**
   * Returns the stored orders as first accepted, in acceptance order.
   *
   * @return a snapshot
   */
  public List<Order> orders() {
    List<BookedOrder> all = store.orders();
    List<Order> out = new ArrayList<>(all.size());
    for (BookedOrder b : all) {
      out.add(b.order());
    }
    return out;
  }

  /**
   * Returns the stored orders with their states, in acceptance order.
   *
   * @return a snapshot
   */
  public List<BookedOrder> booked() {
    return store.orders();
  }

  /**
   * Returns the stored orders in some states, in acceptance order.
   *
   * @param states the states
   * @return a snapshot
   */
  public List<BookedOrder> booked(Set<OrderState> states) {
    return store.orders(states);
  }

  /**
   * Returns a stored order.
   *
   * @param id the order
   * @return the order with its state, or empty
   */
  public Optional<BookedOrder> find(OrderId id) {
    return store.find(id);
  }

  /**
   * Returns the ids of the stored orders.
   *
   * @return a snapshot
   */
  public Set<OrderId> ids() {
    Set<OrderId> out = new java.util.LinkedHashSet<>();
    for (BookedOrder b : store.orders()) {
      out.add(b.order().id());
    }
    return Set.copyOf(out);
  }

  /**
   * Returns the number of stored orders.
   *
   * @return the count
   */
  public int size() {
    return (int) Math.min(Integer.MAX_VALUE, store.size());
  }

  // ---- lifecycle ----

  /**
   * Cancels an order (by the consumer or the business), allowed until production starts.
   *
   * @param id the order
   * @param reason why, for the event
   * @return the event
   * @throws IllegalStateException if the order is unknown or its production has started (or it is
   *     already final), naming the order, its state and the rule
   */
  public OrderEvent cancel(OrderId id, String reason) {
    return move(id, OrderState.CANCELLED, reason, "Cancellation is allowed until production starts.");
  }

  /**
   * Cancels every order of a released batch that has not started production.
   *
   * @param batch the batch
   * @param reason why
   * @return the events
   * @throws IllegalStateException if the batch is unknown or in production
   */
  public List<OrderEvent> cancel(BatchId batch, String reason) {
    synchronized (lifecycle) {
      BookedBatch b = requireBatch(batch);
      if (b.state() != BatchState.RELEASED) {
        throw new IllegalStateException("Batch " + batch + " is " + b.state()
            + ": its orders cannot be cancelled; cancellation is allowed until production starts.");
      }
      return moveAll(b, EnumSet.of(OrderState.RELEASED), OrderState.CANCELLED, reason, List.of());
    }
  }

  /**
   * Starts production of a released batch: the batch and its released orders move on; its
   * orders can no longer be cancelled.
   *
   * @param batch the batch
   * @return the events of its orders
   * @throws IllegalStateException if the batch is unknown or not {@link BatchState#RELEASED}
   */
  public List<OrderEvent> startProduction(BatchId batch) {
    synchronized (lifecycle) {
      BookedBatch b = requireBatch(batch);
      BookedBatch next = b.moveTo(BatchState.IN_PRODUCTION, clock.instant());
      return moveAll(b, EnumSet.of(OrderState.RELEASED), OrderState.IN_PRODUCTION,
          "production of batch " + batch + " started", List.of(next));
    }
  }

  /**
   * Ships every order of a batch in production; the batch is then done.
   *
   * @param batch the batch
   * @return the events
   * @throws IllegalStateException if the batch is unknown or not in production
   */
  public List<OrderEvent> ship(BatchId batch) {
    synchronized (lifecycle) {
      BookedBatch b = requireBatch(batch);
      BookedBatch next = b.moveTo(BatchState.DONE, clock.instant());
      return moveAll(b, EnumSet.of(OrderState.IN_PRODUCTION), OrderState.SHIPPED,
          "batch " + batch + " shipped", List.of(next));
    }
  }

  /**
   * Ships one order whose batch is in production.
   *
   * @param id the order
   * @return the event
   * @throws IllegalStateException if the order is not {@link OrderState#IN_PRODUCTION}
   */
  public OrderEvent ship(OrderId id) {
    return move(id, OrderState.SHIPPED, "shipped", "An order ships once its batch is in production.");
  }

  /**
   * Marks every shipped order of a batch delivered.
   *
   * @param batch the batch
   * @return the events
   * @throws IllegalStateException if the batch is unknown
   */
  public List<OrderEvent> deliver(BatchId batch) {
    synchronized (lifecycle) {
      BookedBatch b = requireBatch(batch);
      return moveAll(b, EnumSet.of(OrderState.SHIPPED), OrderState.DELIVERED,
          "batch " + batch + " delivered", List.of());
    }
  }

  /**
   * Marks one shipped order delivered.
   *
   * @param id the order
   * @return the event
   * @throws IllegalStateException if the order is not {@link OrderState#SHIPPED}
   */
  public OrderEvent deliver(OrderId id) {
    return move(id, OrderState.DELIVERED, "delivered", "An order is delivered once shipped.");
  }

  /**
   * Freezes a batch planned for the current period: stores it and moves its orders (each open)
   * to {@link OrderState#RELEASED}. An order cancelled since the batch was planned (a consumer
   * racing the release) is left out of the stored batch, which keeps its quantity; a batch whose
   * orders were all cancelled is not stored.
   *
   * @param batch the batch, {@link BatchState#RELEASED}, with an id not stored yet
   * @param reason why, for the events
   * @return the events
   * @throws IllegalStateException if an order of the batch is not open or the id is taken
   */
  public List<OrderEvent> release(BookedBatch batch, String reason) {
    requireNonNull(batch, "batch");
    synchronized (lifecycle) {
      if (store.batch(batch.id()).isPresent()) {
        throw new IllegalStateException("Batch " + batch.id() + " is already stored.");
      }
      List<OrderEvent> events = new ArrayList<>();
      Instant at = clock.instant();
      List<OrderId> kept = new ArrayList<>();
      for (OrderId id : batch.orders()) {
        BookedOrder o = requireOrder(id);
        if (o.state() == OrderState.CANCELLED) {
          continue; // cancelled since the batch was planned: left out, the batch keeps its size
        }
        kept.add(id);
        if (!o.state().isOpen()) {
          throw new IllegalStateException("Order (" + id + ") is " + o.state()
              + ": only an open order (PLACED or IN_CAMPAIGN) can be released into batch "
              + batch.id() + ".");
        }
        events.add(new OrderEvent(id, o.state(), OrderState.RELEASED, at, reason));
      }
      if (kept.isEmpty()) {
        return List.of();
      }
      BookedBatch stored = kept.size() == batch.orders().size() ? batch
          : new BookedBatch(batch.id(), batch.design(), batch.state(), batch.start(),
              batch.ready(), batch.quantity(), kept, batch.updatedAt());
      store.commit(new OrderChange(events, List.of(stored)));
      publish(events);
      return events;
    }
  }

  /**
   * Expires open orders (their campaign failed; refund due).
   *
   * @param ids the orders, each {@link OrderState#IN_CAMPAIGN} or {@link OrderState#PLACED}
   * @param reason why
   * @return the events
   * @throws IllegalStateException if an order is not in a campaign
   */
  public List<OrderEvent> expire(List<OrderId> ids, String reason) {
    requireNonNull(ids, "ids");
    synchronized (lifecycle) {
      List<OrderEvent> events = new ArrayList<>();
      Instant at = clock.instant();
      for (OrderId id : ids) {
        BookedOrder o = requireOrder(id);
        OrderState from = o.state();
        if (from == OrderState.CANCELLED) {
          continue; // cancelled meanwhile: the refund is already due
        }
        if (from == OrderState.PLACED) {
          // a strategy's campaign failed: the order passes through its campaign
          events.add(new OrderEvent(id, from, OrderState.IN_CAMPAIGN, at, reason));
          from = OrderState.IN_CAMPAIGN;
        }
        events.add(checked(id, from, OrderState.EXPIRED, at, reason,
            "An order expires only while its campaign collects orders."));
      }
      store.commit(new OrderChange(events, List.of()));
      publish(events);
      return events;
    }
  }

  /**
   * Returns the group-buy campaigns of every design at an instant, read from the orders in
   * {@link OrderState#IN_CAMPAIGN}: per design, by placement, the first order opens a campaign
   * and every order placed before it closes joins it; the next order opens the next.
   *
   * @param now the instant
   * @return the campaigns, by design then opening
   */
  public List<Campaign> campaigns(Instant now) {
    requireNonNull(now, "now");
    Map<DesignId, List<BookedOrder>> byDesign = new java.util.TreeMap<>();
    for (BookedOrder o : store.orders(CAMPAIGN)) {
      byDesign.computeIfAbsent(o.order().design(), d -> new ArrayList<>()).add(o);
    }
    List<Campaign> out = new ArrayList<>();
    for (Map.Entry<DesignId, List<BookedOrder>> e : byDesign.entrySet()) {
      Offer offer = store.offer(e.getKey()).orElse(null);
      List<BookedOrder> list = e.getValue();
      list.sort(Comparator.comparing((BookedOrder b) -> b.order().placedAt())
          .thenComparing(b -> b.order().id()));
      int i = 0;
      while (i < list.size()) {
        Instant opened = list.get(i).order().placedAt();
        Duration window = offer == null || !offer.hasCampaign() ? Duration.ZERO : offer.campaign();
        Instant closes = plus(opened, window);
        int moq = offer == null ? 1 : offer.minimumOrderQuantity();
        List<OrderId> ids = new ArrayList<>();
        long units = 0;
        while (i < list.size() && (ids.isEmpty()
            || list.get(i).order().placedAt().isBefore(closes))) {
          ids.add(list.get(i).order().id());
          units += list.get(i).order().quantity();
          i++;
        }
        Campaign.Status status = units >= moq ? Campaign.Status.REACHED
            : closes.isAfter(now) ? Campaign.Status.OPEN : Campaign.Status.FAILED;
        out.add(new Campaign(e.getKey(), opened, closes, units, moq, ids, status));
      }
    }
    return out;
  }

  private static Instant plus(Instant t, Duration d) {
    try {
      return t.plus(d);
    } catch (ArithmeticException | java.time.DateTimeException e) {
      return Instant.MAX;
    }
  }

  /**
   * Advances the campaigns to an instant: each campaign that reached its MOQ is released as one
   * batch starting at {@code periodStart} (its quantity the units rounded up to the offer's
   * multiple, at least the MOQ; ready after the offer's lead time); each whose window closed below
   * the MOQ expires (refund due). Open campaigns stay open.
   *
   * @param now the instant
   * @param periodStart the start of the current planning period
   * @return the events, in order
   */
  public List<OrderEvent> advanceCampaigns(Instant now, Instant periodStart) {
    List<OrderEvent> events = new ArrayList<>();
    synchronized (lifecycle) {
      for (Campaign c : campaigns(now)) {
        if (c.status() == Campaign.Status.REACHED) {
          Offer offer = store.offer(c.design()).orElseThrow();
          long q = Math.max(c.units(), offer.minimumOrderQuantity());
          long m = offer.orderMultiple();
          q = Math.min(Integer.MAX_VALUE / m * m, (q + m - 1) / m * m);
          BookedBatch b = new BookedBatch(newBatchId(c.design(), periodStart), c.design(),
              BatchState.RELEASED, periodStart, plus(periodStart, offer.leadTime()), (int) q,
              c.orders(), now);
          events.addAll(release(b, "the campaign of design " + c.design() + " reached its "
              + "minimum order quantity (" + c.units() + " of " + c.minimumOrderQuantity()
              + " units)"));
        } else if (c.status() == Campaign.Status.FAILED) {
          events.addAll(expire(c.orders(), "the campaign of design " + c.design()
              + " closed at " + c.closes() + " with " + c.units() + " of the "
              + c.minimumOrderQuantity() + " units it needed: refund due"));
        }
      }
    }
    return events;
  }

  /**
   * Returns a batch id not stored yet: the design, the release period's start, a counter.
   *
   * @param design the design
   * @param periodStart the release period's start
   * @return the id
   */
  public BatchId newBatchId(DesignId design, Instant periodStart) {
    synchronized (lifecycle) {
      for (int k = 1; ; k++) {
        BatchId id = BatchId.of(design.value() + "@" + periodStart + "#" + k);
        if (store.batch(id).isEmpty()) {
          return id;
        }
      }
    }
  }

  /**
   * Returns the stored (released) batches.
   *
   * @return a snapshot
   */
  public List<BookedBatch> batches() {
    return store.batches();
  }

  private BookedBatch requireBatch(BatchId id) {
    requireNonNull(id, "batch");
    return store.batch(id).orElseThrow(() -> new IllegalStateException(
        "Batch " + id + " is not in the order store."));
  }

  private BookedOrder requireOrder(OrderId id) {
    requireNonNull(id, "order");
    return store.find(id).orElseThrow(() -> new IllegalStateException(
        "Order (" + id + ") is not in the order store."));
  }

  private OrderEvent move(OrderId id, OrderState to, String reason, String rule) {
    requireNonNull(reason, "reason");
    synchronized (lifecycle) {
      BookedOrder o = requireOrder(id);
      OrderEvent e = checked(id, o.state(), to, clock.instant(), reason, rule);
      store.commit(new OrderChange(List.of(e), List.of()));
      publish(List.of(e));
      return e;
    }
  }

  private static OrderEvent checked(OrderId id, OrderState from, OrderState to, Instant at,
      String reason, String rule) {
    if (!from.canMoveTo(to)) {
      throw new IllegalStateException("Order (" + id + ") is " + from + ": it cannot move to "
          + to + "; " + from.rule() + " " + rule);
    }
    return new OrderEvent(id, from, to, at, reason.isBlank() ? to.name().toLowerCase() : reason);
  }

  private List<OrderEvent> moveAll(BookedBatch b, Set<OrderState> from, OrderState to,
      String reason, List<BookedBatch> batches) {
    List<OrderEvent> events = new ArrayList<>();
    Instant at = clock.instant();
    Map<OrderId, BookedOrder> orders = new LinkedHashMap<>();
    for (OrderId id : b.orders()) {
      orders.put(id, requireOrder(id));
    }
    for (BookedOrder o : orders.values()) {
      if (from.contains(o.state())) {
        events.add(new OrderEvent(o.order().id(), o.state(), to, at, reason));
      }
    }
    store.commit(new OrderChange(events, batches));
    publish(events);
    return events;
  }

  /** Closes the store. */
  @Override
  public void close() {
    store.close();
  }
}
