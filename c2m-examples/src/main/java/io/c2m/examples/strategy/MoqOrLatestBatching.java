package io.c2m.examples.strategy;

import io.c2m.BatchId;
import io.c2m.DesignId;
import io.c2m.OrderId;
import io.c2m.Provenance;
import io.c2m.order.Order;
import io.c2m.production.BatchPlan;
import io.c2m.production.BatchingCalendar;
import io.c2m.production.BatchingProblem;
import io.c2m.production.BatchingStrategy;
import io.c2m.production.CostBreakdown;
import io.c2m.production.PendingOrder;
import io.c2m.production.PendingReason;
import io.c2m.production.ProductionBatch;
import io.c2m.production.ProductionConstraints;
import io.c2m.production.ProductionLine;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A batching strategy written outside c2m, only on its public API, as a third party would:
 * <em>release at the MOQ or at the latest on-time period</em> ({@code moq-or-latest}).
 *
 * <p>Per design, orders are taken in the order they were placed (ties by id) and wait together.
 * The waiting orders are released as one batch in the period the order that lifts them to the
 * minimum order quantity was placed (as group-buy does), or, if that never happens, in the last
 * period that still makes the oldest of them on time ({@code due - lead time}, not before the
 * newest was placed): rather than let a campaign fail, it makes the MOQ anyway and keeps the
 * surplus as stock. An order that would push the waiting orders above the largest batch releases
 * them first. A batch is moved to a later period while its design's capacity or its shared line
 * has no room left in that period. Orders larger than the largest batch, and releases that would
 * fall on or after the horizon, stay pending with the reason.
 *
 * <p>Costs follow {@link io.c2m.production.BatchPlanChecks}: setup and unit cost of the release
 * period (price breaks included, through {@link io.c2m.production.BatchingCosts}), holding of each
 * on-time order's units from the ready period to its due period. Pure and thread-safe.
 */
public final class MoqOrLatestBatching implements BatchingStrategy {
  /** The name it is registered and reported under. */
  public static final String NAME = "moq-or-latest";

  /** Creates the strategy. */
  public MoqOrLatestBatching() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public BatchPlan plan(BatchingProblem problem) {
    Plan plan = new Plan(problem);
    BatchingCalendar calendar = problem.calendar();
    for (Map.Entry<DesignId, List<Order>> e : problem.ordersByDesign().entrySet()) {
      DesignId design = e.getKey();
      List<Order> orders = new ArrayList<>(e.getValue());
      orders.sort(Comparator.comparingInt(calendar::placedPeriod)
          .thenComparing(Order::id));
      ProductionConstraints c = problem.constraintsFor(design);
      int largest = problem.largestBatch(design);
      List<Order> waiting = new ArrayList<>();
      long waitingUnits = 0;
      for (int i = 0; i < orders.size(); i++) {
        Order o = orders.get(i);
        int placed = calendar.placedPeriod(o);
        if (problem.batchQuantityFor(design, o.quantity()) > largest) {
          plan.pending(o, PendingReason.EXCEEDS_MAX_BATCH, "Order of " + o.quantity()
              + " units exceeds the largest batch of " + largest + " units of design " + design
              + ".");
          continue;
        }
        if (!waiting.isEmpty()) {
          int latest = latest(problem, waiting, c);
          if (latest < placed) {
            plan.release(design, waiting, latest);  // the oldest could not wait for this order
            waiting.clear();
            waitingUnits = 0;
          } else if (c.roundToMultiple((int) Math.max(c.minimumOrderQuantity(),
              waitingUnits + o.quantity())) > largest) {
            plan.release(design, waiting, placed); // this order would not fit with them
            waiting.clear();
            waitingUnits = 0;
          }
        }
        waiting.add(o);
        waitingUnits += o.quantity();
        if (waitingUnits >= c.minimumOrderQuantity()) {
          plan.release(design, waiting, placed);
          waiting.clear();
          waitingUnits = 0;
        }
      }
      if (!waiting.isEmpty()) {
        plan.release(design, waiting, latest(problem, waiting, c));
      }
    }
    return plan.build();
  }

