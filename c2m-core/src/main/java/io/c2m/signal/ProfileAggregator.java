package io.c2m.signal;

import static java.util.Objects.requireNonNull;

import io.c2m.AttributeValue;
import io.c2m.ConsumerId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Builds consumer profiles incrementally, one signal at a time, in any order of arrival.
 *
 * <p>Evidence is stored decayed to a fixed reference instant (the <em>epoch</em>) rather than to
 * "now", so adding a signal is one multiply-add and two aggregators built over any split of the
 * signals {@linkplain #merge(ProfileAggregator) merge} by plain addition. Profiles are decayed to
 * the requested instant only when read.
 *
 * <p>Signals of consumers whose consent the {@code consent} predicate denies are not profiled;
 * they are counted in {@link #skippedWithoutConsent()}.
 *
 * <p>Not thread-safe: use one aggregator per thread or partition and merge them.
 */
public final class ProfileAggregator {
  private final ProfileSettings settings;
  private final Predicate<ConsumerId> consent;
  private final Instant epoch;
  private final Map<ConsumerId, Acc> byConsumer = new HashMap<>();
  private long accepted;
  private long skippedWithoutConsent;

  private static final class Acc {
    final Map<AttributeValue, Double> affinities = new HashMap<>();
    long count;
    double priceWeight;
    double priceSum;
  }

  /**
   * Creates an aggregator.
   *
   * @param settings weights and half-life
   * @param consent tells whether a consumer may be profiled
   * @param epoch the fixed reference instant evidence is stored against; aggregators that will be
   *     merged must share it
   */
  public ProfileAggregator(
      ProfileSettings settings, Predicate<ConsumerId> consent, Instant epoch) {
    this.settings = requireNonNull(settings, "settings");
    this.consent = requireNonNull(consent, "consent");
    this.epoch = requireNonNull(epoch, "epoch");
  }

  /**
   * Adds one signal.
   *
   * @param signal the signal
   * @return true if profiled, false if the consumer has not consented (or the type has weight 0)
   */
  public boolean add(Signal signal) {
    requireNonNull(signal, "signal");
    if (!consent.test(signal.consumer())) {
      skippedWithoutConsent++;
      return false;
    }
    double w = settings.weight(signal.type());
    Acc acc = byConsumer.computeIfAbsent(signal.consumer(), c -> new Acc());
    acc.count++;
    accepted++;
    if (w == 0) {
      return true;
    }
    // Stored as the weight "grown" from the signal's instant back to the epoch; reading multiplies
    // by the decay from the epoch to the requested instant.
    double contribution =
        w / ConsumerProfile.decayFactor(Duration.between(epoch, signal.at()), settings.halfLife());
    for (AttributeValue av : signal.item().pairs()) {
      acc.affinities.merge(av, contribution, Double::sum);
    }
    if (!Double.isNaN(signal.value()) && signal.value() >= 0 && w > 0
        && signal.type() != SignalType.REVIEW) {
      acc.priceWeight += contribution;
      acc.priceSum += contribution * signal.value();
    }
    return true;
  }

  /**
   * Adds the evidence of another aggregator with the same epoch and settings.
   *
   * @param other the other aggregator
   * @return this
   * @throws IllegalArgumentException if the epochs or settings differ
   */
  public ProfileAggregator merge(ProfileAggregator other) {
    if (!epoch.equals(other.epoch) || !settings.equals(other.settings)) {
      throw new IllegalArgumentException(
          "Only aggregators with the same epoch and settings merge; got epochs " + epoch + " and "
              + other.epoch + ".");
    }
    other.byConsumer.forEach((id, o) -> {
      Acc acc = byConsumer.computeIfAbsent(id, c -> new Acc());
      o.affinities.forEach((k, v) -> acc.affinities.merge(k, v, Double::sum));
      acc.count += o.count;
      acc.priceWeight += o.priceWeight;
      acc.priceSum += o.priceSum;
    });
    accepted += other.accepted;
    skippedWithoutConsent += other.skippedWithoutConsent;
    return this;
  }

  /**
   * Returns the profiles decayed to an instant, sorted by consumer id.
   *
   * @param asOf the instant to decay to
   * @return the profiles
   */
  public List<ConsumerProfile> profiles(Instant asOf) {
    requireNonNull(asOf, "asOf");
    double f = ConsumerProfile.decayFactor(Duration.between(epoch, asOf), settings.halfLife());
    List<ConsumerProfile> out = new ArrayList<>(byConsumer.size());
    new TreeMap<>(byConsumer).forEach((id, acc) -> {
      Map<AttributeValue, Double> a = new HashMap<>();
      acc.affinities.forEach((k, v) -> a.put(k, v * f));
      out.add(new ConsumerProfile(id, a, asOf, acc.count, acc.priceWeight * f, acc.priceSum * f));
    });
    return out;
  }

  /**
   * Returns the number of consumers profiled.
   *
   * @return the count
   */
  public int consumers() {
    return byConsumer.size();
  }

  /**
   * Returns the number of signals profiled.
   *
   * @return the count
   */
  public long accepted() {
    return accepted;
  }

  /**
   * Returns the number of signals skipped because the consumer had not consented to profiling.
   *
   * @return the count
   */
  public long skippedWithoutConsent() {
    return skippedWithoutConsent;
  }
}
