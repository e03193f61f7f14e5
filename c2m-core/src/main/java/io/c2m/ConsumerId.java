package io.c2m;

import io.c2m.internal.Checks;

/**
 * The pseudonymous identifier of a consumer: a non-blank string, compared by value. It must never be
 * a raw e-mail, phone number or account number; see {@code io.c2m.privacy.Pseudonymizer}.
 *
 * @param value the identifier's text
 */
public record ConsumerId(String value) implements Comparable<ConsumerId> {
  /**
   * Validates the identifier.
   *
   * @throws IllegalArgumentException if the value is blank
   */
  public ConsumerId {
    Checks.requireNonBlank(value, "consumer id");
  }

  /**
   * Creates an identifier.
   *
   * @param value the identifier's text, not blank
   * @return the identifier
   */
  public static ConsumerId of(String value) {
    return new ConsumerId(value);
  }

  @Override
  public int compareTo(ConsumerId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
