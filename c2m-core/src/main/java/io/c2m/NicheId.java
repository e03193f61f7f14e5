package io.c2m;

import io.c2m.internal.Checks;

/**
 * The identifier of a niche: a non-blank string, compared by value.
 *
 * @param value the identifier's text
 */
public record NicheId(String value) implements Comparable<NicheId> {
  /**
   * Validates the identifier.
   *
   * @throws IllegalArgumentException if the value is blank
   */
  public NicheId {
    Checks.requireNonBlank(value, "niche id");
  }

  /**
   * Creates an identifier.
   *
   * @param value the identifier's text, not blank
   * @return the identifier
   */
  public static NicheId of(String value) {
    return new NicheId(value);
  }

  @Override
  public int compareTo(NicheId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
