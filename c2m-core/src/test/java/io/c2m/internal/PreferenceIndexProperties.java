package io.c2m.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.c2m.Attributes;
import io.c2m.ConsumerId;
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
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class PreferenceIndexProperties {
  @Provide
  Arbitrary<Attributes> attributes() {
    return Arbitraries.maps(Arbitraries.of("colour", "size", "fabric", "category"),
        Arbitraries.of("red", "blue", "s", "m", "linen")).ofMaxSize(4).map(Attributes::of);
  }

  @Provide
  Arbitrary<List<Attributes>> preferences() {
    return attributes().list().ofMaxSize(30);
  }

  /** The index answers exactly as {@link Attributes#matches(Attributes)} for every position. */
  @Property(tries = 300)
  void matchingIsAttributesMatches(
      @ForAll("preferences") List<Attributes> preferences,
      @ForAll("attributes") Attributes definition) {
    PreferenceIndex index = new PreferenceIndex(preferences);
    BitSet expected = new BitSet();
    for (int i = 0; i < preferences.size(); i++) {
      if (preferences.get(i).matches(definition)) {
        expected.set(i);
      }
    }
    assertEquals(expected, index.matching(definition));
    assertEquals(expected.cardinality(), index.count(definition));
  }

  /** The empty definition matches everyone; a value nobody prefers matches no one. */
  @Property(tries = 50)
  void emptyAndUnknownDefinitions(@ForAll("preferences") List<Attributes> preferences) {
    PreferenceIndex index = new PreferenceIndex(preferences);
    assertEquals(preferences.size(), index.count(Attributes.empty()));
    assertEquals(0, index.count(Attributes.of(Map.of("colour", "ultraviolet"))));
    List<Attributes> none = new ArrayList<>();
    assertEquals(0, new PreferenceIndex(none).count(Attributes.empty()));
  }

  /**
   * Indexing some rows of a store's preferred values answers exactly as indexing the preferences
   * of those rows' profiles (issue 15: the engine no longer builds a profile per consumer to count
   * audiences), positions being rows; rows left out match nothing, even the empty definition.
   */
  @Property(tries = 100)
  void theReadOutIndexIsTheProfilesIndex(
      @ForAll long seed,
      @ForAll @IntRange(min = 0, max = 60) int consumers,
      @ForAll("attributes") Attributes definition) {
    java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
    Instant start = Instant.parse("2026-03-01T00:00:00Z");
    ProfileStore store = new ProfileStore(ProfileSettings.defaults(), c -> true, start);
    String[][] values = {{"red", "blue"}, {"s", "m"}, {"linen", "silk"}, {"dress", "shirt"}};
    String[] keys = {"colour", "size", "fabric", "category"};
    SignalType[] types = SignalType.values();
    for (int c = 0; c < consumers; c++) {
      for (int n = 1 + random.nextInt(4); n > 0; n--) {
        String[] kv = new String[2 * keys.length];
        for (int k = 0; k < keys.length; k++) {
          kv[2 * k] = keys[k];
          kv[2 * k + 1] = values[k][random.nextInt(2)];
        }
        store.add(new Signal(ConsumerId.of("c" + c), types[random.nextInt(types.length)],
            start.plus(Duration.ofDays(random.nextInt(30))), Attributes.of(kv), "test",
            Double.NaN));
      }
    }
    Instant asOf = start.plus(Duration.ofDays(31));
    List<ConsumerProfile> profiles = store.profiles(asOf);
    BitSet rows = new BitSet();
    List<Attributes> kept = new ArrayList<>();
    List<Integer> rowOf = new ArrayList<>();
    for (int r = 0; r < profiles.size(); r++) {
      if (random.nextInt(3) > 0) {
        rows.set(r);
        kept.add(profiles.get(r).preferences());
        rowOf.add(r);
      }
    }
    PreferenceIndex index = PreferenceIndex.of(store.preferredValues(asOf), rows);
    BitSet byList = new PreferenceIndex(kept).matching(definition);
    BitSet expected = new BitSet();
    byList.stream().forEach(i -> expected.set(rowOf.get(i)));
    assertEquals(expected, index.matching(definition));
    assertEquals(rows.cardinality(), index.count(Attributes.empty()));
  }
}
