package io.c2m.production.internal;

import io.c2m.DesignId;
import io.c2m.order.Order;
import io.c2m.production.BatchPlan;
import io.c2m.production.BatchingProblem;
import io.c2m.production.BatchingStrategy;
import io.c2m.production.PendingReason;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * Test and reorder ({@code test-and-reorder}), the small-batch, data-driven practice of fast-fashion
 * C2M: a new design first gets a small test batch of at most {@code testQuantity} units; each
 * reorder is sized from the previous batch, at most {@code growth} times its committed units (and
 * at least the test quantity).
 *
 * <p>What "sell-through" means here, honestly: the problem holds committed orders only, no sales
 * after production, so the previous batch's "sold" units are its committed (pre-sold) units, and
 * its sell-through is always 100%. The reorder size therefore grows with demand that already
 * arrived, by {@code growth}; it is not driven by post-production sales data, which the model does
 * not have.
 *
 * <p>Every period, per design, the orders placed so far and not yet batched are taken first come
 * first served (ties by id) up to the current batch size; if they reach the MOQ they are released
 * as one batch in that period (an order larger than the size is released alone, as long as it
 * fits the largest batch). Orders left at the end of the horizon are pending
 * {@link PendingReason#AWAITING_RELEASE}.
 */
public final class TestAndReorder implements BatchingStrategy {
  /** The stable name. */
  public static final String NAME = "test-and-reorder";

  private final int testQuantity;
  private final double growth;

  /**
   * Creates the strategy.
   *
   * @param testQuantity the size of the first batch; positive
   * @param growth the reorder size per unit sold through by the previous batch; at least 1
   */
  public TestAndReorder(int testQuantity, double growth) {
    if (testQuantity < 1) {
      throw new IllegalArgumentException("The test quantity (" + testQuantity
          + ") must be positive.");
    }
    if (!(growth >= 1) || Double.isInfinite(growth)) {
      throw new IllegalArgumentException("The reorder growth (" + growth
          + ") must be a finite number, at least 1.");
    }
    this.testQuantity = testQuantity;
    this.growth = growth;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public BatchPlan plan(BatchingProblem problem) {
    PlanBuilder builder = new PlanBuilder(problem);
    for (Map.Entry<DesignId, List<Order>> e : problem.ordersByDesign().entrySet()) {
      DesignId design = e.getKey();
      int moq = problem.constraintsFor(design).minimumOrderQuantity();
      int largest = problem.largestBatch(design);
      List<Order> orders = PlanBuilder.sortedByPlaced(e.getValue());
      Deque<Order> waiting = new ArrayDeque<>();
      int next = 0;
      long size = testQuantity;
      int first = orders.isEmpty() ? 0 : problem.calendar().placedPeriod(orders.get(0));
      for (int p = first; p < problem.horizon() && (next < orders.size() || !waiting.isEmpty());
          p++) {
        while (next < orders.size() && problem.calendar().placedPeriod(orders.get(next)) <= p) {
          Order o = orders.get(next++);
          if (problem.batchQuantityFor(design, o.quantity()) > largest) {
            builder.pending(o, PendingReason.EXCEEDS_MAX_BATCH, "Order of " + o.quantity()
                + " units exceeds the largest batch of " + largest + " units of design " + design
                + ", " + problem.largestBatchLimit(design) + ".");
          } else {
            waiting.add(o);
          }
        }
        if (waiting.isEmpty()) {
          if (next < orders.size()) {
            p = Math.max(p, problem.calendar().placedPeriod(orders.get(next)) - 1);
          }
          continue;
        }
        long limit = Math.min(largest, Math.max(size, moq));
        List<Order> batch = new ArrayList<>();
        long units = 0;
        while (!waiting.isEmpty()) {
          Order o = waiting.peekFirst();
          boolean fits = problem.batchQuantityFor(design, (int) (units + o.quantity())) <= largest
              && units + o.quantity() <= limit;
          if (!fits && !batch.isEmpty()) {
            break;
          }
          if (!fits && problem.batchQuantityFor(design, o.quantity()) > largest) {
            break;
          }
          batch.add(waiting.pollFirst());
          units += o.quantity();
          if (!fits) {
            break;
          }
        }
        if (units >= moq) {
          builder.batch(design, p, batch);
          size = Math.max(testQuantity, (long) Math.ceil(growth * units));
        } else {
          for (int i = batch.size() - 1; i >= 0; i--) {
            waiting.addFirst(batch.get(i));
          }
          // nothing changes until the next order arrives
          if (next >= orders.size()) {
            break;
          }
          p = Math.max(p, problem.calendar().placedPeriod(orders.get(next)) - 1);
        }
      }
      for (Order o : waiting) {
        builder.pending(o, PendingReason.AWAITING_RELEASE, "Design " + design + " has "
            + "orders waiting for a reorder of at least the minimum order quantity (" + moq
            + " units) at the end of the horizon.");
      }
      for (; next < orders.size(); next++) {
        Order o = orders.get(next);
        builder.pending(o, PendingReason.AWAITING_RELEASE, "Order placed after the horizon's last"
            + " reorder review of design " + design + ".");
      }
    }
    return builder.build(NAME, Map.of("test-quantity", Integer.toString(testQuantity),
        "growth", Double.toString(growth)));
  }
}
