package io.c2m.json.internal;

import java.util.Arrays;

/**
 * A small dictionary from short byte sequences to the value made of them once: event feeds repeat
 * the same field names, event names, attribute values, prices and user ids on every line, so
 * {@link FastLineParser} turns each distinct sequence into a String (or number) once per read
 * instead of once per occurrence. Package-private, owned by one read, never shared between
 * threads, dropped when the read ends; never logged. Open addressing with linear probing; it
 * starts small, doubles up to {@link #MAX_CAPACITY} slots and is emptied when that is half full,
 * so memory stays bounded whatever the input.
 */
final class Interner {
  /** Sequences longer than this are not kept (they are rarely repeated). */
  static final int MAX_KEY_LENGTH = 64;
  private static final int MAX_CAPACITY = 1 << 16;

  /**
   * Per slot, {@value #STRIDE} longs side by side, so that a probe touches one cache line: the
   * scrambled hash in the high half and the key's length plus one in the low half of the first
   * (0: an empty slot), then the first 16 bytes of the key packed as by {@link #pack}, which with
   * the length decide equality without reading the stored key (a separate array per field cost a
   * cache miss per field on the large table of user ids).
   */
  private long[] meta = new long[STRIDE << 8];
  /** The keys, read only to compare keys longer than 16 bytes. */
  private byte[][] keys = new byte[1 << 8][];
  private Object[] values = new Object[1 << 8];
  private static final int STRIDE = 4;
  private int size;

  /** Where the last {@link #find} stopped: the hash, and the empty slot when not found. */
  private int lastHash;
  private int lastRawHash;
  private int lastSlot;
  private long lastW0;
  private long lastW1;

  /**
   * Looks a sequence up.
   *
   * @return the value, or null if absent (then {@link #put} may follow for the same bytes)
   */
  Object find(byte[] b, int from, int to) {
    int h = 0;
    for (int i = from; i < to; i++) {
      h = 31 * h + b[i];
    }
    return find(b, from, to, h, pack(b, from, to, 0), pack(b, from, to, 8));
  }

  /**
   * Bytes {@code [from + skip, from + skip + 8)} that lie before {@code to}, little-endian in a
   * long (absent bytes are 0): with the length, the first 16 bytes of a key decide equality
   * without reading the stored key.
   */
  static long pack(byte[] b, int from, int to, int skip) {
    long w = 0;
    int stop = Math.min(to, from + skip + 8);
    for (int i = from + skip; i < stop; i++) {
      w |= (b[i] & 0xFFL) << (8 * (i - from - skip));
    }
    return w;
  }

  /**
   * Looks a sequence up, given {@code h}: the polynomial hash {@code h = 31 * h + b[i]} over the
   * bytes from 0, which a caller may compute while it scans them anyway.
   *
   * and {@code w0}, {@code w1}: {@link #pack} of its first 16 bytes.
   *
   * @return the value, or null if absent (then {@link #put} may follow for the same bytes)
   */
  Object find(byte[] b, int from, int to, int h, long w0, long w1) {
    // Scramble: polynomial hashes of ids such as c0000001, c0000002 are consecutive, which
    // linear probing turns into long runs.
    int raw = h;
    h *= 0x9E3779B9;
    h ^= h >>> 16;
    int mask = keys.length - 1;
    int len = to - from;
    long first = ((long) h << 32) | (len + 1);
    long[] m = meta;
    for (int i = h & mask; ; i = (i + 1) & mask) {
      int at = i * STRIDE;
      long f = m[at];
      if (f == 0) {
        lastHash = h;
        lastRawHash = raw;
        lastSlot = i;
        lastW0 = w0;
        lastW1 = w1;
        return null;
      }
      if (f == first && m[at + 1] == w0 && m[at + 2] == w1
          && (len <= 16 || same(keys[i], b, from))) {
        return values[i];
      }
    }
  }

  /** A plain loop: for keys this short it beats {@code Arrays.equals}' range checks and call. */
  private static boolean same(byte[] k, byte[] b, int from) {
    for (int j = 0; j < k.length; j++) {
      if (k[j] != b[from + j]) {
        return false;
      }
    }
    return true;
  }

  /** Stores the value of the sequence that the last {@link #find} did not find. */
  void put(byte[] b, int from, int to, Object value) {
    if (to - from > MAX_KEY_LENGTH) {
      return;
    }
    if (2 * (size + 1) > keys.length) {
      if (keys.length < MAX_CAPACITY) {
        rehash(keys.length * 2);
      } else {
        Arrays.fill(keys, null);
        Arrays.fill(values, null);
        Arrays.fill(meta, 0L);
        size = 0;
      }
      find(b, from, to, lastRawHash, lastW0, lastW1); // find the empty slot again
    }
    keys[lastSlot] = Arrays.copyOfRange(b, from, to);
    int at = lastSlot * STRIDE;
    meta[at] = ((long) lastHash << 32) | (to - from + 1);
    meta[at + 1] = lastW0;
    meta[at + 2] = lastW1;
    values[lastSlot] = value;
    size++;
  }

  private void rehash(int capacity) {
    byte[][] oldKeys = keys;
    Object[] oldValues = values;
    long[] oldMeta = meta;
    keys = new byte[capacity][];
    values = new Object[capacity];
    meta = new long[STRIDE * capacity];
    int mask = capacity - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      long f = oldMeta[j * STRIDE];
      if (f != 0) {
        int i = (int) (f >>> 32) & mask;
        while (meta[i * STRIDE] != 0) {
          i = (i + 1) & mask;
        }
        keys[i] = oldKeys[j];
        values[i] = oldValues[j];
        System.arraycopy(oldMeta, j * STRIDE, meta, i * STRIDE, STRIDE);
      }
    }
  }
}
