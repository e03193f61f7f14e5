package io.c2m.testkit.production;

import io.c2m.production.BatchingStrategy;

/** The batching contract for {@code BatchingStrategy.wagnerWhitin()}. */
class WagnerWhitinContractProperties implements BatchingStrategyContract {
  @Override
  public BatchingStrategy strategy() {
    return BatchingStrategy.wagnerWhitin();
  }
}
