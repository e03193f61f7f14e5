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
   * and the merged cluster explains to no niche (seen at k = 6: "missed the planted group
   * {category=dress, color=mustard, material=wool}; found []"); at k = 12 it instead splits a group
   * by size and explains the halves with a size added ("missed {category=dress, color=mustard,
   * material=denim}; found [... material=denim, size=xl}, ... size=l}, ... size=m}]"). Choosing k by
   * the mean silhouette width did not help: on MarketplaceSpec.nicheEvaluation() (seed 42) it picks
   * k = 2 (recall 0.125), the noise consumers dominating the mean (BENCHMARKS.md, niche section).
   * The recall property is therefore not claimed for k-means; attribute-miner keeps it.
   */
  @Override
  protected boolean findsDistinctGroups() {
    return false;
  }
}
