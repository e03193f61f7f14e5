package io.c2m.signal;

import java.util.Arrays;

/**
 * The interest per (UTC day, item) of a profile store: the summed weight of the positive signals,
 * undecayed, from which {@link InterestTimeline} and niche trends are read.
 *
 * <p><b>Layout and cost.</b> Dense while compact: a row of {@code double}s per day, indexed by
 * item, from {@code firstDay} on (the usual case, a catalogue's items over weeks: one direct index
 * per signal, 8 bytes per slot). The day range grows with slack on the side that grew, so a stream
 * moving forward grows it rarely. Once the rows would pass 8 MB while less than a third full (many
 * items, long spans), or span more than 100,000 days, the grid moves for good to a sparse table:
 * open addressing over cells of two {@code long}s (key {@code day << 32 | item}, {@code FREE} = no
 * cell; then the mass's bits), so that one probe touches one cache line, at most three quarters
 * full: about 21 to 32 bytes per (day, item) with interest, at most one per signal.
 *
 * <p><b>Changed items.</b> Every add sets its item's bit in {@code changed} (one bit per item, 8
 * bytes per 64 items; the bulk path sets those of a batch's items once per batch), so that {@link TimelineCache}
 * rebuilds the read-out of those items only; it clears the bits once it has read them.
 *
 * <p>Not thread-safe: one per store.
 */
final class InterestGrid {
  private static final long DAY_MILLIS = 86_400_000L;
  private static final long DENSE_FLOOR_SLOTS = 1L << 20;
  private static final long DENSE_MAX_DAYS = 100_000;
  private static final long FREE = Long.MIN_VALUE;

  private final ProfileInterner interner;
  private double[][] dayRows = new double[0][];
  private long firstDay;
  private long denseSlots;
  private long denseCells;
  private boolean sparse;
  private long[] interest = new long[0];
  private int interestCells;
  /** One bit per item whose interest changed since {@link #clearChanged()}. */
  private long[] changed = new long[1];

  /**
   * Creates an empty grid.
   *
   * @param interner the store's interner, whose item count sizes new dense rows
   */
  InterestGrid(ProfileInterner interner) {
    this.interner = interner;
  }

  /** The UTC day of an instant in epoch milliseconds. */
  static long day(long atEpochMillis) {
    return Math.floorDiv(atEpochMillis, DAY_MILLIS);
  }

  /** Whether the UTC day of an instant fits the grid's key. */
  static boolean inTimeline(long atEpochMillis) {
    long day = day(atEpochMillis);
    return day == (int) day && day != Integer.MIN_VALUE;
  }

  /**
   * Adds interest and marks the item changed; {@code day} was checked by {@link
   * #inTimeline(long)}.
   */
  void add(long day, int item, double mass) {
    markChanged(item);
    addUnmarked(day, item, mass);
  }

  /** Marks an item's interest changed (see {@link #changed(int)}). */
  void markChanged(int item) {
    int word = item >>> 6;
    long[] ch = changed;
    if (word >= ch.length) {
      ch = growChanged(word);
    }
    ch[word] |= 1L << item;
  }

  /**
   * Adds interest to an item the caller has marked changed ({@link #markChanged(int)}) since the
   * last {@link #clearChanged()}: the bulk path marks the items of a batch once, not per signal.
   */
  void addUnmarked(long day, int item, double mass) {
    if (sparse) {
      addSparse(day, item, mass);
      return;
    }
    long d = day - firstDay;
    if (d < 0 || d >= dayRows.length) {
      long from = dayRows.length == 0 ? day : Math.min(firstDay, day);
      long to = dayRows.length == 0 ? day : Math.max(firstDay + dayRows.length - 1, day);
      if (to - from + 1 > DENSE_MAX_DAYS) {
        toSparse();
        addSparse(day, item, mass);
        return;
      }
      d = growDays(day);
    }
    double[] row = dayRows[(int) d];
    if (row == null || item >= row.length) {
      int itemCount = interner.itemCount;
      int length = row == null ? Math.max(itemCount, 16) : Math.max(itemCount, row.length * 2);
      long slots = denseSlots + length - (row == null ? 0 : row.length);
      // Dense rows cost 8 bytes per slot, the sparse table about 21 to 32 per cell with
      // interest: beyond a floor of 8 MB, rows less than a third full go sparse.
      if (slots > DENSE_FLOOR_SLOTS && slots > 3 * denseCells) {
        toSparse();
        addSparse(day, item, mass);
        return;
      }
      row = row == null ? new double[length] : Arrays.copyOf(row, length);
      dayRows[(int) d] = row;
      denseSlots = slots;
    }
    double before = row[item];
    denseCells += before == 0 ? 1 : 0;
    row[item] = before + mass;
  }

  private long[] growChanged(int word) {
    changed = Arrays.copyOf(changed, Math.max(word + 1, changed.length * 2));
    return changed;
  }

  /** Whether any item's interest changed since {@link #clearChanged()}. */
  boolean anyChanged() {
    for (long w : changed) {
      if (w != 0) {
        return true;
      }
    }
    return false;
  }

  /** Whether item {@code item}'s interest changed since {@link #clearChanged()}. */
  boolean changed(int item) {
    int word = item >>> 6;
    return word < changed.length && (changed[word] & 1L << item) != 0;
  }

