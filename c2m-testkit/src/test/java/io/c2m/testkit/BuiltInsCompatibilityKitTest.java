package io.c2m.testkit;

import io.c2m.demand.DemandForecaster;
import io.c2m.design.DesignTailor;
import io.c2m.niche.NicheInference;
import io.c2m.order.OrderStore;
import io.c2m.production.BatchingStrategy;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The built-in defaults pass the compatibility kit: group-buy batching (threshold 3), the moving
 * average, the attribute miner, the modal tailor and the in-memory order store. This replaces the
 * single-contract classes these five had; the other built-ins still run their contract directly,
 * which the kit's nested kits are.
 */
class BuiltInsCompatibilityKitTest extends C2mCompatibilityKit {
  @Override
  protected Optional<BatchingStrategy> batchingStrategy() {
    return Optional.of(BatchingStrategy.groupBuy(3));
  }

  @Override
  protected Optional<DemandForecaster> forecaster() {
    return Optional.of(DemandForecaster.movingAverage(7));
  }

  @Override
  protected int forecasterMinLength() {
    return 1;
  }

  @Override
  protected Optional<NicheInference> nicheInference() {
    return Optional.of(NicheInference.attributeMiner());
  }

  @Override
  protected Optional<DesignTailor> designTailor() {
    return Optional.of(DesignTailor.modal());
  }

  @Override
  protected Optional<Supplier<OrderStore>> orderStores() {
    return Optional.of(OrderStore::inMemory);
  }
}
