package io.c2m.order.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.BatchId;
import io.c2m.ConsumerId;
import io.c2m.DesignId;
import io.c2m.OrderId;
import io.c2m.order.BatchState;
import io.c2m.order.BookedBatch;
import io.c2m.order.BookedOrder;
import io.c2m.order.JournalOptions;
import io.c2m.order.Offer;
import io.c2m.order.Order;
import io.c2m.order.OrderChange;
import io.c2m.order.OrderEvent;
import io.c2m.order.OrderState;
import io.c2m.order.OrderStore;
import io.c2m.order.OrderStore.Insertion.Outcome;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, part 9: a journal recovers its orders packed ({@link PackedOrders}), decoded when
 * read. Every operation on recovered orders must answer as on the same orders kept as objects: an
 * in-memory store given the same calls is the reference.
 */
class JournalPackedRecovery10Test {
  private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
  private static final JournalOptions FAST = JournalOptions.defaults().withFsync(false);

  @TempDir
  Path dir;

  private static Order order(int i) {
    Instant t = T0.plusSeconds(i);
    // some ids and consumers longer than 127 bytes (two var-int bytes), some not ASCII
    String id = i % 17 == 0 ? "o" + i + "-".repeat(130) : i % 13 == 0 ? "ö" + i : "o" + i;
    return new Order(OrderId.of(id), ConsumerId.of("c" + i % 7), DesignId.of("d" + i % 3),
        1 + i % 5, 30 + i % 2, t, i % 2 == 0 ? t : t.plusSeconds(86_400));
  }

  private static OrderEvent accepted(Order o) {
    return OrderEvent.accepted(o.id(), OrderState.PLACED, o.placedAt(), "accepted");
  }

  private static void insert(List<OrderStore> stores, int from, int to) {
    for (int i = from; i < to; i++) {
      Order o = order(i);
      for (OrderStore s : stores) {
        assertEquals(Outcome.INSERTED, s.insert(o, accepted(o)).outcome());
      }
    }
  }

  private static void commit(List<OrderStore> stores, OrderChange c) {
    for (OrderStore s : stores) {
      s.commit(c);
    }
  }

  private static OrderChange release(int i, int at) {
    OrderId id = order(i).id();
    return new OrderChange(List.of(new OrderEvent(id, OrderState.PLACED, OrderState.RELEASED,
        T0.plusSeconds(at), "release")), List.of(new BookedBatch(BatchId.of("b" + i),
        order(i).design(), BatchState.RELEASED, T0.plusSeconds(at), T0.plusSeconds(at + 9000),
        order(i).quantity(), List.of(id), T0.plusSeconds(at))));
  }

  private static OrderChange move(int i, OrderState from, OrderState to, int at) {
    return new OrderChange(List.of(new OrderEvent(order(i).id(), from, to, T0.plusSeconds(at),
        "moved " + to)), List.of());
  }

  private static void assertSame(OrderStore expected, OrderStore actual) {
    assertEquals(expected.size(), actual.size());
    assertEquals(expected.orders(), actual.orders());
    for (BookedOrder b : expected.orders()) {
      assertEquals(expected.history(b.order().id()), actual.history(b.order().id()));
      assertEquals(expected.find(b.order().id()), actual.find(b.order().id()));
    }
    for (OrderState st : OrderState.values()) {
      assertEquals(expected.orders(EnumSet.of(st)), actual.orders(EnumSet.of(st)), st.name());
    }
    assertEquals(expected.orders(EnumSet.of(OrderState.PLACED, OrderState.CANCELLED)),
        actual.orders(EnumSet.of(OrderState.PLACED, OrderState.CANCELLED)));
    assertEquals(expected.batches(), actual.batches());
    assertEquals(expected.offers(), actual.offers());
    assertTrue(actual.find(OrderId.of("nobody")).isEmpty());
    assertEquals(List.of(), actual.history(OrderId.of("nobody")));
  }

