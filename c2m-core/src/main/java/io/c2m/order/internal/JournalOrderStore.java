package io.c2m.order.internal;

import static java.util.Objects.requireNonNull;

import io.c2m.BatchId;
import io.c2m.OrderId;
import io.c2m.order.BookedBatch;
import io.c2m.order.BookedOrder;
import io.c2m.order.JournalOptions;
import io.c2m.order.Offer;
import io.c2m.order.Order;
import io.c2m.order.OrderChange;
import io.c2m.order.OrderEvent;
import io.c2m.order.OrderState;
import io.c2m.order.OrderStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The journal {@link OrderStore}: the state lives in an {@link InMemoryOrderStore} (whose monitor
 * is this store's lock), and every change is first encoded as a checksummed record ({@link
 * JournalCodec}) into a pending buffer, in the order the state changes, then made durable before
 * the call returns.
 *
 * <p>Group commit, leader/follower: after appending under the lock, a caller waits until the log
 * is durable up to its record's end. If no one is writing, it becomes the leader: it swaps the
 * pending buffer for an empty one (under the lock, so appends go on meanwhile), writes it and
 * forces it with one fsync, then wakes everyone whose record it covered; the next leader takes
 * whatever accumulated in the meantime. The buffer is bounded by the callers waiting (each waits
 * for its own record), so there is no queue to overflow. Without group commit the caller writes
 * and forces its own record while holding the lock.
 *
 * <p>An order is visible to readers once appended, possibly before it is durable (a change that
 * builds on it is appended after it, so is never durable without it). If a write or fsync fails,
 * the store fails: the callers waiting get the error (their orders were not acknowledged) and every
 * later call is refused.
 *
 * <p>Snapshots: once the log since the last snapshot reaches the threshold, the leader cuts a new
 * segment and copies the state's references under the lock (a short pause), and a background
 * thread writes the snapshot and deletes the older files ({@link JournalFiles}).
 *
 * <p>Recovery: the orders of the snapshot and of the log's inserts stay packed as their records
 * ({@link PackedOrders}, about 135 bytes an order in a few hundred arrays), decoded when read; a
 * snapshot's records are checked on {@link JournalOptions#recoveryThreads()} threads ({@link
 * SnapshotLoader}). A later snapshot copies the packed records as they are.
 */
public final class JournalOrderStore implements OrderStore {
  private final Path dir;
  private final JournalOptions options;
  private final InMemoryOrderStore state = new InMemoryOrderStore();
  private final FileChannel lockChannel;
  private final FileLock lock;
  // Guarded by state's monitor.
  private JournalCodec.Writer pending = new JournalCodec.Writer(1 << 16);
  private long appended;
  private boolean closed;
  // Owned by the leader (flushing == true), or by the lock holder without group commit.
  private JournalCodec.Writer spare = new JournalCodec.Writer(1 << 16);
  private FileChannel segment;
  private long segmentNo;
  private long logBytes;
  private volatile long snapshotBytes;
  // Guarded by flushMonitor.
  private final Object flushMonitor = new Object();
  private long durable;
  private boolean flushing;
  private volatile RuntimeException failure;
  private volatile Thread snapshotter;
  private volatile IOException snapshotFailure;

  private JournalOrderStore(Path dir, JournalOptions options) throws IOException {
    this.dir = dir;
    this.options = options;
    Files.createDirectories(dir);
    lockChannel = FileChannel.open(dir.resolve("journal.lock"), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE);
    FileLock l;
    try {
      l = lockChannel.tryLock();
    } catch (OverlappingFileLockException e) {
      l = null;
    }
    if (l == null) {
      lockChannel.close();
      throw new IllegalStateException("The journal " + dir + " is open in another store (this "
          + "process or another); a journal has one writer.\nMaybe close the other store first.");
    }
    lock = l;
    try {
      JournalFiles.Recovered r = JournalFiles.recover(dir, state, options);
      segmentNo = r.lastSegment();
      logBytes = r.logBytes();
      snapshotBytes = r.snapshotBytes();
      segment = openSegment(segmentNo);
    } catch (IOException | RuntimeException e) {
      lock.release();
      lockChannel.close();
      throw e;
    }
  }

  /**
   * Opens or creates a journal store; see {@link OrderStore#journal(Path, JournalOptions)}.
   *
   * @param dir the directory
   * @param options the options
   * @return the store
   */
  public static JournalOrderStore open(Path dir, JournalOptions options) {
    requireNonNull(dir, "dir");
    requireNonNull(options, "options");
    try {
      return new JournalOrderStore(dir, options);
    } catch (IOException e) {
      throw JournalFiles.unchecked("Cannot open the journal " + dir, e);
    }
  }

