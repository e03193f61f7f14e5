package io.c2m.ml;

import io.c2m.niche.NicheInference;
import io.c2m.testkit.niche.NicheInferenceContract;

/** The contract of k-means with k following the population (the provider's default). */
class KMeansAutoNichesContractTest extends NicheInferenceContract {
  @Override
  protected NicheInference inference() {
    return TribuoNiches.kMeans();
  }
}
