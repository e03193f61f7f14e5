package io.c2m;

import io.c2m.internal.Checks;
import java.util.Locale;

/**
 * One attribute of a product and its value, such as {@code color=sage}. Keys and values are
 * normalised (trimmed, lower case in {@link Locale#ROOT}) so that {@code "Sage"} from one feed and
 * {@code "sage "} from another are the same preference.
 *
 * @param key the attribute's name, e.g. {@code "color"}
 * @param value the attribute's value, e.g. {@code "sage"}
 */
public record AttributeValue(String key, String value) implements Comparable<AttributeValue> {
  /**
   * Validates and normalises the pair.
   *
   * @throws IllegalArgumentException if the key or the value is blank, or the key contains
   *     {@code '='}
   */
  public AttributeValue {
    key = normaliseKey(key);
    value = normaliseValue(value, key);
  }

  /**
   * Creates a pair.
   *
   * @param key the attribute name
   * @param value its value
   * @return the normalised pair
   */
  public static AttributeValue of(String key, String value) {
    return new AttributeValue(key, value);
  }

  /**
   * Parses {@code "key=value"}.
   *
   * @param text the text to parse
   * @return the pair
   * @throws IllegalArgumentException if the text has no {@code '='}
   */
  public static AttributeValue parse(String text) {
    Checks.requireNonBlank(text, "attribute");
    int eq = text.indexOf('=');
    if (eq <= 0) {
      throw new IllegalArgumentException(
          "The attribute (\"" + text + "\") must have the form key=value.");
    }
    return new AttributeValue(text.substring(0, eq), text.substring(eq + 1));
  }

  static String normaliseKey(String key) {
    Checks.requireNonBlank(key, "attribute key");
    String k = key.trim().toLowerCase(Locale.ROOT);
    if (k.indexOf('=') >= 0) {
      throw new IllegalArgumentException(
          "The attribute key (\"" + key + "\") must not contain '='.");
    }
    return k;
  }

  static String normaliseValue(String value, String key) {
    Checks.requireNonBlank(value, "value of attribute " + key);
    return value.trim().toLowerCase(Locale.ROOT);
  }

  @Override
  public int compareTo(AttributeValue o) {
    int c = key.compareTo(o.key);
    return c != 0 ? c : value.compareTo(o.value);
  }

  @Override
  public String toString() {
    return key + "=" + value;
  }
}
