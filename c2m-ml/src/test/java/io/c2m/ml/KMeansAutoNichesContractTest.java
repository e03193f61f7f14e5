package io.c2m.ml;

import io.c2m.niche.NicheInference;
import io.c2m.testkit.C2mCompatibilityKit;
import java.util.Optional;

/** The contract of k-means with k following the population (the provider's default). */
class KMeansAutoNichesContractTest extends C2mCompatibilityKit {
  @Override
  protected Optional<NicheInference> nicheInference() {
    return Optional.of(TribuoNiches.kMeans());
  }
}
