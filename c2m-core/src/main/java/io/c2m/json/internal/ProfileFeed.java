package io.c2m.json.internal;

import static java.util.Objects.requireNonNull;

import io.c2m.Attributes;
import io.c2m.json.ProfileSink;
import io.c2m.signal.ProfileStore;
import io.c2m.signal.Signal;
import java.time.Instant;

/**
 * The work of a {@link ProfileSink}: feeds a {@link ProfileStore} through the store's record-free
 * path ({@link ProfileStore#add(io.c2m.ConsumerId, Attributes, io.c2m.signal.SignalType, long,
 * double)}), with exactly the effect of {@code store::add}; a reader's line goes in by its parts
 * ({@link SignalBuffer}), with no {@link Signal} and no {@link Instant}. The sink is the public
 * face; the reader reaches this feed through it ({@link ReadRun#ReadRun}). Public only for
 * {@link ProfileSink}; not API. Not thread-safe, like the store.
 */
public final class ProfileFeed {
  private final ProfileStore store;
  /** The epoch milliseconds the store accepts: exactly those from {@code lo} to {@code hi}. */
  private final long lo;
  private final long hi;

  /**
   * Feeds a store.
   *
   * @param store the store
   * @throws IllegalStateException if the store refuses its own epoch
   */
  public ProfileFeed(ProfileStore store) {
    this.store = requireNonNull(store, "store");
    // ProfileStore.accepts(at) compares |millis - epoch| with a bound: monotone on each side of
    // the epoch (which it accepts), so the accepted milliseconds are one range, found here by
    // bisection with the store's own test, so that a line's milliseconds are checked without
    // an Instant and with exactly the store's answer.
    long epoch = store.epoch().toEpochMilli();
    if (!accepts(epoch)) {
      throw new IllegalStateException("The store refuses its own epoch.");
    }
    this.hi = edge(epoch, Long.MAX_VALUE);
    this.lo = edge(epoch, Long.MIN_VALUE);
  }

  private boolean accepts(long millis) {
    return store.accepts(Instant.ofEpochMilli(millis));
  }

  /** The accepted milliseconds farthest from {@code in} (accepted) towards {@code out}. */
  private long edge(long in, long out) {
    if (accepts(out)) {
      return out;
    }
    while (in != out && in != out + (in < out ? -1 : 1)) {
      long mid = (in & out) + ((in ^ out) >> 1); // the floor of the mean, without overflow
      if (mid == in) {
        mid += in < out ? 1 : -1;
      }
      if (accepts(mid)) {
        in = mid;
      } else {
        out = mid;
      }
    }
    return in;
  }

  /**
   * Returns the store fed.
   *
   * @return the store
   */
  public ProfileStore store() {
    return store;
  }

  /**
   * Adds one signal to the store, as {@link ProfileStore#add(Signal)} does.
   *
   * @param signal the signal
   * @throws IllegalArgumentException as {@link ProfileStore#add(Signal)}
   */
  public void accept(Signal signal) {
    requireNonNull(signal, "signal");
    if (!store.accepts(signal.at())) {
      store.add(signal); // throws the store's own explanation, having changed nothing
      return;
    }
    store.add(signal.consumer(), signal.item(), signal.type(), signal.at().toEpochMilli(),
        signal.value());
  }

  /**
   * Adds signal {@code i} of a reader's line, as {@link #accept(Signal)} adds
   * {@code buffer.signal(i)}, but from its parts: no {@link Signal}, no {@link Instant}.
   */
  void accept(SignalBuffer buffer, int i) {
    long second = buffer.epochSecond();
    // Instant.toEpochMilli is second * 1000 + nano / 10^6 (floor, for negative seconds too);
    // beyond +-9 * 10^15 seconds it would overflow: those take the record path.
    if (second > -9_000_000_000_000_000L / 1000 && second < 9_000_000_000_000_000L / 1000) {
      long millis = second * 1000 + buffer.nano() / 1_000_000;
      if (millis >= lo && millis <= hi) {
        store.add(buffer.consumer(i), buffer.item(i), buffer.type(i), millis, buffer.value(i));
        return;
      }
    }
    accept(buffer.signal(i)); // refused: the store explains
  }
}
