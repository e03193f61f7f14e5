package io.c2m.order.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32C;

/**
 * Loads a journal's snapshot into a store's {@link PackedOrders}, without decoding its orders into
 * objects. The calling thread reads the file into chunks of 16 MiB that end at a record boundary
 * (a record never straddles two chunks, so the chunks themselves become the packed storage);
 * {@code threads} threads check each chunk's records in parallel (checksums, and each order's
 * fields fit its record); the calling thread then takes the chunks in file order, indexes their
 * orders and applies the few other records (head, batches, offers, end).
 *
 * <p>A snapshot is written whole, forced, then renamed, so a crash never leaves one torn: any bad
 * record refuses the opening, naming the file and the record's byte offset (the first bad one in
 * the file, whichever thread finds it).
 */
final class SnapshotLoader {
  private static final int CHUNK = 16 << 20;
  private final int chunkSize;
  private static final AtomicInteger THREAD_NO = new AtomicInteger();

  private final Path file;
  private final long number;
  private final InMemoryOrderStore state;
  private final PackedOrders packed;
  private final JournalCodec.Reader reader = new JournalCodec.Reader();
  private long size;
  private long announced = -1;
  private final java.util.Map<Integer, Long> chunkBases = new java.util.HashMap<>();
  private long orders;

  private SnapshotLoader(Path file, long number, InMemoryOrderStore state, int chunkSize) {
    this.chunkSize = chunkSize;
    this.file = file;
    this.number = number;
    this.state = state;
    this.packed = state.recovering();
  }

  /** A chunk's records as checked: offsets, and for orders the id's hash and the state. */
  private record Checked(byte[] chunk, long base, int count, int[] offsets, int[] hashes,
      byte[] states) {}

  /**
   * Loads the snapshot {@code file}, the state as of the start of segment {@code number}.
   *
   * @param threads the threads checking chunks; 1 to check on the calling thread
   * @throws IllegalStateException naming the file and offset of a bad record, or if the snapshot
   *     has no end record
   */
  static void load(Path file, long number, InMemoryOrderStore state, int threads)
      throws IOException {
    load(file, number, state, threads, CHUNK);
  }

  /** The same with another chunk size; for tests (records straddling many chunks). */
  static void load(Path file, long number, InMemoryOrderStore state, int threads, int chunkSize)
      throws IOException {
    new SnapshotLoader(file, number, state, chunkSize).run(threads);
  }

  private void run(int threads) throws IOException {
    ExecutorService pool = threads <= 1 ? null : Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "c2m-journal-recovery-" + THREAD_NO.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    ArrayDeque<Future<Checked>> inFlight = new ArrayDeque<>();
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      size = ch.size();
      long base = 0; // the file offset of the next chunk's first byte
      byte[] carry = new byte[0]; // the start of a record the last chunk did not hold whole
      int carryLen = 0;
      int need = 0; // the length of that record, once its header is in
      while (base < size) {
        int cap = (int) Math.max(Math.min(chunkSize, size - base), need);
        byte[] c = new byte[cap];
        System.arraycopy(carry, 0, c, 0, carryLen);
        int filled = JournalFiles.fill(ch, base, c, carryLen);
        int p = 0;
        need = 0;
        while (p + JournalCodec.HEADER <= filled) {
          int len = (c[p] & 0xFF) << 24 | (c[p + 1] & 0xFF) << 16 | (c[p + 2] & 0xFF) << 8
              | c[p + 3] & 0xFF;
          if (len <= 0 || len > JournalCodec.MAX_RECORD) {
            throw drained(inFlight, corrupt(base + p, "a record length of " + len + " bytes (1 "
                + "to " + JournalCodec.MAX_RECORD + ")"));
          }
          if (p + JournalCodec.HEADER + len > filled) {
            need = JournalCodec.HEADER + len;
            break;
          }
          p += JournalCodec.HEADER + len;
        }
        if (base + filled == size && p < filled) {
          throw drained(inFlight, corrupt(base + p, p + JournalCodec.HEADER > filled
              ? "an incomplete record header"
              : "a record of " + (need - JournalCodec.HEADER) + " bytes that ends past the end "
                  + "of the file"));
        }
        if (p > 0) {
          byte[] chunk = c;
          long chunkBase = base;
          int end = p;
          if (pool == null) {
            take(check(chunk, chunkBase, end));
          } else {
            inFlight.add(pool.submit(() -> check(chunk, chunkBase, end)));
            while (!inFlight.isEmpty() && (inFlight.peek().isDone() || inFlight.size() > threads
                * 2)) {
              take(get(inFlight.poll()));
            }
          }
        }
        carry = Arrays.copyOfRange(c, p, filled);
        carryLen = filled - p;
        base += p;
      }
      while (!inFlight.isEmpty()) {
        take(get(inFlight.poll()));
      }
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
    if (announced != orders) {
      throw new IllegalStateException("The snapshot " + file + " is incomplete at byte offset "
          + size + ": it holds " + orders + " orders and no end record.\nMaybe restore the "
          + "journal directory from a backup.");
    }
    int dup = packed.indexPending();
    if (dup >= 0) {
      long w = packed.where(dup);
      throw unusable(chunkBases.get((int) (w >>> 32)) + (int) w, new IllegalStateException(
          "order (" + packed.id(dup) + ") is stored twice"));
    }
  }

