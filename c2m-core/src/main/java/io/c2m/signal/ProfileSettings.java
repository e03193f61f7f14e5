package io.c2m.signal;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * How signals become preferences: the weight of each kind of signal and the half-life with which
 * old evidence fades.
 *
 * @param weights weight per signal type; a type absent from the map has weight 0 (ignored)
 * @param halfLife the time after which a signal counts half; positive
 */
public record ProfileSettings(Map<SignalType, Double> weights, Duration halfLife) {
  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException if a weight is not finite or the half-life not positive
   */
  public ProfileSettings {
    requireNonNull(weights, "weights");
    requireNonNull(halfLife, "halfLife");
    EnumMap<SignalType, Double> copy = new EnumMap<>(SignalType.class);
    for (Map.Entry<SignalType, Double> e : weights.entrySet()) {
      requireNonNull(e.getKey(), "signal type");
      requireNonNull(e.getValue(), "weight");
      if (!Double.isFinite(e.getValue())) {
        throw new IllegalArgumentException(
            "The weight of " + e.getKey() + " (" + e.getValue() + ") must be finite.");
      }
      copy.put(e.getKey(), e.getValue());
    }
    weights = Collections.unmodifiableMap(copy);
    if (halfLife.isZero() || halfLife.isNegative()) {
      throw new IllegalArgumentException(
          "The half-life (" + halfLife + ") of profile evidence must be positive.");
    }
  }

  /**
   * The defaults: {@link SignalType#defaultWeight()} for each type and a 30-day half-life.
   *
   * @return the default settings
   */
  public static ProfileSettings defaults() {
    EnumMap<SignalType, Double> w = new EnumMap<>(SignalType.class);
    for (SignalType t : SignalType.values()) {
      w.put(t, t.defaultWeight());
    }
    return new ProfileSettings(w, Duration.ofDays(30));
  }

  /**
   * Returns the weight of a signal type.
   *
   * @param type the type
   * @return its weight, 0 if not configured
   */
  public double weight(SignalType type) {
    Double w = weights.get(type);
    return w == null ? 0.0 : w;
  }

  /**
   * Returns a copy with another half-life.
   *
   * @param newHalfLife the half-life
   * @return the new settings
   */
  public ProfileSettings withHalfLife(Duration newHalfLife) {
    return new ProfileSettings(weights, newHalfLife);
  }

  /**
   * Returns a copy with one weight changed.
   *
   * @param type the signal type
   * @param weight its weight
   * @return the new settings
   */
  public ProfileSettings withWeight(SignalType type, double weight) {
    EnumMap<SignalType, Double> w = new EnumMap<>(SignalType.class);
    w.putAll(weights);
    w.put(type, weight);
    return new ProfileSettings(w, halfLife);
  }
}
