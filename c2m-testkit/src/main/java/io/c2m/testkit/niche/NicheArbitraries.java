package io.c2m.testkit.niche;

import io.c2m.Attributes;
import io.c2m.ConsumerId;
import io.c2m.niche.Niche;
import io.c2m.niche.NicheRequest;
import io.c2m.niche.Trend;
import io.c2m.signal.ConsumerProfile;
import io.c2m.signal.ProfileSettings;
import io.c2m.signal.ProfileStore;
import io.c2m.signal.Signal;
import io.c2m.signal.SignalType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * jqwik arbitraries for niche inference and tailoring: populations of consumer profiles in which a
 * few groups share a preferred definition and the rest are noise, built through a {@link
 * ProfileStore} from seeded signals (so profiles look like real ones: decayed, with prices, with
 * returns).
 */
public final class NicheArbitraries {
  /** The instant every generated request is made at. */
  public static final Instant AS_OF = Instant.parse("2026-06-01T00:00:00Z");

  private static final String[] CATEGORIES = {"dress", "shirt", "jacket", "skirt"};
  private static final String[] COLORS = {"sage", "navy", "black", "white", "red", "mustard"};
  private static final String[] MATERIALS = {"linen", "silk", "cotton", "wool", "denim"};
  private static final String[] SIZES = {"xs", "s", "m", "l", "xl"};
  private static final SignalType[] TYPES = {
    SignalType.VIEW, SignalType.VIEW, SignalType.VIEW, SignalType.LIKE, SignalType.CART_ADD,
    SignalType.PURCHASE, SignalType.RETURN
  };

  private NicheArbitraries() {}

  /**
   * Profiles of a seeded population: {@code groups} groups of {@code groupSize} consumers who
   * favour one random definition (category, color, material), plus {@code noise} consumers with
   * random taste; 5 to 15 signals each over the 30 days before {@link #AS_OF}.
   *
   * @param seed the seed
   * @param groups how many preference groups
   * @param groupSize consumers per group
   * @param noise noise consumers
   * @return the profiles, sorted by consumer id
   */
  public static ProfileStore population(long seed, int groups, int groupSize, int noise) {
    return population(seed, groups, groupSize, noise, CATEGORIES);
  }

  /**
   * As {@link #population(long, int, int, int)} over the given categories only: with one, a
   * single-vertical shop where one category holds every consumer.
   *
   * @param seed the seed
   * @param groups how many preference groups
   * @param groupSize consumers per group
   * @param noise noise consumers
   * @param categories the categories of items; not empty
   * @return the profiles, sorted by consumer id
   */
  public static ProfileStore population(long seed, int groups, int groupSize, int noise,
      String... categories) {
    return population(seed, groups, groupSize, noise, new java.util.ArrayList<>(), categories);
  }

  private static ProfileStore population(long seed, int groups, int groupSize, int noise,
      List<Attributes> favourites, String... categories) {
    if (categories.length == 0) {
      throw new IllegalArgumentException("The categories must not be empty.");
    }
    SplittableRandom random = new SplittableRandom(seed);
    ProfileStore store = new ProfileStore(ProfileSettings.defaults(), c -> true,
        AS_OF.minus(Duration.ofDays(30)));
    int id = 0;
    for (int g = 0; g < groups; g++) {
      Attributes favourite = Attributes.of("category", pick(categories, random), "color",
          pick(COLORS, random), "material", pick(MATERIALS, random));
      favourites.add(favourite);
      for (int m = 0; m < groupSize; m++) {
        signals(store, ConsumerId.of(String.format("c%05d", id++)), favourite, 0.8, categories,
            random);
      }
    }
    for (int m = 0; m < noise; m++) {
      signals(store, ConsumerId.of(String.format("c%05d", id++)), Attributes.empty(), 0.0,
          categories, random);
    }
    return store;
  }

  private static void signals(ProfileStore store, ConsumerId id, Attributes favourite,
      double focus, String[] categories, SplittableRandom random) {
    int count = 5 + random.nextInt(11);
    for (int s = 0; s < count; s++) {
      Attributes item = Attributes.of("category", pick(categories, random), "color",
          pick(COLORS, random), "material", pick(MATERIALS, random), "size", pick(SIZES, random));
      if (random.nextDouble() < focus) {
        item = item.withAll(favourite);
      }
      SignalType type = TYPES[random.nextInt(TYPES.length)];
      Instant at = AS_OF.minusSeconds(random.nextInt(30 * 24 * 3600));
      double price = type == SignalType.PURCHASE || type == SignalType.CART_ADD
          ? 10 + random.nextInt(9000) / 100.0 : Double.NaN;
      store.add(new Signal(id, type, at, item, "testkit", price));
    }
  }

