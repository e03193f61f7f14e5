package io.c2m.internal;

import io.c2m.Attributes;
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
  private final Map<String, Map<String, BitSet>> positions = new HashMap<>();

  /**
   * Indexes preferences.
   *
   * @param preferences the preferences, by position
   */
  public PreferenceIndex(List<Attributes> preferences) {
    this.size = preferences.size();
    for (int i = 0; i < size; i++) {
      int position = i;
      preferences.get(i).values().forEach((key, value) -> positions
          .computeIfAbsent(key, k -> new HashMap<>())
          .computeIfAbsent(value, v -> new BitSet(size)).set(position));
    }
  }

  /**
   * Returns the positions whose preferences match a definition.
   *
   * @param definition the pairs required
   * @return a new bit set of positions
   */
  public BitSet matching(Attributes definition) {
    BitSet out = new BitSet(size);
    out.set(0, size);
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
