package io.c2m.production.internal;

import io.c2m.DesignId;
import io.c2m.order.Order;
import io.c2m.production.BatchPlan;
import io.c2m.production.BatchingProblem;
import io.c2m.production.BatchingStrategy;
import io.c2m.production.LineUse;
import io.c2m.production.PendingReason;
import io.c2m.production.ProductionConstraints;
import io.c2m.production.ProductionLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Multi-design plans on shared lines with capacity and setup times ({@code capacitated}): the
 * designs of each line form one capacitated lot-sizing problem solved by {@link Clsp} (Lagrangian
 * relaxation of Trigeiro, Thomas and McClain, 1989, with a backward allocation heuristic and
 * iterated local search); a design on no line is a one-item problem with its own capacity per
 * period (a design with neither is planned exactly as by {@code wagner-whitin}). The work of
 * one line is bounded ({@link Clsp#WORK_BUDGET}). Orders stay whole (one order, one batch); an order is produced no earlier than it was
 * placed and, when possible, no later than its due period minus the lead time. Orders the
 * heuristic cannot fit before their promise are pending
 * {@link PendingReason#NO_ROOM_FOUND}; orders
 * no release can keep are pending {@link PendingReason#DEADLINE_INFEASIBLE}. MOQ, multiple and
 * largest batch are respected. Deterministic for a given seed.
 */
public final class Capacitated implements BatchingStrategy {
  /** The stable name. */
  public static final String NAME = "capacitated";

  private final int iterations;
  private final int kicks;
  private final long seed;

  /**
   * Creates the strategy.
   *
   * @param iterations subgradient iterations
   * @param kicks perturbations of the local search
   * @param seed seed of the perturbations
   */
  public Capacitated(int iterations, int kicks, long seed) {
    if (iterations < 1 || kicks < 0) {
      throw new IllegalArgumentException("The iterations (" + iterations + ") must be positive "
          + "and the kicks (" + kicks + ") zero or more.");
    }
    this.iterations = iterations;
    this.kicks = kicks;
    this.seed = seed;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public BatchPlan plan(BatchingProblem problem) {
    if (!problem.orders().isEmpty()) {
      problem.requirePlannableHorizon(NAME);
    }
    PlanBuilder builder = new PlanBuilder(problem);
    Map<DesignId, List<Order>> byDesign = problem.ordersByDesign();
    Map<String, List<DesignId>> groups = new TreeMap<>();
    for (DesignId d : byDesign.keySet()) {
      Optional<ProductionLine> line = problem.lineOf(d);
      groups.computeIfAbsent(line.map(l -> "line:" + l.id()).orElse("design:" + d.value()),
          k -> new ArrayList<>()).add(d);
    }
    for (List<DesignId> designs : groups.values()) {
      DesignId first = designs.get(0);
      if (designs.size() == 1 && problem.lineOf(first).isEmpty()
          && problem.constraintsFor(first).capacityPerPeriod() == Integer.MAX_VALUE) {
        // no capacity binds: the exact uncapacitated plan of wagner-whitin
        DesignDemand dd = new DesignDemand(builder, first, byDesign.get(first));
        dd.emit(builder, dd.optimal(false));
      } else {
        solve(problem, builder, designs, byDesign);
      }
    }
    return builder.build(NAME, Map.of("iterations", Integer.toString(iterations),
        "kicks", Integer.toString(kicks), "seed", Long.toString(seed)));
  }

  private void solve(BatchingProblem problem, PlanBuilder builder, List<DesignId> designs,
      Map<DesignId, List<Order>> byDesign) {
    int n = designs.size();
    int periods = problem.horizon();
    Optional<ProductionLine> line = problem.lineOf(designs.get(0));
    double[] capacity = new double[periods];
    double[] setupTime = new double[n];
    double[] unitUse = new double[n];
    double[][] setup = new double[n][periods];
    double[][] unit = new double[n][periods];
    double[][] hold = new double[n][periods];
    long[] moq = new long[n];
    long[] multiple = new long[n];
    long[] largest = new long[n];
    List<List<long[]>> chunks = new ArrayList<>();
    List<List<Order>> chunkOrders = new ArrayList<>();
    for (int t = 0; t < periods; t++) {
      capacity[t] = line.isPresent() ? line.get().capacityPerPeriod()
          : problem.constraintsFor(designs.get(0)).capacityPerPeriod();
    }
    for (int i = 0; i < n; i++) {
      DesignId d = designs.get(i);
      ProductionConstraints c = problem.constraintsFor(d);
      LineUse use = line.isPresent() ? line.get().uses().get(d) : new LineUse(0, 1);
      setupTime[i] = use.setupTime();
      unitUse[i] = use.unitUse();
      moq[i] = c.minimumOrderQuantity();
      multiple[i] = c.orderMultiple();
      largest[i] = problem.largestBatch(d);
      int lead = c.leadTimePeriods();
      for (int t = 0; t < periods; t++) {
        setup[i][t] = problem.setupCost(d, t);
        unit[i][t] = problem.unitCost(d, t);
        hold[i][t] = problem.holdingCost(d, t + lead);
      }
      List<long[]> cs = new ArrayList<>();
      List<Order> os = new ArrayList<>();
      List<Order> sorted = PlanBuilder.sortedByPlaced(byDesign.get(d));
      for (Order o : sorted) {
        int placed = problem.placedPeriod(o);
        int latest = problem.duePeriod(o) - lead;
        if (latest < placed) {
          builder.pending(o, PendingReason.DEADLINE_INFEASIBLE, "Order placed in period "
              + placed + " and due in period " + problem.duePeriod(o) + " cannot be made in "
              + "time with a lead time of " + lead + " periods.");
        } else if (problem.batchQuantityFor(d, o.quantity()) > largest[i]) {
          builder.pending(o, PendingReason.EXCEEDS_MAX_BATCH, "Order of " + o.quantity()
              + " units exceeds the largest batch of " + largest[i] + " units of design " + d
              + ", " + problem.largestBatchLimit(d) + ".");
        } else {
          cs.add(new long[] {latest, o.quantity(), placed});
          os.add(o);
        }
      }
      chunks.add(cs);
      chunkOrders.add(os);
    }
    Clsp clsp = new Clsp(capacity, setupTime, unitUse, setup, unit, hold, moq, multiple, largest,
        chunks, false);
    Clsp.Solution sol = clsp.solve(iterations, kicks, seed);
    for (int i = 0; i < n; i++) {
      DesignId d = designs.get(i);
      Map<Integer, List<Order>> batches = new TreeMap<>();
      for (int c = 0; c < chunks.get(i).size(); c++) {
        List<long[]> pieces = sol.produced().get(i).get(c);
        Order o = chunkOrders.get(i).get(c);
        if (pieces.isEmpty()) {
          builder.pending(o, PendingReason.NO_ROOM_FOUND, "The heuristic found no room on the line"
              + " for design " + d + " between period " + problem.placedPeriod(o) + " and the latest release "
              + chunks.get(i).get(c)[0] + " for this order (a feasible plan may still exist).");
        } else {
          batches.computeIfAbsent((int) pieces.get(0)[0], k -> new ArrayList<>()).add(o);
        }
      }
      batches.forEach((t, os) -> builder.batch(d, t, os));
    }
  }
}
