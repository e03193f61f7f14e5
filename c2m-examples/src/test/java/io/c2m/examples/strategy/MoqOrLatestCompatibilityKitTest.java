package io.c2m.examples.strategy;

import io.c2m.production.BatchingStrategy;
import io.c2m.testkit.C2mCompatibilityKit;
import java.util.Optional;

/** The example's own strategy passes the compatibility kit (the batching kit; the rest skip). */
class MoqOrLatestCompatibilityKitTest extends C2mCompatibilityKit {
  @Override
  protected Optional<BatchingStrategy> batchingStrategy() {
    return Optional.of(new MoqOrLatestBatching());
  }
}
