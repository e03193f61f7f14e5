package io.c2m.niche;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.AttributeValue;
import io.c2m.Attributes;
import io.c2m.sim.MarketplaceSpec;
import io.c2m.sim.PlantedNiche;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Recall of planted niches by the attribute miner over random planted specs, so the quality claim
 * is not tuned to one fixture: one to three categories with most niches (and so most members) in
 * the first, which then holds most consumers (a single-vertical shop when there is one category);
 * two to five niches of at least {@link #K} members (about 4% of the consumers, so that a niche
 * overlapping a larger one stands out of the category's noise) with two or three
 * values besides the category, optionally in overlapping pairs (sharing category and colour); the
 * rest noise consumers. Values other than the category are shared only within an overlapping pair
 * (each other value is drawn among those no niche uses yet). Asserted: every niche sharing no
 * value with another is found, and at least one niche of each overlapping pair. Known limit (not
 * asserted): niches sharing a value make it common in their category, so the smaller of a pair,
 * or any of three or more niches sharing a value, may fall short of the {@code minLift} test.
 */
class AttributeMinerRecallProperties {
  /** The least members of a planted niche. */
  static final int K = 100;
  static final int MIN_AUDIENCE = 30;
  private static final List<String> CATEGORIES = List.of("dress", "shirt", "jeans");

  static MarketplaceSpec spec(int categories, int nicheCount, boolean overlap, int consumers,
      long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Map<String, List<String>> catalogue = new LinkedHashMap<>();
    catalogue.put("category", CATEGORIES.subList(0, categories));
    catalogue.put("color", List.of("black", "white", "navy", "sage", "terracotta", "mustard",
        "lilac", "grey", "red", "cream"));
    catalogue.put("material", List.of("cotton", "linen", "denim", "wool", "silk", "polyester",
        "leather"));
    catalogue.put("style", List.of("casual", "formal", "boho", "minimal", "sporty", "vintage"));
    List<String> others = List.of("color", "material", "style");
    List<PlantedNiche> niches = new ArrayList<>();
    Set<Attributes> seen = new HashSet<>();
    while (niches.size() < nicheCount) {
      // Three in four niches in the first category.
      String category = random.nextInt(4) < 3 ? CATEGORIES.get(0)
          : CATEGORIES.get(random.nextInt(categories));
      List<AttributeValue> pairs = new ArrayList<>();
      pairs.add(AttributeValue.of("category", category));
      if (overlap && niches.size() % 2 == 1) {
        // Overlapping pairs: share category and colour with the niche before, differ in the rest.
        Attributes earlier = niches.get(niches.size() - 1).definition();
        pairs.set(0, AttributeValue.of("category", earlier.get("category").orElseThrow()));
        pairs.add(AttributeValue.of("color", earlier.get("color").orElseThrow()));
        pairs.add(AttributeValue.of("material", unused("material", catalogue, niches, random)));
      } else {
        List<String> colors = new ArrayList<>(catalogue.get("color"));
        niches.forEach(n -> colors.remove(n.definition().get("color").orElseThrow()));
        pairs.add(AttributeValue.of("color", colors.get(random.nextInt(colors.size()))));
        int extra = 1 + random.nextInt(2);
        List<String> rest = new ArrayList<>(others.subList(1, 3));
        if (extra == 1) {
          rest.remove(random.nextInt(2));
        }
        for (String key : rest) {
          pairs.add(AttributeValue.of(key, unused(key, catalogue, niches, random)));
        }
      }
      Attributes definition = Attributes.of(pairs);
      boolean clash = false;
      for (Attributes d : seen) {
        // No planted niche may contain another: its members would all match the other too.
        clash |= d.pairs().containsAll(definition.pairs())
            || definition.pairs().containsAll(d.pairs());
      }
      if (!clash && seen.add(definition)) {
        niches.add(new PlantedNiche(definition, K + random.nextInt(151),
            20 + random.nextInt(80)));
      }
    }
    MarketplaceSpec fashion = MarketplaceSpec.fashion();
    return new MarketplaceSpec(catalogue, consumers, niches, fashion.signalsPerConsumer(),
        fashion.nicheFocus(), fashion.noiseFocus(), fashion.consentRate(), fashion.start(),
        fashion.span());
  }

  /** A value of the key that no planted niche uses yet. */
  private static String unused(String key, Map<String, List<String>> catalogue,
      List<PlantedNiche> niches, SplittableRandom random) {
    List<String> values = new ArrayList<>(catalogue.get(key));
    niches.forEach(n -> n.definition().get(key).ifPresent(values::remove));
    return values.get(random.nextInt(values.size()));
  }

  @net.jqwik.api.Example
  void findsEveryPlantedNicheOfASingleVerticalShop() {
    // Regression (review of issue 4): one category held every consumer, so testing the category
    // value's lift dropped every niche.
    MarketplaceSpec spec = spec(1, 4, false, 3000, 7);
    NicheRequest request = AttributeMinerTest.request(spec, 7, MIN_AUDIENCE);
    Set<Attributes> found = NicheInference.attributeMiner().infer(request).stream()
        .map(Niche::definition)
        .collect(Collectors.toSet());
    spec.niches().forEach(p -> assertTrue(found.contains(p.definition()),
        () -> "missed " + p.definition() + "; found " + found));
  }

  // A fixed seed: recall over random populations is statistical (a small niche can miss the lift
  // threshold by chance), and a build must not fail by chance. Change the seed to explore.
  @Property(tries = 25, seed = "20261122")
  void recoversPlantedNichesOfRandomSpecsIncludingADominantCategory(
      @ForAll @IntRange(min = 1, max = 3) int categories,
      @ForAll @IntRange(min = 2, max = 5) int nicheCount,
      @ForAll boolean overlap,
      @ForAll @IntRange(min = 2000, max = 3500) int consumers,
      @ForAll long seed) {
    MarketplaceSpec spec = spec(categories, nicheCount, overlap, consumers, seed);
    NicheRequest request = AttributeMinerTest.request(spec, seed, MIN_AUDIENCE);
    Set<Attributes> found = NicheInference.attributeMiner().infer(request).stream()
        .map(Niche::definition)
        .collect(Collectors.toSet());
    List<Attributes> planted = spec.niches().stream().map(PlantedNiche::definition).toList();
    List<Attributes> missed = planted.stream().filter(d -> !found.contains(d)).toList();
    // A niche sharing no value besides its category with another planted niche is always found.
    List<Attributes> missedIsolated = missed.stream()
        .filter(d -> planted.stream().noneMatch(o -> !o.equals(d) && shares(o, d)))
        .toList();
    assertTrue(missedIsolated.isEmpty(), () -> "missed isolated " + missedIsolated + " of "
        + spec.niches() + "; found " + found);
    // Of niches sharing a value with another (the overlapping pairs), the smaller may be missed
    // when the larger makes the shared value common in the category (it is then less than minLift
    // times over-represented given the rest); at least one of each pair is found.
    for (Attributes d : missed) {
      for (Attributes o : planted) {
        if (!o.equals(d) && shares(o, d)) {
          assertTrue(found.contains(o), () -> "missed both " + d + " and " + o + "; found "
              + found);
        }
      }
    }
  }

  private static boolean shares(Attributes a, Attributes b) {
    if (!a.get("category").equals(b.get("category"))) {
      return false;
    }
    return a.pairs().stream().anyMatch(v -> !v.key().equals("category") && b.pairs().contains(v));
  }
}
