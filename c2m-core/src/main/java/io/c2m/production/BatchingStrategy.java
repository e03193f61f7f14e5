package io.c2m.production;

import io.c2m.production.internal.CheckedBatchingStrategy;
import io.c2m.production.internal.GroupBuy;

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
