package io.c2m.signal;

import static io.c2m.signal.ProfileInterner.mix;

import java.util.Arrays;

/**
 * Each consumer's affinities, (value index, affinity) pairs, in one pool of tables allocated in
 * chunks: the store's per-consumer evidence, less the counts and prices of {@link
 * ConsumerTotals}.
 *
 * <p><b>Layout.</b> A consumer's row starts at {@code rowStart[c] = chunk << 11 | offset} in the
 * parallel chunks {@code keyChunks} ({@code int}: value index + 1, 0 = free slot) and {@code
 * valueChunks} ({@code double}: the affinity grown to the epoch). A row is one of:
 * <ul>
 *   <li>none ({@code rowBits[c] == 0}): no evidence yet;
 *   <li>an open-addressing table of {@code 2^rowBits[c]} slots, linear probing on a mix of the key,
 *       so one signal touches one or two cache lines. Tables start at 32 slots (28 values) on the
 *       one-by-one path, or at the smallest size for the values known, from 8 slots, and double
 *       when seven eighths full (three quarters from 128 slots on), up to 2^16 slots (49,152
 *       values; one more is refused with an {@link IllegalStateException});
 *   <li>compact ({@code rowBits[c] == COMPACT}): {@code rowSize[c]} pairs side by side with no free
 *       slot, as the bulk path writes a new consumer's first run of up to {@value #COMPACT_MAX}
 *       values (read by a scan; turned into a table by the next write).
 * </ul>
 * A row never straddles two chunks: rows of up to 2^11 slots are cut from shared chunks of that
 * size (8 and 16 KB, small enough that the memory the JVM zeroes for a chunk is still in cache when
 * its rows are filled), a larger table has a chunk of its own. Chunks are never copied; a row left
 * behind by growth goes to a free list per size and is reused by the next row of that size.
 *
 * <p><b>Cost.</b> 12 bytes per slot (about 12 to 16 bytes per value in tables, 12 in compact rows)
 * plus 9 bytes per consumer of row metadata; adding to an existing value is one probe, inserting
 * may move the row once to a table twice its size.
 *
 * <p>Not thread-safe: one per store. Readers of a whole row (the read-out, merges) use {@link
 * #rowStart(int)}, {@link #rowSlots(int)} and the chunks directly, skipping zero keys.
 */
final class AffinityPool {
  static final int CHUNK_BITS = 11;
  static final int CHUNK = 1 << CHUNK_BITS;
  private static final int INITIAL_ROW_BITS = 5;
  /** The smallest table sized for a known number of values: 8 slots (7 values). */
  private static final int MIN_ROW_BITS = 3;
  /** The largest table: 2^16 slots, 49,152 values. */
  private static final int MAX_ROW_BITS = 16;
  /** {@code rowBits} of a compact row (see the class comment). */
  private static final byte COMPACT = -1;
  /** The most values of a compact row. */
  static final int COMPACT_MAX = 64;

  private int[] rowStart = new int[16];
  private byte[] rowBits = new byte[16];
  private int[] rowSize = new int[16];

  int[][] keyChunks = new int[0][];
  double[][] valueChunks = new double[0][];
  private int chunkCount;
  /** The shared chunk new small rows are cut from (-1: none yet), and its first free slot. */
  private int openChunk = -1;
  private int openOffset;
  private final int[][] freeTables = new int[MAX_ROW_BITS + 1][];
  private final int[] freeCount = new int[MAX_ROW_BITS + 1];
  private final int[][] freeCompact = new int[COMPACT_MAX + 1][];
  private final int[] freeCompactCount = new int[COMPACT_MAX + 1];

  /** Makes room for consumer index {@code c}, the next one interned. */
  void addConsumer(int c) {
    if (c == rowStart.length) {
      int n = c * 2;
      rowStart = Arrays.copyOf(rowStart, n);
      rowBits = Arrays.copyOf(rowBits, n);
      rowSize = Arrays.copyOf(rowSize, n);
    }
  }

  /** Whether consumer {@code c} has no row yet. */
  boolean isEmpty(int c) {
    return rowBits[c] == 0;
  }

  /** The start of consumer {@code c}'s row: chunk {@code start >>> CHUNK_BITS}, slot {@code
   * start & (CHUNK - 1)}. */
  int rowStart(int c) {
    return rowStart[c];
  }

