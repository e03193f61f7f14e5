package io.c2m.ml.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.c2m.AttributeValue;
import io.c2m.Attributes;
import io.c2m.ConsumerId;
import io.c2m.ml.Clustering;
import io.c2m.niche.Niche;
import io.c2m.niche.NicheRequest;
import io.c2m.signal.ConsumerProfile;
import io.c2m.signal.ProfileSettings;
import io.c2m.signal.ProfileStore;
import io.c2m.signal.Signal;
import io.c2m.signal.SignalType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 4, part 4: clusters become niches, and an attribute a group does not share is dropped. */
class ClusterExplainerTest {
  private static final Instant NOW = Instant.parse("2026-05-01T00:00:00Z");
  private static final String[] SIZES = {"xs", "s", "m", "l"};
  private static final String[] COLORS = {"navy", "red", "black", "white"};
  private static final String[] MATERIALS = {"cotton", "silk", "wool", "denim"};
  private static final Attributes GROUP =
      Attributes.of("category", "dress", "color", "sage", "material", "linen");

  /**
   * 60 consumers prefer sage linen dresses, their sizes spread evenly (15 per size); 80 others
   * prefer other colours and materials, sizes spread evenly too. Each consumer's preferences are
   * the one item they bought.
   */
  private static List<ConsumerProfile> profiles() {
    ProfileStore store = new ProfileStore(ProfileSettings.defaults(), c -> true, NOW);
    for (int i = 0; i < 140; i++) {
      Attributes item = i < 60
          ? GROUP.with("size", SIZES[i % 4])
          : Attributes.of("category", "dress", "color", COLORS[i % 4], "material",
              MATERIALS[i / 4 % 4], "size", SIZES[i / 16 % 4]);
      store.add(new Signal(ConsumerId.of(String.format("c%03d", i)), SignalType.PURCHASE, NOW,
          item, "test", 30));
    }
    return store.profiles(NOW);
  }

  @Test
  void aGroupSplitBySizeIsOneNicheWithoutTheSize() {
    List<ConsumerProfile> profiles = profiles();
    NicheRequest request = new NicheRequest(profiles, 10, NOW, 0);
    // A clustering that cuts the group by size (clusters 0..3, 15 each) and the others in one.
    int[] labels = new int[profiles.size()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = i < 60 ? i % 4 : 4;
    }
    ClusterExplainer explainer = ClusterExplainer.defaults();
    Clustering clustering = explainer.explain(request, labels);
    // Each size cluster's size is over-represented: every member prefers it (share 1 > 0.5, and
    // 4 times its share among the dresses' consumers).
    assertEquals(1.0,
        clustering.explanations().get(0).shares().get(new AttributeValue("size", "xs")));
    // But among all sage linen fans a size is no more common than among the other consumers
    // (a quarter each), so the size adds no lift and goes from the definition: one niche, the
    // group's, and every size cluster is explained as it.
    for (int c = 0; c < 4; c++) {
      assertEquals(GROUP, clustering.explanations().get(c).definition());
    }
    List<Niche> niches = explainer.niches(request, clustering);
    assertEquals(List.of(GROUP), niches.stream().map(Niche::definition).toList());
    assertEquals(60, niches.get(0).audience());
  }

  @Test
  void aProductiveValueStays() {
    // Without the split the group's own values are productive: sage and linen each occur in a
    // quarter or less of the other consumers, so the niche keeps them.
    List<ConsumerProfile> profiles = profiles();
    NicheRequest request = new NicheRequest(profiles, 10, NOW, 0);
    int[] labels = new int[profiles.size()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = i < 60 ? 0 : 1;
    }
    ClusterExplainer explainer = ClusterExplainer.defaults();
    List<Niche> niches = explainer.niches(request, explainer.explain(request, labels));
    assertEquals(List.of(GROUP), new ArrayList<>(niches.stream().map(Niche::definition).toList()));
  }

  @Test
  void aGroupHoldingMostOfItsCategoryIsStillExplained() {
    // 90 consumers prefer sage linen dresses, 30 other dresses in other colours and materials:
    // the group is three quarters of the dresses' consumers. Against all of them sage's share is
    // 0.75, so no cluster could reach the lift of 1.5 (1 / 0.75 = 1.33 at most); against the rest
    // of the category (no sage among 30 others; Laplace: 1 / 32) the group's share of 1 is a lift
    // of 32, and the miner's productivity test keeps both values (audience 90, predicted 90 / 32).
    ProfileStore store = new ProfileStore(ProfileSettings.defaults(), c -> true, NOW);
    for (int i = 0; i < 120; i++) {
      Attributes item = i < 90
          ? GROUP.with("size", SIZES[i % 4])
          : Attributes.of("category", "dress", "color", COLORS[i % 4], "material",
              MATERIALS[i / 4 % 4], "size", SIZES[i % 4]);
      store.add(new Signal(ConsumerId.of(String.format("c%03d", i)), SignalType.PURCHASE, NOW,
          item, "test", 30));
    }
    List<ConsumerProfile> profiles = store.profiles(NOW);
    NicheRequest request = new NicheRequest(profiles, 10, NOW, 0);
    int[] labels = new int[profiles.size()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = i < 90 ? 0 : 1;
    }
    ClusterExplainer explainer = ClusterExplainer.defaults();
    Clustering clustering = explainer.explain(request, labels);
    assertEquals(GROUP, clustering.explanations().get(0).definition());
    List<Niche> niches = explainer.niches(request, clustering);
    assertEquals(List.of(GROUP), niches.stream().map(Niche::definition).toList());
    assertEquals(90, niches.get(0).audience());
  }
}
