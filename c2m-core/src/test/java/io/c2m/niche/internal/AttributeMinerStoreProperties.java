package io.c2m.niche.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.c2m.Attributes;
import io.c2m.ConsumerId;
import io.c2m.niche.Niche;
import io.c2m.niche.NicheInference;
import io.c2m.niche.NicheRequest;
import io.c2m.niche.PreferenceRequest;
import io.c2m.niche.Trend;
import io.c2m.niche.TrendSettings;
import io.c2m.signal.ConsumerProfile;
import io.c2m.signal.ProfileSettings;
import io.c2m.signal.ProfileStore;
import io.c2m.signal.Signal;
import io.c2m.signal.SignalType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Mining a profile store's arrays directly ({@link AttributeMiner#infer(ProfileStore, int,
 * Instant, long)}) gives exactly the niches (definitions, audiences, demand scores, lifts, trends,
 * order) of the object path over {@code store.profiles(asOf)}, on random populations with planted
 * focus items, noise, returns and ties.
 */
class AttributeMinerStoreProperties {
  private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");
  private static final String[][] CATALOGUE = {
    {"dress", "shirt", "shoe"}, {"sage", "navy", "red", "white"}, {"linen", "silk", "wool"},
    {"s", "m", "l"}};
  private static final String[] KEYS = {"category", "color", "material", "size"};

  static ProfileStore population(long seed, int consumers, int erase) {
    SplittableRandom random = new SplittableRandom(seed);
    ProfileStore store = new ProfileStore(ProfileSettings.defaults(),
        c -> !c.value().endsWith("7"), START); // some consumers refuse profiling
    int[][] planted = new int[1 + random.nextInt(4)][KEYS.length];
    for (int[] p : planted) {
      for (int k = 0; k < KEYS.length; k++) {
        p[k] = random.nextInt(4) == 0 ? -1 : random.nextInt(CATALOGUE[k].length);
      }
    }
    SignalType[] types = SignalType.values();
    for (int c = 0; c < consumers; c++) {
      ConsumerId id = ConsumerId.of(String.format("c%04d", c));
      int[] focus = random.nextInt(3) == 0 ? null : planted[random.nextInt(planted.length)];
      int signals = 1 + random.nextInt(10);
      for (int s = 0; s < signals; s++) {
        String[] kv = new String[2 * KEYS.length];
        for (int k = 0; k < KEYS.length; k++) {
          int v = focus != null && focus[k] >= 0 && random.nextInt(4) > 0 ? focus[k]
              : random.nextInt(CATALOGUE[k].length);
          kv[2 * k] = KEYS[k];
          kv[2 * k + 1] = CATALOGUE[k][v];
        }
        // Whole days only, so that equal affinities (ties) occur.
        Instant at = START.plus(Duration.ofDays(random.nextInt(60)));
        store.add(new Signal(id, types[random.nextInt(types.length)], at, Attributes.of(kv),
            "test", random.nextInt(2) == 0 ? Double.NaN : 10 + random.nextInt(90)));
      }
    }
    for (int e = 0; e < erase; e++) {
      store.erase(ConsumerId.of(String.format("c%04d", random.nextInt(consumers))));
    }
    return store;
  }

  @Property(tries = 60)
  void theStorePathEqualsTheObjectPath(
      @ForAll long seed,
      @ForAll @IntRange(min = 20, max = 400) int consumers,
      @ForAll @IntRange(min = 2, max = 25) int minAudience,
      @ForAll @IntRange(min = 0, max = 3) int erase,
      @ForAll boolean lax) {
    ProfileStore store = population(seed, consumers, erase);
    Instant asOf = START.plus(Duration.ofDays(61));
    AttributeMiner miner = lax
        ? new AttributeMiner(4, 1.0, 0.0, 0.0, TrendSettings.defaults())
        : (AttributeMiner) NicheInference.attributeMiner();
    List<Niche> objects = miner.infer(
        new NicheRequest(store.profiles(asOf), minAudience, asOf, seed, store.timeline()));
    List<Niche> direct = miner.infer(store, minAudience, asOf, seed);
    assertEquals(objects, direct);
  }

  /**
   * Mining some rows of a store's preferred values ({@link AttributeMiner#infer(PreferenceRequest)},
   * the path the engine takes, issue 15) gives exactly the niches of the object path over those
   * rows' profiles, checked or not.
   */
  @Property(tries = 60)
  void thePreferencePathOfSomeRowsEqualsTheObjectPath(
      @ForAll long seed,
      @ForAll @IntRange(min = 20, max = 400) int consumers,
      @ForAll @IntRange(min = 2, max = 25) int minAudience,
      @ForAll @IntRange(min = 0, max = 3) int leaveOutOneIn,
      @ForAll boolean lax) {
    ProfileStore store = population(seed, consumers, 1);
    Instant asOf = START.plus(Duration.ofDays(61));
    NicheInference miner = lax
        ? new AttributeMiner(4, 1.0, 0.0, 0.0, TrendSettings.defaults())
        : NicheInference.attributeMiner();
    List<ConsumerProfile> all = store.profiles(asOf);
    BitSet rows = new BitSet();
    List<ConsumerProfile> kept = new ArrayList<>();
    for (int r = 0; r < all.size(); r++) {
      if (leaveOutOneIn == 0 || r % (leaveOutOneIn + 1) != 0) {
        rows.set(r);
        kept.add(all.get(r));
      }
    }
    PreferenceRequest request = new PreferenceRequest(store.preferredValues(asOf), rows,
        minAudience, seed, store.timeline(), () -> kept);
    List<Niche> objects = miner.infer(
        new NicheRequest(kept, minAudience, asOf, seed, store.timeline()));
    assertEquals(objects, miner.infer(request));
    // The trends read from the items of each niche's category are Trend.of's over every item.
    for (Niche n : objects) {
      assertEquals(Trend.of(store.timeline(), n.definition(), asOf, TrendSettings.defaults()),
          n.trend());
    }
    assertEquals(NicheInference.checked(miner).infer(request.request()),
        NicheInference.checked(miner).infer(request));
  }
}
