package io.c2m.ml;

import io.c2m.niche.NicheInference;
import io.c2m.testkit.niche.NicheInferenceContract;

/**
 * The contract, including the single-vertical recall property: k-means used to miss planted groups
 * there (merged with noise at k = 6, or cut by size at k = 12 and explained with the size added);
 * since clusters drop unproductive values (ClusterExplainer), the cut halves explain as the group.
 */
class KMeansNichesContractTest extends NicheInferenceContract {
  @Override
  protected NicheInference inference() {
    return TribuoNiches.kMeans(6);
  }
}
