package io.c2m.ml;

import io.c2m.niche.NicheInference;
import io.c2m.testkit.niche.NicheInferenceContract;

class HdbscanNichesContractTest extends NicheInferenceContract {
  @Override
  protected NicheInference inference() {
    return TribuoNiches.hdbscan(5, 300);
  }

  /**
   * Known gap: HDBSCAN misses some single-vertical groups of 40 to 80 among 60 to 150 noise. Not a
   * sampling effect: with a sample of 3000 (every consumer clustered) it still returns no niche at
   * all for some of these populations ("missed the planted group {category=dress, color=white,
   * material=wool}; found []"), every consumer sharing the one category.
   */
  @Override
  protected boolean findsDistinctGroups() {
    return false;
  }
}
