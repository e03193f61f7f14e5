package io.c2m.order;

import static java.util.Objects.requireNonNull;

import io.c2m.DesignId;
import io.c2m.OrderId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The orders a business has acknowledged, idempotent by order id: the same order submitted twice is
 * one order; a different order under an id already taken is rejected with a reason.
 *
 * <p>This implementation keeps orders in memory, in acceptance order. Thread-safe: every method
 * locks the book.
 */
public final class OrderBook {
  private final Map<OrderId, Order> orders = new LinkedHashMap<>();
  private final Predicate<DesignId> knownDesign;

  /**
   * Creates a book accepting orders for any design.
   */
  public OrderBook() {
    this(d -> true);
  }

  /**
   * Creates a book that rejects orders for designs the predicate does not know.
   *
   * @param knownDesign tells whether a design is on offer
   */
  public OrderBook(Predicate<DesignId> knownDesign) {
    this.knownDesign = requireNonNull(knownDesign, "knownDesign");
  }

  /**
   * Accepts an order.
   *
   * @param order the order
   * @return accepted, duplicate, or rejected with the reason
   */
  public synchronized OrderReceipt accept(Order order) {
    requireNonNull(order, "order");
    Order existing = orders.get(order.id());
    if (existing != null) {
      if (existing.equals(order)) {
        return new OrderReceipt(order.id(), OrderReceipt.Status.DUPLICATE, "");
      }
      return new OrderReceipt(order.id(), OrderReceipt.Status.REJECTED,
          "The order id (" + order.id() + ") is already taken by an order with other content.");
    }
    if (!knownDesign.test(order.design())) {
      return new OrderReceipt(order.id(), OrderReceipt.Status.REJECTED,
          "The design (" + order.design() + ") of order (" + order.id() + ") is not on offer.");
    }
    orders.put(order.id(), order);
    return new OrderReceipt(order.id(), OrderReceipt.Status.ACCEPTED, "");
  }

  /**
   * Returns the accepted orders in acceptance order.
   *
   * @return a snapshot
   */
  public synchronized List<Order> orders() {
    return List.copyOf(new ArrayList<>(orders.values()));
  }

  /**
   * Returns the ids of the accepted orders.
   *
   * @return a snapshot
   */
  public synchronized Set<OrderId> ids() {
    return Set.copyOf(orders.keySet());
  }

  /**
   * Returns the number of accepted orders.
   *
   * @return the count
   */
  public synchronized int size() {
    return orders.size();
  }
}
