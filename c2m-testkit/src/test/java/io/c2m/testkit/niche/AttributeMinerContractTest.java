package io.c2m.testkit.niche;

import io.c2m.niche.NicheInference;

class AttributeMinerContractTest extends NicheInferenceContract {
  @Override
  protected NicheInference inference() {
    return NicheInference.attributeMiner();
  }
}
