package io.c2m.order.internal;

import io.c2m.OrderId;
import io.c2m.order.BookedOrder;
import io.c2m.order.OrderEvent;
import io.c2m.order.OrderState;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The orders a journal recovered, packed, so that recovering ten million orders neither allocates
 * a hundred million objects nor leaves the collector gigabytes of references to trace.
 *
 * <pre>
 * Layout. Every order is one checksummed SNAP_ORDER record of JournalCodec, byte for byte as a
 * snapshot holds it, inside a byte[] chunk: the snapshot's own chunks as read from its file
 * (records never straddle two chunks), then append chunks for the records written since (log
 * inserts transcoded on recovery, and changes). Per order, by slot (insertion order):
 *   where[slot]  = chunk index &lt;&lt; 32 | offset of the record's header in that chunk
 *   states[slot] = the ordinal of the order's current state (orders(states) filters undecoded)
 * An open-addressing table (linear probing, load at most 0.75) maps an id to its slot; an entry is
 * hash &lt;&lt; 32 | (slot + 1), 0 when empty; the hash is of the id's UTF-8 bytes and is compared
 * before the bytes themselves.
 *
 * Cost. Per order its record (about 110 bytes for an order with one event), 8 + 1 bytes of
 * columns and about 13 bytes of table: about 135 bytes in a few hundred arrays, against about 400
 * bytes and ten objects as records. A read decodes the record (a BookedOrder and, when asked, its
 * history, as new objects). A change appends a new record and leaves the old one dead; once the
 * dead bytes outgrow the live ones (and 64 MiB), the live records are copied into new chunks, so
 * a change costs O(1) amortised and the memory stays within twice the live records.
 * </pre>
 *
 * <p>Not thread-safe: the {@link InMemoryOrderStore}'s monitor guards it. A chunk is never written
 * below its append point, so a {@link View} taken under the monitor can be read without it (by
 * the snapshot writer) while the store goes on.
 */
final class PackedOrders {
  private static final int APPEND_CHUNK = 1 << 20;
  private static final int COMPACT_CHUNK = 16 << 20;
  private static final long COMPACT_MIN = 64L << 20;
  private static final int STATES = OrderState.values().length;

  private final long compactMin;
  private final ArrayList<byte[]> chunks = new ArrayList<>();
  private long[] where = new long[0];
  private byte[] states = new byte[0];
  private long[] table = new long[16];
  private int size;
  // Slots below are in the table; pendingHashes[s - indexed] is the hash of slot s above.
  private int indexed;
  private int[] pendingHashes = new int[0];
  private int appendChunk = -1;
  private int appendPos;
  private long liveBytes;
  private long deadBytes;
  private final JournalCodec.Writer scratch = new JournalCodec.Writer(512);
  private final JournalCodec.Reader reader = new JournalCodec.Reader(false);

  PackedOrders() {
    this(COMPACT_MIN);
  }

  /** With another compaction threshold: dead bytes past it (and the live ones) compact. */
  PackedOrders(long compactMin) {
    this.compactMin = compactMin;
  }

  /** The orders of a snapshot being written: the records as of when it was taken. */
  record View(byte[][] chunks, long[] where) {
    int size() {
      return where.length;
    }

    /** Appends order {@code slot}'s record, as it is, to a snapshot being written. */
    void writeTo(int slot, JournalCodec.Writer w) {
      byte[] c = chunks[(int) (where[slot] >>> 32)];
      int off = (int) where[slot];
      w.putRaw(c, off, recordLength(c, off));
    }
  }

  int size() {
    return size;
  }

  /** The bytes of chunks held, for tests. */
  long chunkBytes() {
    long n = 0;
    for (byte[] c : chunks) {
      n += c.length;
    }
    return n;
  }

  View view() {
    return new View(chunks.toArray(new byte[0][]), Arrays.copyOf(where, size));
  }

  /** Sizes the columns and the table for {@code n} orders in all. */
  void expect(int n) {
    if (n > where.length) {
      where = Arrays.copyOf(where, n);
      states = Arrays.copyOf(states, n);
    }
    if (n > maxLoad(table.length)) {
      rehash(capacityFor(n));
    }
  }

  /** Makes room for one more order, unindexed: grows the columns by half when full. */
  private void grow() {
    if (size == where.length) {
      int n = size + (size >> 1) + 16;
      where = Arrays.copyOf(where, n);
      states = Arrays.copyOf(states, n);
    }
    if (size - indexed == pendingHashes.length) {
      pendingHashes = Arrays.copyOf(pendingHashes, Math.max(1024, where.length - indexed));
    }
  }

  /** The most entries before the table doubles: 3/4 (it is sized for at most 0.6). */
  private static int maxLoad(int capacity) {
    return capacity - (capacity >> 2);
  }

