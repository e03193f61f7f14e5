package io.c2m.production.internal;

import io.c2m.DesignId;
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
 * the largest batch (one setup per period, not one per order). A campaign whose window has closed
 * below the MOQ is cancelled: its orders are pending {@link PendingReason#CANCELLED_WINDOW_CLOSED},
 * to be refunded, never counted as produced. A window has closed when it closes by
 * {@link BatchingProblem#closedThrough()}: within the horizon when the orders are final, by the
 * problem's {@code asOf} (the engine's now) otherwise, so a campaign that opened an hour ago is
 * open, not failed. Campaigns still open (or without a window, {@code window = 0}) stay pending
 * {@link PendingReason#BELOW_MOQ}, with the closing date in the detail.
 *
 * <p>Orders placed before the problem's start (an engine planning as of now) keep their real
 * placement period for the window (negative indexes) and are released from period 0 on.
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

  /** A campaign's orders as rows of the {@link OrderTable}. */
  private static final class Campaign {
    int[] rows = new int[8];
    int size;
    /** The signed period of the first order (negative before the problem's start). */
    final long opened;
    long quantity;

    Campaign(long opened) {
      this.opened = opened;
    }

    void add(int row, int q) {
      if (size == rows.length) {
        rows = java.util.Arrays.copyOf(rows, 2 * size);
      }
      rows[size++] = row;
      quantity += q;
    }

    int[] rows() {
      return java.util.Arrays.copyOf(rows, size);
    }
  }

  @Override
  public BatchPlan plan(BatchingProblem problem) {
    PlanBuilder builder = new PlanBuilder(problem);
    // the orders read once into columns, grouped by design and sorted by placement
    OrderTable t = OrderTable.of(problem);
    t.sortEachByPlaced();
    List<Campaign> open = new ArrayList<>();
    // batches released in the current period: later orders of the period join them (one setup)
    List<Campaign> released = new ArrayList<>();
    long closed = problem.closedThrough();
    for (int g = 0; g < t.designs.length; g++) {
      DesignId design = t.designs[g];
      io.c2m.production.ProductionConstraints c = problem.constraintsFor(design);
      int moq = c.minimumOrderQuantity();
      int largest = problem.largestBatch(design);
      open.clear();
      released.clear();
      long releasedPeriod = Long.MIN_VALUE;
      for (int row = t.start[g]; row < t.start[g + 1]; row++) {
        // the signed period: an order placed before the start keeps its real campaign timing
        long p = t.placed[row] > 0 ? t.placed[row] : problem.signedPeriodOf(t.order(row).placedAt());
        int q = t.quantity[row];
        if (p != releasedPeriod) {
          for (Campaign x : released) {
            builder.batchRows(design, (int) Math.max(0, releasedPeriod), t, x.rows());
          }
          released.clear();
          releasedPeriod = p;
        }
        if (window > 0) {
          for (var it = open.iterator(); it.hasNext(); ) {
            Campaign x = it.next();
            if (x.opened + window <= p) {
              cancel(builder, t, design, x, moq);
              it.remove();
            }
          }
        }
        if (c.roundToMultiple(Math.max(q, moq)) > largest) {
          builder.pendingRow(t, row, design, PendingReason.EXCEEDS_MAX_BATCH, "Order of " + q
              + " units exceeds the largest batch of " + largest + " units of design " + design
              + ", " + problem.largestBatchLimit(design) + ".");
          continue;
        }
        Campaign joined = null;
        for (Campaign x : released) {
          if (c.roundToMultiple((int) Math.min(Integer.MAX_VALUE, x.quantity + q)) <= largest) {
            joined = x;
            break;
          }
        }
        if (joined != null) {
          joined.add(row, q);
          continue;
        }
        Campaign target = null;
        for (Campaign x : open) {
          if (c.roundToMultiple((int) Math.max(moq, Math.min(Integer.MAX_VALUE,
              x.quantity + q))) <= largest) {
            target = x;
            break;
          }
        }
        if (target == null) {
          target = new Campaign(p);
          open.add(target);
        }
        target.add(row, q);
        if (target.quantity >= moq) {
          open.remove(target);
          released.add(target);
        }
      }
      for (Campaign x : released) {
        builder.batchRows(design, (int) Math.max(0, releasedPeriod), t, x.rows());
      }
      for (Campaign x : open) {
        if (window > 0 && x.opened + window <= closed) {
          cancel(builder, t, design, x, moq);
        } else {
          String detail = "Design " + design + " has " + x.quantity + " of the " + moq
              + " units its minimum order quantity needs"
              + (window > 0 ? "; its campaign is open until "
                  + closing(problem, x.opened + window) + "."
                  : ".");
          for (int i = 0; i < x.size; i++) {
            builder.pendingRow(t, x.rows[i], design, PendingReason.BELOW_MOQ, detail);
          }
        }
      }
    }
    return builder.build(NAME, Map.of("window", Integer.toString(window)));
  }

  /** The instant a window closes, or its period index where that instant is out of range. */
  private static String closing(BatchingProblem problem, long index) {
    try {
      return problem.start().plus(problem.period().multipliedBy(index)).toString();
    } catch (ArithmeticException | java.time.DateTimeException e) {
      return "the start of period " + index;
    }
  }

  private static void cancel(PlanBuilder builder, OrderTable t, DesignId design, Campaign c,
      int moq) {
    String detail = "The campaign of design " + design + " opened in period " + c.opened
        + " closed with " + c.quantity + " of the " + moq
        + " units its minimum order quantity needs: cancelled, to be refunded.";
    for (int i = 0; i < c.size; i++) {
      builder.pendingRow(t, c.rows[i], design, PendingReason.CANCELLED_WINDOW_CLOSED, detail);
    }
  }
}
