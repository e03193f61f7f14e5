package io.c2m.json;

import static java.util.Objects.requireNonNull;

import io.c2m.Attributes;
import io.c2m.json.internal.ProfileFeed;
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
 * {@link #readParallel}). The work is done by {@code io.c2m.json.internal.ProfileFeed}.
 */
public final class ProfileSink implements Consumer<Signal> {
  /** The most item objects the store remembers by identity before that memory is emptied. */
  public static final int MAX_ITEMS = 1 << 16;

  private final ProfileFeed feed;

  /**
   * Feeds a store.
   *
   * @param store the store
   */
  public ProfileSink(ProfileStore store) {
    this.feed = new ProfileFeed(requireNonNull(store, "store"));
  }

  /**
   * Returns the store fed.
   *
   * @return the store
   */
  public ProfileStore store() {
    return feed.store();
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
    feed.accept(signal);
  }

  /** The feed behind this sink, which an event reader fills from a line's parts. */
  ProfileFeed feed() {
    return feed;
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
