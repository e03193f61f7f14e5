package io.c2m.ml;

import io.c2m.niche.NicheInference;
import io.c2m.testkit.niche.NicheInferenceContract;

class KMeansNichesContractTest extends NicheInferenceContract {
  @Override
  protected NicheInference inference() {
    return TribuoNiches.kMeans(6);
  }

  /**
   * Known gap: with a fixed k, k-means sometimes merges a planted single-vertical group with noise
   * and the merged cluster explains to no niche (seen: "missed the planted group {category=dress,
   * color=mustard, material=wool}; found []"). The recall property is therefore not claimed for
   * k-means; attribute-miner keeps it.
   */
  @Override
  protected boolean findsDistinctGroups() {
    return false;
  }
}
