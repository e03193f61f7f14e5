package io.c2m.testkit;

import io.c2m.production.BatchingStrategy;
import java.util.Optional;

/**
 * Wagner-Whitin through the kit, the one SPI provided: its batching kit runs, the other kits are
 * skipped, not failed (replaces the single-contract class it had).
 */
class BatchingOnlyCompatibilityKitTest extends C2mCompatibilityKit {
  @Override
  protected Optional<BatchingStrategy> batchingStrategy() {
    return Optional.of(BatchingStrategy.wagnerWhitin());
  }
}
