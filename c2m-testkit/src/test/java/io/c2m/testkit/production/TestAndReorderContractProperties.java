package io.c2m.testkit.production;

import io.c2m.production.BatchingStrategy;

/** The batching contract for {@code BatchingStrategy.testAndReorder(5, 2.0)}. */
class TestAndReorderContractProperties implements BatchingStrategyContract {
  @Override
  public BatchingStrategy strategy() {
    return BatchingStrategy.testAndReorder(5, 2.0);
  }
}
