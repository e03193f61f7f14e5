package io.c2m.production.internal;

import io.c2m.DesignId;
import io.c2m.order.Order;
import io.c2m.production.BatchPlan;
import io.c2m.production.BatchingProblem;
import io.c2m.production.BatchingStrategy;
import io.c2m.production.PendingReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Group-buy threshold batching, all or nothing, with an optional campaign window.
 *
 * <p>Per design, orders are taken in the order they were placed (ties by id) and put first-fit into
 * open campaigns: an order joins the oldest open campaign it fits in (its smallest batch must stay
 * within the largest batch) and whose window is still open, or opens a new one. A campaign opened
 * in period {@code o} accepts orders placed before period {@code o + window}. It is released, as
 * one batch, in the period of the order that lifts its committed quantity to the minimum order
 * quantity; orders placed later in that same period join the released batch while it stays within
 * the largest batch (one setup per period, not one per order). A campaign whose window closes below the MOQ within the horizon is cancelled: its
 * orders are pending {@link PendingReason#CANCELLED_WINDOW_CLOSED}, to be refunded, never counted
 * as produced. Campaigns still open at the end of the horizon (or without a window,
 * {@code window = 0}) stay pending {@link PendingReason#BELOW_MOQ}.
 */
public final class GroupBuy implements BatchingStrategy {
  /** The stable name. */
  public static final String NAME = "group-buy";

  private final int window;

  /** Creates the strategy with no campaign window. */
  public GroupBuy() {
    this(0);
  }

  /**
   * Creates the strategy.
   *
   * @param window the campaign window in periods; 0 for none
   */
  public GroupBuy(int window) {
    if (window < 0) {
      throw new IllegalArgumentException("The campaign window (" + window
          + " periods) must not be negative.");
    }
    this.window = window;
  }

  @Override
  public String name() {
    return NAME;
  }

  private static final class Campaign {
    final List<Order> orders = new ArrayList<>();
    final int opened;
    long quantity;

    Campaign(int opened) {
      this.opened = opened;
    }
  }

  @Override
  public BatchPlan plan(BatchingProblem problem) {
    PlanBuilder builder = new PlanBuilder(problem);
    // grouped by design and sorted by placement in flat arrays, not a list per design
    OrderGroups groups = OrderGroups.byDesign(problem.orders());
    groups.sortEachByPlaced();
    List<Campaign> open = new ArrayList<>();
    // batches released in the current period: later orders of the period join them (one setup)
    List<Campaign> released = new ArrayList<>();
    for (int g = 0; g < groups.designs.length; g++) {
      DesignId design = groups.designs[g];
      io.c2m.production.ProductionConstraints c = problem.constraintsFor(design);
      int moq = c.minimumOrderQuantity();
      int largest = problem.largestBatch(design);
      open.clear();
      released.clear();
      int releasedPeriod = -1;
      for (int i = groups.start[g]; i < groups.start[g + 1]; i++) {
        Order o = groups.orders[i];
        int p = problem.placedPeriod(o);
        if (p != releasedPeriod) {
          for (Campaign x : released) {
            builder.batchOwned(design, releasedPeriod, x.orders);
          }
          released.clear();
          releasedPeriod = p;
        }
        if (window > 0) {
          for (var it = open.iterator(); it.hasNext(); ) {
            Campaign x = it.next();
            if (x.opened + window <= p) {
              cancel(builder, design, x, moq);
              it.remove();
            }
          }
        }
        if (c.roundToMultiple(Math.max(o.quantity(), moq)) > largest) {
          builder.pending(o, PendingReason.EXCEEDS_MAX_BATCH, "Order of " + o.quantity()
              + " units exceeds the largest batch of " + largest + " units of design " + design
              + ", " + problem.largestBatchLimit(design) + ".");
          continue;
        }
        Campaign joined = null;
        for (Campaign x : released) {
          if (c.roundToMultiple((int) Math.min(Integer.MAX_VALUE, x.quantity + o.quantity()))
              <= largest) {
            joined = x;
            break;
          }
        }
        if (joined != null) {
          joined.orders.add(o);
          joined.quantity += o.quantity();
          continue;
        }
        Campaign target = null;
        for (Campaign x : open) {
          if (c.roundToMultiple((int) Math.max(moq, Math.min(Integer.MAX_VALUE,
              x.quantity + o.quantity()))) <= largest) {
            target = x;
            break;
          }
        }
        if (target == null) {
          target = new Campaign(p);
          open.add(target);
        }
        target.orders.add(o);
        target.quantity += o.quantity();
        if (target.quantity >= moq) {
          open.remove(target);
          released.add(target);
        }
      }
      for (Campaign x : released) {
        builder.batchOwned(design, releasedPeriod, x.orders);
      }
      for (Campaign x : open) {
        if (window > 0 && x.opened + window <= problem.horizon()) {
          cancel(builder, design, x, moq);
        } else {
          String detail = "Design " + design + " has " + x.quantity + " of the " + moq
              + " units its minimum order quantity needs.";
          for (Order o : x.orders) {
            builder.pending(o, PendingReason.BELOW_MOQ, detail);
          }
        }
      }
    }
    return builder.build(NAME, Map.of("window", Integer.toString(window)));
  }

  private static void cancel(PlanBuilder builder, DesignId design, Campaign c, int moq) {
    String detail = "The campaign of design " + design + " opened in period " + c.opened
        + " closed with " + c.quantity + " of the " + moq
        + " units its minimum order quantity needs: cancelled, to be refunded.";
    for (Order o : c.orders) {
      builder.pending(o, PendingReason.CANCELLED_WINDOW_CLOSED, detail);
    }
  }
}
