package io.c2m.production.internal;

import io.c2m.BatchId;
import io.c2m.DesignId;
import io.c2m.OrderId;
import io.c2m.Provenance;
import io.c2m.order.Order;
import io.c2m.production.BatchPlan;
import io.c2m.production.BatchingCalendar;
import io.c2m.production.BatchingCosts;
import io.c2m.production.BatchingProblem;
import io.c2m.production.CostBreakdown;
import io.c2m.production.LineUse;
import io.c2m.production.PendingOrder;
import io.c2m.production.PendingReason;
import io.c2m.production.PeriodCosts;
import io.c2m.production.ProductionBatch;
import io.c2m.production.ProductionConstraints;
import io.c2m.production.ProductionLine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a strategy's decisions (which orders go together, released when) into a valid
 * {@link BatchPlan}, so every built-in strategy sizes, places and costs batches the same way.
 * Internal: it holds the rules of {@link io.c2m.production.BatchPlanChecks} on the producing side.
 *
 * <p>Sizing: the smallest allowed quantity covering the orders (MOQ, multiple). Placing: drafts
 * are taken by wanted period, design and creation order, each at its committed quantity only, and
 * each goes to the first period at or after the wanted one where the design's capacity and its
 * line's capacity still have room (so a strategy that ignores capacity stays valid; batches moved
 * past a promise flag those orders late). Top-ups: only once every committed quantity is placed,
 * each design's newsvendor top-up is added (without a per-period forecast, the season top-up on
 * the design's first placed batch; with one, on the first batch of each final release period,
 * sized by {@link BatchingCosts#topUpUnits(DesignId, int, int)} up to the design's next final
 * release period), the batch rounded once to {@code ordered + top-up}, and cut down to the room
 * left in its period (largest batch, design capacity, line capacity). So a speculative top-up
 * never moves, delays or drops a committed order. Costing: setup and unit cost of the release
 * period, holding from ready to due period, plus
 * {@link BatchingCosts#topUpHoldingCost(DesignId, int, int)} per top-up unit.
 */
final class PlanBuilder {
  private final BatchingProblem problem;
  private final BatchingCalendar calendar;
  private final BatchingCosts costs;
  private final List<Draft> drafts = new ArrayList<>();
  private final List<PendingOrder> pending = new ArrayList<>();

  /**
   * A batch to be: its orders either as a list or as rows of an {@link OrderTable} (then
   * {@code orders} is null).
   */
  private record Draft(int design, int period, List<Order> orders, int seq, int earliest,
      OrderTable table, int[] rows) {
    int ordered() {
      if (rows == null) {
        return sum(orders);
      }
      long s = 0;
      for (int r : rows) {
        s += table.quantity[r];
      }
      return Math.toIntExact(s);
    }

    List<Order> orderList() {
      if (rows == null) {
        return orders;
      }
      List<Order> out = new ArrayList<>(rows.length);
      for (int r : rows) {
        out.add(table.order(r));
      }
      return out;
    }
  }

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
    this.calendar = problem.calendar();
    this.costs = problem.costs();
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
    drafts.add(new Draft(designIndex(design), period, List.copyOf(orders), drafts.size(), period,
        null, null));
  }

  /**
   * Adds a batch whose list the caller hands over: it is not copied, so the caller must never
   * change it (the lot-sizing strategies build one fresh array per batch).
   */
  void batchOwned(DesignId design, int period, List<Order> orders) {
    if (orders.isEmpty()) {
      return;
    }
    drafts.add(new Draft(designIndex(design), period, orders, drafts.size(), period, null, null));
  }

  /**
   * Adds a batch of a table's rows (handed over: never changed afterwards).
   */
  void batchRows(DesignId design, int period, OrderTable table, int[] rows) {
    if (rows.length == 0) {
      return;
    }
    drafts.add(new Draft(designIndex(design), period, null, drafts.size(), period, table, rows));
  }

  /** Leaves a table's row pending. */
  void pendingRow(OrderTable table, int row, DesignId design, PendingReason reason,
      String detail) {
    pending.add(new PendingOrder(table.id[row], design, table.quantity[row], reason, detail));
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
      earliest = Math.max(earliest, calendar.placedPeriod(o));
    }
    drafts.add(new Draft(designIndex(design), period, List.copyOf(orders), drafts.size(),
        Math.min(period, earliest), null, null));
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

  /** The index of a design in {@link #designs}, assigned on first use. */
  private int designIndex(DesignId design) {
    if (design == lastDesign || design.equals(lastDesign)) {
      return lastDesignIndex;
    }
    Integer i = designIndexes.get(design);
    if (i == null) {
      i = designs.size();
      designs.add(design);
      designIndexes.put(design, i);
    }
    lastDesign = design;
    lastDesignIndex = i;
    return i;
  }

  private final List<DesignId> designs = new ArrayList<>();
  private final Map<DesignId, Integer> designIndexes = new HashMap<>();
  private DesignId lastDesign;
  private int lastDesignIndex;

  BatchPlan build(String strategy, Map<String, String> settings) {
    int nd = designs.size();
    // designs ranked once so the sorts compare ints only
    Integer[] byName = new Integer[nd];
    for (int i = 0; i < nd; i++) {
      byName[i] = i;
    }
    java.util.Arrays.sort(byName, (a, b) -> designs.get(a).compareTo(designs.get(b)));
    int[] rank = new int[nd];
    for (int i = 0; i < nd; i++) {
      rank[byName[i]] = i;
    }
    DesignCache[] caches = new DesignCache[nd];
    for (int i = 0; i < nd; i++) {
      caches[i] = new DesignCache(designs.get(i));
    }
    // Designs with no capacity limit and no shared line are placed independently, in creation
    // order (each strategy creates a design's drafts by period); the others go through the
    // capacity ledger by period, design and creation.
    List<Integer> constrained = new ArrayList<>();
    List<Draft> inOrder = new ArrayList<>(drafts.size());
    for (int i = 0; i < drafts.size(); i++) {
      if (caches[drafts.get(i).design()].limited) {
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
      int rx = rank[x.design()];
      int ry = rank[y.design()];
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
    int n = drafts.size();
    // phase 1: size and place each draft; -1 marks a draft left pending (no capacity)
    int[] periods = new int[n];
    int[] quantities = new int[n];
    int[] ordereds = new int[n];
    Map<Integer, Map<Integer, Long>> units = new HashMap<>();
    Map<String, Map<Integer, Double>> load = new HashMap<>();
    for (int di = 0; di < n; di++) {
      Draft d = drafts.get(di);
      DesignCache dc = caches[d.design()];
      DesignId design = dc.design;
      int ordered = d.ordered();
      ordereds[di] = ordered;
      // committed units only: top-ups are added once every committed batch is placed
      int quantity = dc.batchQuantityFor(ordered);
      int cap = dc.capacity;
      Optional<ProductionLine> line = dc.line;
      int period = d.period();
      if (dc.limited) {
        Map<Integer, Long> du = units.computeIfAbsent(d.design(), x -> new HashMap<>());
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
          for (Order o : d.orderList()) {
            pending(o, PendingReason.NO_CAPACITY, "No period from " + d.period() + " to " + last
                + " (the horizon plus the lead time) has room for a batch of " + quantity
                + " units of design " + design + ".");
          }
          periods[di] = -1;
          continue;
        }
        du.merge(period, (long) quantity, Long::sum);
        if (lu != null) {
          lu.merge(period, need, Double::sum);
        }
      }
      periods[di] = period;
      quantities[di] = quantity;
    }
    double[] topUpHolding = addTopUps(caches, periods, quantities, ordereds, units, load);
    // phase 2: the records, costed at their final period and quantity
    int[] seqs = new int[nd];
    List<ProductionBatch> batches = new ArrayList<>(n);
    int[] seqOf = new int[n];
    int[] rankOf = new int[n];
    double setup = 0;
    double holding = 0;
    double unit = 0;
    for (int di = 0; di < n; di++) {
      int period = periods[di];
      if (period < 0) {
        continue;
      }
      Draft d = drafts.get(di);
      DesignCache dc = caches[d.design()];
      DesignId design = dc.design;
      int quantity = quantities[di];
      int ready = period + dc.lead;
      List<OrderId> late = null;
      double hold = 0;
      OrderId[] ids;
      if (d.rows() != null) {
        OrderTable t = d.table();
        int[] rows = d.rows();
        ids = new OrderId[rows.length];
        for (int k = 0; k < rows.length; k++) {
          int r = rows[k];
          ids[k] = t.id[r];
          int due = t.due[r];
          if (ready > due) {
            if (late == null) {
              late = new ArrayList<>();
            }
            late.add(t.id[r]);
          } else {
            hold += t.quantity[r] * dc.holding(ready, due);
          }
        }
      } else {
        List<Order> orders = d.orders();
        ids = new OrderId[orders.size()];
        for (int k = 0; k < ids.length; k++) {
          Order o = orders.get(k);
          ids[k] = o.id();
          int due = calendar.duePeriod(o);
          if (ready > due) {
            if (late == null) {
              late = new ArrayList<>();
            }
            late.add(o.id());
          } else {
            hold += o.quantity() * dc.holding(ready, due);
          }
        }
      }
      if (topUpHolding != null) {
        hold += topUpHolding[di];
      }
      CostBreakdown cost = new CostBreakdown(dc.setupCost(period), hold,
          dc.unitCost(period, quantity) * quantity);
      int seq = ++seqs[d.design()];
      seqOf[batches.size()] = seq;
      rankOf[batches.size()] = rank[d.design()];
      batches.add(new ProductionBatch(new BatchId(design.value() + "#" + seq), design, period,
          ready, quantity, ordereds[di], java.util.Arrays.asList(ids),
          late == null ? List.of() : late, cost));
      setup += cost.setup();
      holding += cost.holding();
      unit += cost.unit();
    }
    batches = sortBatches(batches, rankOf, seqOf);
    return new BatchPlan(batches, pending, new CostBreakdown(setup, holding, unit),
        Provenance.builtIn(strategy, 0, settings));
  }

  /**
   * Adds the top-ups once every committed quantity is placed (phase 1 placed them at their
   * committed quantities): per design with a per-period forecast, the first batch of each final
   * release period gets {@link BatchingCosts#topUpUnits(DesignId, int, int)} up to the design's
   * next final release period; per design with a season top-up, its first placed batch gets
   * {@link BatchingCosts#topUpUnits(DesignId)}. Each batch becomes the smallest quantity covering
   * {@code ordered + top-up} (rounded once), never above the largest batch, then cut down, by
   * whole multiples, to the room its period has left in the design's capacity and its line's
   * capacity, taken in placement order. The ledgers are updated as top-ups are added.
   *
   * @return the holding cost of each draft's top-up units, or null when no design has a top-up
   */
  private double[] addTopUps(DesignCache[] caches, int[] periods, int[] quantities,
      int[] ordereds, Map<Integer, Map<Integer, Long>> units,
      Map<String, Map<Integer, Double>> load) {
    boolean any = false;
    for (DesignCache dc : caches) {
      any |= dc.forecastTopUp || dc.topUp > 0;
    }
    if (!any) {
      return null;
    }
    Map<Integer, java.util.TreeSet<Integer>> released = new HashMap<>();
    for (int di = 0; di < periods.length; di++) {
      if (periods[di] >= 0 && caches[drafts.get(di).design()].forecastTopUp) {
        released.computeIfAbsent(drafts.get(di).design(), x -> new java.util.TreeSet<>())
            .add(periods[di]);
      }
    }
    double[] holding = new double[periods.length];
    Map<Integer, java.util.Set<Integer>> seen = new HashMap<>();
    boolean[] toppedUp = new boolean[caches.length];
    for (int di = 0; di < periods.length; di++) {
      int design = drafts.get(di).design();
      DesignCache dc = caches[design];
      int period = periods[di];
      if (period < 0) {
        continue;
      }
      int topUp;
      int next;
      if (dc.forecastTopUp) {
        if (!seen.computeIfAbsent(design, x -> new HashSet<>()).add(period)) {
          continue;
        }
        Integer n = released.get(design).higher(period);
        next = n == null ? Integer.MAX_VALUE : n;
        topUp = costs.topUpUnits(dc.design, period, next);
      } else if (dc.topUp > 0 && !toppedUp[design]) {
        toppedUp[design] = true;
        next = Integer.MAX_VALUE;
        topUp = dc.topUp;
      } else {
        continue;
      }
      int plain = quantities[di];
      long target = Math.min(dc.largest, needed(dc.design, (long) ordereds[di] + topUp));
      if (target <= plain) {
        continue;
      }
      int q = room(dc, design, period, plain, (int) target, units, load);
      if (q > plain) {
        if (dc.limited) {
          units.get(design).merge(period, (long) q - plain, Long::sum);
          if (dc.line.isPresent()) {
            LineUse use = dc.line.get().uses().get(dc.design);
            load.get(dc.line.get().id()).merge(period, use.load(q) - use.load(plain),
                Double::sum);
          }
        }
        quantities[di] = q;
        holding[di] = ((long) q - plain) * costs.topUpHoldingCost(dc.design, period, next);
      }
    }
    return holding;
  }

  /**
   * The largest quantity, from {@code plain} (already placed in {@code period}) up to
   * {@code target} by whole order multiples, that the design's capacity and its line's capacity
   * still have room for in that period.
   */
  private static int room(DesignCache dc, int design, int period, int plain, int target,
      Map<Integer, Map<Integer, Long>> units, Map<String, Map<Integer, Double>> load) {
    if (!dc.limited) {
      return target;
    }
    int m = dc.constraints.orderMultiple();
    long q = target;
    if (dc.capacity != Integer.MAX_VALUE) {
      long made = units.get(design).getOrDefault(period, 0L);
      q = Math.min(q, plain + Math.max(0, dc.capacity - made));
    }
    java.util.function.LongPredicate fits = x -> true;
    if (dc.line.isPresent()) {
      ProductionLine line = dc.line.get();
      LineUse use = line.uses().get(dc.design);
      double current = load.get(line.id()).getOrDefault(period, 0.0);
      if (use.unitUse() > 0) {
        double free = Math.max(0, line.capacityPerPeriod() - current);
        q = Math.min(q, plain + (long) Math.floor(free / use.unitUse()) + 1);
      }
      fits = x -> line.fits(current + (use.load((int) x) - use.load(plain)));
    }
    q = Math.max(plain, q / m * m);
    while (q > plain && !fits.test(q)) {
      q -= m;
    }
    return (int) Math.max(plain, q);
  }

  /** Sorts batches by period, design and sequence within the design (the batch ids' numbers). */
  private static List<ProductionBatch> sortBatches(List<ProductionBatch> batches, int[] rankOf,
      int[] seqOf) {
    int n = batches.size();
    int maxPeriod = 0;
    int maxRank = 0;
    for (int i = 0; i < n; i++) {
      maxPeriod = Math.max(maxPeriod, batches.get(i).period());
      maxRank = Math.max(maxRank, rankOf[i]);
    }
    int pb = bits(maxPeriod);
    int rb = bits(maxRank);
    int ib = bits(Math.max(0, n - 1));
    if (pb + rb + ib <= 63) {
      // (period, rank, index): within a design the index follows the sequence
      long[] keys = new long[n];
      for (int i = 0; i < n; i++) {
        keys[i] = ((long) batches.get(i).period() << (rb + ib)) | ((long) rankOf[i] << ib) | i;
      }
      java.util.Arrays.sort(keys);
      ProductionBatch[] out = new ProductionBatch[n];
      long mask = (1L << ib) - 1;
      for (int i = 0; i < n; i++) {
        out[i] = batches.get((int) (keys[i] & mask));
      }
      return java.util.Arrays.asList(out);
    }
    Integer[] idx = new Integer[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    java.util.Arrays.sort(idx, (a, b) -> {
      int c = Integer.compare(batches.get(a).period(), batches.get(b).period());
      if (c == 0) {
        c = Integer.compare(rankOf[a], rankOf[b]);
      }
      return c != 0 ? c : Integer.compare(seqOf[a], seqOf[b]);
    });
    List<ProductionBatch> out = new ArrayList<>(n);
    for (Integer i : idx) {
      out.add(batches.get(i));
    }
    return out;
  }

  /** Bits needed to hold a non-negative int. */
  private static int bits(int max) {
    return Math.max(1, 32 - Integer.numberOfLeadingZeros(max));
  }

  /** What the builder needs of one design, looked up once per design rather than per order. */
  private final class DesignCache {
    final DesignId design;
    final ProductionConstraints constraints;
    final int largest;
    final int capacity;
    final int lead;
    final Optional<ProductionLine> line;
    final boolean limited;
    final int topUp;
    final boolean forecastTopUp;
    final PeriodCosts periodCosts;
    final boolean priceBreaks;
    private double[] prefix;

    DesignCache(DesignId design) {
      this.design = design;
      this.constraints = problem.constraintsFor(design);
      this.largest = problem.largestBatch(design);
      this.capacity = constraints.capacityPerPeriod();
      this.lead = constraints.leadTimePeriods();
      this.line = problem.lineOf(design);
      this.limited = line.isPresent() || capacity != Integer.MAX_VALUE;
      this.forecastTopUp = costs.hasForecastTopUp(design);
      this.topUp = forecastTopUp ? 0 : costs.topUpUnits(design);
      this.periodCosts = problem.periodCosts().get(design);
      this.priceBreaks = problem.priceBreaks().containsKey(design);
    }

    /** {@link BatchingProblem#batchQuantityFor}, without the constraints lookup. */
    int batchQuantityFor(int ordered) {
      return constraints.roundToMultiple(Math.max(ordered, constraints.minimumOrderQuantity()));
    }

    double setupCost(int t) {
      return periodCosts == null ? constraints.setupCost() : costs.setupCost(design, t);
    }

    double unitCost(int t, int quantity) {
      return periodCosts == null && !priceBreaks ? constraints.unitCost()
          : costs.unitCost(design, t, quantity);
    }

    /** Holding cost per unit from ready to due: prefix sums when the horizon is moderate. */
    double holding(int ready, int due) {
      if (due <= ready) {
        return 0;
      }
      if (periodCosts == null) {
        return constraints.holdingCostPerUnitPeriod() * ((long) due - ready);
      }
      if (problem.horizon() > 100_000) {
        return costs.holdingCost(design, ready, due);
      }
      if (prefix == null) {
        prefix = new double[problem.horizon() + 1];
        for (int t = 0; t < problem.horizon(); t++) {
          prefix[t + 1] = prefix[t] + costs.holdingCost(design, t);
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