  private static int capacityFor(int n) {
    int c = 16;
    while (c * 0.6 < n) {
      c <<= 1;
    }
    return c;
  }

  private void rehash(int capacity) {
    long[] old = table;
    table = new long[capacity];
    for (long e : old) {
      if (e != 0) {
        put(e);
      }
    }
  }

  private void put(long entry) {
    int mask = table.length - 1;
    int i = spread((int) (entry >>> 32)) & mask;
    while (table[i] != 0) {
      i = (i + 1) & mask;
    }
    table[i] = entry;
  }

  private static int spread(int h) {
    h ^= h >>> 16; // MurmurHash3's finaliser: ids that differ in one character scatter
    h *= 0x85EBCA6B;
    h ^= h >>> 13;
    h *= 0xC2B2AE35;
    return h ^ (h >>> 16);
  }

  /** The hash of an id's UTF-8 bytes. */
  static int hash(byte[] b, int from, int len) {
    int h = 1;
    for (int i = from; i < from + len; i++) {
      h = 31 * h + b[i];
    }
    return h;
  }

  /** Takes a chunk of records read from a snapshot; returns its index. */
  int addChunk(byte[] chunk) {
    chunks.add(chunk);
    return chunks.size() - 1;
  }

  /**
   * Adds an order whose record (checksummed and checked by {@link #checkSnapOrder}) is at {@code
   * offset} of chunk {@code chunk}, without indexing it yet: a snapshot's orders are indexed
   * together by {@link #indexPending()}, which writes the table in address order.
   */
  void addUnindexed(int chunk, int offset, int hash, int state) {
    grow();
    byte[] c = chunks.get(chunk);
    where[size] = (long) chunk << 32 | offset;
    states[size] = (byte) state;
    pendingHashes[size - indexed] = hash;
    liveBytes += recordLength(c, offset);
    size++;
  }

  /**
   * Indexes the orders added by {@link #addUnindexed}. Inserting ten million ids one by one
   * into a table of 128 MiB misses the caches (and the TLB) at every insert; sorted by their
   * table region first (one counting-sort pass on the top 12 bits of the bucket), the inserts
   * walk the table in address order.
   *
   * @return -1, or the slot of an order whose id an earlier slot holds (nothing indexed then)
   */
  int indexPending() {
    int from = indexed;
    int n = size - from;
    if (n == 0) {
      return -1;
    }
    if (size > maxLoad(table.length)) {
      rehash(capacityFor(size));
    }
    int bits = Integer.numberOfTrailingZeros(table.length);
    int shift = Math.max(0, bits - 12);
    int[] count = new int[(table.length >>> shift) + 1];
    for (int s = from; s < size; s++) {
      count[((spread(pendingHashes[s - from]) & (table.length - 1)) >>> shift) + 1]++;
    }
    for (int i = 1; i < count.length; i++) {
      count[i] += count[i - 1];
    }
    int[] order = new int[n];
    for (int s = from; s < size; s++) {
      order[count[(spread(pendingHashes[s - from]) & (table.length - 1)) >>> shift]++] = s;
    }
    int mask = table.length - 1;
    for (int s : order) {
      int h = pendingHashes[s - from];
      int i = spread(h) & mask;
      while (table[i] != 0) {
        long e = table[i];
        if ((int) (e >>> 32) == h && sameId((int) e - 1, s)) {
          int dup = Math.max((int) e - 1, s);
          Arrays.fill(table, 0); // nothing indexed: the store is not opened
          return dup;
        }
        i = (i + 1) & mask;
      }
      table[i] = (long) h << 32 | (s + 1L);
    }
    indexed = size;
    if (pendingHashes.length > 1 << 16) {
      pendingHashes = new int[0]; // a snapshot's: the log's inserts come fewer at a time
    }
    return -1;
  }

  private boolean sameId(int a, int b) {
    long wa = where[a];
    long wb = where[b];
    byte[] ca = chunks.get((int) (wa >>> 32));
    byte[] cb = chunks.get((int) (wb >>> 32));
    int[] pa = {(int) wa + JournalCodec.HEADER + 1};
    int[] pb = {(int) wb + JournalCodec.HEADER + 1};
    int na = varInt(ca, pa);
    int nb = varInt(cb, pb);
    return na == nb && Arrays.equals(ca, pa[0], pa[0] + na, cb, pb[0], pb[0] + nb);
  }

  /** Returns an order's id, for messages. */
  String id(int slot) {
    long w = where[slot];
    byte[] c = chunks.get((int) (w >>> 32));
    int[] p = {(int) w + JournalCodec.HEADER + 1};
    int n = varInt(c, p);
    return new String(c, p[0], n, StandardCharsets.UTF_8);
  }

