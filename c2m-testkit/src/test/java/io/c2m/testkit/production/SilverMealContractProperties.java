package io.c2m.testkit.production;

import io.c2m.production.BatchingStrategy;

/** The batching contract for {@code BatchingStrategy.silverMeal()}. */
class SilverMealContractProperties implements BatchingStrategyContract {
  @Override
  public BatchingStrategy strategy() {
    return BatchingStrategy.silverMeal();
  }
}