  /**
   * The last release that makes the oldest waiting order on time, not before the newest was
   * placed.
   */
  private static int latest(BatchingProblem problem, List<Order> waiting,
      ProductionConstraints c) {
    BatchingCalendar calendar = problem.calendar();
    int newest = calendar.placedPeriod(waiting.get(waiting.size() - 1));
    int due = Integer.MAX_VALUE;
    for (Order o : waiting) {
      due = Math.min(due, calendar.duePeriod(o));
    }
    return Math.max(newest, due - c.leadTimePeriods());
  }

  /** The batches and pending orders being built, and the capacity used per period. */
  private static final class Plan {
    private final BatchingProblem problem;
    private final List<ProductionBatch> batches = new ArrayList<>();
    private final List<PendingOrder> pending = new ArrayList<>();
    private final Map<DesignId, Map<Integer, Long>> designUnits = new HashMap<>();
    private final Map<String, Map<Integer, Double>> lineLoad = new HashMap<>();
    private double setup;
    private double holding;
    private double unit;

    Plan(BatchingProblem problem) {
      this.problem = problem;
    }

    void pending(Order o, PendingReason reason, String detail) {
      pending.add(new PendingOrder(o.id(), o.design(), o.quantity(), reason, detail));
    }

    /** Releases orders as one batch in the first period from {@code period} with room. */
    void release(DesignId design, List<Order> orders, int period) {
      long ordered = 0;
      for (Order o : orders) {
        ordered += o.quantity();
      }
      int quantity = problem.batchQuantityFor(design, (int) ordered);
      int t = Math.max(0, period);
      while (t < problem.horizon() && !fits(design, t, quantity)) {
        t++;
      }
      if (t >= problem.horizon()) {
        for (Order o : orders) {
          pending(o, PendingReason.AWAITING_RELEASE, "The release of design " + design
              + " falls in period " + t + ", on or after the horizon of " + problem.horizon()
              + " periods.");
        }
        return;
      }
      ProductionConstraints c = problem.constraintsFor(design);
      int ready = t + c.leadTimePeriods();
      List<OrderId> ids = new ArrayList<>();
      List<OrderId> late = new ArrayList<>();
      double held = 0;
      for (Order o : orders) {
        ids.add(o.id());
        int due = problem.calendar().duePeriod(o);
        if (ready > due) {
          late.add(o.id());
        } else {
          held += o.quantity() * problem.costs().holdingCost(design, ready, due);
        }
      }
      CostBreakdown cost = new CostBreakdown(problem.costs().setupCost(design, t), held,
          problem.costs().unitCost(design, t, quantity) * quantity);
      batches.add(new ProductionBatch(new BatchId(NAME + "-" + batches.size()), design, t, ready,
          quantity, (int) ordered, ids, late, cost));
      int released = t;
      designUnits.computeIfAbsent(design, d -> new HashMap<>()).merge(released, (long) quantity,
          Long::sum);
      line(design).ifPresent(l -> lineLoad.computeIfAbsent(l.id(), k -> new HashMap<>())
          .merge(released, l.uses().get(design).load(quantity), Double::sum));
      setup += cost.setup();
      holding += cost.holding();
      unit += cost.unit();
    }

    private Optional<ProductionLine> line(DesignId design) {
      return problem.lineOf(design);
    }

    /** Whether the design's capacity and its line's capacity leave room in period t. */
    private boolean fits(DesignId design, int t, int quantity) {
      int cap = problem.constraintsFor(design).capacityPerPeriod();
      long used = designUnits.getOrDefault(design, Map.of()).getOrDefault(t, 0L);
      if (cap != Integer.MAX_VALUE && used + quantity > cap) {
        return false;
      }
      Optional<ProductionLine> l = line(design);
      if (l.isEmpty()) {
        return true;
      }
      double load = lineLoad.getOrDefault(l.get().id(), Map.of()).getOrDefault(t, 0.0);
      return l.get().fits(load + l.get().uses().get(design).load(quantity));
    }

    BatchPlan build() {
      return new BatchPlan(batches, pending, new CostBreakdown(setup, holding, unit),
          new Provenance(NAME, "1.0", 0, Map.of()));
    }
  }
}