  /** Returns where an order's record is: chunk index in the high int, offset in the low. */
  long where(int slot) {
    return where[slot];
  }

  /**
   * Adds an order from a log's insert record, transcoded to a snapshot record ({@code r} at the
   * payload after its type byte, its limit at the record's end), without indexing it: {@link
   * #indexPending()} does, and finds an id inserted twice. Leaves {@code r} at the record's end.
   *
   * @throws IllegalStateException if the record is malformed
   */
  void addInsert(JournalCodec.Reader r) {
    byte[] b = r.buf;
    int[] p = {r.pos};
    int end = r.limit;
    int idLen = varInt(b, p);
    int idAt = p[0];
    if (!(idLen > 0 && idAt + idLen <= end)) {
      throw malformed("an order id of " + idLen + " bytes");
    }
    p[0] += idLen;
    skipString(b, p, end, "consumer");
    skipString(b, p, end, "design");
    int orderEnd = p[0] + 4 + 8 + 12 + 12;
    if (!(orderEnd + 2 + 12 < end)) {
      throw malformed("an insert record cut short");
    }
    int from = b[orderEnd];
    int to = b[orderEnd + 1];
    if (!(from == to && from >= 0 && from < STATES)) {
      throw malformed("an acceptance from " + from + " to " + to);
    }
    p[0] = orderEnd + 2 + 12;
    skipString(b, p, end, "reason");
    if (!(p[0] == end)) {
      throw malformed("an insert record of " + (end - r.pos) + " bytes holding " + (p[0] - r.pos));
    }
    int h = hash(b, idAt, idLen);
    scratch.clear();
    scratch.snapInserted(b, r.pos, orderEnd, end);
    long at = append(scratch.buf, 0, scratch.pos, APPEND_CHUNK);
    grow();
    where[size] = at;
    states[size] = (byte) to;
    pendingHashes[size - indexed] = h;
    liveBytes += scratch.pos;
    size++;
    r.pos = end;
  }

  /** The error of a malformed record; built only on failure (this is the recovery's loop). */
  private static IllegalStateException malformed(String what) {
    return new IllegalStateException("malformed record: " + what);
  }

