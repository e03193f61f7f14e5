package io.c2m.json;

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

  private byte[][] keys = new byte[1 << 8][];
  private int[] hashes = new int[1 << 8];
  private Object[] values = new Object[1 << 8];
  /** The first 16 bytes of each key, packed as by {@link #pack}, to compare without the key. */
  private long[] heads = new long[2 << 8];
  /** Each key's length, so that a lookup reads no key object unless the key is long. */
  private int[] lengths = new int[1 << 8];
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
    for (int i = h & mask; ; i = (i + 1) & mask) {
      byte[] k = keys[i];
      if (k == null) {
        lastHash = h;
        lastRawHash = raw;
        lastSlot = i;
        lastW0 = w0;
        lastW1 = w1;
        return null;
      }
      if (hashes[i] == h && heads[2 * i] == w0 && heads[2 * i + 1] == w1 && lengths[i] == len
          && (len <= 16 || same(k, b, from))) {
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
        size = 0;
      }
      find(b, from, to, lastRawHash, lastW0, lastW1); // find the empty slot again
    }
    keys[lastSlot] = Arrays.copyOfRange(b, from, to);
    lengths[lastSlot] = to - from;
    heads[2 * lastSlot] = lastW0;
    heads[2 * lastSlot + 1] = lastW1;
    hashes[lastSlot] = lastHash;
    values[lastSlot] = value;
    size++;
  }

  private void rehash(int capacity) {
    byte[][] oldKeys = keys;
    int[] oldHashes = hashes;
    Object[] oldValues = values;
    long[] oldHeads = heads;
    int[] oldLengths = lengths;
    keys = new byte[capacity][];
    hashes = new int[capacity];
    values = new Object[capacity];
    heads = new long[2 * capacity];
    lengths = new int[capacity];
    int mask = capacity - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      if (oldKeys[j] != null) {
        int i = oldHashes[j] & mask;
        while (keys[i] != null) {
          i = (i + 1) & mask;
        }
        keys[i] = oldKeys[j];
        hashes[i] = oldHashes[j];
        values[i] = oldValues[j];
        lengths[i] = oldLengths[j];
        heads[2 * i] = oldHeads[2 * j];
        heads[2 * i + 1] = oldHeads[2 * j + 1];
      }
    }
  }
}
