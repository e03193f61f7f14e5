package io.c2m.internal;

import io.c2m.AttributeValue;
import io.c2m.Attributes;
import io.c2m.signal.PreferredValues;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which of a list of profiles' preferences match a niche definition, answered with bit sets
 * instead of one {@link Attributes#matches(Attributes)} per profile and niche (issue 15: the
 * engine recounts every niche's audience, and finds every tailored niche's members, among all
 * profiles; at 100,000 consumers that was a large share of a simulation's time).
 *
 * <p>Layout: for each attribute key and value, the set of positions (in the list the index was
 * built from) whose preferences have that value for that key. A definition matches the
 * preferences at a position exactly when, for every pair of the definition, that position is in
 * the pair's set: the same test as {@link Attributes#matches(Attributes)} (each of the
 * definition's values equals the preferences' value for its key). Memory: one bit per position for
 * each distinct pair, plus the maps.
 *
 * <p>Immutable after construction; internal because only the engine and its checks use it.
 */
public final class PreferenceIndex {
  private final int size;
  /** The indexed positions: all of {@code [0, size)}, or some rows of a read-out. */
  private final BitSet indexed;
  private final Map<String, Map<String, BitSet>> positions = new HashMap<>();

  /**
   * Indexes preferences.
   *
   * @param preferences the preferences, by position
   */
  public PreferenceIndex(List<Attributes> preferences) {
    this.size = preferences.size();
    this.indexed = new BitSet(size);
    indexed.set(0, size);
    for (int i = 0; i < size; i++) {
      int position = i;
      preferences.get(i).values().forEach((key, value) -> positions
          .computeIfAbsent(key, k -> new HashMap<>())
          .computeIfAbsent(value, v -> new BitSet(size)).set(position));
    }
  }

  private PreferenceIndex(int size, BitSet indexed) {
    this.size = size;
    this.indexed = indexed;
  }

  /**
   * Indexes the preferred values of some rows of a store's read-out, without a {@link
   * io.c2m.signal.ConsumerProfile} per consumer: positions are the rows, and a row's preferences
   * are its preferred values ({@link PreferredValues} says they are exactly those of {@link
   * io.c2m.signal.ConsumerProfile#preferences()}), so {@link #matching(Attributes)} gives the
   * included rows whose consumers' profiles match a definition.
   *
   * @param preferences the preferred values
   * @param rows the rows to index; the others (and rows past the read-out's) match nothing
   * @return the index
   */
  public static PreferenceIndex of(PreferredValues preferences, BitSet rows) {
    BitSet indexed = (BitSet) rows.clone();
    if (indexed.length() > preferences.size()) {
      indexed.clear(preferences.size(), indexed.length());
    }
    PreferenceIndex index = new PreferenceIndex(preferences.size(), indexed);
    BitSet[] byValue = new BitSet[preferences.valueCount()];
    for (int r = indexed.nextSetBit(0); r >= 0; r = indexed.nextSetBit(r + 1)) {
      for (int i = preferences.start(r), end = preferences.end(r); i < end; i++) {
        int v = preferences.valueId(i);
        if (byValue[v] == null) {
          byValue[v] = new BitSet(index.size);
        }
        byValue[v].set(r);
      }
    }
    for (int v = 0; v < byValue.length; v++) {
      if (byValue[v] != null) {
        AttributeValue av = preferences.value(v);
        index.positions.computeIfAbsent(av.key(), k -> new HashMap<>()).put(av.value(), byValue[v]);
      }
    }
    return index;
  }

  /**
   * Returns the positions whose preferences match a definition.
   *
   * @param definition the pairs required
   * @return a new bit set of positions
   */
  public BitSet matching(Attributes definition) {
    BitSet out = (BitSet) indexed.clone();
    for (Map.Entry<String, String> e : definition.values().entrySet()) {
      BitSet withPair = positions.getOrDefault(e.getKey(), Map.of()).get(e.getValue());
      if (withPair == null) {
        return new BitSet();
      }
      out.and(withPair);
    }
    return out;
  }

  /**
   * Returns how many positions' preferences match a definition.
   *
   * @param definition the pairs required
   * @return the count
   */
  public int count(Attributes definition) {
    return matching(definition).cardinality();
  }
}
