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
  private int size;

  /** Where the last {@link #find} stopped: the hash, and the empty slot when not found. */
  private int lastHash;
  private int lastSlot;

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
    return find(b, from, to, h);
  }

  /**
   * Looks a sequence up, given {@code h}: the polynomial hash {@code h = 31 * h + b[i]} over the
   * bytes from 0, which a caller may compute while it scans them anyway.
   *
   * @return the value, or null if absent (then {@link #put} may follow for the same bytes)
   */
  Object find(byte[] b, int from, int to, int h) {
    // Scramble: polynomial hashes of ids such as c0000001, c0000002 are consecutive, which
    // linear probing turns into long runs.
    h *= 0x9E3779B9;
    h ^= h >>> 16;
    int mask = keys.length - 1;
    int len = to - from;
    for (int i = h & mask; ; i = (i + 1) & mask) {
      byte[] k = keys[i];
      if (k == null) {
        lastHash = h;
        lastSlot = i;
        return null;
      }
      if (hashes[i] == h && k.length == len && same(k, b, from)) {
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
      find(b, from, to); // find the empty slot again in the new table
    }
    keys[lastSlot] = Arrays.copyOfRange(b, from, to);
    hashes[lastSlot] = lastHash;
    values[lastSlot] = value;
    size++;
  }

  private void rehash(int capacity) {
    byte[][] oldKeys = keys;
    int[] oldHashes = hashes;
    Object[] oldValues = values;
    keys = new byte[capacity][];
    hashes = new int[capacity];
    values = new Object[capacity];
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
      }
    }
  }
}
