package io.c2m.testkit.production;

import io.c2m.production.BatchingStrategy;

/** The batching contract for {@code BatchingStrategy.timeWindow(3)}. */
class TimeWindowContractProperties implements BatchingStrategyContract {
  @Override
  public BatchingStrategy strategy() {
    return BatchingStrategy.timeWindow(3);
  }
}
