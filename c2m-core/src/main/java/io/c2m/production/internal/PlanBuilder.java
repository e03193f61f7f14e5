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

  private record Draft(DesignId design, int period, List<Order> orders, int seq, int earliest) {}

  private boolean backward;

  /** Orders by placement instant, then id: one monomorphic comparator for every strategy. */
  static final java.util.Comparator<Order> BY_PLACED = (a, b) -> {
    int c = a.placedAt().compareTo(b.placedAt());
    return c != 0 ? c : a.id().value().compareTo(b.id().value());
  };

  /**
   * Returns the orders sorted by {@link #BY_PLACED}. The placement instants are read once into a
   * primitive array first: sorting large order lists is bound by memory access, not comparisons.
   */
  static List<Order> sortedByPlaced(List<Order> orders) {
    int n = orders.size();
    long[] sec = new long[n];
    int[] nano = new int[n];
    Integer[] idx = new Integer[n];
    for (int i = 0; i < n; i++) {
      java.time.Instant p = orders.get(i).placedAt();
      sec[i] = p.getEpochSecond();
      nano[i] = p.getNano();
      idx[i] = i;
    }
    java.util.Arrays.sort(idx, (a, b) -> {
      if (sec[a] != sec[b]) {
        return Long.compare(sec[a], sec[b]);
      }
      if (nano[a] != nano[b]) {
        return Integer.compare(nano[a], nano[b]);
      }
      return orders.get(a).id().value().compareTo(orders.get(b).id().value());
    });
    List<Order> out = new ArrayList<>(n);
    for (Integer i : idx) {
      out.add(orders.get(i));
    }
    return out;
  }

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
    drafts.add(new Draft(design, period, List.copyOf(orders), drafts.size(), period));
  }

  /**
   * Adds a batch that may move earlier, down to the period its last order was placed in, when
   * the wanted period has no room; see {@link #backward()}.
   */
  void batchNoEarlierThanPlaced(DesignId design, int period, List<Order> orders) {
    if (orders.isEmpty()) {
      return;
    }
    int earliest = 0;
    for (Order o : orders) {
      earliest = Math.max(earliest, problem.placedPeriod(o));
    }
    drafts.add(new Draft(design, period, List.copyOf(orders), drafts.size(),
        Math.min(period, earliest)));
  }

  /**
   * Places capacity-bound drafts latest first, each in the latest period with room from its
   * wanted period back to its earliest, and only then later (late): backward scheduling.
   */
  void backward() {
    this.backward = true;
  }

  /**
   * Sums the orders' quantities exactly. A batch holds orders of one design, whose total
   * {@link BatchingProblem} keeps within the int range, so the narrowing is exact; it fails loudly
   * otherwise rather than clamping.
   */
  static int sum(List<Order> orders) {
    long s = 0;
    for (Order o : orders) {
      s += o.quantity();
    }
    return Math.toIntExact(s);
  }

  /** The smallest batch for {@code ordered} units, in long so sums cannot wrap. */
  private long needed(DesignId design, long ordered) {
    return ordered > Integer.MAX_VALUE ? ordered
        : problem.batchQuantityFor(design, (int) ordered);
  }

  /**
   * Batches each release period's orders, packed into groups that fit the design's largest batch,
   * in that period ({@code noEarlierThanPlaced}: never before the group's orders were placed).
   */
  void batchByRelease(DesignId design, Map<Integer, List<Order>> byRelease,
      boolean noEarlierThanPlaced) {
    int largest = problem.largestBatch(design);
    for (Map.Entry<Integer, List<Order>> r : byRelease.entrySet()) {
      for (List<Order> group : pack(design, r.getValue(), largest)) {
        if (noEarlierThanPlaced) {
          batchNoEarlierThanPlaced(design, r.getKey(), group);
        } else {
          batch(design, r.getKey(), group);
        }
      }
    }
  }

  /**
   * Splits orders, in the given order, first-fit into groups whose smallest batch fits
   * {@code largest}; orders that alone do not fit are reported pending and left out.
   */
  List<List<Order>> pack(DesignId design, List<Order> orders, int largest) {
    List<List<Order>> groups = new ArrayList<>();
    List<Long> sums = new ArrayList<>();
    for (Order o : orders) {
      if (problem.batchQuantityFor(design, o.quantity()) > largest) {
        pending(o, PendingReason.EXCEEDS_MAX_BATCH, "Order of " + o.quantity()
            + " units exceeds the largest batch of " + largest + " units of design " + design
            + ", " + problem.largestBatchLimit(design) + ".");
        continue;
      }
      int k = 0;
      while (k < groups.size() && needed(design, sums.get(k) + o.quantity()) > largest) {
        k++;
      }
      if (k == groups.size()) {
        groups.add(new ArrayList<>());
        sums.add(0L);
      }
      groups.get(k).add(o);
      sums.set(k, sums.get(k) + o.quantity());
    }
    return groups;
  }

  BatchPlan build(String strategy, Map<String, String> settings) {
    // sort by period, design, creation: designs ranked once so the sort compares ints only
    Map<DesignId, Integer> rank = new HashMap<>();
    for (Draft d : drafts) {
      rank.putIfAbsent(d.design(), 0);
    }
    List<DesignId> sortedDesigns = new ArrayList<>(rank.keySet());
    java.util.Collections.sort(sortedDesigns);
    for (int i = 0; i < sortedDesigns.size(); i++) {
      rank.put(sortedDesigns.get(i), i);
    }
    // Designs with no capacity limit and no shared line are placed independently, in creation
    // order (each strategy creates a design's drafts by period); the others go through the
    // capacity ledger by period, design and creation.
    List<Integer> constrained = new ArrayList<>();
    List<Draft> inOrder = new ArrayList<>(drafts.size());
    Map<DesignId, Boolean> limited = new HashMap<>();
    for (int i = 0; i < drafts.size(); i++) {
      DesignId design = drafts.get(i).design();
      boolean lim = limited.computeIfAbsent(design, x -> problem.lineOf(x).isPresent()
          || problem.constraintsFor(x).capacityPerPeriod() != Integer.MAX_VALUE);
      if (lim) {
        constrained.add(i);
      } else {
        inOrder.add(drafts.get(i));
      }
    }
    constrained.sort((a, b) -> {
      Draft x = drafts.get(a);
      Draft y = drafts.get(b);
      if (x.period() != y.period()) {
        return backward ? Integer.compare(y.period(), x.period())
            : Integer.compare(x.period(), y.period());
      }
      int rx = rank.get(x.design());
      int ry = rank.get(y.design());
      if (rx != ry) {
        return Integer.compare(rx, ry);
      }
      return Integer.compare(a, b);
    });
    for (Integer i : constrained) {
      inOrder.add(drafts.get(i));
    }
    drafts.clear();
    drafts.addAll(inOrder);
    Set<DesignId> toppedUp = new HashSet<>();
    Map<DesignId, Map<Integer, Long>> units = new HashMap<>();
    Map<String, Map<Integer, Double>> load = new HashMap<>();
    Map<DesignId, Integer> seqs = new HashMap<>();
    List<ProductionBatch> batches = new ArrayList<>();
    List<Integer> seqOf = new ArrayList<>();
    double setup = 0;
    double holding = 0;
    double unit = 0;
    Map<DesignId, DesignCache> caches = new HashMap<>();
    DesignCache lastCache = null;
    for (Draft d : drafts) {
      DesignId design = d.design();
      if (lastCache == null || !lastCache.design.equals(design)) {
        lastCache = caches.computeIfAbsent(design, DesignCache::new);
      }
      DesignCache dc = lastCache;
      int ordered = sum(d.orders());
      int largest = dc.largest;
      int quantity = problem.batchQuantityFor(design, ordered);
      int topUp = problem.topUpUnits(design);
      if (topUp > 0 && toppedUp.add(design)) {
        quantity = (int) Math.max(quantity,
            Math.min(largest, needed(design, (long) ordered + topUp)));
      }
      int cap = dc.capacity;
      Optional<ProductionLine> line = dc.line;
      int period = d.period();
      if (cap != Integer.MAX_VALUE || line.isPresent()) {
        Map<Integer, Long> du = units.computeIfAbsent(design, x -> new HashMap<>());
        Map<Integer, Double> lu = line.isPresent()
            ? load.computeIfAbsent(line.get().id(), x -> new HashMap<>()) : null;
        double need = line.isPresent() ? line.get().uses().get(design).load(quantity) : 0;
        // bounded: past the horizon plus the lead time no order can be served any more
        int last = (int) Math.min(Integer.MAX_VALUE - 1L, (long) problem.horizon() + dc.lead);
        final int q = quantity;
        java.util.function.IntPredicate fitsAt = t -> (cap == Integer.MAX_VALUE
            || du.getOrDefault(t, 0L) + q <= cap)
            && (lu == null || line.get().fits(lu.getOrDefault(t, 0.0) + need));
        boolean placed = fitsAt.test(period);
        // backward mode: when the wanted period is full, earlier periods down to the earliest,
        // latest first; then (all modes) later periods, which make the orders late
        for (int t = period - 1; !placed && t >= d.earliest(); t--) {
          if (fitsAt.test(t)) {
            period = t;
            placed = true;
          }
        }
        while (!placed && period < last) {
          period++;
          placed = fitsAt.test(period);
        }
        if (!placed) {
          for (Order o : d.orders()) {
            pending(o, PendingReason.NO_CAPACITY, "No period from " + d.period() + " to " + last
                + " (the horizon plus the lead time) has room for a batch of " + quantity
                + " units of design " + design + ".");
          }
          continue;
        }
        du.merge(period, (long) quantity, Long::sum);
        if (lu != null) {
          lu.merge(period, need, Double::sum);
        }
      }
      int ready = period + dc.lead;
      List<OrderId> ids = new ArrayList<>();
      List<OrderId> late = new ArrayList<>();
      double hold = 0;
      for (Order o : d.orders()) {
        ids.add(o.id());
        int due = problem.duePeriod(o);
        if (ready > due) {
          late.add(o.id());
        } else {
          hold += o.quantity() * dc.holding(ready, due);
        }
      }
      CostBreakdown cost = new CostBreakdown(problem.setupCost(design, period), hold,
          problem.unitCost(design, period, quantity) * quantity);
      int seq = seqs.merge(design, 1, Integer::sum);
      seqOf.add(seq);
      batches.add(new ProductionBatch(new BatchId(design.value() + "#" + seq), design, period,
          ready, quantity, ordered, ids, late, cost));
      setup += cost.setup();
      holding += cost.holding();
      unit += cost.unit();
    }
    // by period, design, sequence within the design (the batch ids' numbers)
    List<int[]> keys = new ArrayList<>(batches.size());
    for (int i = 0; i < batches.size(); i++) {
      ProductionBatch b = batches.get(i);
      keys.add(new int[] {b.period(), rank.get(b.design()), seqOf.get(i), i});
    }
    keys.sort((a, b) -> {
      for (int k = 0; k < 3; k++) {
        if (a[k] != b[k]) {
          return Integer.compare(a[k], b[k]);
        }
      }
      return 0;
    });
    List<ProductionBatch> sortedBatches = new ArrayList<>(batches.size());
    for (int[] k : keys) {
      sortedBatches.add(batches.get(k[3]));
    }
    batches = sortedBatches;
    return new BatchPlan(batches, pending, new CostBreakdown(setup, holding, unit),
        Provenance.builtIn(strategy, 0, settings));
  }

  /** What the builder needs of one design, looked up once per design rather than per order. */
  private final class DesignCache {
    final DesignId design;
    final int largest;
    final int capacity;
    final int lead;
    final Optional<ProductionLine> line;
    private double[] prefix;

    DesignCache(DesignId design) {
      this.design = design;
      this.largest = problem.largestBatch(design);
      this.capacity = problem.constraintsFor(design).capacityPerPeriod();
      this.lead = problem.constraintsFor(design).leadTimePeriods();
      this.line = problem.lineOf(design);
    }

    /** Holding cost per unit from ready to due: prefix sums when the horizon is moderate. */
    double holding(int ready, int due) {
      if (due <= ready) {
        return 0;
      }
      if (problem.horizon() > 100_000 || !problem.periodCosts().containsKey(design)) {
        return problem.holdingCost(design, ready, due);
      }
      if (prefix == null) {
        prefix = new double[problem.horizon() + 1];
        for (int t = 0; t < problem.horizon(); t++) {
          prefix[t + 1] = prefix[t] + problem.holdingCost(design, t);
        }
      }
      return prefix[due] - prefix[ready];
    }
  }

  /** The line use of a design, if it is on a line. */
  Optional<LineUse> lineUse(DesignId design) {
    return problem.lineOf(design).map(l -> l.uses().get(design));
  }
}
