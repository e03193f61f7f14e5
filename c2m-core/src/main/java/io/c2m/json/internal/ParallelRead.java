package io.c2m.json.internal;

import static java.util.Objects.requireNonNull;

import io.c2m.json.EventProblem;
import io.c2m.json.EventReader;
import io.c2m.json.EventReport;
import io.c2m.signal.Signal;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * {@link EventReader#readParallel}: cuts a file at line starts into parts of about equal size and
 * reads them on a few threads, each part with its own {@link ReadRun} and sink, then joins the
 * parts' reports with absolute line numbers. One job: the parts, their threads and the joined
 * report. Public only for {@link EventReader}; not API.
 */
public final class ParallelRead {
  private ParallelRead() {}

  /**
   * Reads a file in parts, as {@link EventReader#readParallel} documents.
   *
   * @param settings the reader's settings
   * @param file the file
   * @param partitions the largest number of parts; at least 1
   * @param sinks gives the sink of each part
   * @param feeds gives the profile feed of a sink that is a {@link io.c2m.json.ProfileSink}, else
   *     null (see {@link ReadRun#ReadRun})
   * @return the report of the whole file
   */
  public static EventReport read(ReadSettings settings, Path file, int partitions,
      IntFunction<? extends Consumer<? super Signal>> sinks,
      Function<? super Consumer<? super Signal>, ProfileFeed> feeds) {
    requireNonNull(file, "file");
    requireNonNull(sinks, "sinks");
    if (partitions < 1) {
      throw new IllegalArgumentException(
          "The number of partitions (" + partitions + ") must be at least 1.");
    }
    long[] cuts;
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      cuts = cuts(ch, partitions);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the events file " + file + ".", e);
    }
    int n = cuts.length - 1;
    List<Consumer<? super Signal>> partSinks = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      partSinks.add(requireNonNull(sinks.apply(i), "sink"));
    }
    EventReport[] reports = new EventReport[n];
    long[] lines = new long[n];
    Throwable[] failures = new Throwable[n];
    AtomicInteger next = new AtomicInteger();
    AtomicReference<IOException> openFailure = new AtomicReference<>();
    Runnable worker = () -> {
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
        for (int part = next.getAndIncrement(); part < n; part = next.getAndIncrement()) {
          Consumer<? super Signal> sink = partSinks.get(part);
          ReadRun run = new ReadRun(settings, sink, feeds.apply(sink), x -> { });
          run.atFileStart = part == 0;
          try {
            ch.position(cuts[part]);
            run.bytes(new BoundedInputStream(Channels.newInputStream(ch),
                cuts[part + 1] - cuts[part]));
            lines[part] = run.line();
            reports[part] = run.report();
          } catch (IOException e) {
            failures[part] = new UncheckedIOException(
                "Cannot read the events file " + file + ".", e);
          } catch (RuntimeException | Error e) {
            failures[part] = e;
          }
        }
      } catch (IOException e) {
        // Opening failed: this worker took no part; another may take them, else see below.
        openFailure.compareAndSet(null, e);
      }
    };
    int threadCount = Math.min(n, Runtime.getRuntime().availableProcessors());
    Thread[] threads = new Thread[threadCount];
    for (int t = 0; t < threadCount; t++) {
      threads[t] = new Thread(worker, "c2m-event-reader-" + t);
      threads[t].start();
    }
    boolean interrupted = false;
    for (Thread t : threads) {
      while (true) {
        try {
          t.join();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    for (int i = 0; i < n; i++) {
      Throwable f = failures[i];
      if (f instanceof RuntimeException re) {
        throw re;
      } else if (f instanceof Error err) {
        throw err;
      } else if (reports[i] == null) {
        throw new UncheckedIOException("Cannot read the events file " + file + ".",
            openFailure.get() != null ? openFailure.get() : new IOException("part " + i));
      }
    }
    long lineOffset = 0;
    long read = 0;
    long accepted = 0;
    long skipped = 0;
    long rejected = 0;
    long signals = 0;
    List<EventProblem> problems = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      EventReport r = reports[i];
      for (EventProblem p : r.problems()) {
        if (problems.size() < settings.maxProblemsKept) {
          problems.add(new EventProblem(p.line() + lineOffset, p.index(), p.kind(), p.reason()));
        }
      }
      // A line of an envelope counts one record per element: lines and records differ.
      lineOffset += lines[i];
      read += r.read();
      accepted += r.accepted();
      skipped += r.skipped();
      rejected += r.rejected();
      signals += r.signals();
    }
    return new EventReport(read, accepted, skipped, rejected, signals, problems);
  }

  /**
   * Cuts a file into parts that start at line starts: offset 0, then for each i the first byte
   * after the first newline at or after {@code size * i / partitions}. A target that falls
   * inside a part already cut gives no new cut; such targets are skipped without a search, so
   * the work is proportional to the parts made, not to {@code partitions}.
   */
  private static long[] cuts(FileChannel ch, int partitions) throws IOException {
    long size = ch.size();
    List<Long> cuts = new ArrayList<>();
    cuts.add(0L);
    ByteBuffer buf = ByteBuffer.allocate(8192);
    long i = 1;
    while (i < partitions) {
      long last = cuts.get(cuts.size() - 1);
      long from = Math.max(target(size, i, partitions), last);
      long cut = size;
      long pos = from;
      search:
      while (pos < size) {
        buf.clear();
        int r = ch.read(buf, pos);
        if (r <= 0) {
          break;
        }
        for (int k = 0; k < r; k++) {
          if (buf.get(k) == '\n') {
            cut = pos + k + 1;
            break search;
          }
        }
        pos += r;
      }
      if (cut >= size) {
        break; // every later target gives the same cut at the end
      }
      if (cut > last) {
        cuts.add(cut);
      }
      // The next i whose target is at or after this cut (targets before it give this cut again).
      long skipTo = firstTargetAtOrAfter(size, cut, partitions);
      i = Math.max(i + 1, skipTo);
    }
    cuts.add(size);
    long[] out = new long[cuts.size()];
    for (int k = 0; k < out.length; k++) {
      out[k] = cuts.get(k);
    }
    return out;
  }

  /** {@code size * i / partitions} without overflow. */
  private static long target(long size, long i, int partitions) {
    if (Math.multiplyHigh(size, i) == 0 && size * i >= 0) {
      return size * i / partitions;
    }
    return BigInteger.valueOf(size).multiply(BigInteger.valueOf(i))
        .divide(BigInteger.valueOf(partitions)).longValueExact();
  }

  /** The least {@code i} with {@code target(size, i, partitions) >= offset}. */
  private static long firstTargetAtOrAfter(long size, long offset, int partitions) {
    if (size == 0) {
      return partitions;
    }
    // floor(size * i / p) >= offset <=> size * i >= offset * p <=> i >= ceil(offset * p / size)
    BigInteger need = BigInteger.valueOf(offset)
        .multiply(BigInteger.valueOf(partitions));
    BigInteger[] qr = need.divideAndRemainder(BigInteger.valueOf(size));
    BigInteger ceil = qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
    return ceil.min(BigInteger.valueOf(partitions)).longValueExact();
  }

  /** Reads at most a given number of bytes of another stream. */
  private static final class BoundedInputStream extends InputStream {
    private final InputStream in;
    private long left;

    BoundedInputStream(InputStream in, long limit) {
      this.in = in;
      this.left = limit;
    }

    @Override
    public int read() throws IOException {
      if (left <= 0) {
        return -1;
      }
      int b = in.read();
      if (b >= 0) {
        left--;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (left <= 0) {
        return -1;
      }
      int r = in.read(b, off, (int) Math.min(len, left));
      if (r > 0) {
        left -= r;
      }
      return r;
    }
  }
}
