package io.c2m.order.internal;

import io.c2m.order.BookedBatch;
import io.c2m.order.JournalOptions;
import io.c2m.order.Offer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * The journal's files: naming, recovery (snapshot then segments, torn tail cut, corruption
 * refused with file and offset) and snapshot writing. Separate from {@link JournalOrderStore} so
 * the write path stays readable.
 *
 * <p>A directory holds segments {@code segment-N.log} (records appended in order; N grows) and at
 * most one snapshot {@code snapshot-N.snap}: the whole state as of the start of segment N. A
 * snapshot is written as {@code .tmp}, forced, renamed atomically, the directory forced; only then
 * are the segments before N and older snapshots deleted, so a crash at any point leaves either the
 * old snapshot with all its segments or the new one with the segments it needs.
 */
final class JournalFiles {
  private static final int READ_CHUNK = 4 << 20;
  /** The longest torn tail: longer than any one write of the store. */
  static final int TORN_MAX = 64 << 20;

  private JournalFiles() {}

  static Path segment(Path dir, long n) {
    return dir.resolve(String.format("segment-%016d.log", n));
  }

  static Path snapshot(Path dir, long n) {
    return dir.resolve(String.format("snapshot-%016d.snap", n));
  }

  private static long number(Path p, String prefix, String suffix) {
    String name = p.getFileName().toString();
    if (!name.startsWith(prefix) || !name.endsWith(suffix)) {
      return -1;
    }
    try {
      return Long.parseLong(name.substring(prefix.length(), name.length() - suffix.length()));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  static void forceDir(Path dir) throws IOException {
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    }
  }

  /** What recovery found. */
  record Recovered(long lastSegment, long logBytes, long snapshotBytes) {}

  /**
   * Loads the newest snapshot and replays the segments after it into {@code state}.
   *
   * @return the segment to append to, the log bytes since the snapshot, the snapshot's size
   * @throws IllegalStateException naming the file and offset of a corrupt record
   */
  static Recovered recover(Path dir, InMemoryOrderStore state, JournalOptions options)
      throws IOException {
    TreeMap<Long, Path> segments = new TreeMap<>();
    TreeMap<Long, Path> snapshots = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        String name = p.getFileName().toString();
        if (name.endsWith(".tmp")) {
          Files.delete(p); // a snapshot cut short by a crash; its segments are all still here
        } else if (number(p, "segment-", ".log") >= 0) {
          segments.put(number(p, "segment-", ".log"), p);
        } else if (number(p, "snapshot-", ".snap") >= 0) {
          snapshots.put(number(p, "snapshot-", ".snap"), p);
        }
      }
    }
    long first = 1;
    long snapshotBytes = 0;
    if (!snapshots.isEmpty()) {
      first = snapshots.lastKey();
      Path snap = snapshots.lastEntry().getValue();
      SnapshotLoader.load(snap, first, state, options.recoveryThreads());
      snapshotBytes = Files.size(snap);
      // a crash between the rename and the clean-up left older files: finish the clean-up
      for (Path old : snapshots.headMap(first).values()) {
        Files.delete(old);
      }
      for (Path old : segments.headMap(first).values()) {
        Files.delete(old);
      }
    }
    List<Path> replay = new ArrayList<>(segments.tailMap(first).values());
    PackedOrders packed = state.recovering();
    long logBytes = 0;
    for (int i = 0; i < replay.size(); i++) {
      Path seg = replay.get(i);
      LogReplay log = new LogReplay(seg, state, packed);
      long end = scan(seg, i == replay.size() - 1, options, log::apply);
      log.index();
      logBytes += end;
      if (end < Files.size(seg)) {
        // cut here (torn tail, or corruption with truncateCorruption): later segments go aside
        for (Path later : replay.subList(i + 1, replay.size())) {
          Files.move(later, later.resolveSibling(later.getFileName() + ".dropped"));
        }
        try (FileChannel ch = FileChannel.open(seg, StandardOpenOption.WRITE)) {
          ch.truncate(end);
          ch.force(true);
        }
        forceDir(dir);
        return new Recovered(segments.isEmpty() ? first : number(seg, "segment-", ".log"),
            logBytes, snapshotBytes);
      }
    }
    long last = replay.isEmpty() ? first : number(replay.get(replay.size() - 1), "segment-",
        ".log");
    return new Recovered(last, logBytes, snapshotBytes);
  }

  /**
   * Applies a segment's records; a record that does not apply is corrupt. An inserted order goes
   * to the packed orders as it is, without being decoded into objects, and is indexed with the
   * orders inserted after it, in one pass ({@link PackedOrders#indexPending()}), before the next
   * change or at the segment's end.
   */
  private static final class LogReplay {
    private final Path file;
    private final InMemoryOrderStore state;
    private final PackedOrders packed;
    private final int from;
    private long[] offsets = new long[1024]; // of the inserts not indexed yet, by slot - from
    private int pending;

    LogReplay(Path file, InMemoryOrderStore state, PackedOrders packed) {
      this.file = file;
      this.state = state;
      this.packed = packed;
      this.from = packed.size();
    }

    void apply(JournalCodec.Reader r, long offset) {
      int type = r.getByte();
      switch (type) {
        case JournalCodec.INSERT -> {
          packed.addInsert(r);
          if (pending == offsets.length) {
            offsets = java.util.Arrays.copyOf(offsets, pending * 2);
          }
          offsets[pending++] = offset;
        }
        case JournalCodec.COMMIT -> {
          index();
          state.commit(r.change());
        }
        case JournalCodec.OFFER -> state.putOffer(r.offer());
        default -> throw new IllegalStateException("record type " + type + " is not a log "
            + "record");
      }
    }

    /** Indexes the pending inserts; refuses an id inserted twice, naming its record. */
    void index() {
      int dup = packed.indexPending();
      if (dup >= 0) {
        throw new RecordException("The journal file " + file + " has a record at byte offset "
            + offsets[dup - (packed.size() - pending)] + " that cannot be applied: order ("
            + packed.id(dup) + ") is inserted twice.\nMaybe the directory holds files of "
            + "another journal; restore it from a backup.");
      }
      pending = 0;
    }
  }

  /** An error that names its record already. */
  private static final class RecordException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    RecordException(String message) {
      super(message);
    }
  }

  /** Applies a record whose checksum is right. */
  @FunctionalInterface
  interface RecordSink {
    void apply(JournalCodec.Reader r, long offset);
  }

  /**
   * Reads a file's records in order; returns the offset where the good records end: the file's
   * size, or the start of a torn last record (a write cut short) to cut, or (with {@code
   * truncateCorruption}) of a corrupt one.
   *
   * @throws IllegalStateException naming the file and offset of a corrupt record before the end
   */
  static long scan(Path file, boolean last, JournalOptions options, RecordSink sink)
      throws IOException {
    JournalCodec.Reader reader = new JournalCodec.Reader();
    CRC32C crc = new CRC32C();
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      byte[] buf = new byte[(int) Math.min(READ_CHUNK, Math.max(size, 64))];
      long base = 0; // file offset of buf[0]
      int lo = 0;
      int hi = 0;
      while (true) {
        long off = base + lo;
        if (off == size) {
          return size;
        }
        if (hi - lo < JournalCodec.HEADER) {
          System.arraycopy(buf, lo, buf, 0, hi - lo);
          base += lo;
          hi -= lo;
          lo = 0;
          hi = fill(ch, base, buf, hi);
          if (hi < JournalCodec.HEADER) {
            return bad(file, ch, off, size, last, options, "an incomplete record header");
          }
        }
        int len = (buf[lo] & 0xFF) << 24 | (buf[lo + 1] & 0xFF) << 16 | (buf[lo + 2] & 0xFF) << 8
            | buf[lo + 3] & 0xFF;
        int sum = (buf[lo + 4] & 0xFF) << 24 | (buf[lo + 5] & 0xFF) << 16
            | (buf[lo + 6] & 0xFF) << 8 | buf[lo + 7] & 0xFF;
        if (len <= 0 || len > JournalCodec.MAX_RECORD) {
          return bad(file, ch, off, size, last, options,
              "a record length of " + len + " bytes (1 to " + JournalCodec.MAX_RECORD + ")");
        }
        int need = JournalCodec.HEADER + len;
        if (hi - lo < need) {
          if (need > buf.length) {
            buf = java.util.Arrays.copyOf(buf, need);
          }
          System.arraycopy(buf, lo, buf, 0, hi - lo);
          base += lo;
          hi -= lo;
          lo = 0;
          hi = fill(ch, base, buf, hi);
          if (hi < need) {
            return bad(file, ch, off, size, last, options,
                "a record of " + len + " bytes that ends past the end of the file");
          }
        }
        crc.reset();
        crc.update(buf, lo + JournalCodec.HEADER, len);
        if ((int) crc.getValue() != sum) {
          return bad(file, ch, off, size, last, options, "a checksum mismatch");
        }
        byte[] payload = buf;
        reader.reset(payload, lo + JournalCodec.HEADER);
        reader.limit = lo + need;
        try {
          sink.apply(reader, off);
        } catch (RecordException e) {
          throw e;
        } catch (RuntimeException e) {
          throw new IllegalStateException("The journal file " + file + " has a record at byte "
              + "offset " + off + " that cannot be applied: " + e.getMessage()
              + "\nMaybe the directory holds files of another journal; restore it from a backup.",
              e);
        }
        if (reader.pos != lo + need) {
          throw new IllegalStateException("The journal file " + file + " has a record at byte "
              + "offset " + off + " of " + len + " bytes whose content is "
              + (reader.pos - lo - JournalCodec.HEADER) + " bytes.\nMaybe restore the journal "
              + "directory from a backup.");
        }
        lo += need;
      }
    }
  }

  static int fill(FileChannel ch, long base, byte[] buf, int hi) throws IOException {
    ByteBuffer bb = ByteBuffer.wrap(buf, hi, buf.length - hi);
    while (bb.hasRemaining()) {
      if (ch.read(bb, base + bb.position()) < 0) {
        break;
      }
    }
    return bb.position();
  }

  /**
   * Tells whether a bad record at {@code off} is a torn tail: a write cut short by a crash. The
   * store acknowledges nothing past its last forced write, and one write is at most the records
   * appended while the previous one was forced, so a torn tail is short ({@link #TORN_MAX}) and
   * no valid record follows it. A valid record after the bad one means the bad one was
   * acknowledged data that is now corrupt.
   */
  private static boolean tornTail(FileChannel ch, long off, long size) throws IOException {
    if (size - off > TORN_MAX) {
      return false;
    }
    byte[] rest = new byte[(int) (size - off)];
    int n = fill(ch, off, rest, 0);
    CRC32C crc = new CRC32C();
    for (int p = 1; p + JournalCodec.HEADER < n; p++) {
      int len = (rest[p] & 0xFF) << 24 | (rest[p + 1] & 0xFF) << 16 | (rest[p + 2] & 0xFF) << 8
          | rest[p + 3] & 0xFF;
      if (len > 0 && len <= n - p - JournalCodec.HEADER) {
        int sum = (rest[p + 4] & 0xFF) << 24 | (rest[p + 5] & 0xFF) << 16
            | (rest[p + 6] & 0xFF) << 8 | rest[p + 7] & 0xFF;
        crc.reset();
        crc.update(rest, p + JournalCodec.HEADER, len);
        if ((int) crc.getValue() == sum) {
          return false;
        }
      }
    }
    return true;
  }

  private static long bad(Path file, FileChannel ch, long off, long size, boolean last,
      JournalOptions options, String what) throws IOException {
    if ((last && tornTail(ch, off, size)) || options.truncateCorruption()) {
      return off;
    }
    throw new IllegalStateException("The journal file " + file + " is corrupt at byte offset "
        + off + " (of " + size + "): " + what + ", "
        + (last ? "with a valid record after it" : "in a segment that is not the last")
        + ", so this is not a write cut short by a crash.\nMaybe restore the journal directory "
        + "from a backup, or open it with JournalOptions.withTruncateCorruption(true) to drop "
        + "this record and everything after it.");
  }

  /**
   * Writes a snapshot of the state as of the start of segment {@code number}, then deletes what
   * it replaces.
   *
   * @return the snapshot's size in bytes
   */
  static long writeSnapshot(Path dir, long number, InMemoryOrderStore.Snapshot state,
      boolean fsync) throws IOException {
    Path tmp = dir.resolve(snapshot(dir, number).getFileName() + ".tmp");
    long size;
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE,
        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
      JournalCodec.Writer w = new JournalCodec.Writer(2 << 20);
      long orders = state.size();
      if (orders > Integer.MAX_VALUE) {
        throw new IllegalStateException("A journal holds at most " + Integer.MAX_VALUE
            + " orders, not " + orders + ".");
      }
      w.snapHead(number, (int) orders);
      PackedOrders.View packed = state.packed();
      for (int i = 0; i < packed.size(); i++) {
        packed.writeTo(i, w); // the record as recovered or last changed, checksum and all
        if (w.pos > (1 << 20)) {
          drain(ch, w);
        }
      }
      for (int i = 0; i < state.orders().size(); i++) {
        w.snapOrder(state.orders().get(i), state.histories().get(i));
        if (w.pos > (1 << 20)) {
          drain(ch, w);
        }
      }
      List<BookedBatch> batches = state.batches();
      for (int i = 0; i < batches.size(); i += 1000) {
        w.commit(new io.c2m.order.OrderChange(List.of(),
            batches.subList(i, Math.min(batches.size(), i + 1000))));
        drain(ch, w);
      }
      for (Offer f : state.offers()) {
        w.offer(f);
      }
      w.snapEnd(orders);
      drain(ch, w);
      if (fsync) {
        ch.force(true);
      }
      size = ch.size();
    }
    Path snap = snapshot(dir, number);
    Files.move(tmp, snap, StandardCopyOption.ATOMIC_MOVE);
    if (fsync) {
      forceDir(dir);
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        long seg = number(p, "segment-", ".log");
        long old = number(p, "snapshot-", ".snap");
        if ((seg >= 0 && seg < number) || (old >= 0 && old < number)) {
          Files.delete(p);
        }
      }
    }
    return size;
  }

  static void drain(FileChannel ch, JournalCodec.Writer w) throws IOException {
    ByteBuffer bb = ByteBuffer.wrap(w.buf, 0, w.pos);
    while (bb.hasRemaining()) {
      ch.write(bb);
    }
    w.clear();
  }

  static UncheckedIOException unchecked(String what, IOException e) {
    return new UncheckedIOException(what + ": " + e.getMessage(), e);
  }
}
