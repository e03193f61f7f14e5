package io.c2m.json;

import static java.util.Objects.requireNonNull;

import io.c2m.Attributes;
import io.c2m.signal.ProfileStore;
import io.c2m.signal.Signal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Feeds an {@link EventReader}'s signals straight into a {@link ProfileStore} through the store's
 * index fast path ({@link ProfileStore#admit}, {@link ProfileStore#itemIndex},
 * {@link ProfileStore#add(int, int, io.c2m.signal.SignalType, long, double)}), with exactly the
 * effect of {@code store::add}: the same instant check first (a refused signal leaves no trace and
 * throws the store's own exception, which rejects its line), the consent predicate asked for
 * every signal, the same counts.
 *
 * <p>What it saves: an event reader hands out the same {@link Attributes} object for every
 * occurrence of a product within a read, so this sink remembers the store's item index of each
 * attributes object by identity instead of hashing and comparing its sorted map for every signal
 * as {@link ProfileStore#add(Signal)} must. The memory is bounded (emptied at
 * {@value #MAX_ITEMS} entries).
 *
 * <p>Not thread-safe, like the store: one sink per store, per thread or partition (see
 * {@link #readParallel}).
 */
public final class ProfileSink implements Consumer<Signal> {
  /** The most item indices remembered before the memory is emptied. */
  public static final int MAX_ITEMS = 1 << 16;

  private final ProfileStore store;
  private final Map<Attributes, Integer> items = new IdentityHashMap<>();
  private Attributes lastItem;
  private int lastIndex;

  /**
   * Feeds a store.
   *
   * @param store the store
   */
  public ProfileSink(ProfileStore store) {
    this.store = requireNonNull(store, "store");
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
    int c = store.admit(signal.consumer());
    if (c < 0) {
      store.add(c, 0, signal.type(), 0L, Double.NaN); // counts the skip, interns nothing
      return;
    }
    store.add(c, item(signal.item()), signal.type(), signal.at().toEpochMilli(), signal.value());
  }

  private int item(Attributes a) {
    if (a == lastItem) {
      return lastIndex;
    }
    Integer known = items.get(a);
    int index;
    if (known != null) {
      index = known;
    } else {
      index = store.itemIndex(a);
      if (items.size() >= MAX_ITEMS) {
        items.clear();
      }
      items.put(a, index);
    }
    lastItem = a;
    lastIndex = index;
    return index;
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
