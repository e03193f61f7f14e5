package io.c2m.production.internal;

import io.c2m.DesignId;
import io.c2m.order.Order;
import io.c2m.production.BatchingCalendar;
import io.c2m.production.BatchingCosts;
import io.c2m.production.BatchingProblem;
import io.c2m.production.PendingReason;
import io.c2m.production.ProductionConstraints;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One design's orders as a lot-sizing instance. Index {@code l} is a release period: the orders of
 * {@code l} are those whose due period minus the lead time is {@code l} (the latest release that
 * keeps their promise). Orders that no release can keep (due before placed plus lead time) are
 * pending {@link PendingReason#DEADLINE_INFEASIBLE}; orders whose release period alone would need
 * more than the largest batch are trimmed first-come first-served and left
 * {@link PendingReason#BATCH_FULL}. Internal: shared by the lot-sizing strategies.
 */
final class DesignDemand {
  final DesignId design;
  final int periods;
  final long[] demand;
  final int[] placed;
  final double[] setup;
  final double[] unit;
  final double[] hold;
  final long moq;
  final long multiple;
  final long largest;
  boolean releaseBinds;
  final long[] breakQuantity;
  final double[] breakCost;

  private DesignDemand(BatchingProblem p, DesignId design, int lead, ProductionConstraints c) {
    p.requirePlannableHorizon("lot sizing");
    this.design = design;
    this.periods = Math.max(0, p.horizon() - lead);
    this.moq = c.minimumOrderQuantity();
    this.multiple = c.orderMultiple();
    this.largest = p.largestBatch(design);
    demand = new long[periods];
    placed = new int[periods];
    setup = new double[periods];
    unit = new double[periods];
    hold = new double[periods];
    List<io.c2m.production.PriceBreak> breaks = p.priceBreaks().getOrDefault(design, List.of());
    breakQuantity = new long[breaks.size()];
    breakCost = new double[breaks.size()];
    for (int k = 0; k < breaks.size(); k++) {
      breakQuantity[k] = breaks.get(k).minQuantity();
      breakCost[k] = breaks.get(k).unitCost();
    }
    if (p.periodCosts().containsKey(design)) {
      BatchingCosts costs = p.costs();
      for (int l = 0; l < periods; l++) {
        setup[l] = costs.setupCost(design, l);
        unit[l] = costs.unitCost(design, l);
        hold[l] = costs.holdingCost(design, l + lead);
      }
    } else {
      // the constant costs BatchingProblem returns for every period of such a design
      Arrays.fill(setup, c.setupCost());
      Arrays.fill(unit, c.unitCost());
      Arrays.fill(hold, c.holdingCostPerUnitPeriod());
    }
  }

  DesignDemand(PlanBuilder builder, DesignId design, List<Order> designOrders) {
    this(builder.problem(), design, builder.problem().constraintsFor(design).leadTimePeriods(),
        builder.problem().constraintsFor(design));
    BatchingProblem p = builder.problem();
    BatchingCalendar calendar = p.calendar();
    ProductionConstraints c = p.constraintsFor(design);
    int lead = c.leadTimePeriods();
    // Orders by release period (a stable counting sort), each period's orders by placement then
    // id: what a full sort by placement gives per period, and all the trimming below looks at
    // (it compares an order only with the earlier ones of its own release period).
    int n = designOrders.size();
    int[] rel = new int[n];
    start = new int[periods + 1];
    end = new int[periods];
    List<Object[]> pend = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Order o = designOrders.get(i);
      int placedAt = calendar.placedPeriod(o);
      int due = calendar.duePeriod(o);
      int l = due - lead;
      rel[i] = -1;
      if (l < placedAt) {
        pend.add(new Object[] {o, PendingReason.DEADLINE_INFEASIBLE, "Order placed in period "
            + placedAt + " and due in period " + due + " cannot be made in time with a lead time"
            + " of " + lead + " periods."});
      } else if (c.roundToMultiple(Math.max(o.quantity(), c.minimumOrderQuantity())) > largest) {
        pend.add(new Object[] {o, PendingReason.EXCEEDS_MAX_BATCH, "Order of " + o.quantity()
            + " units exceeds the largest batch of " + largest + " units of design " + design
            + ", " + p.largestBatchLimit(design) + "."});
      } else {
        rel[i] = l;
        start[l + 1]++;
      }
    }
    for (int l = 0; l < periods; l++) {
      start[l + 1] += start[l];
    }
    byRelease = new Order[start[periods]];
    int[] fill = Arrays.copyOf(start, periods);
    for (int i = 0; i < n; i++) {
      if (rel[i] >= 0) {
        byRelease[fill[rel[i]]++] = designOrders.get(i);
      }
    }
    for (int l = 0; l < periods; l++) {
      int k = start[l];
      if (start[l + 1] - start[l] > 1) {
        Arrays.sort(byRelease, start[l], start[l + 1], PlanBuilder.BY_PLACED);
      }
      for (int i = start[l]; i < start[l + 1]; i++) {
        Order o = byRelease[i];
        if (demand[l] + o.quantity() > largest
            || p.batchQuantityFor(design, (int) (demand[l] + o.quantity())) > largest) {
          pend.add(new Object[] {o, PendingReason.BATCH_FULL, "Release period " + l
              + " of design " + design + " already holds " + demand[l] + " units; one batch"
              + " holds at most " + largest + ", " + p.largestBatchLimit(design)
              + ".\nMaybe use the capacitated strategy."});
          continue;
        }
        byRelease[k++] = o;
        demand[l] += o.quantity();
        int placedAt = calendar.placedPeriod(o);
        placed[l] = Math.max(placed[l], placedAt);
        if (placedAt > 0) {
          releaseBinds = true;
        }
      }
      end[l] = k;
    }
    // pending in placement order, as a design's orders are reported everywhere
    pend.sort((a, b) -> PlanBuilder.BY_PLACED.compare((Order) a[0], (Order) b[0]));
    for (Object[] x : pend) {
      builder.pending((Order) x[0], (PendingReason) x[1], (String) x[2]);
    }
  }

  /**
   * The accepted orders of release period {@code l} are {@code byRelease[start[l] .. end[l])},
   * or, when built from a table, its rows {@code rows[start[l] .. end[l])}.
   */
  private Order[] byRelease;
  private OrderTable table;
  private int[] rows;
  private int[] start;
  private int[] end;

  /**
   * One design of an {@link OrderTable}: the same instance as the list constructor builds from
   * that design's orders (same trimming, same pending orders in the same order), read from the
   * table's arrays.
   */
  DesignDemand(PlanBuilder builder, OrderTable t, int g) {
    this(builder.problem(), t.designs[g],
        builder.problem().constraintsFor(t.designs[g]).leadTimePeriods(),
        builder.problem().constraintsFor(t.designs[g]));
    BatchingProblem p = builder.problem();
    ProductionConstraints c = p.constraintsFor(design);
    int lead = c.leadTimePeriods();
    table = t;
    int from = t.start[g];
    int n = t.start[g + 1] - from;
    int[] rel = new int[n];
    start = new int[periods + 1];
    end = new int[periods];
    int[] pendRows = new int[4];
    String[] pendDetail = new String[4];
    PendingReason[] pendReason = new PendingReason[4];
    int np = 0;
    for (int i = 0; i < n; i++) {
      int r = from + i;
      int placedAt = t.placed[r];
      int due = t.due[r];
      int l = due - lead;
      rel[i] = -1;
      String detail = null;
      PendingReason reason = null;
      if (l < placedAt) {
        reason = PendingReason.DEADLINE_INFEASIBLE;
        detail = "Order placed in period " + placedAt + " and due in period " + due
            + " cannot be made in time with a lead time of " + lead + " periods.";
      } else if (c.roundToMultiple(Math.max(t.quantity[r], c.minimumOrderQuantity())) > largest) {
        reason = PendingReason.EXCEEDS_MAX_BATCH;
        detail = "Order of " + t.quantity[r] + " units exceeds the largest batch of " + largest
            + " units of design " + design + ", " + p.largestBatchLimit(design) + ".";
      } else {
        rel[i] = l;
        start[l + 1]++;
        continue;
      }
      if (np == pendRows.length) {
        pendRows = Arrays.copyOf(pendRows, 2 * np);
        pendDetail = Arrays.copyOf(pendDetail, 2 * np);
        pendReason = Arrays.copyOf(pendReason, 2 * np);
      }
      pendRows[np] = r;
      pendDetail[np] = detail;
      pendReason[np++] = reason;
    }
    for (int l = 0; l < periods; l++) {
      start[l + 1] += start[l];
    }
    rows = new int[start[periods]];
    int[] fill = Arrays.copyOf(start, periods);
    for (int i = 0; i < n; i++) {
      if (rel[i] >= 0) {
        rows[fill[rel[i]]++] = from + i;
      }
    }
    for (int l = 0; l < periods; l++) {
      int k = start[l];
      if (start[l + 1] - start[l] > 1) {
        t.sortRows(rows, start[l], start[l + 1]);
      }
      for (int i = start[l]; i < start[l + 1]; i++) {
        int r = rows[i];
        int q = t.quantity[r];
        if (demand[l] + q > largest
            || p.batchQuantityFor(design, (int) (demand[l] + q)) > largest) {
          if (np == pendRows.length) {
            pendRows = Arrays.copyOf(pendRows, 2 * np);
            pendDetail = Arrays.copyOf(pendDetail, 2 * np);
            pendReason = Arrays.copyOf(pendReason, 2 * np);
          }
          pendRows[np] = r;
          pendReason[np] = PendingReason.BATCH_FULL;
          pendDetail[np++] = "Release period " + l + " of design " + design + " already holds "
              + demand[l] + " units; one batch holds at most " + largest + ", "
              + p.largestBatchLimit(design) + ".\nMaybe use the capacitated strategy.";
          continue;
        }
        rows[k++] = r;
        demand[l] += q;
        placed[l] = Math.max(placed[l], t.placed[r]);
        if (t.placed[r] > 0) {
          releaseBinds = true;
        }
      }
      end[l] = k;
    }
    // pending in placement order, as a design's orders are reported everywhere
    if (np > 0) {
      final int[] pr = pendRows;
      Integer[] boxed = new Integer[np];
      for (int i = 0; i < np; i++) {
        boxed[i] = i;
      }
      Arrays.sort(boxed, (a, b) -> t.compare(pr[a], pr[b]));
      for (Integer i : boxed) {
        builder.pendingRow(t, pendRows[i], design, pendReason[i], pendDetail[i]);
      }
    }
  }

  /**
   * The algorithm the last {@link #optimal} call ran: {@code fast} (O(T log T)),
   * {@code fast-limited} (O(T log^2 T)) or {@code reference} (O(T^2)).
   */
  String ran = "none";

  /** True when the classic uncapacitated model applies: no MOQ, multiple or batch limit. */
  boolean classic() {
    if (moq > 1 || multiple > 1 || breakQuantity.length > 0) {
      return false;
    }
    long total = 0;
    for (long x : demand) {
      total += x;
    }
    return total <= largest && !releaseBinds;
  }

  /**
   * The best plan among interval plans: {@link LotSizing#fast} in the classic case,
   * {@link LotSizing#fastLimited} when only the largest batch or placement limits the batches,
   * else (MOQ, multiple, price breaks, or when asked) the O(T^2) {@link LotSizing#reference}.
   */
  LotSizing.Solution optimal(boolean useReference) {
    if (!useReference && classic()) {
      ran = "fast";
      return LotSizing.fast(demand, setup, unit, hold);
    }
    if (!useReference && moq <= 1 && multiple == 1 && breakQuantity.length == 0) {
      ran = "fast-limited";
      return LotSizing.fastLimited(demand, setup, unit, hold,
          LotSizing.limits(demand, placed, largest));
    }
    ran = "reference";
    return LotSizing.reference(demand, setup, unit, hold, moq, multiple, largest, placed,
        breakQuantity, breakCost);
  }

  /** Adds the batches of a solution to the builder. */
  void emit(PlanBuilder builder, LotSizing.Solution sol) {
    if (table != null) {
      for (int i = 0; i < sol.size(); i++) {
        int n = 0;
        for (int l = sol.setups()[i]; l < sol.ends()[i]; l++) {
          n += end[l] - start[l];
        }
        int[] batch = new int[n];
        int k = 0;
        for (int l = sol.setups()[i]; l < sol.ends()[i]; l++) {
          System.arraycopy(rows, start[l], batch, k, end[l] - start[l]);
          k += end[l] - start[l];
        }
        builder.batchRows(design, sol.setups()[i], table, batch);
      }
      return;
    }
    for (int i = 0; i < sol.size(); i++) {
      int n = 0;
      for (int l = sol.setups()[i]; l < sol.ends()[i]; l++) {
        n += end[l] - start[l];
      }
      Order[] batch = new Order[n];
      int k = 0;
      for (int l = sol.setups()[i]; l < sol.ends()[i]; l++) {
        System.arraycopy(byRelease, start[l], batch, k, end[l] - start[l]);
        k += end[l] - start[l];
      }
      builder.batchOwned(design, sol.setups()[i], Arrays.asList(batch));
    }
  }
}
