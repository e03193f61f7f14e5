package io.c2m.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.InvalidConfigurationException;
import io.c2m.niche.NicheInference;
import io.c2m.niche.NicheInferences;
import io.c2m.sim.MarketplaceSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TribuoNichesTest {
  private static final MarketplaceSpec SPEC = MarketplaceSpec.fashion().withConsumers(2500);
  private static NicheEvaluation.Report report;

  @BeforeAll
  static void evaluate() {
    report = NicheEvaluation.run(SPEC, 3, 25, List.of(NicheInference.attributeMiner(),
        TribuoNiches.kMeans(SPEC.niches().size() + 4), TribuoNiches.hdbscan(5, 1500)));
  }

  private static NicheEvaluation.Quality quality(String name) {
    return report.qualities().stream().filter(q -> q.strategy().equals(name)).findFirst()
        .orElseThrow();
  }

  @Test
  void clusteringPathsRecoverThePlantedNichesAndGroupTheirMembers() {
    NicheEvaluation.Quality kmeans = quality("tribuo-kmeans");
    NicheEvaluation.Quality hdbscan = quality("tribuo-hdbscan");
    assertTrue(kmeans.precision() >= 0.8 && kmeans.recall() >= 0.8, kmeans::toString);
    assertTrue(hdbscan.precision() >= 0.8 && hdbscan.recall() >= 0.8, hdbscan::toString);
    assertTrue(kmeans.membersAdjustedRandIndex() > 0.8, kmeans::toString);
    assertTrue(hdbscan.membersAdjustedRandIndex() > 0.8, hdbscan::toString);
    NicheEvaluation.Quality miner = quality("attribute-miner");
    assertTrue(miner.adjustedRandIndex() > 0.9, miner::toString);
    for (NicheEvaluation.Quality q : report.qualities()) {
      assertTrue(q.deterministic(), q::toString);
      // The niche grouping puts unexplained clusters with the noise: at least as close to the
      // planted membership as k-means' raw clusters, which must split the noise.
      assertTrue(q.nicheAdjustedRandIndex() > 0.8, q::toString);
    }
    assertEquals(miner.adjustedRandIndex(), miner.nicheAdjustedRandIndex());
  }

  @Test
  void thePropensityModelRanksHeldOutOrderersAboveOthers() {
    assertTrue(report.propensityAuc() > 0.65, "ROC-AUC " + report.propensityAuc());
    assertTrue(report.heldOut() > 500);
  }

  @Test
  void theSameSeedGivesTheSameNiches() {
    NicheEvaluation.Report again = NicheEvaluation.run(SPEC, 3, 25, List.of(
        TribuoNiches.kMeans(SPEC.niches().size() + 4)));
    NicheEvaluation.Quality a = quality("tribuo-kmeans");
    NicheEvaluation.Quality b = again.qualities().get(0);
    assertEquals(a.found(), b.found());
    assertEquals(a.adjustedRandIndex(), b.adjustedRandIndex());
  }

  @Test
  void strategiesAreFoundByNameAndRefuseUnknownSettings() {
    assertTrue(NicheInferences.names().containsAll(
        List.of("attribute-miner", "tribuo-kmeans", "tribuo-hdbscan")));
    assertEquals("tribuo-hdbscan", NicheInferences.byName("tribuo-hdbscan").name());
    assertEquals("tribuo-kmeans",
        NicheInferences.byName("tribuo-kmeans", Map.of("clusters", "8")).name());
    assertThrows(InvalidConfigurationException.class,
        () -> NicheInferences.byName("tribuo-kmeans", Map.of("k", "8")));
    assertThrows(InvalidConfigurationException.class,
        () -> NicheInferences.byName("tribuo-kmeans", Map.of("clusters", "1")));
  }
}
