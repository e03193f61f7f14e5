package io.c2m.testkit.order;

import io.c2m.order.OrderStore;

/** The order-store contract for {@link OrderStore#inMemory()}. */
class InMemoryOrderStoreContractTest implements OrderStoreContract {
  @Override
  public OrderStore newStore() {
    return OrderStore.inMemory();
  }
}
