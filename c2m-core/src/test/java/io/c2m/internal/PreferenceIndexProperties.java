package io.c2m.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.c2m.Attributes;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

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
}
