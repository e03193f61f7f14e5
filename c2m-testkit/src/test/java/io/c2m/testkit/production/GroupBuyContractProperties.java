package io.c2m.testkit.production;

import io.c2m.production.BatchingStrategy;

/** The batching contract for {@code BatchingStrategy.groupBuy(3)}. */
class GroupBuyContractProperties implements BatchingStrategyContract {
  @Override
  public BatchingStrategy strategy() {
    return BatchingStrategy.groupBuy(3);
  }
}