  @Test
  void recoveredOrdersAnswerAsOrdersKeptAsObjects() {
    OrderStore mem = OrderStore.inMemory();
    try (JournalOrderStore j = JournalOrderStore.open(dir, FAST)) {
      List<OrderStore> both = List.of(mem, j);
      for (OrderStore s : both) {
        s.putOffer(new Offer(DesignId.of("d1"), 30, 10, 1, Duration.ofDays(7),
            Duration.ofDays(14), T0, T0.plus(Duration.ofDays(60)), 0));
      }
      insert(both, 0, 300);
      for (int i = 0; i < 300; i += 3) {
        commit(both, release(i, 5000 + i));
      }
      j.snapshotNow();
      insert(both, 300, 400); // the log tail: inserts transcoded on recovery
      commit(both, move(1, OrderState.PLACED, OrderState.CANCELLED, 7000));
      commit(both, move(301, OrderState.PLACED, OrderState.CANCELLED, 7000));
      commit(both, move(3, OrderState.RELEASED, OrderState.IN_PRODUCTION, 7001));
    }
    try (JournalOrderStore j = JournalOrderStore.open(dir, FAST.withRecoveryThreads(3))) {
      assertSame(mem, j);
      List<OrderStore> both = List.of(mem, j);
      // retries and conflicts of recovered orders
      Order again = order(5);
      assertEquals(mem.insert(again, accepted(again)), j.insert(again, accepted(again)));
      assertEquals(Outcome.DUPLICATE, j.insert(again, accepted(again)).outcome());
      Order other = again.withQuantity(again.quantity() + 1);
      assertEquals(Outcome.CONFLICT, j.insert(other, accepted(other)).outcome());
      assertEquals(mem.insert(other, accepted(other)), j.insert(other, accepted(other)));
      Order tail = order(350);
      assertEquals(Outcome.DUPLICATE, j.insert(tail, accepted(tail)).outcome());
      // changes of recovered orders, several in one change, and of new ones
      insert(both, 400, 420);
      commit(both, new OrderChange(List.of(
          new OrderEvent(order(7).id(), OrderState.PLACED, OrderState.CANCELLED,
              T0.plusSeconds(8000), "consumer"),
          new OrderEvent(order(0).id(), OrderState.RELEASED, OrderState.IN_PRODUCTION,
              T0.plusSeconds(8000), "start"),
          new OrderEvent(order(0).id(), OrderState.IN_PRODUCTION, OrderState.SHIPPED,
              T0.plusSeconds(8001), "ship"),
          new OrderEvent(order(410).id(), OrderState.PLACED, OrderState.CANCELLED,
              T0.plusSeconds(8000), "consumer")), List.of()));
      commit(both, release(8, 9000));
      // an illegal change of a recovered order changes nothing
      OrderChange late = move(0, OrderState.RELEASED, OrderState.CANCELLED, 9000);
      assertThrows(IllegalStateException.class, () -> j.commit(late));
      assertThrows(IllegalStateException.class, () -> j.commit(new OrderChange(List.of(
          new OrderEvent(order(10).id(), OrderState.PLACED, OrderState.CANCELLED,
              T0.plusSeconds(9000), "first applies"),
          new OrderEvent(order(0).id(), OrderState.PLACED, OrderState.CANCELLED,
              T0.plusSeconds(9000), "second does not")), List.of())));
      assertSame(mem, j);
      j.snapshotNow(); // recovered records copied as they are, changed ones re-encoded
      insert(both, 420, 430);
    }
    for (int threads = 1; threads <= 2; threads++) {
      try (OrderStore j = OrderStore.journal(dir, FAST.withRecoveryThreads(threads))) {
        assertSame(mem, j);
      }
    }
  }

  @Test
  void snapshotsSplitInManySmallChunksLoadTheSame() throws IOException {
    OrderStore mem = OrderStore.inMemory();
    try (JournalOrderStore j = JournalOrderStore.open(dir, FAST)) {
      List<OrderStore> both = List.of(mem, j);
      insert(both, 0, 500);
      for (int i = 0; i < 500; i += 2) {
        commit(both, release(i, 5000 + i)); // 250 batches: one record larger than a chunk
      }
      j.snapshotNow();
    }
    Path snap = onlyFile(".snap");
    long number = Long.parseLong(snap.getFileName().toString().replaceAll("\\D", ""));
    for (int chunk : new int[] {64, 300, 4096, 1 << 20}) {
      for (int threads = 1; threads <= 3; threads += 2) {
        InMemoryOrderStore state = new InMemoryOrderStore();
        SnapshotLoader.load(snap, number, state, threads, chunk);
        assertSame(mem, state);
      }
    }
  }

