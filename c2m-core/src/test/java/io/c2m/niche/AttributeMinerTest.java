package io.c2m.niche;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.Attributes;
import io.c2m.ConsumerId;
import io.c2m.InvalidConfigurationException;
import io.c2m.privacy.Consent;
import io.c2m.signal.ConsumerProfile;
import io.c2m.signal.ProfileSettings;
import io.c2m.signal.ProfileStore;
import io.c2m.signal.Signal;
import io.c2m.signal.SignalType;
import io.c2m.sim.MarketplaceSpec;
import io.c2m.sim.PlantedNiche;
import io.c2m.sim.Population;
import io.c2m.sim.SyntheticMarketplace;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AttributeMinerTest {
  private static final Instant NOW = Instant.parse("2026-05-01T00:00:00Z");

  static NicheRequest request(MarketplaceSpec spec, long seed, int minAudience) {
    Population pop = SyntheticMarketplace.generate(spec, seed);
    Set<ConsumerId> consenting = new HashSet<>();
    pop.accounts().forEach(a -> {
      if (a.allows(Consent.PROFILING)) {
        consenting.add(a.id());
      }
    });
    ProfileStore store =
        new ProfileStore(ProfileSettings.defaults(), consenting::contains, spec.start());
    pop.signals().forEach(store::add);
    return new NicheRequest(store.profiles(spec.end()), minAudience, spec.end(), seed,
        store.timeline());
  }

  @Test
  void recoversPlantedNarrowAndOverlappingNichesWithPrecisionAndRecallAbove95() {
    MarketplaceSpec spec = MarketplaceSpec.nicheEvaluation();
    Set<Attributes> planted = new HashSet<>();
    spec.niches().forEach(p -> planted.add(p.definition()));
    int truePositives = 0;
    int found = 0;
    for (long seed = 1; seed <= 3; seed++) {
      List<Niche> niches = NicheInference.attributeMiner().infer(request(spec, seed, 25));
      found += niches.size();
      for (Niche n : niches) {
        if (planted.contains(n.definition())) {
          truePositives++;
        }
      }
    }
    double precision = (double) truePositives / found;
    double recall = (double) truePositives / (3 * planted.size());
    assertTrue(precision >= 0.95, "precision " + precision);
    assertTrue(recall >= 0.95, "recall " + recall);
  }

  @Test
  void aNicheReportsItsAudienceCountedDirectlyAndARangeOfScores() {
    NicheRequest request = request(MarketplaceSpec.nicheEvaluation(), 11, 25);
    List<Niche> niches = NicheInference.attributeMiner().infer(request);
    assertTrue(niches.size() >= 6);
    for (Niche n : niches) {
      long audience = request.profiles().stream()
          .filter(p -> p.preferences().matches(n.definition()))
          .count();
      assertEquals(audience, n.audience(), n::toString);
      assertTrue(n.lift() > 1.5, n::toString);
      assertTrue(n.demandScore() > 0 && n.demandScore() <= n.audience(), n::toString);
      assertTrue(n.definition().get("category").isPresent());
    }
    for (int i = 1; i < niches.size(); i++) {
      Niche a = niches.get(i - 1);
      Niche b = niches.get(i);
      assertTrue(a.audience() * a.lift() >= b.audience() * b.lift(), "ranked by audience x lift");
    }
  }

  @Test
  void aValueMembersShareByChanceDoesNotNarrowTheNiche() {
    // 60 consumers prefer dress+sage+linen; sizes cycle through four values, so every size is
    // frequent inside the niche but none is distinctive. 144 other dresses and 144 shirts take
    // every (colour, size, material) of a full factorial twice or three times: no association.
    List<ConsumerProfile> profiles = new ArrayList<>();
    String[] sizes = {"s", "m", "l", "xl"};
    String[] colors = {"red", "navy", "black", "white", "grey", "sage"};
    for (int i = 0; i < 60; i++) {
      profiles.add(profile("n" + i, Attributes.of("category", "dress", "color", "sage",
          "material", "linen", "size", sizes[i % 4])));
    }
    for (String category : List.of("dress", "shirt")) {
      for (int i = 0; i < 144; i++) {
        profiles.add(profile(category + i, Attributes.of("category", category, "color",
            colors[i % colors.length], "material", (i / 24) % 2 == 0 ? "cotton" : "linen",
            "size", sizes[(i / 6) % 4])));
      }
    }
    List<Niche> niches = NicheInference.attributeMiner().infer(
        new NicheRequest(profiles, 10, NOW, 0));
    assertEquals(List.of(Attributes.of("category", "dress", "color", "sage", "material", "linen")),
        niches.stream().map(Niche::definition).toList());
    // The 60 planted and the 12 factorial sage linen dresses.
    assertEquals(72, niches.get(0).audience());
    // Lift, by hand: among the 204 dresses, linen ones are sage 72 / 132 times and the others
    // 12 / 72 times (expected 132 / 6 = 22); sage ones are linen 72 / 84 times and the others
    // 60 / 120 times (expected 84 / 2 = 42). The weaker of the two: 72 / 42.
    assertEquals(72 / 42.0, niches.get(0).lift(), 1e-9);
  }

  @Test
  void nothingBelowTheMinimumAudience() {
    NicheRequest request = request(MarketplaceSpec.nicheEvaluation(), 5, 200);
    List<Niche> niches = NicheInference.attributeMiner().infer(request);
    assertTrue(niches.stream().allMatch(n -> n.audience() >= 200));
    List<Attributes> big = new ArrayList<>();
    for (PlantedNiche p : MarketplaceSpec.nicheEvaluation().niches()) {
      if (p.members() >= 250) {
        big.add(p.definition());
      }
    }
    assertTrue(niches.stream().map(Niche::definition).toList().containsAll(big));
  }

  @Test
  void unknownSettingsAreRefused() {
    assertThrows(InvalidConfigurationException.class,
        () -> NicheInferences.byName("attribute-miner", Map.of("minLfit", "2")));
    assertThrows(InvalidConfigurationException.class,
        () -> NicheInferences.byName("attribute-miner", Map.of("minLift", "0.5")));
  }

  private static ConsumerProfile profile(String id, Attributes liked) {
    ProfileStore s = new ProfileStore(ProfileSettings.defaults(), c -> true, NOW);
    s.add(Signal.of(ConsumerId.of(id), SignalType.PURCHASE, NOW, liked, "test"));
    return s.profiles(NOW).get(0);
  }
}
