package io.c2m.ml;

import io.c2m.niche.NicheInference;
import io.c2m.testkit.niche.NicheInferenceContract;

class KMeansNichesContractTest extends NicheInferenceContract {
  @Override
  protected NicheInference inference() {
    return TribuoNiches.kMeans(6);
  }
}
