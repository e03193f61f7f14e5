package io.c2m.production;

import io.c2m.production.internal.Clsp;
import io.c2m.production.internal.LotSizing;

/**
 * Public entry points to the lot-sizing kernels behind the built-in batching strategies, for
 * evaluations and benchmarks that measure the kernels alone (on textbook instances, without
 * orders): the uncapacitated single-item problem solved by Wagner-Whitin, and the classic
 * capacitated multi-item problem (CLSP) solved as by the {@code capacitated} strategy. Results
 * are the same as the strategies' for the same data; the solvers themselves stay internal.
 */
public final class LotSizingEvaluation {
  private LotSizingEvaluation() {}

  /**
   * The cost of an optimal plan of the uncapacitated single-item lot-sizing problem, by the
   * O(T log T) Wagner-Whitin algorithm of Wagelmans, van Hoesel and Kolen (1992) that the
   * {@code wagner-whitin} strategy uses.
   *
   * @param demand demand per period, zero or more
   * @param setup setup cost per period
   * @param unit unit cost per period
   * @param hold holding cost per period (stock at the end of the period)
   * @return the optimal cost (setups, units and holding)
   */
  public static double wagnerWhitin(long[] demand, double[] setup, double[] unit,
      double[] hold) {
    return LotSizing.fast(demand, setup, unit, hold).cost();
  }

  /**
   * The same optimum by the O(T²) reference dynamic programme, the baseline the fast algorithm is
   * checked and measured against.
   *
   * @param demand demand per period, zero or more
   * @param setup setup cost per period
   * @param unit unit cost per period
   * @param hold holding cost per period (stock at the end of the period)
   * @return the optimal cost (setups, units and holding)
   */
  public static double wagnerWhitinReference(long[] demand, double[] setup, double[] unit,
      double[] hold) {
    return LotSizing.reference(demand, setup, unit, hold, 1, 1, Long.MAX_VALUE, null).cost();
  }

  /**
   * The classic capacitated lot-sizing problem with setup times of the literature (e.g. the
   * Trigeiro, Thomas and McClain 1989 instances): demand per item and period, splittable, no
   * minimum batch, all demand known at the start, one shared capacity per period.
   *
   * @param capacity capacity per period
   * @param setupTime capacity a setup of each item uses
   * @param unitUse capacity a unit of each item uses
   * @param setupCost setup cost per item (constant over time)
   * @param holdingCost holding cost per unit per period of each item (constant over time)
   * @param demand demand per item and period
   * @return the instance, to {@link ClassicClsp#solve solve}
   */
  public static ClassicClsp classicClsp(double[] capacity, double[] setupTime, double[] unitUse,
      double[] setupCost, double[] holdingCost, long[][] demand) {
    return new ClassicClsp(Clsp.classic(capacity, setupTime, unitUse, setupCost, holdingCost,
        demand));
  }

  /** A classic CLSP instance; solving it does not change it. */
  public static final class ClassicClsp {
    private final Clsp problem;

    private ClassicClsp(Clsp problem) {
      this.problem = problem;
    }

    /**
     * Solves the instance: Lagrangian relaxation with subgradient optimisation, the backward
     * allocation heuristic with local search, an iterated local search, then the exact
     * polishing of the setup pattern (as the {@code capacitated} strategy does).
     *
     * @param iterations subgradient iterations (the strategy's default is 200)
     * @param kicks perturbations of the iterated local search (the strategy's default is 30)
     * @param seed the seed of the perturbations
     * @return the best plan's cost and the lower bound
     */
    public Result solve(int iterations, int kicks, long seed) {
      Clsp.Solution s = problem.solve(iterations, kicks, seed);
      return new Result(s.cost(), s.lowerBound(), s.unmet());
    }
  }

  /**
   * What a capacitated solve found.
   *
   * @param cost the best plan's cost (setups, units and holding), infinite if none is feasible
   * @param lowerBound the Lagrangian lower bound on the optimum
   * @param unmet units the plan leaves unserved (0 for a feasible plan)
   */
  public record Result(double cost, double lowerBound, long unmet) {
    /**
     * Returns the relative gap {@code (cost - bound) / bound}, an overestimate of the true gap.
     *
     * @return the gap, 0 when both are equal
     */
    public double gap() {
      if (cost == lowerBound) {
        return 0;
      }
      return (cost - lowerBound) / Math.max(1e-12, Math.abs(lowerBound));
    }
  }
}
