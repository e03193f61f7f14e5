package io.c2m.production;

import static java.util.Objects.requireNonNull;

import io.c2m.BatchId;
import io.c2m.DesignId;
import io.c2m.OrderId;
import io.c2m.internal.Checks;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One production run of one design: released in a period, ready after the lead time, made for
 * the orders it lists (plus any rounding surplus or speculative top-up).
 *
 * @param id the batch's id
 * @param design the design made
 * @param period the period the batch is released to the line, 0 = the problem's first period
 * @param readyPeriod the period its goods can ship, {@code period + lead time}
 * @param quantity units made; at least {@code orderedQuantity}
 * @param orderedQuantity units the listed orders committed to
 * @param orders the orders served, each whole
 * @param lateOrders the listed orders this batch is ready too late for (after their due period),
 *     flagged rather than hidden
 * @param cost the batch's cost
 */
public record ProductionBatch(
    BatchId id,
    DesignId design,
    int period,
    int readyPeriod,
    int quantity,
    int orderedQuantity,
    List<OrderId> orders,
    List<OrderId> lateOrders,
    CostBreakdown cost) {
  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException if a number is out of range or an order is listed twice
   */
  public ProductionBatch {
    requireNonNull(id, "id");
    requireNonNull(design, "design");
    // messages are built only on failure: plans hold hundreds of thousands of batches
    if (period < 0) {
      Checks.requireNonNegative(period, "period of batch " + id);
    }
    if (readyPeriod < period) {
      throw new IllegalArgumentException(
          "The ready period (" + readyPeriod + ") of batch " + id
              + " must not be before its release period (" + period + ").");
    }
    if (quantity <= 0) {
      Checks.requirePositive(quantity, "quantity of batch " + id);
    }
    if (orderedQuantity < 0) {
      Checks.requireNonNegative(orderedQuantity, "ordered quantity of batch " + id);
    }
    if (orderedQuantity > quantity) {
      throw new IllegalArgumentException(
          "The ordered quantity (" + orderedQuantity + ") of batch " + id
              + " must not exceed its quantity (" + quantity + ").");
    }
    orders = List.copyOf(Checks.requireNoNulls(orders, "orders"));
    requireNonNull(cost, "cost");
    lateOrders = List.copyOf(Checks.requireNoNulls(lateOrders, "lateOrders"));
    checkOrders(id, orders, lateOrders);
  }

  /**
   * Refuses an order listed twice and a late order not listed. Small batches (the common case) are
   * compared pairwise, without allocating; large ones through a hash set.
   */
  private static void checkOrders(BatchId id, List<OrderId> orders, List<OrderId> late) {
    int n = orders.size();
    if (n <= SMALL) {
      for (int i = 1; i < n; i++) {
        OrderId o = orders.get(i);
        for (int j = 0; j < i; j++) {
          if (o.equals(orders.get(j))) {
            throw new IllegalArgumentException("Batch " + id + " lists an order twice.");
          }
        }
      }
      for (OrderId l : late) {
        if (!orders.contains(l)) {
          throw new IllegalArgumentException(
              "Batch " + id + " flags a late order it does not list.");
        }
      }
      return;
    }
    Set<OrderId> set = new HashSet<>(orders);
    if (set.size() != n) {
      throw new IllegalArgumentException("Batch " + id + " lists an order twice.");
    }
    if (!set.containsAll(late)) {
      throw new IllegalArgumentException("Batch " + id + " flags a late order it does not list.");
    }
  }

  /** Up to this many orders, duplicates are found by pairwise comparison. */
  private static final int SMALL = 16;

  /**
   * A batch that is on time for all its orders.
   *
   * @param id the batch's id
   * @param design the design made
   * @param period the release period
   * @param readyPeriod the ready period
   * @param quantity units made
   * @param orderedQuantity units ordered
   * @param orders the orders served
   * @param cost the cost
   */
  public ProductionBatch(BatchId id, DesignId design, int period, int readyPeriod, int quantity,
      int orderedQuantity, List<OrderId> orders, CostBreakdown cost) {
    this(id, design, period, readyPeriod, quantity, orderedQuantity, orders, List.of(), cost);
  }

  /**
   * Returns the units made beyond what orders committed to (rounding surplus or top-up).
   *
   * @return quantity - orderedQuantity
   */
  public int surplus() {
    return quantity - orderedQuantity;
  }
}
