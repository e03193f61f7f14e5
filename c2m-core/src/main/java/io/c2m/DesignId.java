package io.c2m;

import io.c2m.internal.Checks;

/**
 * The identifier of a design: a non-blank string, compared by value.
 *
 * @param value the identifier's text
 */
public record DesignId(String value) implements Comparable<DesignId> {
  /**
   * Validates the identifier.
   *
   * @throws IllegalArgumentException if the value is blank
   */
  public DesignId {
    Checks.requireNonBlank(value, "design id");
  }

  /**
   * Creates an identifier.
   *
   * @param value the identifier's text, not blank
   * @return the identifier
   */
  public static DesignId of(String value) {
    return new DesignId(value);
  }

  @Override
  public int compareTo(DesignId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
