package io.c2m;

import io.c2m.internal.Checks;

/**
 * The identifier of a order: a non-blank string, compared by value.
 *
 * @param value the identifier's text
 */
public record OrderId(String value) implements Comparable<OrderId> {
  /**
   * Validates the identifier.
   *
   * @throws IllegalArgumentException if the value is blank
   */
  public OrderId {
    Checks.requireNonBlank(value, "order id");
  }

  /**
   * Creates an identifier.
   *
   * @param value the identifier's text, not blank
   * @return the identifier
   */
  public static OrderId of(String value) {
    return new OrderId(value);
  }

  @Override
  public int compareTo(OrderId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
