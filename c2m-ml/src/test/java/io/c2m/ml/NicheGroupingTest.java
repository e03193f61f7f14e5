package io.c2m.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.c2m.Attributes;
import io.c2m.niche.Niche;
import io.c2m.niche.Trend;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The niche grouping that NicheEvaluation scores the clustering paths by. */
class NicheGroupingTest {
  private static final Attributes SAGE =
      Attributes.of("category", "dress", "color", "sage");
  private static final Attributes NAVY =
      Attributes.of("category", "dress", "color", "navy");

  private static Niche niche(Attributes definition) {
    return new Niche(Niche.idFor(definition), definition, 10, 1, 2, Trend.steady());
  }

  @Test
  void clustersExplainedAsOneNicheMergeAndUnexplainedClustersAreNoise() {
    // Clusters 0 and 3 are both explained as sage, 1 as navy, 2 as nothing, 4 as a definition
    // that did not become a niche (too small an audience); -1 is HDBSCAN's noise.
    Attributes orphan = Attributes.of("category", "dress", "color", "red");
    Clustering clustering = new Clustering(List.of(0, 1, 2, 3, -1, 4, 1, 0),
        List.of(new ClusterExplanation(0, 2, Map.of(), SAGE),
            new ClusterExplanation(1, 2, Map.of(), NAVY),
            new ClusterExplanation(2, 1, Map.of(), Attributes.empty()),
            new ClusterExplanation(3, 1, Map.of(), SAGE),
            new ClusterExplanation(4, 1, Map.of(), orphan)));
    int[] groups = NicheEvaluation.byNiche(clustering, List.of(niche(NAVY), niche(SAGE)));
    // navy ranks first (group 1), sage second (group 2).
    assertArrayEquals(new int[] {2, 1, 0, 2, 0, 0, 1, 2}, groups);
  }

  @Test
  void theNicheGroupingOfAPerfectClusteringHasAdjustedRandIndexOne() {
    int[] truth = {1, 1, 2, 2, 0, 0};
    Clustering clustering = new Clustering(List.of(5, 5, 7, 7, 6, 8),
        List.of(new ClusterExplanation(5, 2, Map.of(), SAGE),
            new ClusterExplanation(6, 1, Map.of(), Attributes.empty()),
            new ClusterExplanation(7, 2, Map.of(), NAVY),
            new ClusterExplanation(8, 1, Map.of(), Attributes.empty())));
    int[] groups = NicheEvaluation.byNiche(clustering, List.of(niche(SAGE), niche(NAVY)));
    assertEquals(1.0, Metrics.adjustedRandIndex(truth, groups), 1e-12);
    // The raw clusters split the noise in two, so they agree less.
    assertEquals(true, Metrics.adjustedRandIndex(truth, clustering.labelArray()) < 1.0);
  }
}
