package io.c2m.production.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * The capacitated lot-sizing problem with setup times (CLSP): several items share one resource
 * whose capacity per period is consumed by each item's setups and units. Internal (not exported):
 * evaluations and benchmarks reach it through {@code io.c2m.production.LotSizingEvaluation}.
 *
 * <p>Solved by the Lagrangian relaxation of the capacity constraints of Trigeiro, Thomas and
 * McClain (1989, "Capacitated lot sizing with setup times", Management Science 35(3):353-366):
 * with multipliers {@code lambda[t] >= 0} the problem splits into one uncapacitated lot-sizing
 * problem per item with setup cost {@code setup[i][t] + lambda[t] setupTime[i]} and unit cost
 * {@code unit[i][t] + lambda[t] unitUse[i]}, each solved exactly by {@link LotSizing#fast}; their
 * sum minus {@code sum_t lambda[t] capacity[t]} is a lower bound, raised by subgradient
 * optimisation (Held, Wolfe and Crowder, 1974, step rule with a target). Feasible plans come from
 * a backward capacity-allocation heuristic on a setup pattern (serve in each period first what
 * cannot wait for an earlier setup, then the items whose deferral costs most per unit of
 * capacity), started from each Lagrangian setup pattern and improved by local search over setup
 * flips (add, drop one setup) until no flip helps; the best plan found is returned with the bound.
 *
 * <p>When the quantities of a setup pattern can be priced exactly (splittable demand, MOQ and
 * multiple 1, the same capacity use per unit for every item), the best plan is then polished: a
 * local search and an iterated local search over setup patterns (in the spirit of the
 * fix-and-optimize and setup-pattern searches of the CLSP literature, e.g. Helber and Sahling
 * 2010), where each pattern's optimal quantities come from a minimum-cost flow
 * ({@link ClspFlow}); at most {@link #EXACT_EVALUATIONS} patterns are priced. On the Trigeiro
 * set F this brings the mean gap to the proven optima below 1% (BENCHMARKS.md).
 *
 * <p>Demand is given as {@link Chunk}s: a chunk is one order (kept whole unless the instance is
 * {@code splittable}) of one item due in a period, placed in a period before which it cannot be
 * produced. Batches respect each item's MOQ, multiple and largest batch.
 *
 * <p>The phases live in classes of their own: the instance data ({@link ClspModel}), the pricing
 * of a setup pattern ({@link ClspEvaluator}), the Lagrangian heuristic stage
 * ({@link ClspLagrangian}), the exact polishing ({@link ClspPolish}), and for whole orders the
 * feasibility repair ({@link ClspWholeOrders}, {@link ClspLedger}) and the reassignment search
 * ({@link ClspReassign}). This class holds the public surface and the order of the phases.
 */
public final class Clsp {
  /**
   * The most work one {@link #solve} may do, in open order chunks scanned by the allocation
   * heuristic (a few nanoseconds each): bounds the time on large instances (a few seconds); the
   * Trigeiro instances stay below it with the default settings.
   */
  public static final long WORK_BUDGET = 300_000_000L;

  /** The most setup patterns the polishing phase prices exactly (about 0.1 ms each on F). */
  public static final int EXACT_EVALUATIONS = 3000;

  private final ClspModel model;
  /** The exact quantities for a setup pattern, when they apply (else null). */
  private final ClspFlow flow;

  /**
   * Demand of one item: {@code quantity} units due by period {@code due} (the latest period they
   * may be made in), placed in period {@code placed} (the earliest).
   *
   * @param due the latest period of production
   * @param quantity the units, positive
   * @param placed the earliest period of production, at most {@code due}
   */
  public record Chunk(int due, long quantity, int placed) {}

  /**
   * A piece of a chunk's production: {@code quantity} units made in period {@code period}.
   *
   * @param period the period of production
   * @param quantity the units
   */
  public record Piece(int period, long quantity) {}

  /**
   * Creates an instance.
   *
   * @param capacity capacity per period
   * @param setupTime capacity used by a setup of each item
   * @param unitUse capacity used by a unit of each item
   * @param setup setup cost per item and period
   * @param unit unit cost per item and period
   * @param hold holding cost per item and period (stock at the end of the period)
   * @param moq minimum batch per item
   * @param multiple batch multiple per item
   * @param largest largest batch per item
   * @param chunks per item, its chunks
   * @param splittable true if a chunk may be split between batches
   */
  public Clsp(double[] capacity, double[] setupTime, double[] unitUse, double[][] setup,
      double[][] unit, double[][] hold, long[] moq, long[] multiple, long[] largest,
      List<List<Chunk>> chunks, boolean splittable) {
    this.model = new ClspModel(capacity, setupTime, unitUse, setup, unit, hold, moq, multiple,
        largest, chunks, splittable);
    this.flow = splittable && model.exactlyPriceable() ? new ClspFlow(capacity, setupTime,
        unitUse[0], setup, unit, hold, largest, chunks) : null;
  }

  /**
   * The classic CLSP of the literature: demand per item and period, splittable, no MOQ, all
   * demand known at the start.
   *
   * @param capacity capacity per period
   * @param setupTime setup time per item
   * @param unitUse capacity per unit per item
   * @param setupCost setup cost per item (constant over time)
   * @param holdingCost holding cost per item (constant over time)
   * @param demand demand per item and period
   * @return the instance
   */
  public static Clsp classic(double[] capacity, double[] setupTime, double[] unitUse,
      double[] setupCost, double[] holdingCost, long[][] demand) {
    int n = setupTime.length;
    int t = capacity.length;
    double[][] setup = new double[n][t];
    double[][] unit = new double[n][t];
    double[][] hold = new double[n][t];
    long[] ones = new long[n];
    long[] big = new long[n];
    List<List<Chunk>> chunks = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Arrays.fill(setup[i], setupCost[i]);
      Arrays.fill(hold[i], holdingCost[i]);
      ones[i] = 1;
      big[i] = Long.MAX_VALUE / 4;
      List<Chunk> list = new ArrayList<>();
      for (int p = 0; p < t; p++) {
        if (demand[i][p] > 0) {
          list.add(new Chunk(p, demand[i][p], 0));
        }
      }
      chunks.add(list);
    }
    return new Clsp(capacity, setupTime, unitUse, setup, unit, hold, ones, ones, big, chunks,
        true);
  }

  /**
   * A solution: the best plan found and the Lagrangian lower bound. Compared by value (the
   * production table included).
   *
   * @param cost the plan's cost (setup + holding + unit), infinite if no feasible plan was found
   * @param lowerBound a lower bound on the optimum
   * @param unmet units the plan leaves unserved (0 for a feasible plan)
   * @param produced per item and chunk, the pieces produced (empty for a chunk left unserved)
   * @param production per item and period, the units made
   */
  public record Solution(double cost, double lowerBound, long unmet,
      List<List<List<Piece>>> produced, long[][] production) {
    /**
     * Copies the components.
     *
     * @param cost the plan's cost
     * @param lowerBound a lower bound on the optimum
     * @param unmet units left unserved
     * @param produced per item and chunk, the pieces produced
     * @param production per item and period, the units made
     */
    public Solution {
      List<List<List<Piece>>> copy = new ArrayList<>(produced.size());
      for (List<List<Piece>> per : produced) {
        List<List<Piece>> items = new ArrayList<>(per.size());
        for (List<Piece> pl : per) {
          items.add(List.copyOf(pl));
        }
        copy.add(List.copyOf(items));
      }
      produced = List.copyOf(copy);
      long[][] rows = new long[production.length][];
      for (int i = 0; i < rows.length; i++) {
        rows[i] = production[i].clone();
      }
      production = rows;
    }

    /**
     * Returns the units made per item and period (a copy).
     *
     * @return the production table
     */
    @Override
    public long[][] production() {
      long[][] rows = new long[production.length][];
      for (int i = 0; i < rows.length; i++) {
        rows[i] = production[i].clone();
      }
      return rows;
    }

    /**
     * Returns the relative gap {@code (cost - bound) / bound}, an overestimate of the true gap.
     *
     * @return the gap, 0 when both are 0
     */
    public double gap() {
      if (cost == lowerBound) {
        return 0;
      }
      return (cost - lowerBound) / Math.max(1e-12, Math.abs(lowerBound));
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Solution s && Double.compare(cost, s.cost) == 0
          && Double.compare(lowerBound, s.lowerBound) == 0 && unmet == s.unmet
          && produced.equals(s.produced) && Arrays.deepEquals(production, s.production);
    }

    @Override
    public int hashCode() {
      return Objects.hash(cost, lowerBound, unmet, produced) * 31
          + Arrays.deepHashCode(production);
    }

    @Override
    public String toString() {
      return "Solution[cost=" + cost + ", lowerBound=" + lowerBound + ", unmet=" + unmet
          + ", produced=" + produced + ", production=" + Arrays.deepToString(production) + "]";
    }
  }

  /**
   * Solves the instance.
   *
   * @param iterations subgradient iterations, e.g. 300
   * @param kicks perturbations of the iterated local search, e.g. 100
   * @param seed the seed of the perturbations
   * @return the best plan and the lower bound
   */
  public Solution solve(int iterations, int kicks, long seed) {
    ClspEvaluator evaluator = new ClspEvaluator(model, flow);
    ClspLagrangian heuristic = new ClspLagrangian(model, evaluator);
    ClspEval incumbent = heuristic.subgradient(iterations);
    double bound = heuristic.bound();
    // iterated local search: kick the best pattern with a few seeded random flips, re-improve
    Random random = new Random(seed);
    incumbent = heuristic.kick(incumbent, kicks, random);
    if (!model.splittable) {
      incumbent = wholeOrders(incumbent, iterations, kicks, seed);
    }
    if (flow != null) {
      ClspEval polished = new ClspPolish(model, evaluator).polish(incumbent, random);
      if (ClspEval.better(polished, incumbent)) {
        incumbent = polished;
        evaluator.flowPieces(incumbent);
      }
    }
    double cost = incumbent.unmet == 0 ? incumbent.cost : Double.POSITIVE_INFINITY;
    for (List<List<Piece>> per : incumbent.pieces) {
      per.replaceAll(pl -> pl == null ? List.of() : pl);
    }
    return new Solution(cost, Math.min(bound, cost), incumbent.unmet, incumbent.pieces,
        incumbent.x);
  }

  /**
   * The whole-order phases: the feasibility repair when chunks are left unserved, then the
   * reassignment search from the plan and from the splittable relaxation's polished plan.
   */
  private ClspEval wholeOrders(ClspEval start, int iterations, int kicks, long seed) {
    ClspEval incumbent = start;
    ClspWholeOrders repair = new ClspWholeOrders(model);
    if (incumbent.unmet > 0) {
      incumbent = repair.repair(incumbent);
      if (incumbent.unmet > 0) {
        ClspEval shifted = repair.repair(repair.shiftBack());
        if (ClspEval.better(shifted, incumbent)) {
          incumbent = shifted;
        }
      }
      if (incumbent.unmet > 0) {
        ClspEval mc = repair.minConflicts(incumbent, seed);
        if (mc != null && ClspEval.better(mc, incumbent)) {
          incumbent = mc;
        }
      }
    }
    if (incumbent.pieces == null) {
      return incumbent;
    }
    ClspReassign reassign = new ClspReassign(model, repair);
    ClspEval reassigned = reassign.reassign(incumbent, seed);
    if (ClspEval.better(reassigned, incumbent)) {
      incumbent = reassigned;
    }
    if (model.exactlyPriceable()) {
      // the splittable relaxation (polished by exact flows) gives a setup pattern and, per
      // chunk, its largest piece: whole orders start there, overloads are repaired, then the
      // reassignment search runs
      Clsp relaxed = new Clsp(model.capacity, model.setupTime, model.unitUse, model.setup,
          model.unit, model.hold, model.moq, model.multiple, model.largest, model.chunks, true);
      Solution rs = relaxed.solve(iterations, kicks, seed);
      ClspEval seedEval = new ClspEval();
      seedEval.unmet = Long.MAX_VALUE;
      seedEval.cost = Double.POSITIVE_INFINITY;
      seedEval.pieces = new ArrayList<>();
      for (int i = 0; i < model.n; i++) {
        List<List<Piece>> per = new ArrayList<>();
        for (List<Piece> pl : rs.produced().get(i)) {
          Piece big = null;
          for (Piece piece : pl) {
            if (big == null || piece.quantity() > big.quantity()) {
              big = piece;
            }
          }
          List<Piece> one = new ArrayList<>();
          if (big != null) {
            one.add(big);
          }
          per.add(one);
        }
        seedEval.pieces.add(per);
      }
      ClspEval fromRelaxed = reassign.reassign(seedEval, seed);
      if (ClspEval.better(fromRelaxed, incumbent)) {
        incumbent = fromRelaxed;
      }
    }
    return incumbent;
  }
}
