package io.c2m.signal;

import static java.util.Objects.requireNonNull;

import io.c2m.ConsumerId;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

/**
 * Builds consumer profiles incrementally, one signal at a time, in any order of arrival: the
 * record-at-a-time face of a {@link ProfileStore}.
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
  private final ProfileStore store;

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
    this.store = new ProfileStore(settings, consent, epoch);
  }

  /**
   * Whether a signal at an instant can be profiled (see {@link ProfileStore#accepts(Instant)}).
   *
   * @param at the instant
   * @return true if {@link #add(Signal)} accepts a signal at that instant
   */
  public boolean accepts(Instant at) {
    return store.accepts(at);
  }

  /**
   * Adds one signal.
   *
   * @param signal the signal
   * @return true if profiled, false if the consumer has not consented
   * @throws IllegalArgumentException if the signal lies more than {@link
   *     ProfileStore#MAX_HALF_LIVES} half-lives from the epoch
   */
  public boolean add(Signal signal) {
    return store.add(signal);
  }

  /**
   * Adds the evidence of another aggregator with the same epoch and settings.
   *
   * @param other the other aggregator
   * @return this
   * @throws IllegalArgumentException if the epochs or settings differ
   */
  public ProfileAggregator merge(ProfileAggregator other) {
    store.merge(requireNonNull(other, "other").store);
    return this;
  }

  /**
   * Erases a consumer's evidence; see {@link ProfileStore#erase(ConsumerId)}.
   *
   * @param consumer the consumer
   * @return true if there was evidence of that consumer
   */
  public boolean erase(ConsumerId consumer) {
    return store.erase(consumer);
  }

  /**
   * Returns the profiles decayed to an instant, sorted by consumer id.
   *
   * @param asOf the instant to decay to
   * @return the profiles
   */
  public List<ConsumerProfile> profiles(Instant asOf) {
    return store.profiles(asOf);
  }

  /**
   * Returns the daily interest per item, for niche trends.
   *
   * @return a snapshot of the timeline
   */
  public InterestTimeline timeline() {
    return store.timeline();
  }

  /**
   * Returns the number of consumers profiled.
   *
   * @return the count
   */
  public int consumers() {
    return store.consumers();
  }

  /**
   * Returns the number of signals profiled.
   *
   * @return the count
   */
  public long accepted() {
    return store.accepted();
  }

  /**
   * Returns the number of signals skipped because the consumer had not consented to profiling.
   *
   * @return the count
   */
  public long skippedWithoutConsent() {
    return store.skippedWithoutConsent();
  }
}