  private FileChannel openSegment(long n) throws IOException {
    Path p = JournalFiles.segment(dir, n);
    boolean created = !Files.exists(p);
    FileChannel ch = FileChannel.open(p, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    ch.position(ch.size());
    if (created && options.fsync()) {
      JournalFiles.forceDir(dir);
    }
    return ch;
  }

  private void checkOpen() {
    if (failure != null) {
      throw new IllegalStateException("The journal " + dir + " failed to write; it accepts "
          + "nothing more.\nMaybe check the disk, then reopen the store.", failure);
    }
    if (closed) {
      throw new IllegalStateException("The journal store " + dir + " is closed.");
    }
  }

  @Override
  public Insertion insert(Order order, OrderEvent accepted) {
    InMemoryOrderStore.checkAcceptance(order, accepted);
    return durably(() -> append(order, accepted));
  }

  /**
   * Runs a change under the state lock, then returns once it is durable: within the lock without
   * group commit (one write and fsync per call), after releasing it with group commit (so that
   * followers append while a leader forces, and share its fsync).
   */
  private <T> T durably(java.util.function.Supplier<T> change) {
    T result;
    long lsn;
    synchronized (state) {
      checkOpen();
      result = change.get();
      lsn = appended;
      if (!options.groupCommit()) {
        awaitDurable(lsn);
        return result;
      }
    }
    awaitDurable(lsn);
    return result;
  }

  /**
   * Encodes a record into the pending buffer and applies it to the state, under the lock; if the
   * state refuses it, the record is taken back out, so nothing refused is journaled.
   */
  private void appendApplied(Runnable encode, Runnable apply) {
    int mark = pending.pos;
    encode.run();
    try {
      apply.run();
    } catch (RuntimeException e) {
      pending.pos = mark;
      throw e;
    }
    appended += pending.pos - mark;
  }

  /** Appends an insert if the id is new; under the lock. */
  private Insertion append(Order order, OrderEvent accepted) {
    int mark = pending.pos;
    pending.insert(order, accepted);
    Insertion ins;
    try {
      ins = state.insert(order, accepted);
    } catch (RuntimeException e) {
      pending.pos = mark; // nothing stored: nothing journaled
      throw e;
    }
    if (ins.outcome() == Insertion.Outcome.INSERTED) {
      appended += pending.pos - mark;
    } else {
      pending.pos = mark;
    }
    return ins;
  }

  @Override
  public List<Insertion> insertAll(List<Order> orders, List<OrderEvent> accepted) {
    if (orders.size() != accepted.size()) {
      throw new IllegalArgumentException("There are " + orders.size() + " orders but "
          + accepted.size() + " acceptance events.");
    }
    for (int i = 0; i < orders.size(); i++) {
      InMemoryOrderStore.checkAcceptance(orders.get(i), accepted.get(i));
    }
    return durably(() -> {
      List<Insertion> out = new ArrayList<>(orders.size());
      for (int i = 0; i < orders.size(); i++) {
        out.add(append(orders.get(i), accepted.get(i)));
      }
      return out;
    });
  }

  @Override
  public void commit(OrderChange change) {
    requireNonNull(change, "change");
    durably(() -> {
      if (!change.isEmpty()) {
        appendApplied(() -> pending.commit(change), () -> state.commit(change));
      }
      return null;
    });
  }

  @Override
  public void putOffer(Offer offer) {
    requireNonNull(offer, "offer");
    durably(() -> {
      appendApplied(() -> pending.offer(offer), () -> state.putOffer(offer));
      return null;
    });
  }

  /** Returns once the log is durable up to {@code lsn}, leading a flush when no one is. */
  private void awaitDurable(long lsn) {
    boolean interrupted = false;
    try {
      while (true) {
        synchronized (flushMonitor) {
          while (true) {
            if (durable >= lsn) {
              return;
            }
            if (failure != null) {
              throw new UncheckedIOException("The journal " + dir + " failed to write; the "
                  + "order or change was not stored.", failure.getCause() instanceof IOException io
                  ? io : new IOException(failure));
            }
            if (!flushing) {
              flushing = true;
              break;
            }
            try {
              flushMonitor.wait();
            } catch (InterruptedException e) {
              interrupted = true; // an acknowledgement needs the flush: keep waiting
            }
          }
        }
        lead();
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Writes and forces everything appended so far; the caller is the leader. */
  private void lead() {
    long upto = durable;
    RuntimeException failed = null;
    JournalCodec.Writer w = spare;
    try {
      synchronized (state) {
        w = pending;
        pending = spare;
        upto = appended;
      }
      write(w);
      if (logBytes >= Math.max(options.snapshotBytes(), snapshotBytes) && snapshotter == null) {
        upto = rotate();
      }
    } catch (IOException e) {
      failed = new IllegalStateException("write failed", e);
    } catch (RuntimeException e) {
      failed = e;
    } finally {
      w.clear();
      spare = w;
      synchronized (flushMonitor) {
        if (failed != null) {
          failure = failed;
        } else {
          durable = Math.max(durable, upto);
        }
        flushing = false;
        flushMonitor.notifyAll();
      }
    }
  }

  private void write(JournalCodec.Writer w) throws IOException {
    if (w.pos == 0) {
      return;
    }
    ByteBuffer bb = ByteBuffer.wrap(w.buf, 0, w.pos);
    while (bb.hasRemaining()) {
      segment.write(bb);
    }
    if (options.fsync()) {
      segment.force(false);
    }
    logBytes += w.pos;
  }

  /**
   * Starts a new segment and a snapshot of the state as of its start; the leader only.
   *
   * @return the log position durable now
   */
  private long rotate() throws IOException {
    InMemoryOrderStore.Snapshot taken;
    long upto;
    long number;
    synchronized (state) {
      write(pending); // so the old segment ends exactly at the state copied below
      pending.clear();
      upto = appended;
      segment.close();
      number = segmentNo + 1;
      segment = openSegment(number);
      segmentNo = number;
      logBytes = 0;
      taken = state.snapshot();
    }
    Thread t = new Thread(() -> {
      try {
        snapshotBytes = JournalFiles.writeSnapshot(dir, number, taken, options.fsync());
        snapshotFailure = null;
      } catch (IOException e) {
        snapshotFailure = e; // the segments are all still there: nothing is lost
      } finally {
        snapshotter = null;
      }
    }, "c2m-journal-snapshot");
    t.setDaemon(true);
    snapshotter = t;
    t.start();
    return upto;
  }

  @Override
  public Optional<BookedOrder> find(OrderId id) {
    return state.find(id);
  }

  @Override
  public List<BookedOrder> orders() {
    return state.orders();
  }

  @Override
  public List<BookedOrder> orders(Set<OrderState> states) {
    return state.orders(states);
  }

  @Override
  public long size() {
    return state.size();
  }

  @Override
  public List<OrderEvent> history(OrderId id) {
    return state.history(id);
  }

  @Override
  public Optional<BookedBatch> batch(BatchId id) {
    return state.batch(id);
  }

  @Override
  public List<BookedBatch> batches() {
    return state.batches();
  }

  @Override
  public List<Offer> offers() {
    return state.offers();
  }

  /**
   * Waits for the snapshot being written, if any; for tests and benchmarks.
   *
   * @throws UncheckedIOException if the last snapshot failed
   */
  public void awaitSnapshot() {
    Thread t = snapshotter;
    if (t != null) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    IOException e = snapshotFailure;
    if (e != null) {
      throw JournalFiles.unchecked("The snapshot of journal " + dir + " failed", e);
    }
  }

  /**
   * Writes a snapshot now (after the pending records), for tests and tools.
   */
  public void snapshotNow() {
    if (options.groupCommit()) {
      snapshotLed();
    } else {
      // without group commit a writer waits for the flush holding the lock: lead under it too
      synchronized (state) {
        snapshotLed();
      }
    }
  }

  private void snapshotLed() {
    long lsn;
    synchronized (state) {
      checkOpen();
      lsn = appended;
    }
    awaitDurable(lsn);
    awaitSnapshot();
    synchronized (flushMonitor) {
      while (flushing) {
        try {
          flushMonitor.wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      flushing = true;
    }
    long upto = durable;
    RuntimeException failed = null;
    try {
      upto = rotate();
    } catch (IOException e) {
      failed = new IllegalStateException("write failed", e);
    } finally {
      synchronized (flushMonitor) {
        if (failed != null) {
          failure = failed;
        } else {
          durable = Math.max(durable, upto);
        }
        flushing = false;
        flushMonitor.notifyAll();
      }
    }
    awaitSnapshot();
  }

  @Override
  public void close() {
    long lsn;
    synchronized (state) {
      if (closed) {
        return;
      }
      closed = true;
      lsn = appended;
    }
    try {
      if (failure == null) {
        awaitDurable(lsn);
      }
      awaitSnapshot();
    } finally {
      try {
        segment.close();
        lock.release();
        lockChannel.close();
      } catch (IOException e) {
        throw JournalFiles.unchecked("Cannot close the journal " + dir, e);
      }
    }
  }

  @Override
  public String toString() {
    return "JournalOrderStore[" + dir + "]";
  }
}
