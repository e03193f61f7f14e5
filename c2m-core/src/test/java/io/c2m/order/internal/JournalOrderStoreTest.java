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
import io.c2m.order.JournalOptions;
import io.c2m.order.Order;
import io.c2m.order.OrderChange;
import io.c2m.order.OrderEvent;
import io.c2m.order.OrderState;
import io.c2m.order.OrderStore;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Journal-specific behaviour: torn tails, corruption, the lock, snapshots. */
class JournalOrderStoreTest {
  private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
  private static final JournalOptions FAST = JournalOptions.defaults().withFsync(false);

  @TempDir
  Path dir;

  static Order order(int i) {
    Instant t = T0.plusSeconds(i);
    return new Order(OrderId.of("o" + i), ConsumerId.of("c" + i), DesignId.of("d1"), 1 + i % 5,
        30, t, t.plusSeconds(86_400));
  }

  static void insert(OrderStore s, int from, int to) {
    for (int i = from; i < to; i++) {
      Order o = order(i);
      assertEquals(OrderStore.Insertion.Outcome.INSERTED, s.insert(o,
          OrderEvent.accepted(o.id(), OrderState.PLACED, o.placedAt(), "accepted")).outcome());
    }
  }

  private Path onlySegment() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> segs = files.filter(p -> p.getFileName().toString().endsWith(".log")).toList();
      assertEquals(1, segs.size(), segs.toString());
      return segs.get(0);
    }
  }

  /** Offsets where each record starts, read from the length prefixes. */
  private static long[] recordStarts(Path seg, int n) throws IOException {
    long[] starts = new long[n];
    try (FileChannel ch = FileChannel.open(seg, StandardOpenOption.READ)) {
      long at = 0;
      for (int i = 0; i < n; i++) {
        starts[i] = at;
        ByteBuffer b = ByteBuffer.allocate(4);
        ch.read(b, at);
        at += 8 + b.getInt(0);
      }
      assertEquals(ch.size(), at);
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

  @Test
  void aTornLastRecordIsCutAndTheStoreGoesOn() throws IOException {
    try (OrderStore s = OrderStore.journal(dir, FAST)) {
      insert(s, 0, 10);
    }
    Path seg = onlySegment();
    long good = Files.size(seg);
    // half a record: a crash in the middle of a write
    Files.write(seg, new byte[] {0, 0, 0, 90, 1, 2, 3, 4, 1, 9, 9}, StandardOpenOption.APPEND);
    try (OrderStore s = OrderStore.journal(dir, FAST)) {
      assertEquals(10, s.size());
      assertEquals(good, Files.size(seg), "the torn tail is cut on opening");
      insert(s, 10, 11);
    }
    try (OrderStore s = OrderStore.journal(dir, FAST)) {
      assertEquals(11, s.size());
    }
  }

  @Test
  void aZeroFilledTailIsCut() throws IOException {
    try (OrderStore s = OrderStore.journal(dir, FAST)) {
      insert(s, 0, 3);
    }
    Files.write(onlySegment(), new byte[4096], StandardOpenOption.APPEND);
    try (OrderStore s = OrderStore.journal(dir, FAST)) {
      assertEquals(3, s.size());
    }
  }

  @Test
  void aLastRecordWithABadChecksumIsATornWrite() throws IOException {
    try (OrderStore s = OrderStore.journal(dir, FAST)) {
      insert(s, 0, 5);
    }
    Path seg = onlySegment();
    long[] starts = recordStarts(seg, 5);
    flip(seg, starts[4] + 20);
    try (OrderStore s = OrderStore.journal(dir, FAST)) {
      assertEquals(4, s.size());
      assertTrue(s.find(OrderId.of("o4")).isEmpty());
    }
  }

  @Test
  void aCorruptRecordInTheMiddleRefusesToOpenNamingFileAndOffset() throws IOException {
    try (OrderStore s = OrderStore.journal(dir, FAST)) {
      insert(s, 0, 10);
    }
    Path seg = onlySegment();
    long[] starts = recordStarts(seg, 10);
    flip(seg, starts[6] + 12);
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> OrderStore.journal(dir, FAST));
    assertTrue(e.getMessage().contains(seg.getFileName().toString()), e.getMessage());
    assertTrue(e.getMessage().contains("byte offset " + starts[6] + " "), e.getMessage());
    assertTrue(e.getMessage().contains("checksum"), e.getMessage());
    // the refusal released the lock and left the files as they were
    try (OrderStore s = OrderStore.journal(dir, FAST.withTruncateCorruption(true))) {
      assertEquals(6, s.size(), "cut at the corrupt record");
      insert(s, 20, 21);
    }
    try (OrderStore s = OrderStore.journal(dir, FAST)) {
      assertEquals(7, s.size());
    }
  }

  @Test
  void aSecondStoreOnOneJournalIsRefused() {
    try (OrderStore s = OrderStore.journal(dir, FAST)) {
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> OrderStore.journal(dir, FAST));
      assertTrue(e.getMessage().contains("one writer"), e.getMessage());
      insert(s, 0, 1);
    }
    OrderStore.journal(dir, FAST).close();
  }

  @Test
  void snapshotsReplaceOldSegmentsAndKeepEverything() throws IOException {
    JournalOptions small = FAST.withSnapshotBytes(4096);
    List<io.c2m.order.BookedOrder> before;
    try (JournalOrderStore s = JournalOrderStore.open(dir, small)) {
      insert(s, 0, 3000);
      for (int i = 0; i < 3000; i += 3) {
        String b = "b" + i;
        s.commit(new OrderChange(List.of(new OrderEvent(OrderId.of("o" + i), OrderState.PLACED,
            OrderState.RELEASED, T0.plusSeconds(5000), "release")),
            List.of(new BookedBatch(BatchId.of(b), DesignId.of("d1"), BatchState.RELEASED,
                T0.plusSeconds(5000), T0.plusSeconds(9000), 9, List.of(OrderId.of("o" + i)),
                T0.plusSeconds(5000)))));
      }
      s.awaitSnapshot();
      before = s.orders();
    }
    long logs;
    long snaps;
    long total;
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> all = files.toList();
      logs = all.stream().filter(p -> p.toString().endsWith(".log")).count();
      snaps = all.stream().filter(p -> p.toString().endsWith(".snap")).count();
      total = all.stream().mapToLong(p -> p.toFile().length()).sum();
    }
    assertEquals(1, snaps);
    assertTrue(logs <= 2, "old segments deleted: " + logs);
    try (JournalOrderStore s = JournalOrderStore.open(dir, small)) {
      assertEquals(before, s.orders());
      assertEquals(1000, s.batches().size());
      assertEquals(2, s.history(OrderId.of("o3")).size());
      assertTrue(total < 3 * JournalFilesSize.bytes(s), "the directory holds about the state");
    }
  }

  @Test
  void aSnapshotCutShortByACrashIsIgnored() throws IOException {
    try (JournalOrderStore s = JournalOrderStore.open(dir, FAST)) {
      insert(s, 0, 50);
      s.snapshotNow();
      insert(s, 50, 60);
    }
    Files.write(dir.resolve("snapshot-0000000000000099.snap.tmp"), new byte[] {1, 2, 3});
    try (OrderStore s = OrderStore.journal(dir, FAST)) {
      assertEquals(60, s.size());
    }
    assertTrue(Files.notExists(dir.resolve("snapshot-0000000000000099.snap.tmp")));
  }

  @Test
  void aCorruptSnapshotRefusesToOpen() throws IOException {
    try (JournalOrderStore s = JournalOrderStore.open(dir, FAST)) {
      insert(s, 0, 50);
      s.snapshotNow();
    }
    Path snap;
    try (Stream<Path> files = Files.list(dir)) {
      snap = files.filter(p -> p.toString().endsWith(".snap")).findFirst().orElseThrow();
    }
    flip(snap, Files.size(snap) / 2);
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> OrderStore.journal(dir, FAST));
    assertTrue(e.getMessage().contains(snap.getFileName().toString()), e.getMessage());
  }

  /** Sizes a store's state the way a snapshot writes it. */
  static final class JournalFilesSize {
    private JournalFilesSize() {}

    static long bytes(OrderStore s) {
      JournalCodec.Writer w = new JournalCodec.Writer(1 << 16);
      long n = 0;
      for (io.c2m.order.BookedOrder b : s.orders()) {
        w.snapOrder(b, s.history(b.order().id()));
        n += w.pos;
        w.clear();
      }
      return n;
    }
  }
}
