package io.c2m.internal;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;

/**
 * Argument checks shared by the domain records. Internal: every message names the field, the value
 * and the rule, so that each record's compact constructor stays one line per rule.
 */
public final class Checks {
  private Checks() {}

  /**
   * Requires a non-null, non-blank string.
   *
   * @param value the value
   * @param name the field name for the message
   * @return the value
   */
  public static String requireNonBlank(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException("The " + name + " (\"" + value + "\") must not be blank.");
    }
    return value;
  }

  /**
   * Requires {@code value > 0}.
   *
   * @param value the value
   * @param name the field name
   * @return the value
   */
  public static int requirePositive(int value, String name) {
    if (value <= 0) {
      throw new IllegalArgumentException("The " + name + " (" + value + ") must be positive.");
    }
    return value;
  }

  /**
   * Requires {@code value >= 0}.
   *
   * @param value the value
   * @param name the field name
   * @return the value
   */
  public static int requireNonNegative(int value, String name) {
    if (value < 0) {
      throw new IllegalArgumentException("The " + name + " (" + value + ") must not be negative.");
    }
    return value;
  }

  /**
   * Requires {@code value >= 0}.
   *
   * @param value the value
   * @param name the field name
   * @return the value
   */
  public static long requireNonNegative(long value, String name) {
    if (value < 0) {
      throw new IllegalArgumentException("The " + name + " (" + value + ") must not be negative.");
    }
    return value;
  }

  /**
   * Requires a finite {@code value >= 0}.
   *
   * @param value the value
   * @param name the field name
   * @return the value
   */
  public static double requireNonNegative(double value, String name) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(
          "The " + name + " (" + value + ") must be a finite number, zero or more.");
    }
    return value;
  }

  /**
   * Requires a finite {@code value > 0}.
   *
   * @param value the value
   * @param name the field name
   * @return the value
   */
  public static double requirePositive(double value, String name) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(
          "The " + name + " (" + value + ") must be a finite number above zero.");
    }
    return value;
  }

  /**
   * Requires a finite value (not NaN, not infinite).
   *
   * @param value the value
   * @param name the field name
   * @return the value
   */
  public static double requireFinite(double value, String name) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("The " + name + " (" + value + ") must be finite.");
    }
    return value;
  }

  /**
   * Requires {@code 0 <= value <= 1}.
   *
   * @param value the value
   * @param name the field name
   * @return the value
   */
  public static double requireProbability(double value, String name) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(
          "The " + name + " (" + value + ") must be between 0 and 1 inclusive.");
    }
    return value;
  }

  /**
   * Requires a collection without null elements.
   *
   * @param values the collection
   * @param name the field name
   * @param <C> the collection type
   * @return the collection
   */
  public static <C extends Collection<?>> C requireNoNulls(C values, String name) {
    Objects.requireNonNull(values, name);
    int i = 0;
    for (Object v : values) {
      if (v == null) {
        throw new NullPointerException("The " + name + " must not contain null (index " + i + ").");
      }
      i++;
    }
    return values;
  }

  /**
   * Requires a map without null keys or values.
   *
   * @param values the map
   * @param name the field name
   * @param <M> the map type
   * @return the map
   */
  public static <M extends Map<?, ?>> M requireNoNulls(M values, String name) {
    Objects.requireNonNull(values, name);
    for (Map.Entry<?, ?> e : values.entrySet()) {
      if (e.getKey() == null || e.getValue() == null) {
        throw new NullPointerException("The " + name + " must not contain null keys or values.");
      }
    }
    return values;
  }
}