  /** Waits for the chunks before a bad record, so the first bad record in the file is named. */
  private IllegalStateException drained(ArrayDeque<Future<Checked>> inFlight,
      IllegalStateException e) {
    while (!inFlight.isEmpty()) {
      get(inFlight.poll()); // throws if an earlier chunk was bad
    }
    return e;
  }

  private static Checked get(Future<Checked> f) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return f.get();
        } catch (InterruptedException e) {
          interrupted = true; // recovery must finish or fail; keep waiting
        } catch (ExecutionException e) {
          if (e.getCause() instanceof RuntimeException r) {
            throw r;
          }
          throw new IllegalStateException(e.getCause());
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private IllegalStateException corrupt(long off, String what) {
    return new IllegalStateException("The journal file " + file + " is corrupt at byte offset "
        + off + " (of " + size + "): " + what + ", in a snapshot (written whole, forced, then "
        + "renamed), so this is not a write cut short by a crash.\nMaybe restore the journal "
        + "directory from a backup.");
  }

  private IllegalStateException unusable(long off, RuntimeException e) {
    return new IllegalStateException("The journal file " + file + " has a record at byte "
        + "offset " + off + " that cannot be applied: " + e.getMessage() + "\nMaybe the "
        + "directory holds files of another journal; restore it from a backup.", e);
  }

  /** Checks a chunk's records; any thread. */
  private Checked check(byte[] c, long base, int end) {
    CRC32C crc = new CRC32C();
    int[] out = new int[2];
    int cap = Math.max(16, end / 96);
    int[] offsets = new int[cap];
    int[] hashes = new int[cap];
    byte[] states = new byte[cap];
    int n = 0;
    for (int p = 0; p < end; ) {
      int len = (c[p] & 0xFF) << 24 | (c[p + 1] & 0xFF) << 16 | (c[p + 2] & 0xFF) << 8
          | c[p + 3] & 0xFF;
      int sum = (c[p + 4] & 0xFF) << 24 | (c[p + 5] & 0xFF) << 16 | (c[p + 6] & 0xFF) << 8
          | c[p + 7] & 0xFF;
      crc.reset();
      crc.update(c, p + JournalCodec.HEADER, len);
      if ((int) crc.getValue() != sum) {
        throw corrupt(base + p, "a checksum mismatch");
      }
      if (n == offsets.length) {
        offsets = Arrays.copyOf(offsets, n * 2);
        hashes = Arrays.copyOf(hashes, n * 2);
        states = Arrays.copyOf(states, n * 2);
      }
      offsets[n] = p;
      if (c[p + JournalCodec.HEADER] == JournalCodec.SNAP_ORDER) {
        try {
          PackedOrders.checkSnapOrder(c, p + JournalCodec.HEADER, p + JournalCodec.HEADER + len,
              out);
        } catch (RuntimeException e) {
          throw unusable(base + p, e);
        }
        hashes[n] = out[0];
        states[n] = (byte) out[1];
      } else {
        states[n] = -1;
      }
      n++;
      p += JournalCodec.HEADER + len;
    }
    return new Checked(c, base, n, offsets, hashes, states);
  }

  /** Indexes a checked chunk's orders and applies its other records; the calling thread. */
  private void take(Checked k) {
    int chunk = packed.addChunk(k.chunk());
    chunkBases.put(chunk, k.base());
    for (int i = 0; i < k.count(); i++) {
      int off = k.offsets()[i];
      long at = k.base() + off;
      if (announced >= 0) {
        throw unusable(at, new IllegalStateException("a record after the snapshot's end"));
      }
      try {
        if (k.states()[i] >= 0) {
          packed.addUnindexed(chunk, off, k.hashes()[i], k.states()[i]);
          orders++;
        } else {
          other(k.chunk(), off);
        }
      } catch (RuntimeException e) {
        throw unusable(at, e);
      }
    }
  }

  private void other(byte[] c, int off) {
    int end = off + PackedOrders.recordLength(c, off);
    reader.reset(c, off + JournalCodec.HEADER);
    reader.limit = end;
    int type = reader.getByte();
    switch (type) {
      case JournalCodec.SNAP_HEAD -> {
        if (reader.getLong() != number) {
          throw new IllegalStateException("the snapshot's head names another segment");
        }
        packed.expect(reader.getInt());
      }
      case JournalCodec.COMMIT -> state.commit(reader.change());
      case JournalCodec.OFFER -> state.putOffer(reader.offer());
      case JournalCodec.SNAP_END -> announced = reader.getLong();
      default -> throw new IllegalStateException("record type " + type + " in a snapshot");
    }
    if (reader.pos != end) {
      throw new IllegalStateException("a record of " + (end - off - JournalCodec.HEADER)
          + " bytes whose content is " + (reader.pos - off - JournalCodec.HEADER) + " bytes");
    }
  }
}
