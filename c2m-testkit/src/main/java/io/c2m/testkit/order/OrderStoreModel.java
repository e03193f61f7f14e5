package io.c2m.testkit.order;

import static java.util.Objects.requireNonNull;

import io.c2m.OrderId;
import io.c2m.order.BookedBatch;
import io.c2m.order.BookedOrder;
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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * The reference model of the {@link OrderStore} contract, as simple as it can be (a linked hash
 * map and lists), and random operations to run against a store and the model side by side. Not
 * thread-safe.
 */
public final class OrderStoreModel {
  /** How many distinct order ids the operations use: few, so duplicates and conflicts abound. */
  public static final int IDS = 8;

  /** Every legal (from, to) transition, for events that may not start from the stored state. */
  private static final List<OrderState[]> PAIRS = new ArrayList<>();

  static {
    for (OrderState f : OrderState.values()) {
      for (OrderState t : f.next()) {
        PAIRS.add(new OrderState[] {f, t});
      }
    }
  }

  /**
   * One random operation.
   *
   * @param kind 0-3 insert, 4-6 a change of one event, 7 a change of three events, 8 an
   *     {@code insertAll} of three orders, 9 a reopen (durable stores only)
   * @param order the index of the (first) order, below {@link #IDS}
   * @param variant the content variant (two variants of one id conflict) and acceptance state
   * @param a a random number choosing the events
   * @param b a second random number choosing the events
   */
  public record Op(int kind, int order, int variant, int a, int b) {}

  /**
   * Returns random sequences of operations.
   *
   * @return the arbitrary
   */
  public static Arbitrary<List<Op>> operations() {
    return Combinators.combine(Arbitraries.integers().between(0, 9),
        Arbitraries.integers().between(0, IDS - 1), Arbitraries.integers().between(0, 3),
        Arbitraries.integers().between(0, 1000), Arbitraries.integers().between(0, 1000))
        .as(Op::new).list().ofMinSize(1).ofMaxSize(60);
  }

  private final Map<OrderId, BookedOrder> orders = new LinkedHashMap<>();
  private final Map<OrderId, List<OrderEvent>> histories = new HashMap<>();
  private final Map<String, BookedBatch> batches = new LinkedHashMap<>();

  /** Creates an empty model. */
  public OrderStoreModel() {}

  /**
   * Returns the order of an operation: id {@code o<index>}, quantity 2 or 3 by variant.
   *
   * @param index the order index
   * @param variant the variant
   * @param second when it is placed
   * @return the order
   */
  public static Order order(int index, int variant, long second) {
    return OrderFixtures.order("o" + index, 2 + (variant & 1), second);
  }

  /**
   * Returns the acceptance of an order: into PLACED or IN_CAMPAIGN by variant.
   *
   * @param order the order
   * @param variant the variant
   * @return the event
   */
  public static OrderEvent acceptance(Order order, int variant) {
    return OrderEvent.accepted(order.id(),
        (variant & 2) == 0 ? OrderState.PLACED : OrderState.IN_CAMPAIGN, order.placedAt(),
        "accepted");
  }

  /**
   * Inserts into the model.
   *
   * @param order the order
   * @param accepted its acceptance
   * @return the expected insertion
   */
  public OrderStore.Insertion insert(Order order, OrderEvent accepted) {
    BookedOrder old = orders.get(order.id());
    if (old != null) {
      return new OrderStore.Insertion(old.order().sameBusinessContent(order)
          ? OrderStore.Insertion.Outcome.DUPLICATE : OrderStore.Insertion.Outcome.CONFLICT, old);
    }
    BookedOrder b = new BookedOrder(order, accepted.to(), "", accepted.at(), accepted.at());
    orders.put(order.id(), b);
    histories.put(order.id(), new ArrayList<>(List.of(accepted)));
    return new OrderStore.Insertion(OrderStore.Insertion.Outcome.INSERTED, b);
  }

  /**
   * Builds a change of events for some orders: mostly events from the order's current state (a
   * legal transition), sometimes a legal transition from another state (which the store must
   * refuse), releases with a batch listing the order.
   *
   * @param indexes the order indexes
   * @param a a random number
   * @param b a second random number
   * @param second when
   * @return the change
   */
  public OrderChange change(List<Integer> indexes, int a, int b, long second) {
    Map<OrderId, OrderState> now = new HashMap<>();
    List<OrderEvent> events = new ArrayList<>();
    List<BookedBatch> newBatches = new ArrayList<>();
    int s = a;
    for (int k = 0; k < indexes.size(); k++) {
      OrderId id = OrderId.of("o" + indexes.get(k));
      s = s * 31 + b + k;
      int r = Math.floorMod(s, 1 << 16);
      BookedOrder cur = orders.get(id);
      OrderState state = now.getOrDefault(id, cur == null ? null : cur.state());
      OrderState from;
      OrderState to;
      if (state != null && !state.isFinal() && r % 5 != 0) {
        List<OrderState> next = new ArrayList<>(state.next());
        from = state;
        to = next.get(r % next.size());
      } else {
        OrderState[] p = PAIRS.get(r % PAIRS.size());
        from = p[0];
        to = p[1];
      }
      events.add(new OrderEvent(id, from, to, OrderFixtures.at(second), "model"));
      now.put(id, to);
      if (to == OrderState.RELEASED) {
        int q = cur == null ? 1 : cur.order().quantity();
        newBatches.add(OrderFixtures.batch("b" + second + "-" + k,
            cur == null ? "d1" : cur.order().design().value(), q, second, id.value()));
      }
    }
    return new OrderChange(events, newBatches);
  }

  /**
   * Applies a change to the model, all or nothing.
   *
   * @param change the change
   * @return true if applied, false if the store must refuse it
   */
  public boolean commit(OrderChange change) {
    Map<OrderId, BookedOrder> next = new HashMap<>();
    Map<OrderId, String> batchOf = new HashMap<>();
    for (BookedBatch b : change.batches()) {
      for (OrderId o : b.orders()) {
        batchOf.put(o, b.id().value());
      }
    }
    for (OrderEvent e : change.events()) {
      BookedOrder cur = next.getOrDefault(e.order(), orders.get(e.order()));
      if (cur == null || cur.state() != e.from()) {
        return false;
      }
      String batch = e.to() == OrderState.RELEASED ? requireNonNull(batchOf.get(e.order())) : "";
      next.put(e.order(), cur.after(e, batch));
    }
    for (OrderEvent e : change.events()) {
      histories.get(e.order()).add(e);
    }
    orders.putAll(next);
    for (BookedBatch b : change.batches()) {
      batches.put(b.id().value(), b);
    }
    return true;
  }

  /**
   * Returns the orders in insertion order.
   *
   * @return the orders
   */
  public List<BookedOrder> orders() {
    return List.copyOf(orders.values());
  }

  /**
   * Returns an order's events.
   *
   * @param id the order
   * @return the events, empty if unknown
   */
  public List<OrderEvent> history(OrderId id) {
    return List.copyOf(histories.getOrDefault(id, List.of()));
  }

  /**
   * Returns the batches in the order they were first stored.
   *
   * @return the batches
   */
  public List<BookedBatch> batches() {
    return List.copyOf(batches.values());
  }
}