  private static int varInt(byte[] b, int[] p) {
    int v = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      byte x = b[p[0]++];
      v |= (x & 0x7F) << shift;
      if (x >= 0) {
        return v;
      }
    }
    throw new IllegalStateException("malformed record: a var-int longer than 5 bytes");
  }

  private static void skipString(byte[] b, int[] p, int end, String what) {
    int n = varInt(b, p);
    if (!(n >= 0 && p[0] + n <= end)) {
      throw malformed("a " + what + " of " + n + " bytes past the record");
    }
    p[0] += n;
  }

  /**
   * Checks a snapshot order's payload without decoding it into objects: its fields fit the record
   * exactly, the states are states, the quantity is positive, the history is not empty.
   *
   * @param b the bytes
   * @param from the payload's first byte (its type)
   * @param end the record's end
   * @param out receives the id's hash at [0] and the current state's ordinal at [1]
   * @throws IllegalStateException if it is malformed
   */
  static void checkSnapOrder(byte[] b, int from, int end, int[] out) {
    int[] p = {from + 1};
    int idLen = varInt(b, p);
    int idAt = p[0];
    if (!(idLen > 0 && idAt + idLen <= end)) {
      throw malformed("an order id of " + idLen + " bytes");
    }
    p[0] += idLen;
    skipString(b, p, end, "consumer");
    skipString(b, p, end, "design");
    int q = p[0];
    if (!(q + 36 + 1 <= end)) {
      throw malformed("an order cut short");
    }
    int quantity = (b[q] & 0xFF) << 24 | (b[q + 1] & 0xFF) << 16 | (b[q + 2] & 0xFF) << 8
        | b[q + 3] & 0xFF;
    if (!(quantity > 0)) {
      throw malformed("a quantity of " + quantity);
    }
    int state = b[q + 36];
    if (!(state >= 0 && state < STATES)) {
      throw malformed("a state " + state);
    }
    p[0] = q + 37;
    skipString(b, p, end, "batch");
    p[0] += 24;
    if (!(p[0] < end)) {
      throw malformed("an order cut short");
    }
    int events = varInt(b, p);
    if (!(events > 0)) {
      throw malformed("a history of " + events + " events");
    }
    for (int i = 0; i < events; i++) {
      if (!(p[0] + 14 <= end)) {
      throw malformed("an event cut short");
    }
      int f = b[p[0]];
      int t = b[p[0] + 1];
      if (!(f >= 0 && f < STATES && t >= 0 && t < STATES)) {
      throw malformed("an event from " + f + " to " + t);
    }
      p[0] += 14;
      skipString(b, p, end, "reason");
    }
    if (!(p[0] == end)) {
      throw malformed("a snapshot order of " + (end - from) + " bytes holding " + (p[0] - from));
    }
    out[0] = hash(b, idAt, idLen);
    out[1] = state;
  }

  static int recordLength(byte[] c, int off) {
    return JournalCodec.HEADER + ((c[off] & 0xFF) << 24 | (c[off + 1] & 0xFF) << 16
        | (c[off + 2] & 0xFF) << 8 | c[off + 3] & 0xFF);
  }

  private int find(int hash, byte[] k, int from, int len) {
    int mask = table.length - 1;
    for (int i = spread(hash) & mask; ; i = (i + 1) & mask) {
      long e = table[i];
      if (e == 0) {
        return -1;
      }
      if ((int) (e >>> 32) == hash) {
        int slot = (int) e - 1;
        long w = where[slot];
        byte[] c = chunks.get((int) (w >>> 32));
        int[] p = {(int) w + JournalCodec.HEADER + 1};
        int n = varInt(c, p);
        if (n == len && Arrays.equals(c, p[0], p[0] + n, k, from, from + len)) {
          return slot;
        }
      }
    }
  }

  /** Returns an order's slot, or -1. */
  int slot(OrderId id) {
    if (size == 0) {
      return -1;
    }
    byte[] k = id.value().getBytes(StandardCharsets.UTF_8);
    return find(hash(k, 0, k.length), k, 0, k.length);
  }

  OrderState state(int slot) {
    return OrderState.values()[states[slot]];
  }

  boolean hasState(int slot, boolean[] wanted) {
    return wanted[states[slot]];
  }

  private void position(int slot) {
    long w = where[slot];
    byte[] c = chunks.get((int) (w >>> 32));
    int off = (int) w;
    reader.reset(c, off + JournalCodec.HEADER + 1);
    reader.limit = off + recordLength(c, off);
  }

  /** Decodes an order's current record. */
  BookedOrder booked(int slot) {
    position(slot);
    return reader.snapOrder(null);
  }

  /** Decodes an order's current record and adds its history to {@code history}. */
  BookedOrder booked(int slot, List<OrderEvent> history) {
    position(slot);
    return reader.snapOrder(history);
  }

  /**
   * Replaces an order's record after some events: its new current record {@code b}, its history
   * so far then {@code added}. The order's bytes and its earlier events' are copied as they are,
   * so a change decodes neither.
   */
  void appendEvents(int slot, BookedOrder b, List<OrderEvent> added) {
    long old = where[slot];
    byte[] c = chunks.get((int) (old >>> 32));
    int off = (int) old;
    int oldLen = recordLength(c, off);
    int end = off + oldLen;
    int orderFrom = off + JournalCodec.HEADER + 1;
    int[] p = {orderFrom};
    skipString(c, p, end, "order id");
    skipString(c, p, end, "consumer");
    skipString(c, p, end, "design");
    int orderEnd = p[0] + 36;
    p[0] = orderEnd + 1;
    skipString(c, p, end, "batch");
    p[0] += 24;
    int events = varInt(c, p);
    scratch.clear();
    scratch.snapOrderSpliced(c, orderFrom, orderEnd, b, events + added.size(), p[0], end, added);
    where[slot] = append(scratch.buf, 0, scratch.pos, APPEND_CHUNK);
    states[slot] = (byte) b.state().ordinal();
    liveBytes += scratch.pos - oldLen;
    deadBytes += oldLen;
    if (deadBytes > compactMin && deadBytes > liveBytes) {
      compact();
    }
  }

  private long append(byte[] src, int off, int len, int chunkSize) {
    if (appendChunk < 0 || appendPos + len > chunks.get(appendChunk).length) {
      chunks.add(new byte[Math.max(chunkSize, len)]);
      appendChunk = chunks.size() - 1;
      appendPos = 0;
    }
    System.arraycopy(src, off, chunks.get(appendChunk), appendPos, len);
    long w = (long) appendChunk << 32 | appendPos;
    appendPos += len;
    return w;
  }

  /** Copies the live records into new chunks; views taken before keep the old ones. */
  private void compact() {
    byte[][] old = chunks.toArray(new byte[0][]);
    int chunkSize = (int) Math.min(COMPACT_CHUNK, Math.max(APPEND_CHUNK, liveBytes));
    chunks.clear();
    appendChunk = -1;
    for (int s = 0; s < size; s++) {
      byte[] c = old[(int) (where[s] >>> 32)];
      int off = (int) where[s];
      where[s] = append(c, off, recordLength(c, off), chunkSize);
    }
    deadBytes = 0;
  }
}
