package io.c2m.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.Attributes;
import io.c2m.niche.Niche;
import io.c2m.niche.NicheInference;
import io.c2m.niche.NicheInferences;
import io.c2m.niche.NicheRequest;
import io.c2m.signal.ConsumerProfile;
import io.c2m.signal.ProfileSettings;
import io.c2m.signal.ProfileStore;
import io.c2m.sim.MarketplaceSpec;
import io.c2m.sim.PlantedNiche;
import io.c2m.sim.Population;
import io.c2m.sim.SyntheticMarketplace;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A small population where each planted niche is most of its category's consumers (80 of 119
 * dresses, 70 of 111 sneakers among 400): the clustering strategies must find the planted niches
 * as the miner does. Their clusters were right before, but the explainer measured a value's
 * over-representation against the whole category, cluster included, which a cluster holding more
 * than two thirds of its category can never pass at a lift of 1.5.
 */
class SmallPopulationNichesTest {
  private static final Attributes DRESS =
      Attributes.of("category", "dress", "color", "sage", "material", "linen");
  private static final Attributes SNEAKERS =
      Attributes.of("category", "sneakers", "color", "white", "style", "minimal");
  private static NicheRequest request;

  @BeforeAll
  static void population() {
    // As c2m-examples' NichesCommandTest builds its events file.
    MarketplaceSpec spec = MarketplaceSpec.fashion()
        .withNiches(List.of(new PlantedNiche(DRESS, 80, 30), new PlantedNiche(SNEAKERS, 70, 60)))
        .withConsumers(400);
    Population population = SyntheticMarketplace.generate(spec, 5);
    ProfileStore store = new ProfileStore(ProfileSettings.defaults(), c -> true, spec.start());
    population.signals().forEach(store::add);
    List<ConsumerProfile> profiles = store.profiles(spec.end());
    request = new NicheRequest(profiles, 25, spec.end(), 42, store.timeline());
  }

  private static List<Attributes> definitions(NicheInference inference) {
    return inference.infer(request).stream().map(Niche::definition).toList();
  }

  @Test
  void theMinerFindsBothPlantedNiches() {
    List<Attributes> found = definitions(NicheInference.attributeMiner());
    assertTrue(found.containsAll(List.of(DRESS, SNEAKERS)), found::toString);
  }

  @Test
  void kMeansFindsBothPlantedNichesWhateverTheNumberOfClusters() {
    for (String k : List.of("0", "8", "16", "24")) {
      List<Attributes> found =
          definitions(NicheInferences.byName("tribuo-kmeans", Map.of("clusters", k)));
      assertTrue(found.containsAll(List.of(DRESS, SNEAKERS)), () -> "k " + k + ": " + found);
    }
  }

  @Test
  void hdbscanFindsBothPlantedNiches() {
    List<Attributes> found = definitions(NicheInferences.byName("tribuo-hdbscan"));
    assertTrue(found.containsAll(List.of(DRESS, SNEAKERS)), found::toString);
  }

  @Test
  void theSameSeedGivesTheSameNichesAndClusters() {
    ClusteringNicheInference kmeans = TribuoNiches.kMeans();
    Clustering first = kmeans.cluster(request);
    Clustering second = kmeans.cluster(request);
    assertEquals(first.labels(), second.labels());
    assertEquals(kmeans.niches(request, first), kmeans.niches(request, second));
  }
}
