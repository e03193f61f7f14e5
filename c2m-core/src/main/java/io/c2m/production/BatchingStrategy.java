package io.c2m.production;

import io.c2m.production.internal.Capacitated;
import io.c2m.production.internal.CheckedBatchingStrategy;
import io.c2m.production.internal.Deadline;
import io.c2m.production.internal.GroupBuy;
import io.c2m.production.internal.SilverMeal;
import io.c2m.production.internal.TestAndReorder;
import io.c2m.production.internal.TimeWindow;
import io.c2m.production.internal.WagnerWhitin;

/**
 * Decides which orders go into which production batch, and when.
 *
 * <p>Implementations are pure and thread-safe. Each order of the problem ends in exactly one batch
 * or in {@link BatchPlan#pending()} with a reason; every batch respects the constraints of its
 * design (see {@link BatchPlanChecks}).
 */
@FunctionalInterface
public interface BatchingStrategy {
  /**
   * Plans batches.
   *
   * @param problem orders, constraints and calendar
   * @return the plan
   */
  BatchPlan plan(BatchingProblem problem);

  /**
   * Returns the stable name of this strategy.
   *
   * @return the name
   */
  default String name() {
    return getClass().getSimpleName();
  }

  /**
   * Group-buy threshold batching: a design's batch is released as soon as its committed quantity
   * reaches the minimum order quantity, rounded up to the order multiple and never above the
   * largest batch; orders that cannot be batched yet stay pending with the reason.
   *
   * @return the strategy named {@code "group-buy"}
   */
  static BatchingStrategy groupBuy() {
    return new GroupBuy();
  }

  /**
   * Group-buy with a campaign window: a campaign that has not reached the MOQ when its window of
   * {@code windowPeriods} closes is cancelled, its orders pending as
   * {@link PendingReason#CANCELLED_WINDOW_CLOSED} (to be refunded).
   *
   * @param windowPeriods the campaign window in periods; 0 for none
   * @return the strategy named {@code "group-buy"}
   */
  static BatchingStrategy groupBuy(int windowPeriods) {
    return new GroupBuy(windowPeriods);
  }

  /**
   * Releases every {@code every} periods.
   *
   * @param every periods between releases
   * @return the strategy named {@code "time-window"}
   */
  static BatchingStrategy timeWindow(int every) {
    return new TimeWindow(every);
  }

  /**
   * Releases each order as late as its promise allows; orders that cannot be made in time are
   * pending as {@link PendingReason#DEADLINE_INFEASIBLE}.
   *
   * @return the strategy named {@code "deadline"}
   */
  static BatchingStrategy deadline() {
    return new Deadline();
  }

  /**
   * A small first batch, then reorders sized from the previous batch's committed units (its
   * sell-through; with pre-sold orders only, always 100%: see the implementation notes).
   *
   * @param testQuantity the size of the first batch
   * @param growth reorder units per unit sold through, at least 1
   * @return the strategy named {@code "test-and-reorder"}
   */
  static BatchingStrategy testAndReorder(int testQuantity, double growth) {
    return new TestAndReorder(testQuantity, growth);
  }

  /**
   * The Silver-Meal lot-sizing heuristic (Silver and Meal, 1973) per design.
   *
   * @return the strategy named {@code "silver-meal"}
   */
  static BatchingStrategy silverMeal() {
    return new SilverMeal();
  }

  /**
   * Optimal uncapacitated lot sizing per design (Wagner and Whitin, 1958). Which algorithm runs
   * depends on the design: the O(T log T) algorithm of Wagelmans, van Hoesel and Kolen (1992) only
   * when every order is placed at the start and there is no MOQ, multiple, price break or binding
   * largest batch; O(T log^2 T) when orders are placed later or the largest batch binds; the
   * O(T^2) dynamic programme with an MOQ, a multiple or price breaks (exact among plans whose
   * batches serve whole periods without carrying surplus). The plan's provenance setting
   * {@code ran} records what ran.
   *
   * @return the strategy named {@code "wagner-whitin"}
   */
  static BatchingStrategy wagnerWhitin() {
    return new WagnerWhitin(false);
  }

  /**
   * Multi-design plans on shared lines with capacity and setup times (capacitated lot sizing):
   * Lagrangian relaxation of the capacity constraints (Trigeiro, Thomas and McClain, 1989) with a
   * backward allocation heuristic and iterated local search; 200 subgradient iterations, 30
   * perturbations, seed 0.
   *
   * @return the strategy named {@code "capacitated"}
   */
  static BatchingStrategy capacitated() {
    return new Capacitated(200, 30, 0);
  }

  /**
   * Wraps a strategy so that every plan it returns is checked against the problem; a plan that
   * breaks the contract raises a {@link io.c2m.StrategyException} naming the strategy.
   *
   * @param strategy the strategy to check
   * @return the checking strategy, with the same name
   */
  static BatchingStrategy checked(BatchingStrategy strategy) {
    return CheckedBatchingStrategy.wrap(strategy);
  }
}