  /** The slots a consumer's row spans: its size if compact, else its table's capacity, or 0. */
  int rowSlots(int c) {
    int bits = rowBits[c];
    return bits == COMPACT ? rowSize[c] : bits == 0 ? 0 : 1 << bits;
  }

  /** Empties consumer {@code c}'s row (erasure): a compact row is released, a table zeroed. */
  void clear(int c) {
    int cap = rowSlots(c);
    if (rowBits[c] == COMPACT) {
      releaseCompact(rowStart[c], cap);
      rowBits[c] = 0;
    } else if (cap != 0) {
      int start = rowStart[c];
      int base = start & (CHUNK - 1);
      Arrays.fill(keyChunks[start >>> CHUNK_BITS], base, base + cap, 0);
      Arrays.fill(valueChunks[start >>> CHUNK_BITS], base, base + cap, 0.0);
    }
    rowSize[c] = 0;
  }

  /** The bytes of the chunks and the row metadata, and of {@code perConsumer} more per row. */
  long bytes(long perConsumer) {
    long slots = 0;
    for (int c = 0; c < chunkCount; c++) {
      slots += keyChunks[c].length;
    }
    return (long) rowStart.length * perConsumer + slots * (4 + 8);
  }

  /** The number of consumers the row metadata has room for. */
  int capacity() {
    return rowStart.length;
  }

