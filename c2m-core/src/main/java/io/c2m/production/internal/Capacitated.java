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
 * one line is bounded ({@link Clsp#WORK_BUDGET}). When every order on a line is of one unit and
 * no batch needs rounding (MOQ and multiple 1; e.g. {@code c2m plan --order-size 1}), the orders
 * of one design with the same window are solved as one splittable demand, and the solver prices
 * setup patterns with exact quantities (a minimum-cost flow) before the orders are assigned to the
 * batches. Otherwise (whole orders) the solver's plan is improved by a local search over the
 * assignment of whole orders to periods (see {@link Clsp}). Orders stay whole (one order, one
 * batch); an order is produced no earlier than it was
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
    List<List<Clsp.Chunk>> chunks = new ArrayList<>();
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
        setup[i][t] = problem.costs().setupCost(d, t);
        unit[i][t] = problem.costs().unitCost(d, t);
        hold[i][t] = problem.costs().holdingCost(d, t + lead);
      }
      List<Clsp.Chunk> cs = new ArrayList<>();
      List<Order> os = new ArrayList<>();
      List<Order> sorted = PlanBuilder.sortedByPlaced(byDesign.get(d));
      for (Order o : sorted) {
        int placed = problem.calendar().placedPeriod(o);
        int latest = problem.calendar().duePeriod(o) - lead;
        if (latest < placed) {
          builder.pending(o, PendingReason.DEADLINE_INFEASIBLE, "Order placed in period "
              + placed + " and due in period " + problem.calendar().duePeriod(o)
              + " cannot be made in "
              + "time with a lead time of " + lead + " periods.");
        } else if (problem.batchQuantityFor(d, o.quantity()) > largest[i]) {
          builder.pending(o, PendingReason.EXCEEDS_MAX_BATCH, "Order of " + o.quantity()
              + " units exceeds the largest batch of " + largest[i] + " units of design " + d
              + ", " + problem.largestBatchLimit(d) + ".");
        } else {
          cs.add(new Clsp.Chunk(latest, o.quantity(), placed));
          os.add(o);
        }
      }
      chunks.add(cs);
      chunkOrders.add(os);
    }
    // orders of one unit with no batch rounding can be served by any split of their total: such
    // orders with the same window form one splittable chunk, and the solver prices setup patterns
    // with exact quantities (see Clsp)
    boolean unitOrders = true;
    for (int i = 0; i < n && unitOrders; i++) {
      unitOrders = moq[i] == 1 && multiple[i] == 1;
      for (Clsp.Chunk ch : chunks.get(i)) {
        unitOrders &= ch.quantity() == 1;
      }
    }
    List<List<Clsp.Chunk>> solved = chunks;
    List<List<List<Order>>> members = new ArrayList<>();
    if (unitOrders) {
      solved = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        Map<List<Integer>, List<Order>> byWindow = new TreeMap<>((a, b) -> {
          int cmp = Integer.compare(a.get(0), b.get(0));
          return cmp != 0 ? cmp : Integer.compare(a.get(1), b.get(1));
        });
        for (int c = 0; c < chunks.get(i).size(); c++) {
          Clsp.Chunk ch = chunks.get(i).get(c);
          byWindow.computeIfAbsent(List.of(ch.due(), ch.placed()), k -> new ArrayList<>())
              .add(chunkOrders.get(i).get(c));
        }
        List<Clsp.Chunk> cs = new ArrayList<>();
        List<List<Order>> ms = new ArrayList<>();
        byWindow.forEach((w, os) -> {
          cs.add(new Clsp.Chunk(w.get(0), os.size(), w.get(1)));
          ms.add(os);
        });
        solved.add(cs);
        members.add(ms);
      }
    } else {
      for (int i = 0; i < n; i++) {
        List<List<Order>> ms = new ArrayList<>();
        for (Order o : chunkOrders.get(i)) {
          ms.add(List.of(o));
        }
        members.add(ms);
      }
    }
    Clsp clsp = new Clsp(capacity, setupTime, unitUse, setup, unit, hold, moq, multiple, largest,
        solved, unitOrders);
    Clsp.Solution sol = clsp.solve(iterations, kicks, seed);
    for (int i = 0; i < n; i++) {
      DesignId d = designs.get(i);
      Map<Integer, List<Order>> batches = new TreeMap<>();
      for (int c = 0; c < solved.get(i).size(); c++) {
        List<Order> os = members.get(i).get(c);
        int k = 0;
        for (Clsp.Piece piece : sol.produced().get(i).get(c)) {
          for (long q = 0; q < piece.quantity() && k < os.size(); q++) {
            batches.computeIfAbsent(piece.period(), key -> new ArrayList<>()).add(os.get(k++));
          }
        }
        for (; k < os.size(); k++) {
          Order o = os.get(k);
          builder.pending(o, PendingReason.NO_ROOM_FOUND, "The heuristic found no room on the line"
              + " for design " + d + " between period " + problem.calendar().placedPeriod(o)
              + " and the latest "
              + "release " + solved.get(i).get(c).due() + " for this order (a feasible plan may still "
              + "exist).");
        }
      }
      batches.forEach((t, os) -> builder.batch(d, t, os));
    }
  }
}
