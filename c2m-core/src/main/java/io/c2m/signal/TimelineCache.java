package io.c2m.signal;

import io.c2m.Attributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The {@link InterestTimeline} read-out of a store's {@link InterestGrid}, kept from call to call
 * and brought up to date from the items whose interest changed since the last call, so that {@link
 * ProfileStore#timeline()} costs little when called again and again during ingestion (a discovery
 * every few days of a long simulation).
 *
 * <p><b>Layout and cost.</b> Per item index: its last {@link InterestTimeline.ItemInterest} (or
 * none, while it has no interest) and its text ({@link Attributes#toString()}, the timeline's sort
 * key, made once per item); and the indices of the items with interest, sorted by that text. A
 * call with no change returns the previous timeline (one pass over the grid's changed bits, a word
 * per 64 items). Otherwise it reads the cells of the changed items only (a pass over their
 * columns of the dense rows, or over the sparse table), rebuilds their entries, sorts the items
 * new to the timeline and merges them into the order, and makes the timeline from the entries in
 * that order without sorting or comparing again: O(changed cells + items) instead of a sorted map
 * per item and a sort by text of every item.
 *
 * <p>The result equals the timeline built from scratch ({@link ProfileStore#timelineFromScratch()}),
 * which sorts the items by text with a stable sort; two distinct items can only share a text when
 * their values contain the separators of {@code Map.toString} ({@code ", "} or {@code "="}), and
 * such ties are ordered by item index here.
 *
 * <p>Thread-safe for readers: a call is synchronized, so that threads reading a store that is not
 * being written may call it at once.
 */
final class TimelineCache {
  private final InterestGrid grid;
  private final ProfileInterner interner;

  private InterestTimeline.ItemInterest[] entries = new InterestTimeline.ItemInterest[0];
  private String[] text = new String[0];
  /** Indices of the items with an entry, sorted by text then index. */
  private int[] sorted = new int[0];
  private int sortedCount;
  private InterestTimeline timeline = InterestTimeline.empty();

  TimelineCache(InterestGrid grid, ProfileInterner interner) {
    this.grid = grid;
    this.interner = interner;
  }

  /** The timeline of the grid as it is now. */
  synchronized InterestTimeline timeline() {
    if (!grid.anyChanged()) {
      return timeline;
    }
    int items = interner.itemCount;
    if (entries.length < items) {
      int n = Math.max(items, entries.length * 2);
      entries = Arrays.copyOf(entries, n);
      text = Arrays.copyOf(text, n);
    }
    // The changed items' cells, collected per item (days ascending in dense rows; the entry's
    // constructor sorts those of the sparse table).
    @SuppressWarnings({"unchecked", "rawtypes"})
    List<InterestTimeline.DayInterest>[] days = new List[items];
    grid.forEachChanged((day, item, mass) -> {
      List<InterestTimeline.DayInterest> list = days[item];
      if (list == null) {
        list = new ArrayList<>();
        days[item] = list;
      }
      list.add(new InterestTimeline.DayInterest(day, mass));
    });
    int[] fresh = new int[16];
    int freshCount = 0;
    boolean dropped = false;
    for (int i = 0; i < items; i++) {
      if (!grid.changed(i)) {
        continue;
      }
      List<InterestTimeline.DayInterest> list = days[i];
      boolean had = entries[i] != null;
      if (list == null) {
        // No cell left with interest (masses only grow, so this does not happen today).
        entries[i] = null;
        dropped |= had;
        continue;
      }
      Attributes item = interner.item(i);
      entries[i] = new InterestTimeline.ItemInterest(item, list);
      if (!had) {
        if (text[i] == null) {
          text[i] = item.toString();
        }
        if (freshCount == fresh.length) {
          fresh = Arrays.copyOf(fresh, freshCount * 2);
        }
        fresh[freshCount++] = i;
      }
    }
    grid.clearChanged();
    if (dropped) {
      int kept = 0;
      for (int j = 0; j < sortedCount; j++) {
        if (entries[sorted[j]] != null) {
          sorted[kept++] = sorted[j];
        }
      }
      sortedCount = kept;
    }
    if (freshCount > 0) {
      merge(fresh, freshCount);
    }
    InterestTimeline.ItemInterest[] list = new InterestTimeline.ItemInterest[sortedCount];
    for (int j = 0; j < sortedCount; j++) {
      list[j] = entries[sorted[j]];
    }
    timeline = InterestTimeline.ofSorted(list);
    return timeline;
  }

  /** Sorts the items new to the timeline and merges them into {@code sorted}. */
  private void merge(int[] fresh, int freshCount) {
    Integer[] boxed = new Integer[freshCount];
    for (int j = 0; j < freshCount; j++) {
      boxed[j] = fresh[j];
    }
    Arrays.sort(boxed, this::compare);
    int[] out = new int[sortedCount + freshCount];
    int a = 0;
    int b = 0;
    for (int k = 0; k < out.length; k++) {
      out[k] = b >= freshCount || a < sortedCount && compare(sorted[a], boxed[b]) < 0
          ? sorted[a++] : boxed[b++];
    }
    sorted = out;
    sortedCount = out.length;
  }

  private int compare(int x, int y) {
    int c = text[x].compareTo(text[y]);
    return c != 0 ? c : Integer.compare(x, y);
  }
}
