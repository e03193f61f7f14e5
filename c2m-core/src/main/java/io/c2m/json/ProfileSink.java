package io.c2m.json;

import static java.util.Objects.requireNonNull;

import io.c2m.Attributes;
import io.c2m.signal.ProfileStore;
import io.c2m.signal.Signal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Feeds an {@link EventReader}'s signals straight into a {@link ProfileStore} through the store's
 * record-free path ({@link ProfileStore#add(io.c2m.ConsumerId, Attributes,
 * io.c2m.signal.SignalType, long, double)}), with exactly the effect of {@code store::add}: the
 * same instant check first (a refused signal leaves no trace and throws the store's own
 * exception, which rejects its line), the consent predicate asked for every signal, the same
 * counts.
 *
 * <p>What it saves: an event reader hands out the same {@link Attributes} object for every
 * occurrence of a product within a read, and the store remembers the item index of each
 * attributes object by identity instead of hashing and comparing its sorted map for every signal
 * as {@link ProfileStore#add(Signal)} must. That memory is bounded (emptied at {@value #MAX_ITEMS}
 * entries). Nor does a line's signal need a {@link Signal} or an {@link Instant}.
 *
 * <p>Not thread-safe, like the store: one sink per store, per thread or partition (see
 * {@link #readParallel}).
 */
public final class ProfileSink implements Consumer<Signal> {
  /** The most item objects the store remembers by identity before that memory is emptied. */
  public static final int MAX_ITEMS = 1 << 16;

  private final ProfileStore store;
  /** The epoch milliseconds the store accepts: exactly those from {@code lo} to {@code hi}. */
  private final long lo;
  private final long hi;

  /**
   * Feeds a store.
   *
   * @param store the store
   */
  public ProfileSink(ProfileStore store) {
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
   * @throws IllegalArgumentException as {@link ProfileStore#add(Signal)}: the signal lies too far
   *     from the store's epoch (an event reader then rejects its line)
   */
  @Override
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

  /**
   * A store's profiles of a whole file and the report of its reading.
   *
   * @param store the profiles
   * @param report the report of the whole file
   */
  public record Result(ProfileStore store, EventReport report) {
    /** Validates. */
    public Result {
      requireNonNull(store, "store");
      requireNonNull(report, "report");
    }
  }

  /**
   * Reads a UTF-8 file into profiles on several threads: {@link EventReader#readParallel} cuts the
   * file at line boundaries into up to {@code partitions} parts, each part feeds its own new store
   * through its own sink, and the stores are merged in part order ({@link ProfileStore#merge}).
   * The report is that of a sequential read (absolute line numbers, same counts, same problems),
   * and the profiles are those of a sequential read, up to the rounding of sums taken in another
   * order.
   *
   * <p>The parts run at the same time, so each store's consent predicate is asked from several
   * threads at once: it must be thread-safe (for example a snapshot of consent taken before the
   * read, or a concurrent registry).
   *
   * @param reader the reader
   * @param file the file
   * @param partitions the largest number of parts; at least 1
   * @param newStore makes an empty store for each part; all with the same settings, epoch and
   *     consent
   * @return the merged store and the report
   * @throws IllegalArgumentException if {@code partitions} is less than 1, or the stores' epochs
   *     or settings differ
   * @throws java.io.UncheckedIOException if the file cannot be read
   */
  public static Result readParallel(EventReader reader, Path file, int partitions,
      Supplier<ProfileStore> newStore) {
    requireNonNull(reader, "reader");
    requireNonNull(newStore, "newStore");
    // readParallel asks for the sinks in part order, on this thread, before reading starts.
    List<ProfileStore> stores = new ArrayList<>();
    EventReport report = reader.readParallel(file, partitions, i -> {
      ProfileStore s = requireNonNull(newStore.get(), "store");
      stores.add(s);
      return new ProfileSink(s);
    });
    ProfileStore merged = stores.get(0);
    for (int i = 1; i < stores.size(); i++) {
      merged.merge(stores.get(i));
    }
    return new Result(merged, report);
  }
}
