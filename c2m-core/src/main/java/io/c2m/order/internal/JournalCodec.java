package io.c2m.order.internal;

import io.c2m.BatchId;
import io.c2m.ConsumerId;
import io.c2m.DesignId;
import io.c2m.OrderId;
import io.c2m.order.BatchState;
import io.c2m.order.BookedBatch;
import io.c2m.order.BookedOrder;
import io.c2m.order.Offer;
import io.c2m.order.Order;
import io.c2m.order.OrderChange;
import io.c2m.order.OrderEvent;
import io.c2m.order.OrderState;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * The journal's record format, one class so the writer and the reader cannot drift apart.
 *
 * <p>A record is {@code [int length][int crc32c][payload of length bytes]}, big-endian; the CRC32C
 * covers the payload. The payload's first byte is its type: {@link #INSERT} (an order and its
 * acceptance), {@link #COMMIT} (an {@link OrderChange}), {@link #OFFER}, and in snapshots {@link
 * #SNAP_HEAD}, {@link #SNAP_ORDER} (an order's current record and its history) and {@link
 * #SNAP_END} (the count of orders, so a snapshot cut short is never taken for a whole one).
 * Strings are a var-int byte length and UTF-8; instants and durations are seconds (long) and nanos
 * (int); doubles their IEEE bits, so a reopened store gives back exactly what was stored.
 *
 * <p>Not thread-safe: a {@link Writer} belongs to whoever holds the store's lock, a {@link Reader}
 * to the recovering thread.
 */
final class JournalCodec {
  static final byte INSERT = 1;
  static final byte COMMIT = 2;
  static final byte OFFER = 3;
  static final byte SNAP_HEAD = 4;
  static final byte SNAP_ORDER = 5;
  static final byte SNAP_END = 6;
  /** The header of a record: length and checksum. */
  static final int HEADER = 8;
  /** The largest payload accepted; a longer length is a corrupt header. */
  static final int MAX_RECORD = 64 << 20;

  private static final OrderState[] STATES = OrderState.values();
  private static final BatchState[] BATCH_STATES = BatchState.values();

  private JournalCodec() {}

  /** Appends records to a growable byte array. */
  static final class Writer {
    byte[] buf;
    int pos;
    private final CRC32C crc = new CRC32C();

    Writer(int capacity) {
      buf = new byte[capacity];
    }

    void clear() {
      pos = 0;
    }

    private void ensure(int n) {
      if (pos + n > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
      }
    }

    private int begin(byte type) {
      ensure(HEADER + 1);
      int start = pos;
      pos += HEADER;
      buf[pos++] = type;
      return start;
    }

    private void end(int start) {
      int len = pos - start - HEADER;
      if (len > MAX_RECORD) {
        pos = start;
        throw new IllegalArgumentException("A journal record of " + len + " bytes is over the "
            + "limit of " + MAX_RECORD + " bytes.\nMaybe commit the change in smaller parts.");
      }
      crc.reset();
      crc.update(buf, start + HEADER, len);
      putIntAt(start, len);
      putIntAt(start + 4, (int) crc.getValue());
    }

    private void putIntAt(int at, int v) {
      buf[at] = (byte) (v >>> 24);
      buf[at + 1] = (byte) (v >>> 16);
      buf[at + 2] = (byte) (v >>> 8);
      buf[at + 3] = (byte) v;
    }

    /** Appends bytes as they are (a record copied from another buffer). */
    void putRaw(byte[] src, int off, int len) {
      ensure(len);
      System.arraycopy(src, off, buf, pos, len);
      pos += len;
    }

    void putByte(int v) {
      ensure(1);
      buf[pos++] = (byte) v;
    }

    void putInt(int v) {
      ensure(4);
      putIntAt(pos, v);
      pos += 4;
    }

    void putLong(long v) {
      putInt((int) (v >>> 32));
      putInt((int) v);
    }

    void putVarInt(int v) {
      ensure(5);
      while ((v & ~0x7F) != 0) {
        buf[pos++] = (byte) ((v & 0x7F) | 0x80);
        v >>>= 7;
      }
      buf[pos++] = (byte) v;
    }

    void putString(String s) {
      int n = s.length();
      boolean ascii = true;
      for (int i = 0; i < n && ascii; i++) {
        ascii = s.charAt(i) < 0x80;
      }
      if (ascii) {
        putVarInt(n);
        ensure(n);
        for (int i = 0; i < n; i++) {
          buf[pos++] = (byte) s.charAt(i);
        }
      } else {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        putVarInt(b.length);
        ensure(b.length);
        System.arraycopy(b, 0, buf, pos, b.length);
        pos += b.length;
      }
    }

    void putInstant(Instant t) {
      putLong(t.getEpochSecond());
      putInt(t.getNano());
    }

    void putDuration(Duration d) {
      putLong(d.getSeconds());
      putInt(d.getNano());
    }

    private void putOrder(Order o) {
      putString(o.id().value());
      putString(o.consumer().value());
      putString(o.design().value());
      putInt(o.quantity());
      putLong(Double.doubleToRawLongBits(o.unitPrice()));
      putInstant(o.placedAt());
      putInstant(o.latestDelivery());
    }

    private void putEventTail(OrderEvent e) {
      putByte(e.from().ordinal());
      putByte(e.to().ordinal());
      putInstant(e.at());
      putString(e.reason());
    }

    private void putBatch(BookedBatch b) {
      putString(b.id().value());
      putString(b.design().value());
      putByte(b.state().ordinal());
      putInstant(b.start());
      putInstant(b.ready());
      putInt(b.quantity());
      putInstant(b.updatedAt());
      putVarInt(b.orders().size());
      for (OrderId o : b.orders()) {
        putString(o.value());
      }
    }

    /** Appends an order and its acceptance. */
    void insert(Order o, OrderEvent accepted) {
      int s = begin(INSERT);
      putOrder(o);
      putEventTail(accepted);
      end(s);
    }

    /** Appends a change. */
    void commit(OrderChange c) {
      int s = begin(COMMIT);
      putVarInt(c.events().size());
      for (OrderEvent e : c.events()) {
        putString(e.order().value());
        putEventTail(e);
      }
      putVarInt(c.batches().size());
      for (BookedBatch b : c.batches()) {
        putBatch(b);
      }
      end(s);
    }

    /** Appends an offer. */
    void offer(Offer f) {
      int s = begin(OFFER);
      putString(f.design().value());
      putLong(Double.doubleToRawLongBits(f.unitPrice()));
      putInt(f.minimumOrderQuantity());
      putInt(f.orderMultiple());
      putDuration(f.campaign());
      putDuration(f.leadTime());
      putInstant(f.salesFrom());
      putInstant(f.salesUntil());
      putInt(f.maxPerOrder());
      end(s);
    }

    /** Appends a snapshot's head: the first segment it does not cover, its number of orders. */
    void snapHead(long segment, int orders) {
      int s = begin(SNAP_HEAD);
      putLong(segment);
      putInt(orders);
      end(s);
    }

    /** Appends an order's current record and history, for a snapshot. */
    void snapOrder(BookedOrder b, List<OrderEvent> history) {
      int s = begin(SNAP_ORDER);
      putOrder(b.order());
      putByte(b.state().ordinal());
      putString(b.batch());
      putInstant(b.acceptedAt());
      putInstant(b.updatedAt());
      putVarInt(history.size());
      for (OrderEvent e : history) {
        putEventTail(e);
      }
      end(s);
    }

    /**
     * Appends, for a snapshot, an order just accepted, from a log's insert payload: the order's
     * bytes {@code [orderFrom, orderEnd)} and its acceptance's {@code [orderEnd, end)}, which
     * encode alike in both records.
     */
    void snapInserted(byte[] src, int orderFrom, int orderEnd, int end) {
      int s = begin(SNAP_ORDER);
      putRaw(src, orderFrom, orderEnd - orderFrom);
      putByte(src[orderEnd + 1]); // the state: the acceptance's "to"
      putVarInt(0); // no batch
      putRaw(src, orderEnd + 2, 12); // accepted at
      putRaw(src, orderEnd + 2, 12); // updated at
      putVarInt(1);
      putRaw(src, orderEnd, end - orderEnd);
      end(s);
    }

    /**
     * Appends, for a snapshot, an order's record after some events: its order's bytes and its
     * earlier events' bytes copied from its previous record ({@code src}), its current fields and
     * the new events encoded.
     */
    void snapOrderSpliced(byte[] src, int orderFrom, int orderEnd, BookedOrder b, int events,
        int oldEventsFrom, int oldEventsEnd, List<OrderEvent> added) {
      int s = begin(SNAP_ORDER);
      putRaw(src, orderFrom, orderEnd - orderFrom);
      putByte(b.state().ordinal());
      putString(b.batch());
      putInstant(b.acceptedAt());
      putInstant(b.updatedAt());
      putVarInt(events);
      putRaw(src, oldEventsFrom, oldEventsEnd - oldEventsFrom);
      for (OrderEvent e : added) {
        putEventTail(e);
      }
      end(s);
    }

    /** Appends a snapshot's end: how many orders it holds. */
    void snapEnd(long orders) {
      int s = begin(SNAP_END);
      putLong(orders);
      end(s);
    }
  }

  /**
   * Reads one record's payload; interns the strings that repeat (designs, reasons, and consumers
   * when asked).
   */
  static final class Reader {
    byte[] buf;
    int pos;
    /** The end of the record being read; set by whoever positions the reader. */
    int limit;
    private final Map<String, DesignId> designs = new HashMap<>();
    private final Map<String, String> reasons = new HashMap<>();
    // Consumers place many orders: one ConsumerId each keeps a recovered heap smaller; a reader
    // of packed orders (PackedOrders) decodes for a caller and lives as long as the store, so it
    // keeps neither consumers nor reasons (designs are few).
    private final Map<String, ConsumerId> consumers;

    Reader() {
      this(true);
    }

    Reader(boolean internConsumers) {
      consumers = internConsumers ? new HashMap<>() : null;
    }

    void reset(byte[] b, int from) {
      buf = b;
      pos = from;
    }

    int getByte() {
      return buf[pos++];
    }

    int getInt() {
      int v = (buf[pos] & 0xFF) << 24 | (buf[pos + 1] & 0xFF) << 16 | (buf[pos + 2] & 0xFF) << 8
          | buf[pos + 3] & 0xFF;
      pos += 4;
      return v;
    }

    long getLong() {
      return (long) getInt() << 32 | getInt() & 0xFFFFFFFFL;
    }

    int getVarInt() {
      int v = 0;
      for (int shift = 0; shift < 35; shift += 7) {
        byte b = buf[pos++];
        v |= (b & 0x7F) << shift;
        if (b >= 0) {
          return v;
        }
      }
      throw new IllegalStateException("a var-int longer than 5 bytes");
    }

    String getString() {
      int n = getVarInt();
      if (n < 0 || pos + n > buf.length) {
        throw new IllegalStateException("a string length " + n + " past the record");
      }
      String s = new String(buf, pos, n, StandardCharsets.UTF_8);
      pos += n;
      return s;
    }

    Instant getInstant() {
      return Instant.ofEpochSecond(getLong(), getInt());
    }

    Duration getDuration() {
      return Duration.ofSeconds(getLong(), getInt());
    }

    private DesignId design() {
      return designs.computeIfAbsent(getString(), DesignId::of);
    }

    private String reason() {
      String r = getString();
      if (consumers == null) {
        return r; // a long-lived reader: reasons may be many, keep none
      }
      String known = reasons.putIfAbsent(r, r);
      return known == null ? r : known;
    }

    Order order() {
      OrderId id = OrderId.of(getString());
      ConsumerId c = consumers == null ? ConsumerId.of(getString())
          : consumers.computeIfAbsent(getString(), ConsumerId::of);
      DesignId d = design();
      int q = getInt();
      double price = Double.longBitsToDouble(getLong());
      Instant placed = getInstant();
      Instant latest = getInstant();
      return new Order(id, c, d, q, price, placed, latest.equals(placed) ? placed : latest);
    }

    OrderEvent eventTail(OrderId id, Instant likely) {
      OrderState from = STATES[getByte()];
      OrderState to = STATES[getByte()];
      Instant at = getInstant();
      return new OrderEvent(id, from, to, at.equals(likely) ? likely : at, reason());
    }

    BookedBatch batch() {
      BatchId id = BatchId.of(getString());
      DesignId d = design();
      BatchState st = BATCH_STATES[getByte()];
      Instant start = getInstant();
      Instant ready = getInstant();
      int q = getInt();
      Instant updated = getInstant();
      int n = getVarInt();
      List<OrderId> orders = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        orders.add(OrderId.of(getString()));
      }
      return new BookedBatch(id, d, st, start, ready, q, orders, updated);
    }

    OrderChange change() {
      int n = getVarInt();
      List<OrderEvent> events = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        events.add(eventTail(OrderId.of(getString()), null));
      }
      int m = getVarInt();
      List<BookedBatch> batches = new ArrayList<>(m);
      for (int i = 0; i < m; i++) {
        batches.add(batch());
      }
      return new OrderChange(events, batches);
    }

    Offer offer() {
      return new Offer(design(), Double.longBitsToDouble(getLong()), getInt(), getInt(),
          getDuration(), getDuration(), getInstant(), getInstant(), getInt());
    }

    /**
     * Reads a snapshot order; adds its events to {@code history} (unless null: then they are not
     * read) and returns the current record.
     */
    BookedOrder snapOrder(List<OrderEvent> history) {
      Order o = order();
      OrderState st = STATES[getByte()];
      String batch = getString();
      Instant accepted = getInstant();
      Instant updated = getInstant();
      BookedOrder b = new BookedOrder(o, st, batch, accepted.equals(o.placedAt()) ? o.placedAt()
          : accepted, updated.equals(accepted) ? accepted : updated);
      if (history == null) {
        return b;
      }
      int n = getVarInt();
      for (int i = 0; i < n; i++) {
        history.add(eventTail(o.id(), b.acceptedAt()));
      }
      return b;
    }
  }
}
