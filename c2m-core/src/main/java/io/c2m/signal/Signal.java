package io.c2m.signal;

import static java.util.Objects.requireNonNull;

import io.c2m.Attributes;
import io.c2m.ConsumerId;
import io.c2m.internal.Checks;
import java.time.Instant;
import java.util.OptionalDouble;

/**
 * One piece of consumer behaviour: who did what to which kind of item, when, and where it was
 * recorded.
 *
 * @param consumer the pseudonymous consumer
 * @param type what they did
 * @param at when
 * @param item the attributes of the item (category, color, size, material, price band, ...)
 * @param source where the signal was recorded, e.g. {@code "web"} or {@code "segment"}
 * @param value an optional number: the unit price of a purchase or cart, the rating of a review;
 *     {@link Double#NaN} when absent (see {@link #optionalValue()})
 */
public record Signal(
    ConsumerId consumer, SignalType type, Instant at, Attributes item, String source, double value) {
  /**
   * Validates the signal.
   *
   * @throws IllegalArgumentException if the source is blank or the value infinite
   */
  public Signal {
    requireNonNull(consumer, "consumer");
    requireNonNull(type, "type");
    requireNonNull(at, "at");
    requireNonNull(item, "item");
    Checks.requireNonBlank(source, "source");
    if (Double.isInfinite(value)) {
      throw new IllegalArgumentException(
          "The value (" + value + ") of a signal must be finite, or NaN when absent.");
    }
  }

  /**
   * A signal without a value.
   *
   * @param consumer the consumer
   * @param type the kind
   * @param at when
   * @param item the item's attributes
   * @param source where recorded
   * @return the signal
   */
  public static Signal of(
      ConsumerId consumer, SignalType type, Instant at, Attributes item, String source) {
    return new Signal(consumer, type, at, item, source, Double.NaN);
  }

  /**
   * Returns the value if present.
   *
   * @return the value, or empty
   */
  public OptionalDouble optionalValue() {
    return Double.isNaN(value) ? OptionalDouble.empty() : OptionalDouble.of(value);
  }

  /**
   * Returns a copy with a value.
   *
   * @param newValue the value
   * @return the new signal
   */
  public Signal withValue(double newValue) {
    return new Signal(consumer, type, at, item, source, newValue);
  }
}