  private static String pick(String[] values, SplittableRandom random) {
    return values[random.nextInt(values.length)];
  }

  /**
   * Niche requests over seeded populations: 0 to 4 groups of 5 to 60 consumers, 0 to 150 noise
   * consumers, a minimum audience of 1 to 40, any seed; with the population's interest timeline.
   *
   * @return the arbitrary
   */
  public static Arbitrary<NicheRequest> requests() {
    return Combinators.combine(
        Arbitraries.longs(), Arbitraries.integers().between(0, 4),
        Arbitraries.integers().between(5, 60), Arbitraries.integers().between(0, 150),
        Arbitraries.integers().between(1, 40))
        .as((seed, groups, size, noise, min) -> {
          ProfileStore store = population(seed, groups, size, noise);
          return new NicheRequest(store.profiles(AS_OF), min, AS_OF, seed, store.timeline());
        });
  }

  /**
   * Niche requests over seeded single-vertical populations (every item and consumer in the
   * category {@code dress}): 1 to 3 groups of 40 to 80 consumers, 60 to 150 noise consumers, a
   * minimum audience of 5 to 20; with the groups' favourite definitions.
   *
   * @return the arbitrary
   */
  public static Arbitrary<PlantedRequest> singleCategoryRequests() {
    return Combinators.combine(
        Arbitraries.longs(), Arbitraries.integers().between(1, 3),
        Arbitraries.integers().between(40, 80), Arbitraries.integers().between(60, 150),
        Arbitraries.integers().between(5, 20))
        .as((seed, groups, size, noise, min) -> {
          List<Attributes> favourites = new java.util.ArrayList<>();
          ProfileStore store = population(seed, groups, size, noise, favourites, "dress");
          return new PlantedRequest(
              new NicheRequest(store.profiles(AS_OF), min, AS_OF, seed, store.timeline()),
              favourites);
        });
  }

  /**
   * A request over a population with planted groups, and the definitions the groups favour.
   *
   * @param request the request
   * @param groups each group's favourite definition (category, color, material), in order
   */
  public record PlantedRequest(NicheRequest request, List<Attributes> groups) {
    /** Copies. */
    public PlantedRequest {
      java.util.Objects.requireNonNull(request, "request");
      groups = List.copyOf(groups);
    }

    /**
     * The groups whose colour and material no other group favours: niches any inference should
     * find.
     *
     * @return their definitions
     */
    public List<Attributes> distinctGroups() {
      return groups.stream()
          .filter(g -> groups.stream().noneMatch(o -> o != g
              && (o.get("color").equals(g.get("color"))
              || o.get("material").equals(g.get("material")))))
          .toList();
    }
  }

  /**
   * A niche and its members, for tailoring: the members are the consumers of a seeded population
   * whose preferences match a definition they favour.
   *
   * @return the arbitrary of (niche, members) pairs
   */
  public static Arbitrary<NicheWithMembers> nichesWithMembers() {
    return Combinators.combine(Arbitraries.longs(), Arbitraries.integers().between(1, 60))
        .as((seed, size) -> {
          ProfileStore store = population(seed, 1, size, 20);
          List<ConsumerProfile> all = store.profiles(AS_OF);
          // The first consumer belongs to the group; its category and color define the niche.
          Attributes prefs = all.get(0).preferences();
          Attributes definition = prefs.get("category").isPresent()
              ? Attributes.of("category", prefs.get("category").get())
              : Attributes.of("color", "sage");
          if (prefs.get("color").isPresent()) {
            definition = definition.with("color", prefs.get("color").get());
          }
          Attributes def = definition;
          List<ConsumerProfile> members =
              all.stream().filter(p -> p.preferences().matches(def)).toList();
          Niche niche = new Niche(Niche.idFor(def), def, Math.max(1, members.size()),
              members.size() / 2.0, 2.0, Trend.steady());
          return new NicheWithMembers(niche, members, seed);
        });
  }

  /**
   * A niche with its members and a seed.
   *
   * @param niche the niche
   * @param members the members' profiles (possibly empty)
   * @param seed a seed
   */
  public record NicheWithMembers(Niche niche, List<ConsumerProfile> members, long seed) {
    /** Copies. */
    public NicheWithMembers {
      members = List.copyOf(members);
    }
  }
}
