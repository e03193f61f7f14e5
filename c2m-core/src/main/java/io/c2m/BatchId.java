package io.c2m;

import io.c2m.internal.Checks;

/**
 * The identifier of a batch: a non-blank string, compared by value.
 *
 * @param value the identifier's text
 */
public record BatchId(String value) implements Comparable<BatchId> {
  /**
   * Validates the identifier.
   *
   * @throws IllegalArgumentException if the value is blank
   */
  public BatchId {
    Checks.requireNonBlank(value, "batch id");
  }

  /**
   * Creates an identifier.
   *
   * @param value the identifier's text, not blank
   * @return the identifier
   */
  public static BatchId of(String value) {
    return new BatchId(value);
  }

  @Override
  public int compareTo(BatchId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
