package io.c2m.production.internal;

import io.c2m.BatchId;
import io.c2m.DesignId;
import io.c2m.OrderId;
import io.c2m.Provenance;
import io.c2m.order.Order;
import io.c2m.production.BatchPlan;
import io.c2m.production.BatchingProblem;
import io.c2m.production.CostBreakdown;
import io.c2m.production.LineUse;
import io.c2m.production.PendingOrder;
import io.c2m.production.PendingReason;
import io.c2m.production.ProductionBatch;
import io.c2m.production.ProductionLine;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a strategy's decisions (which orders go together, released when) into a valid
 * {@link BatchPlan}, so every built-in strategy sizes, places and costs batches the same way.
 * Internal: it holds the rules of {@link io.c2m.production.BatchPlanChecks} on the producing side.
 *
 * <p>Sizing: the smallest allowed quantity covering the orders (MOQ, multiple), plus the design's
 * newsvendor top-up on its first batch, never above the largest batch. Placing: drafts are taken by
 * wanted period, design and creation order, and each goes to the first period at or after the
 * wanted one where the design's capacity and its line's capacity still have room (so a strategy
 * that ignores capacity stays valid; batches moved past a promise flag those orders late).
 * Costing: setup and unit cost of the release period, holding from ready to due period.
 */
final class PlanBuilder {
  private final BatchingProblem problem;
  private final List<Draft> drafts = new ArrayList<>();
  private final List<PendingOrder> pending = new ArrayList<>();

  private record Draft(DesignId design, int period, List<Order> orders, int seq) {}

  PlanBuilder(BatchingProblem problem) {
    this.problem = problem;
  }

  BatchingProblem problem() {
    return problem;
  }

  void pending(Order o, PendingReason reason, String detail) {
    pending.add(new PendingOrder(o.id(), o.design(), o.quantity(), reason, detail));
  }

  void batch(DesignId design, int period, List<Order> orders) {
    if (orders.isEmpty()) {
      return;
    }
    drafts.add(new Draft(design, period, List.copyOf(orders), drafts.size()));
  }

  static int sum(List<Order> orders) {
    long s = 0;
    for (Order o : orders) {
      s += o.quantity();
    }
    return (int) Math.min(Integer.MAX_VALUE, s);
  }

  /**
   * Splits orders, in the given order, first-fit into groups whose smallest batch fits
   * {@code largest}; orders that alone do not fit are reported pending and left out.
   */
  List<List<Order>> pack(DesignId design, List<Order> orders, int largest) {
    List<List<Order>> groups = new ArrayList<>();
    List<Integer> sums = new ArrayList<>();
    for (Order o : orders) {
      if (problem.batchQuantityFor(design, o.quantity()) > largest) {
        pending(o, PendingReason.EXCEEDS_MAX_BATCH, "Order of " + o.quantity()
            + " units exceeds the largest batch of " + largest + " units of design " + design
            + ".");
        continue;
      }
      int k = 0;
      while (k < groups.size()
          && problem.batchQuantityFor(design, sums.get(k) + o.quantity()) > largest) {
        k++;
      }
      if (k == groups.size()) {
        groups.add(new ArrayList<>());
        sums.add(0);
      }
      groups.get(k).add(o);
      sums.set(k, sums.get(k) + o.quantity());
    }
    return groups;
  }

  BatchPlan build(String strategy, Map<String, String> settings) {
    drafts.sort(Comparator.comparingInt(Draft::period).thenComparing(Draft::design)
        .thenComparingInt(Draft::seq));
    Set<DesignId> toppedUp = new HashSet<>();
    Map<DesignId, Map<Integer, Long>> units = new HashMap<>();
    Map<String, Map<Integer, Double>> load = new HashMap<>();
    Map<DesignId, Integer> seqs = new HashMap<>();
    List<ProductionBatch> batches = new ArrayList<>();
    double setup = 0;
    double holding = 0;
    double unit = 0;
    for (Draft d : drafts) {
      DesignId design = d.design();
      int ordered = sum(d.orders());
      int largest = problem.largestBatch(design);
      int quantity = problem.batchQuantityFor(design, ordered);
      int topUp = problem.topUpUnits(design);
      if (topUp > 0 && toppedUp.add(design)) {
        quantity = Math.max(quantity,
            Math.min(largest, problem.batchQuantityFor(design, ordered + topUp)));
      }
      int cap = problem.constraintsFor(design).capacityPerPeriod();
      Optional<ProductionLine> line = problem.lineOf(design);
      Map<Integer, Long> du = units.computeIfAbsent(design, x -> new HashMap<>());
      Map<Integer, Double> lu = line.isPresent()
          ? load.computeIfAbsent(line.get().id(), x -> new HashMap<>()) : null;
      double need = line.isPresent() ? line.get().uses().get(design).load(quantity) : 0;
      int period = d.period();
      while (true) {
        boolean fits = du.getOrDefault(period, 0L) + quantity <= cap;
        if (fits && line.isPresent()) {
          fits = lu.getOrDefault(period, 0.0) + need
              <= line.get().capacityPerPeriod() * (1 + 1e-12);
        }
        if (fits) {
          break;
        }
        period++;
      }
      du.merge(period, (long) quantity, Long::sum);
      if (lu != null) {
        lu.merge(period, need, Double::sum);
      }
      int lead = problem.constraintsFor(design).leadTimePeriods();
      int ready = period + lead;
      List<OrderId> ids = new ArrayList<>();
      List<OrderId> late = new ArrayList<>();
      double hold = 0;
      for (Order o : d.orders()) {
        ids.add(o.id());
        int due = problem.duePeriod(o);
        if (ready > due) {
          late.add(o.id());
        } else {
          hold += o.quantity() * problem.holdingCost(design, ready, due);
        }
      }
      CostBreakdown cost = new CostBreakdown(problem.setupCost(design, period), hold,
          problem.unitCost(design, period) * quantity);
      int seq = seqs.merge(design, 1, Integer::sum);
      batches.add(new ProductionBatch(new BatchId(design.value() + "#" + seq), design, period,
          ready, quantity, ordered, ids, cost, late));
      setup += cost.setup();
      holding += cost.holding();
      unit += cost.unit();
    }
    batches.sort(Comparator.comparingInt(ProductionBatch::period)
        .thenComparing(ProductionBatch::design)
        .thenComparing(b -> b.id().value().length())
        .thenComparing(ProductionBatch::id));
    return new BatchPlan(batches, pending, new CostBreakdown(setup, holding, unit),
        Provenance.builtIn(strategy, 0, settings));
  }

  /** The line use of a design, if it is on a line. */
  Optional<LineUse> lineUse(DesignId design) {
    return problem.lineOf(design).map(l -> l.uses().get(design));
  }
}
