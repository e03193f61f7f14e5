package io.c2m.ml;

import io.c2m.niche.NicheInference;
import io.c2m.testkit.C2mCompatibilityKit;
import java.util.Optional;

/**
 * The contract, including the single-vertical recall property: k-means used to miss planted groups
 * there (merged with noise at k = 6, or cut by size at k = 12 and explained with the size added);
 * since clusters drop unproductive values (ClusterExplainer), the cut halves explain as the group.
 */
class KMeansNichesContractTest extends C2mCompatibilityKit {
  @Override
  protected Optional<NicheInference> nicheInference() {
    return Optional.of(TribuoNiches.kMeans(6));
  }
}
