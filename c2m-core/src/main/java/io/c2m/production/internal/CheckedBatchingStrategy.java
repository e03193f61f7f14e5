package io.c2m.production.internal;

import io.c2m.StrategyException;
import io.c2m.production.BatchPlan;
import io.c2m.production.BatchPlanChecks;
import io.c2m.production.BatchingProblem;
import io.c2m.production.BatchingStrategy;
import java.util.List;

/**
 * Decorator that checks each plan of a (possibly third-party) strategy with
 * {@link BatchPlanChecks}, so a broken strategy fails loudly with its name instead of losing an
 * order downstream.
 */
public final class CheckedBatchingStrategy implements BatchingStrategy {
  private final BatchingStrategy delegate;

  private CheckedBatchingStrategy(BatchingStrategy delegate) {
    this.delegate = delegate;
  }

  /**
   * Wraps a strategy unless it is already wrapped.
   *
   * @param strategy the strategy
   * @return the checking strategy
   */
  public static BatchingStrategy wrap(BatchingStrategy strategy) {
    java.util.Objects.requireNonNull(strategy, "strategy");
    return strategy instanceof CheckedBatchingStrategy ? strategy
        : new CheckedBatchingStrategy(strategy);
  }

  @Override
  public String name() {
    return delegate.name();
  }

  @Override
  public BatchPlan plan(BatchingProblem problem) {
    // the problem is validated first (a record checked when built; here only null is left), so
    // everything the delegate throws is the strategy's failure and carries its name
    java.util.Objects.requireNonNull(problem, "problem");
    BatchPlan plan;
    try {
      plan = delegate.plan(problem);
    } catch (StrategyException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new StrategyException(name(), e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new StrategyException(name(), "failed while planning: " + e, e);
    }
    if (plan == null) {
      throw new StrategyException(name(), "returned no plan (null).");
    }
    List<String> violations = BatchPlanChecks.violations(problem, plan);
    if (!violations.isEmpty()) {
      throw new StrategyException(name(), "returned a plan that breaks the batching contract: "
          + String.join(" ", violations.subList(0, Math.min(5, violations.size())))
          + (violations.size() > 5 ? " (" + (violations.size() - 5) + " more)" : ""));
    }
    return plan;
  }
}
