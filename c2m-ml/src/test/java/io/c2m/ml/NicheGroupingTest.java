package io.c2m.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.c2m.Attributes;
import io.c2m.ConsumerId;
import io.c2m.ml.internal.ClusterExplainer;
import io.c2m.niche.NicheRequest;
import io.c2m.signal.ConsumerProfile;
import io.c2m.signal.ProfileSettings;
import io.c2m.signal.ProfileStore;
import io.c2m.signal.Signal;
import io.c2m.signal.SignalType;
import java.time.Instant;
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

  @Test
  void anUntrimmedExplanationGoesToTheNicheItsDefinitionContains() {
    // Issue 4 review: the explainer drops unproductive values (here the size) before a definition
    // becomes a niche; matching by the raw definition left these consumers ungrouped.
    Attributes group = Attributes.of("category", "dress", "color", "sage", "material", "linen");
    Clustering clustering = new Clustering(List.of(0, 0, 1, 2),
        List.of(new ClusterExplanation(0, 2, Map.of(), group.with("size", "xs")),
            new ClusterExplanation(1, 1, Map.of(), SAGE.with("size", "s")),
            new ClusterExplanation(2, 1, Map.of(), NAVY.with("size", "m"))));
    // Cluster 1 contains both the sage niche and the sage-linen one: the more specific is the
    // sage-linen niche, which it does not contain (no linen), so it goes to sage.
    int[] groups = NicheEvaluation.byNiche(clustering,
        List.of(niche(SAGE), niche(group)));
    assertArrayEquals(new int[] {2, 2, 1, 0}, groups);
  }

  @Test
  void aGroupClusteredBySizeIsOneNicheGroupWithAdjustedRandIndexOne() {
    // ClusterExplainerTest's fixture: 60 sage linen dress fans cut into four clusters by size,
    // 80 others in one cluster; the four clusters are one niche, so the niche grouping equals
    // the planted membership (before the fix: ARI 0, nobody grouped).
    Instant now = Instant.parse("2026-05-01T00:00:00Z");
    String[] sizes = {"xs", "s", "m", "l"};
    String[] colors = {"navy", "red", "black", "white"};
    String[] materials = {"cotton", "silk", "wool", "denim"};
    Attributes group = Attributes.of("category", "dress", "color", "sage", "material", "linen");
    ProfileStore store = new ProfileStore(ProfileSettings.defaults(), c -> true, now);
    for (int i = 0; i < 140; i++) {
      Attributes item = i < 60 ? group.with("size", sizes[i % 4])
          : Attributes.of("category", "dress", "color", colors[i % 4], "material",
              materials[i / 4 % 4], "size", sizes[i / 16 % 4]);
      store.add(new Signal(ConsumerId.of(String.format("c%03d", i)), SignalType.PURCHASE, now,
          item, "test", 30));
    }
    List<ConsumerProfile> profiles = store.profiles(now);
    NicheRequest request = new NicheRequest(profiles, 10, now, 0);
    int[] labels = new int[profiles.size()];
    int[] truth = new int[profiles.size()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = i < 60 ? i % 4 : 4;
      truth[i] = i < 60 ? 1 : 0;
    }
    ClusterExplainer explainer = ClusterExplainer.defaults();
    Clustering clustering = explainer.explain(request, labels);
    List<Niche> niches = explainer.niches(request, clustering);
    assertEquals(List.of(group), niches.stream().map(Niche::definition).toList());
    int[] groups = NicheEvaluation.byNiche(clustering, niches);
    assertEquals(1.0, Metrics.adjustedRandIndex(truth, groups), 1e-12);
  }
}