  @Test
  void aCorruptOrderInASnapshotIsNamedByFileAndOffset() throws IOException {
    try (JournalOrderStore j = JournalOrderStore.open(dir, FAST)) {
      insert(List.of(j), 0, 200);
      j.snapshotNow();
    }
    Path snap = onlyFile(".snap");
    long[] starts = recordStarts(snap, 120);
    flip(snap, starts[100] + 12);
    for (int threads = 1; threads <= 3; threads++) {
      JournalOptions options = FAST.withRecoveryThreads(threads);
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> OrderStore.journal(dir, options));
      assertTrue(e.getMessage().contains(snap.getFileName().toString()), e.getMessage());
      assertTrue(e.getMessage().contains("byte offset " + starts[100] + " "), e.getMessage());
      assertTrue(e.getMessage().contains("checksum"), e.getMessage());
    }
    long number = Long.parseLong(snap.getFileName().toString().replaceAll("\\D", ""));
    flip(snap, starts[30] + 12); // an earlier bad record, in an earlier chunk: named first
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> SnapshotLoader.load(snap, number, new InMemoryOrderStore(), 3, 512));
    assertTrue(e.getMessage().contains("byte offset " + starts[30] + " "), e.getMessage());
    // a snapshot cut short
    try (FileChannel ch = FileChannel.open(snap, StandardOpenOption.WRITE)) {
      ch.truncate(starts[20] + 5);
    }
    e = assertThrows(IllegalStateException.class, () -> OrderStore.journal(dir, FAST));
    assertTrue(e.getMessage().contains("byte offset " + starts[20] + " "), e.getMessage());
  }

  @Test
  void aSnapshotHoldingAnIdTwiceIsRefusedNamingTheSecondRecord() throws IOException {
    JournalCodec.Writer w = new JournalCodec.Writer(1 << 16);
    w.snapHead(1, 4);
    long second = 0;
    for (int i : new int[] {1, 2, 1, 3}) {
      if (i == 1 && w.pos > 40) {
        second = w.pos;
      }
      Order o = order(i);
      w.snapOrder(new BookedOrder(o, OrderState.PLACED, "", o.placedAt(), o.placedAt()),
          List.of(accepted(o)));
    }
    w.snapEnd(4);
    Files.write(dir.resolve("snapshot-0000000000000001.snap"),
        java.util.Arrays.copyOf(w.buf, w.pos));
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> OrderStore.journal(dir, FAST));
    assertTrue(e.getMessage().contains("stored twice"), e.getMessage());
    assertTrue(e.getMessage().contains("byte offset " + second + " "), e.getMessage());
  }

  @Test
  void aLogInsertingAnIdTwiceIsRefusedNamingTheSecondRecord() throws IOException {
    JournalCodec.Writer w = new JournalCodec.Writer(1 << 16);
    long second = 0;
    for (int i : new int[] {1, 2, 3, 2, 4}) {
      if (i == 2 && w.pos > 0 && second == 0 && w.pos > 200) {
        second = w.pos;
      }
      w.insert(order(i), accepted(order(i)));
    }
    w.offer(new Offer(DesignId.of("d1"), 30, 10, 1, Duration.ofDays(7), Duration.ofDays(14), T0,
        T0.plus(Duration.ofDays(60)), 0)); // a valid record after: not a torn tail
    Files.write(dir.resolve("segment-0000000000000001.log"),
        java.util.Arrays.copyOf(w.buf, w.pos));
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> OrderStore.journal(dir, FAST));
    assertTrue(e.getMessage().contains("inserted twice"), e.getMessage());
    assertTrue(e.getMessage().contains("byte offset " + second + " "), e.getMessage());
    assertTrue(e.getMessage().contains("segment-0000000000000001.log"), e.getMessage());
  }

  @Test
  void manyChangesOfRecoveredOrdersCompactTheirRecords() {
    PackedOrders p = new PackedOrders(4096);
    JournalCodec.Writer w = new JournalCodec.Writer(256);
    JournalCodec.Reader r = new JournalCodec.Reader();
    List<BookedOrder> expected = new ArrayList<>();
    List<List<OrderEvent>> histories = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      Order o = order(i);
      w.clear();
      w.insert(o, accepted(o));
      r.reset(w.buf, JournalCodec.HEADER + 1);
      r.limit = w.pos;
      p.addInsert(r);
      expected.add(new BookedOrder(o, OrderState.PLACED, "", o.placedAt(), o.placedAt()));
      histories.add(new ArrayList<>(List.of(accepted(o))));
    }
    assertEquals(-1, p.indexPending());
    for (int round = 0; round < 80; round++) { // about 10 MB of records in all
      for (int i = 0; i < 100; i++) {
        BookedOrder b = expected.get(i);
        // PackedOrders stores what it is given: the lifecycle is the store's to check
        Instant at = T0.plusSeconds(round * 10L + 1000);
        OrderEvent e = new OrderEvent(b.order().id(), OrderState.PLACED, OrderState.IN_CAMPAIGN,
            at, "campaign " + round);
        BookedOrder next = new BookedOrder(b.order(), round % 2 == 0 ? OrderState.IN_CAMPAIGN
            : OrderState.PLACED, "", b.acceptedAt(), at);
        histories.get(i).add(e);
        p.appendEvents(p.slot(b.order().id()), next, List.of(e));
        expected.set(i, next);
      }
    }
    assertTrue(p.chunkBytes() <= 3 * (1 << 20), "compacted: " + p.chunkBytes());
    for (int i = 0; i < 100; i++) {
      int slot = p.slot(order(i).id());
      assertEquals(i, slot);
      List<OrderEvent> h = new ArrayList<>();
      assertEquals(expected.get(i), p.booked(slot, h));
      assertEquals(histories.get(i), h);
      assertEquals(expected.get(i).state(), p.state(slot));
    }
  }

  private Path onlyFile(String suffix) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> found = files.filter(f -> f.toString().endsWith(suffix)).toList();
      assertEquals(1, found.size(), found.toString());
      return found.get(0);
    }
  }

  private static long[] recordStarts(Path file, int n) throws IOException {
    long[] starts = new long[n];
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long off = 0;
      ByteBuffer head = ByteBuffer.allocate(4);
      for (int i = 0; i < n; i++) {
        starts[i] = off;
        head.clear();
        ch.read(head, off);
        off += JournalCodec.HEADER + head.getInt(0);
      }
    }
    return starts;
  }

  private static void flip(Path file, long at) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ,
        StandardOpenOption.WRITE)) {
      ByteBuffer b = ByteBuffer.allocate(1);
      ch.read(b, at);
      b.put(0, (byte) (b.get(0) ^ 0x5A));
      b.rewind();
      ch.write(b, at);
    }
  }
}