  /** Forgets which items changed. */
  void clearChanged() {
    Arrays.fill(changed, 0L);
  }

  /**
   * Calls {@code action} with the day, item and mass of every cell of a changed item (see {@link
   * #changed(int)}): in dense rows, day by day (ascending) and item by item; in the sparse table,
   * in table order.
   */
  void forEachChanged(Cell action) {
    long[] ch = changed;
    for (int d = 0; d < dayRows.length; d++) {
      double[] row = dayRows[d];
      if (row == null) {
        continue;
      }
      for (int word = 0, words = Math.min(ch.length, (row.length + 63) >>> 6); word < words;
          word++) {
        for (long bits = ch[word]; bits != 0; bits &= bits - 1) {
          int i = word << 6 | Long.numberOfTrailingZeros(bits);
          if (i < row.length && row[i] != 0) {
            action.accept(firstDay + d, i, row[i]);
          }
        }
      }
    }
    long[] cells = interest;
    for (int j = 0; j < cells.length; j += 2) {
      long k = cells[j];
      if (k != FREE && changed((int) k)) {
        action.accept(k >> 32, (int) k, Double.longBitsToDouble(cells[j + 1]));
      }
    }
  }

  /** Widens the day range to hold {@code day}; returns its row index. */
  private long growDays(long day) {
    if (dayRows.length == 0) {
      dayRows = new double[64][];
      firstDay = day - 32;
      return day - firstDay;
    }
    long lastDay = firstDay + dayRows.length - 1;
    long from = Math.min(firstDay, day);
    long to = Math.max(lastDay, day);
    long span = to - from + 1;
    // Leave slack on the side that grew, so that a stream moving forward grows rarely.
    long newFrom = day < firstDay ? from - span / 2 : from;
    long newLength = span + span / 2 + 1;
    double[][] rows = new double[(int) newLength][];
    System.arraycopy(dayRows, 0, rows, (int) (firstDay - newFrom), dayRows.length);
    dayRows = rows;
    firstDay = newFrom;
    return day - firstDay;
  }

  /** Moves the dense rows into the sparse table, for good. */
  private void toSparse() {
    double[][] rows = dayRows;
    long first = firstDay;
    dayRows = new double[0][];
    denseSlots = 0;
    denseCells = 0;
    sparse = true;
    for (int d = 0; d < rows.length; d++) {
      double[] row = rows[d];
      if (row != null) {
        for (int i = 0; i < row.length; i++) {
          if (row[i] != 0) {
            addSparse(first + d, i, row[i]);
          }
        }
      }
    }
  }

  private void addSparse(long day, int item, double mass) {
    long key = day << 32 | item;
    long[] cells = interest;
    int mask = (cells.length >>> 1) - 1;
    if (mask >= 0) {
      for (int i = mixLong(key) & mask; ; i = (i + 1) & mask) {
        long k = cells[2 * i];
        if (k == key) {
          cells[2 * i + 1] = Double.doubleToRawLongBits(
              Double.longBitsToDouble(cells[2 * i + 1]) + mass);
          return;
        }
        if (k == FREE) {
          if ((interestCells + 1) * 4L <= (mask + 1) * 3L) {
            cells[2 * i] = key;
            cells[2 * i + 1] = Double.doubleToRawLongBits(mass);
            interestCells++;
            return;
          }
          break;
        }
      }
    }
    growInterest();
    addSparse(day, item, mass);
  }

  private static int mixLong(long x) {
    long h = x * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }

  /** Doubles the sparse table (or creates it) and re-inserts its cells. */
  private void growInterest() {
    long[] old = interest;
    int n = old.length == 0 ? 256 : old.length; // cells: twice the old count
    if (n > 1 << 29) {
      throw new IllegalStateException("The interest timeline is full.");
    }
    long[] cells = new long[2 * n];
    for (int i = 0; i < n; i++) {
      cells[2 * i] = FREE;
    }
    int mask = n - 1;
    for (int j = 0; j < old.length; j += 2) {
      long k = old[j];
      if (k != FREE) {
        int i = mixLong(k) & mask;
        while (cells[2 * i] != FREE) {
          i = (i + 1) & mask;
        }
        cells[2 * i] = k;
        cells[2 * i + 1] = old[j + 1];
      }
    }
    interest = cells;
  }

  /** Calls {@code action} with the day, item and mass of every cell. */
  void forEach(Cell action) {
    for (int d = 0; d < dayRows.length; d++) {
      double[] row = dayRows[d];
      if (row != null) {
        for (int i = 0; i < row.length; i++) {
          if (row[i] != 0) {
            action.accept(firstDay + d, i, row[i]);
          }
        }
      }
    }
    long[] cells = interest;
    for (int j = 0; j < cells.length; j += 2) {
      long k = cells[j];
      if (k != FREE) {
        action.accept(k >> 32, (int) k, Double.longBitsToDouble(cells[j + 1]));
      }
    }
  }

  /** One cell of the grid. */
  @FunctionalInterface
  interface Cell {
    void accept(long day, int item, double mass);
  }

  /** The bytes held: the dense rows and their index, or the sparse table. */
  long bytes() {
    return (long) interest.length * 8 + (denseSlots + dayRows.length) * 8;
  }
}
