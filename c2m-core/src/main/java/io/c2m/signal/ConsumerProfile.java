package io.c2m.signal;

import static java.util.Objects.requireNonNull;

import io.c2m.AttributeValue;
import io.c2m.Attributes;
import io.c2m.ConsumerId;
import io.c2m.internal.Checks;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * A consumer's deduced preferences: a decayed affinity for each attribute value they engaged with,
 * as of an instant. Affinity is the sum of signal weights, each multiplied by
 * {@code 2^(-(asOf - at) / halfLife)}; it may be negative when returns outweigh interest.
 *
 * <p>Profiles are <em>mergeable</em>: {@link #merge(ConsumerProfile, Duration)} of two partial
 * profiles of one consumer, built from any split of their signals, equals (up to floating-point
 * rounding) the profile of all the signals. That is what lets ingestion be partitioned.
 *
 * @param consumer the consumer
 * @param affinities decayed affinity per attribute value
 * @param asOf the instant the affinities are decayed to
 * @param signalCount how many signals contributed
 * @param priceWeight decayed weight of the signals that carried a price
 * @param priceSum decayed, weighted sum of those prices; {@code priceSum / priceWeight} is the
 *     consumer's typical price point
 */
public record ConsumerProfile(
    ConsumerId consumer,
    Map<AttributeValue, Double> affinities,
    Instant asOf,
    long signalCount,
    double priceWeight,
    double priceSum) {
  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException if an affinity is not finite or a count negative
   */
  public ConsumerProfile {
    requireNonNull(consumer, "consumer");
    Checks.requireNoNulls(affinities, "affinities");
    requireNonNull(asOf, "asOf");
    Checks.requireNonNegative(signalCount, "signal count");
    Checks.requireNonNegative(priceWeight, "price weight");
    Checks.requireNonNegative(priceSum, "price sum");
    for (Map.Entry<AttributeValue, Double> e : affinities.entrySet()) {
      if (!Double.isFinite(e.getValue())) {
        // The message is built only on failure: profiles are built by the million.
        Checks.requireFinite(e.getValue(), "affinity for " + e.getKey());
      }
    }
    affinities = Collections.unmodifiableSortedMap(new TreeMap<>(affinities));
  }

  /**
   * An empty profile.
   *
   * @param consumer the consumer
   * @param asOf the reference instant
   * @return a profile with no evidence
   */
  public static ConsumerProfile empty(ConsumerId consumer, Instant asOf) {
    return new ConsumerProfile(consumer, Map.of(), asOf, 0, 0, 0);
  }

  /**
   * Returns the affinity for one attribute value, 0 if none.
   *
   * @param value the attribute value
   * @return the decayed affinity
   */
  public double affinity(AttributeValue value) {
    Double a = affinities.get(value);
    return a == null ? 0.0 : a;
  }

  /**
   * Returns the consumer's preferred value for each attribute key: the value with the highest
   * positive affinity, ties broken by the smaller value. Keys with no positive affinity are left
   * out.
   *
   * @return the preferences as attributes
   */
  public Attributes preferences() {
    Map<String, AttributeValue> best = new HashMap<>();
    Map<String, Double> bestScore = new HashMap<>();
    // affinities is sorted, so on equal scores the first (smaller) value wins.
    for (Map.Entry<AttributeValue, Double> e : affinities.entrySet()) {
      double score = e.getValue();
      if (score <= 0) {
        continue;
      }
      String key = e.getKey().key();
      Double current = bestScore.get(key);
      if (current == null || score > current) {
        best.put(key, e.getKey());
        bestScore.put(key, score);
      }
    }
    return Attributes.of(best.values());
  }

  /**
   * Returns the typical price point: the decayed, weighted mean of the prices in the consumer's
   * signals.
   *
   * @return the mean price, or empty if no signal carried a price
   */
  public OptionalDouble pricePoint() {
    return priceWeight > 0 ? OptionalDouble.of(priceSum / priceWeight) : OptionalDouble.empty();
  }

  /**
   * Returns the total positive affinity: how strongly the consumer engages at all.
   *
   * @return the sum of positive affinities
   */
  public double engagement() {
    double sum = 0;
    for (double a : affinities.values()) {
      if (a > 0) {
        sum += a;
      }
    }
    return sum;
  }

  /**
   * Returns this profile decayed to a later instant.
   *
   * @param instant the new reference instant, not before {@link #asOf()}
   * @param halfLife the half-life of evidence
   * @return the decayed profile
   * @throws IllegalArgumentException if the instant is before {@code asOf}
   */
  public ConsumerProfile decayTo(Instant instant, Duration halfLife) {
    requireNonNull(instant, "instant");
    if (instant.isBefore(asOf)) {
      throw new IllegalArgumentException(
          "Cannot decay a profile as of " + asOf + " back to " + instant + ".");
    }
    if (instant.equals(asOf)) {
      return this;
    }
    double f = decayFactor(Duration.between(asOf, instant), halfLife);
    Map<AttributeValue, Double> a = new TreeMap<>();
    affinities.forEach((k, v) -> a.put(k, v * f));
    return new ConsumerProfile(consumer, a, instant, signalCount, priceWeight * f, priceSum * f);
  }

  /**
   * Combines two partial profiles of the same consumer: both are decayed to the later
   * {@code asOf} and their evidence is added. Associative and commutative.
   *
   * @param other the other partial profile
   * @param halfLife the half-life of evidence
   * @return the merged profile
   * @throws IllegalArgumentException if the profiles belong to different consumers
   */
  public ConsumerProfile merge(ConsumerProfile other, Duration halfLife) {
    if (!consumer.equals(other.consumer)) {
      throw new IllegalArgumentException(
          "Cannot merge the profiles of two different consumers (ids withheld: no consumer data "
              + "in messages).");
    }
    Instant t = asOf.isAfter(other.asOf) ? asOf : other.asOf;
    ConsumerProfile a = decayTo(t, halfLife);
    ConsumerProfile b = other.decayTo(t, halfLife);
    Map<AttributeValue, Double> sum = new TreeMap<>(a.affinities);
    b.affinities.forEach((k, v) -> sum.merge(k, v, Double::sum));
    return new ConsumerProfile(
        consumer,
        sum,
        t,
        a.signalCount + b.signalCount,
        a.priceWeight + b.priceWeight,
        a.priceSum + b.priceSum);
  }

  /**
   * The factor {@code 2^(-elapsed / halfLife)}.
   *
   * @param elapsed the elapsed time, may be negative (then the factor exceeds 1)
   * @param halfLife the half-life
   * @return the factor
   */
  public static double decayFactor(Duration elapsed, Duration halfLife) {
    double ratio = (double) elapsed.toMillis() / halfLife.toMillis();
    return Math.pow(2.0, -ratio);
  }
}
