package io.c2m.streams;

import static java.util.Objects.requireNonNull;

import io.c2m.AttributeValue;
import io.c2m.ConsumerId;
import io.c2m.signal.ConsumerProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One consumer's profile evidence as the state store keeps it: every signal's weight "grown" back
 * to a fixed epoch, as core's {@link io.c2m.signal.ProfileStore} stores it (see its class
 * comment), so adding a signal is one addition per attribute value, signals may arrive in any
 * order, and two partial evidences of one consumer {@linkplain #merge(ProfileEvidence) merge} by
 * plain addition. {@link #profile(Instant, Duration)} decays it to an instant with the same
 * arithmetic as the in-process engine, so the profile equals the engine's.
 *
 * @param consumer the pseudonymous consumer
 * @param epoch the fixed instant the evidence is anchored to; never changes for an application
 * @param grown the summed grown weight per attribute value
 * @param signalCount how many signals contributed
 * @param priceWeight the summed grown weight of the signals that carried a price
 * @param priceSum the summed grown weight times price of those signals
 */
public record ProfileEvidence(
    ConsumerId consumer,
    Instant epoch,
    Map<AttributeValue, Double> grown,
    long signalCount,
    double priceWeight,
    double priceSum) {
  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException if a count or price figure is negative or not finite
   */
  public ProfileEvidence {
    requireNonNull(consumer, "consumer");
    requireNonNull(epoch, "epoch");
    requireNonNull(grown, "grown");
    for (Map.Entry<AttributeValue, Double> e : grown.entrySet()) {
      requireNonNull(e.getKey(), "grown key");
      if (e.getValue() == null || !Double.isFinite(e.getValue())) {
        throw new IllegalArgumentException("The grown evidence (" + e.getValue() + ") of value "
            + e.getKey() + " must be a finite number.");
      }
    }
    if (signalCount < 0) {
      throw new IllegalArgumentException(
          "The signal count (" + signalCount + ") must not be negative.");
    }
    if (!(priceWeight >= 0) || !(priceSum >= 0) || Double.isInfinite(priceWeight)
        || Double.isInfinite(priceSum)) {
      throw new IllegalArgumentException("The price weight (" + priceWeight + ") and price sum ("
          + priceSum + ") must be finite and not negative.");
    }
    grown = Collections.unmodifiableSortedMap(new TreeMap<>(grown));
  }

  /**
   * The evidence of a consumer with no signal yet.
   *
   * @param consumer the consumer
   * @param epoch the epoch
   * @return empty evidence
   */
  public static ProfileEvidence empty(ConsumerId consumer, Instant epoch) {
    return new ProfileEvidence(consumer, epoch, Map.of(), 0, 0, 0);
  }

  /**
   * Adds one signal's grown contribution to each value of its item.
   *
   * @param values the item's attribute values
   * @param contribution the signal's weight grown to the epoch (0 for a signal of weight 0)
   * @param priceValue the signal's price if it is price evidence, else {@code NaN}
   * @return the new evidence
   */
  public ProfileEvidence plus(Iterable<AttributeValue> values, double contribution,
      double priceValue) {
    requireNonNull(values, "values");
    TreeMap<AttributeValue, Double> g = new TreeMap<>(grown);
    if (contribution != 0) {
      for (AttributeValue v : values) {
        g.merge(v, contribution, Double::sum);
      }
    }
    double pw = priceWeight;
    double ps = priceSum;
    if (!Double.isNaN(priceValue)) {
      pw += contribution;
      ps += contribution * priceValue;
    }
    return new ProfileEvidence(consumer, epoch, g, signalCount + 1, pw, ps);
  }

  /**
   * Adds the evidence of another part of the same consumer's signals. Associative and
   * commutative up to floating-point rounding.
   *
   * @param other the other evidence, of the same consumer and epoch
   * @return the sum
   * @throws IllegalArgumentException if the consumer or the epoch differs
   */
  public ProfileEvidence merge(ProfileEvidence other) {
    requireNonNull(other, "other");
    if (!consumer.equals(other.consumer) || !epoch.equals(other.epoch)) {
      throw new IllegalArgumentException("Only evidence of one consumer with one epoch merges; "
          + "got epochs " + epoch + " and " + other.epoch + " (ids withheld).");
    }
    TreeMap<AttributeValue, Double> g = new TreeMap<>(grown);
    other.grown.forEach((k, v) -> g.merge(k, v, Double::sum));
    return new ProfileEvidence(consumer, epoch, g, signalCount + other.signalCount,
        priceWeight + other.priceWeight, priceSum + other.priceSum);
  }

  /**
   * Returns the profile decayed to an instant, computed as the in-process engine computes it:
   * each grown sum times {@link ConsumerProfile#decayFactor(Duration, Duration)} of the time from
   * the epoch.
   *
   * @param asOf the instant
   * @param halfLife the half-life of evidence
   * @return the profile
   */
  public ConsumerProfile profile(Instant asOf, Duration halfLife) {
    requireNonNull(asOf, "asOf");
    requireNonNull(halfLife, "halfLife");
    double f = ConsumerProfile.decayFactor(Duration.between(epoch, asOf), halfLife);
    Map<AttributeValue, Double> a = new TreeMap<>();
    grown.forEach((k, v) -> a.put(k, v * f));
    return new ConsumerProfile(consumer, a, asOf, signalCount, priceWeight * f, priceSum * f);
  }
}
