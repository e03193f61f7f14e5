package io.c2m.ml;

import io.c2m.niche.NicheInference;
import io.c2m.testkit.C2mCompatibilityKit;
import java.util.Optional;

class HdbscanNichesContractTest extends C2mCompatibilityKit {
  @Override
  protected Optional<NicheInference> nicheInference() {
    return Optional.of(TribuoNiches.hdbscan(5, 300));
  }
}
