package io.c2m.production.internal;

import io.c2m.BatchId;
import io.c2m.DesignId;
import io.c2m.OrderId;
import io.c2m.Provenance;
import io.c2m.order.Order;
import io.c2m.production.BatchPlan;
import io.c2m.production.BatchingProblem;
import io.c2m.production.BatchingStrategy;
import io.c2m.production.CostBreakdown;
import io.c2m.production.PendingOrder;
import io.c2m.production.PendingReason;
import io.c2m.production.ProductionBatch;
import io.c2m.production.ProductionConstraints;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Group-buy threshold batching.
 *
 * <p>Per design, orders are taken in the order they were placed (ties by id) and put first-fit into
 * open batches: an order joins the oldest open batch it fits in (the batch, rounded up to the order
 * multiple, must stay within the largest batch), or opens a new one. An open batch is released in
 * the period of the order that lifts its committed quantity to the minimum order quantity; its
 * quantity is the committed quantity rounded up to the order multiple. Batches still open at the
 * end stay pending as {@link PendingReason#BELOW_MOQ}; an order larger than the largest batch is
 * pending as {@link PendingReason#EXCEEDS_MAX_BATCH}.
 *
 * <p>Costs: the setup cost per batch, the unit cost per unit made, no holding cost (goods ship as
 * soon as they are made, and the rounding surplus is reported in {@link ProductionBatch#surplus()}).
 */
public final class GroupBuy implements BatchingStrategy {
  /** The stable name. */
  public static final String NAME = "group-buy";

  @Override
  public String name() {
    return NAME;
  }

  private static final class Open {
    final List<Order> orders = new ArrayList<>();
    int quantity;
  }

  @Override
  public BatchPlan plan(BatchingProblem problem) {
    Map<DesignId, List<Order>> byDesign = new TreeMap<>();
    for (Order o : problem.orders()) {
      byDesign.computeIfAbsent(o.design(), d -> new ArrayList<>()).add(o);
    }
    List<ProductionBatch> batches = new ArrayList<>();
    List<PendingOrder> pending = new ArrayList<>();
    CostBreakdown total = CostBreakdown.ZERO;
    for (Map.Entry<DesignId, List<Order>> e : byDesign.entrySet()) {
      DesignId design = e.getKey();
      ProductionConstraints c = problem.constraintsFor(design);
      List<Order> orders = e.getValue();
      orders.sort(Comparator.comparing(Order::placedAt).thenComparing(Order::id));
      int largest = c.largestBatch();
      List<Open> open = new ArrayList<>();
      int seq = 0;
      for (Order o : orders) {
        if (c.roundToMultiple(o.quantity()) > largest) {
          pending.add(new PendingOrder(o.id(), design, o.quantity(),
              PendingReason.EXCEEDS_MAX_BATCH,
              "Order of " + o.quantity() + " units exceeds the largest batch of " + largest
                  + " units."));
          continue;
        }
        Open target = null;
        for (Open b : open) {
          if (c.roundToMultiple(b.quantity + o.quantity()) <= largest) {
            target = b;
            break;
          }
        }
        if (target == null) {
          target = new Open();
          open.add(target);
        }
        target.orders.add(o);
        target.quantity += o.quantity();
        if (target.quantity >= c.minimumOrderQuantity()) {
          open.remove(target);
          int quantity = c.roundToMultiple(target.quantity);
          int period = problem.periodOf(o.placedAt());
          CostBreakdown cost = new CostBreakdown(c.setupCost(), 0, c.unitCost() * quantity);
          List<OrderId> ids = new ArrayList<>();
          target.orders.forEach(x -> ids.add(x.id()));
          batches.add(new ProductionBatch(new BatchId(design.value() + "#" + (++seq)), design,
              period, period + c.leadTimePeriods(), quantity, target.quantity, ids, cost));
          total = total.plus(cost);
        }
      }
      for (Open b : open) {
        for (Order o : b.orders) {
          pending.add(new PendingOrder(o.id(), design, o.quantity(), PendingReason.BELOW_MOQ,
              "Design " + design + " has " + b.quantity + " of the " + c.minimumOrderQuantity()
                  + " units its minimum order quantity needs."));
        }
      }
    }
    batches.sort(Comparator.comparingInt(ProductionBatch::period)
        .thenComparing(ProductionBatch::design)
        .thenComparing(ProductionBatch::id));
    return new BatchPlan(batches, pending, total, Provenance.builtIn(NAME, 0, Map.of()));
  }
}