  /**
   * Adds {@code contribution} to the consumer's affinity for each value id in {@code ids[from ..
   * to)}, in order: one probe per value, the table allocated on first use and grown only when a
   * new value would overfill it (the one-by-one path).
   */
  void addToRow(int consumer, int[] ids, int from, int to, double contribution) {
    int bits = rowBits[consumer];
    if (bits == 0) {
      bits = INITIAL_ROW_BITS;
      rowStart[consumer] = allocate(bits);
      rowBits[consumer] = (byte) bits;
    } else if (bits == COMPACT) {
      bits = toHashRow(consumer);
    }
    int size = rowSize[consumer];
    int start = rowStart[consumer];
    int[] keys = keyChunks[start >>> CHUNK_BITS];
    double[] vals = valueChunks[start >>> CHUNK_BITS];
    int base = start & (CHUNK - 1);
    int mask = (1 << bits) - 1;
    for (int v = from; v < to; v++) {
      int key = ids[v] + 1;
      for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
        int k = keys[base + i];
        if (k == key) {
          vals[base + i] += contribution;
          break;
        }
        if (k == 0) {
          if (overfull(size + 1, mask + 1)) {
            rowSize[consumer] = size;
            bits = growRow(consumer);
            start = rowStart[consumer];
            keys = keyChunks[start >>> CHUNK_BITS];
            vals = valueChunks[start >>> CHUNK_BITS];
            base = start & (CHUNK - 1);
            mask = (1 << bits) - 1;
            v--;
            break;
          }
          keys[base + i] = key;
          vals[base + i] = contribution;
          size++;
          break;
        }
      }
    }
    rowSize[consumer] = size;
  }

  /** The consumer's affinity for a value, or -0.0 (the identity of addition) if it has none. */
  double affinity(int consumer, int valueId) {
    int bits = rowBits[consumer];
    if (bits == 0) {
      return -0.0;
    }
    int key = valueId + 1;
    int start = rowStart[consumer];
    int[] keys = keyChunks[start >>> CHUNK_BITS];
    int base = start & (CHUNK - 1);
    if (bits == COMPACT) {
      for (int i = base, end = base + rowSize[consumer]; i < end; i++) {
        if (keys[i] == key) {
          return valueChunks[start >>> CHUNK_BITS][i];
        }
      }
      return -0.0;
    }
    int mask = (1 << bits) - 1;
    for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
      int k = keys[base + i];
      if (k == key) {
        return valueChunks[start >>> CHUNK_BITS][base + i];
      }
      if (k == 0) {
        return -0.0;
      }
    }
  }

  /** Adds {@code amount} to the consumer's affinity for a value (inserting it if absent). */
  void addAffinity(int consumer, int valueId, double amount) {
    updateAffinity(consumer, valueId, amount, true);
  }

  /** Sets the consumer's affinity for a value (inserting it if absent). */
  void putAffinity(int consumer, int valueId, double value) {
    updateAffinity(consumer, valueId, value, false);
  }

  /**
   * Adds {@code amount} to the consumer's affinity for a value ({@code add}), or sets it to
   * {@code amount}; an absent value is inserted holding the amount (as adding it to -0.0, the
   * identity of addition, would), allocating or growing the table as needed.
   */
  private void updateAffinity(int consumer, int valueId, double amount, boolean add) {
    int bits = rowBits[consumer];
    if (bits == 0) {
      bits = INITIAL_ROW_BITS;
      rowStart[consumer] = allocate(bits);
      rowBits[consumer] = (byte) bits;
    } else if (bits == COMPACT) {
      bits = toHashRow(consumer);
    }
    int key = valueId + 1;
    while (true) {
      int start = rowStart[consumer];
      int[] keys = keyChunks[start >>> CHUNK_BITS];
      int base = start & (CHUNK - 1);
      int mask = (1 << bits) - 1;
      // Probe first: an existing value is found in place; the row grows only on an insert.
      for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
        int k = keys[base + i];
        double[] vals = valueChunks[start >>> CHUNK_BITS];
        if (k == key) {
          vals[base + i] = add ? vals[base + i] + amount : amount;
          return;
        }
        if (k == 0) {
          if (overfull(rowSize[consumer] + 1, mask + 1)) {
            bits = growRow(consumer);
            break; // probe the grown row again
          }
          keys[base + i] = key;
          vals[base + i] = amount; // as -0.0 + amount, bit for bit
          rowSize[consumer]++;
          return;
        }
      }
    }
  }

  /**
   * Gives a consumer without a row the affinities {@code sum[v]} of the distinct values {@code
   * values[0 .. n)}: up to {@link #COMPACT_MAX} as a compact row (written in order, no probing),
   * more in a table sized for them.
   */
  void fillNewRow(int consumer, int[] values, int n, double[] sum) {
    if (n <= COMPACT_MAX) {
      int start = allocateCompact(n);
      rowStart[consumer] = start;
      rowBits[consumer] = COMPACT;
      rowSize[consumer] = n;
      int[] keys = keyChunks[start >>> CHUNK_BITS];
      double[] vals = valueChunks[start >>> CHUNK_BITS];
      int base = start & (CHUNK - 1);
      for (int t = 0; t < n; t++) {
        int v = values[t];
        keys[base + t] = v + 1;
        vals[base + t] = sum[v];
      }
      return;
    }
    int bits = MIN_ROW_BITS;
    while (overfull(n, 1 << bits)) {
      bits++;
    }
    if (bits > MAX_ROW_BITS) {
      throw tooManyValues();
    }
    int start = allocate(bits);
    rowStart[consumer] = start;
    rowBits[consumer] = (byte) bits;
    rowSize[consumer] = n;
    int[] keys = keyChunks[start >>> CHUNK_BITS];
    double[] vals = valueChunks[start >>> CHUNK_BITS];
    int base = start & (CHUNK - 1);
    int mask = (1 << bits) - 1;
    for (int t = 0; t < n; t++) {
      int v = values[t];
      place(keys, vals, base, mask, v + 1, sum[v]);
    }
  }

  /** Puts a key known to be absent, and its affinity, in the first free slot of its probe. */
  private static void place(int[] keys, double[] vals, int base, int mask, int key, double value) {
    int i = mix(key) & mask;
    while (keys[base + i] != 0) {
      i = (i + 1) & mask;
    }
    keys[base + i] = key;
    vals[base + i] = value;
  }

  /**
   * Turns a consumer's compact row into a hash table with room for one more value (the write
   * that needs it comes next) and frees the compact row; returns the table's bits.
   */
  private int toHashRow(int consumer) {
    int bits = MIN_ROW_BITS;
    while (overfull(rowSize[consumer] + 1, 1 << bits)) {
      bits++;
    }
    return moveRow(consumer, bits);
  }

  private int growRow(int consumer) {
    int bits = rowBits[consumer] + 1;
    if (bits > MAX_ROW_BITS) {
      throw tooManyValues();
    }
    return moveRow(consumer, bits);
  }

  /**
   * Moves a consumer's row (compact or table) into a new table of {@code 2^bits} slots and frees
   * the old row for the next of its size; returns {@code bits}.
   */
  private int moveRow(int consumer, int bits) {
    int oldBits = rowBits[consumer];
    int oldStart = rowStart[consumer];
    int oldSlots = rowSlots(consumer);
    int start = allocate(bits);
    int[] oldKeys = keyChunks[oldStart >>> CHUNK_BITS];
    double[] oldValues = valueChunks[oldStart >>> CHUNK_BITS];
    int oldBase = oldStart & (CHUNK - 1);
    int[] keys = keyChunks[start >>> CHUNK_BITS];
    double[] vals = valueChunks[start >>> CHUNK_BITS];
    int base = start & (CHUNK - 1);
    int mask = (1 << bits) - 1;
    for (int j = 0; j < oldSlots; j++) {
      int k = oldKeys[oldBase + j];
      if (k != 0) {
        place(keys, vals, base, mask, k, oldValues[oldBase + j]);
      }
    }
    if (oldBits == COMPACT) {
      releaseCompact(oldStart, oldSlots);
    } else {
      Arrays.fill(oldKeys, oldBase, oldBase + oldSlots, 0);
      push(freeTables, freeCount, oldBits, oldStart);
    }
    rowStart[consumer] = start;
    rowBits[consumer] = (byte) bits;
    return bits;
  }

  /**
   * Whether a table of {@code slots} would be too full with {@code size} values: more than seven
   * eighths for tables of up to 64 slots (whose probes stay within a few cache lines), more than
   * three quarters above.
   */
  private static boolean overfull(int size, int slots) {
    return slots <= 64 ? size * 8 > slots * 7 : size * 4 > slots * 3;
  }

  private static IllegalStateException tooManyValues() {
    return new IllegalStateException("A consumer has more than " + ((1 << MAX_ROW_BITS) / 4 * 3)
        + " distinct attribute values.");
  }

  /** Returns the start of {@code n} free, zeroed slots for a compact row. */
  private int allocateCompact(int n) {
    if (freeCompactCount[n] > 0) {
      return freeCompact[n][--freeCompactCount[n]];
    }
    return cut(n);
  }

  /** Zeroes a compact row of {@code n} slots and keeps it for the next of that size. */
  private void releaseCompact(int start, int n) {
    int base = start & (CHUNK - 1);
    Arrays.fill(keyChunks[start >>> CHUNK_BITS], base, base + n, 0);
    Arrays.fill(valueChunks[start >>> CHUNK_BITS], base, base + n, 0.0);
    if (n > 0) {
      push(freeCompact, freeCompactCount, n, start);
    }
  }

  /** Pushes {@code start} on free list {@code index} of {@code lists}. */
  private static void push(int[][] lists, int[] counts, int index, int start) {
    int[] list = lists[index];
    if (list == null) {
      list = new int[16];
    } else if (counts[index] == list.length) {
      list = Arrays.copyOf(list, list.length * 2);
    }
    list[counts[index]++] = start;
    lists[index] = list;
  }

  /**
   * Returns the start of {@code 2^bits} free slots (zero keys; a released table keeps stale
   * affinities, which no reader sees without a key): a released table or new ones.
   */
  private int allocate(int bits) {
    if (freeCount[bits] > 0) {
      return freeTables[bits][--freeCount[bits]];
    }
    int size = 1 << bits;
    if (size > CHUNK) {
      return newChunk(size) << CHUNK_BITS; // a table of its own
    }
    return cut(size);
  }

  /** Cuts {@code size} (at most a chunk) new, zeroed slots from the open chunk. */
  private int cut(int size) {
    if (openChunk < 0 || openOffset + size > CHUNK) {
      // A row never straddles two chunks: the rest of the open one stays unused.
      openChunk = newChunk(CHUNK);
      openOffset = 0;
    }
    int start = openChunk << CHUNK_BITS | openOffset;
    openOffset += size;
    return start;
  }

  /** Adds a chunk of {@code length} slots; returns its index. */
  private int newChunk(int length) {
    int chunk = chunkCount;
    if ((long) (chunk + 1) << CHUNK_BITS > Integer.MAX_VALUE) {
      throw new IllegalStateException("The profile store is full (" + chunk + " chunks).");
    }
    if (chunk == keyChunks.length) {
      keyChunks = Arrays.copyOf(keyChunks, Math.max(4, chunk * 2));
      valueChunks = Arrays.copyOf(valueChunks, keyChunks.length);
    }
    keyChunks[chunk] = new int[length];
    valueChunks[chunk] = new double[length];
    chunkCount = chunk + 1;
    return chunk;
  }
}
