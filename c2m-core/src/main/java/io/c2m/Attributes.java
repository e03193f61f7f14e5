package io.c2m;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An immutable set of product attributes, at most one value per key, kept sorted by key: for
 * example {@code category=dress, color=sage, material=linen, size=m}. Used for the item of a
 * signal, the definition of a niche and the spec of a design. Keys and values are normalised as
 * in {@link AttributeValue}.
 *
 * @param values the attributes, key to value; copied and normalised
 */
public record Attributes(SortedMap<String, String> values) {
  private static final Attributes EMPTY = new Attributes(new TreeMap<>());

  /**
   * Copies, normalises and validates the attributes.
   *
   * @throws IllegalArgumentException if a key or value is blank, or two keys normalise to the same
   */
  public Attributes {
    requireNonNull(values, "values");
    TreeMap<String, String> copy = new TreeMap<>();
    for (Map.Entry<String, String> e : values.entrySet()) {
      AttributeValue av = new AttributeValue(e.getKey(), e.getValue());
      if (copy.put(av.key(), av.value()) != null) {
        throw new IllegalArgumentException(
            "The attribute key (\"" + e.getKey() + "\") occurs twice after normalisation.");
      }
    }
    values = Collections.unmodifiableSortedMap(copy);
  }

  /**
   * Returns the empty set of attributes.
   *
   * @return no attributes
   */
  public static Attributes empty() {
    return EMPTY;
  }

  /**
   * Creates attributes from alternating keys and values.
   *
   * @param keysAndValues {@code key1, value1, key2, value2, ...}
   * @return the attributes
   * @throws IllegalArgumentException if the count is odd or a key repeats
   */
  public static Attributes of(String... keysAndValues) {
    requireNonNull(keysAndValues, "keysAndValues");
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException(
          "Attributes.of takes keys and values in pairs, got " + keysAndValues.length
              + " strings.");
    }
    TreeMap<String, String> map = new TreeMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      AttributeValue av = new AttributeValue(keysAndValues[i], keysAndValues[i + 1]);
      if (map.put(av.key(), av.value()) != null) {
        throw new IllegalArgumentException(
            "The attribute key (\"" + av.key() + "\") is given twice.");
      }
    }
    return new Attributes(map);
  }

  /**
   * Creates attributes from pairs.
   *
   * @param pairs the pairs; at most one per key
   * @return the attributes
   * @throws IllegalArgumentException if a key repeats
   */
  public static Attributes of(Collection<AttributeValue> pairs) {
    requireNonNull(pairs, "pairs");
    TreeMap<String, String> map = new TreeMap<>();
    for (AttributeValue av : pairs) {
      requireNonNull(av, "pair");
      if (map.put(av.key(), av.value()) != null) {
        throw new IllegalArgumentException(
            "The attribute key (\"" + av.key() + "\") is given twice.");
      }
    }
    return new Attributes(map);
  }

  /**
   * Creates attributes from a map.
   *
   * @param map key to value
   * @return the attributes
   */
  public static Attributes of(Map<String, String> map) {
    return new Attributes(new TreeMap<>(requireNonNull(map, "map")));
  }

  /**
   * Returns the value of a key.
   *
   * @param key the attribute name (normalised before lookup)
   * @return the value, or empty if absent
   */
  public Optional<String> get(String key) {
    return Optional.ofNullable(values.get(AttributeValue.normaliseKey(key)));
  }

  /**
   * Tells whether this has the given pair.
   *
   * @param pair the pair
   * @return true if this maps the pair's key to the pair's value
   */
  public boolean has(AttributeValue pair) {
    return pair.value().equals(values.get(pair.key()));
  }

  /**
   * Tells whether every pair of {@code constraints} is in this set: an item matches a niche
   * definition when it has all of the definition's attributes.
   *
   * @param constraints the required pairs
   * @return true if all are present with equal values
   */
  public boolean matches(Attributes constraints) {
    for (Map.Entry<String, String> e : constraints.values.entrySet()) {
      if (!e.getValue().equals(values.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns a copy with one attribute set (added or replaced).
   *
   * @param key the attribute name
   * @param value its value
   * @return the new attributes
   */
  public Attributes with(String key, String value) {
    AttributeValue av = new AttributeValue(key, value);
    TreeMap<String, String> copy = new TreeMap<>(values);
    copy.put(av.key(), av.value());
    return new Attributes(copy);
  }

  /**
   * Returns a copy with every attribute of {@code other} set, {@code other} winning on a shared
   * key.
   *
   * @param other the attributes to lay over this
   * @return the combined attributes
   */
  public Attributes withAll(Attributes other) {
    TreeMap<String, String> copy = new TreeMap<>(values);
    copy.putAll(other.values);
    return new Attributes(copy);
  }

  /**
   * Returns a copy without one key.
   *
   * @param key the attribute name
   * @return the new attributes
   */
  public Attributes without(String key) {
    TreeMap<String, String> copy = new TreeMap<>(values);
    copy.remove(AttributeValue.normaliseKey(key));
    return new Attributes(copy);
  }

  /**
   * Returns the pairs in key order.
   *
   * @return the pairs, an immutable list
   */
  public List<AttributeValue> pairs() {
    List<AttributeValue> list = new ArrayList<>(values.size());
    values.forEach((k, v) -> list.add(new AttributeValue(k, v)));
    return List.copyOf(list);
  }

  /**
   * Returns the number of attributes.
   *
   * @return the size
   */
  public int size() {
    return values.size();
  }

  /**
   * Tells whether there are no attributes.
   *
   * @return true if empty
   */
  public boolean isEmpty() {
    return values.isEmpty();
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
