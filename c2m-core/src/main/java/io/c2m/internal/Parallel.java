package io.c2m.internal;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * Runs numbered, independent pieces of work on an executor the caller chose, the caller's thread
 * taking part. Internal: the engine's parallel read-outs use it instead of the common fork-join
 * pool, so that an embedding application decides which threads run them.
 *
 * <p>The pieces are claimed from a shared counter by the calling thread and by up to {@code
 * helpers} tasks handed to the executor; the call returns when every piece has run. The caller
 * never waits for a task that has not started (a task that starts after the last piece was claimed
 * finds nothing to do), so a busy, single-threaded or even direct executor ({@code Runnable::run})
 * cannot deadlock it, and the result never depends on which thread ran a piece. The first failure
 * of a piece is rethrown to the caller once the running pieces have ended (an unchecked exception
 * as it was, anything else wrapped); the pieces not yet claimed are then skipped.
 */
public final class Parallel {
  private Parallel() {}

  /**
   * Runs {@code piece.accept(i)} for every {@code i} in {@code [0, pieces)}, in parallel.
   *
   * @param executor runs the helper tasks
   * @param pieces the number of pieces, at least 0
   * @param helpers the most tasks to hand to the executor, at least 0
   * @param piece the work of one piece; pieces must not depend on each other
   * @throws java.util.concurrent.RejectedExecutionException if the executor refuses a task (the
   *     pieces already claimed are waited for first)
   */
  public static void forEach(Executor executor, int pieces, int helpers, IntConsumer piece) {
    requireNonNull(executor, "executor");
    requireNonNull(piece, "piece");
    if (pieces < 0 || helpers < 0) {
      throw new IllegalArgumentException("The number of pieces (" + pieces
          + ") and of helpers (" + helpers + ") must not be negative.");
    }
    Work work = new Work(pieces, piece, Thread.currentThread());
    RuntimeException refused = null;
    for (int h = 0; h < Math.min(helpers, pieces - 1); h++) {
      try {
        executor.execute(work::run);
      } catch (RuntimeException e) {
        refused = e;
        break;
      }
    }
    work.run();
    work.awaitRunning();
    Throwable failure = work.failure.get();
    if (failure == null && refused != null) {
      throw refused;
    }
    if (failure instanceof RuntimeException e) {
      throw e;
    }
    if (failure instanceof Error e) {
      throw e;
    }
    if (failure != null) {
      throw new IllegalStateException("A parallel piece of work failed.", failure);
    }
  }

  /** The shared state of one call. */
  private static final class Work {
    final int pieces;
    final IntConsumer piece;
    final Thread caller;
    final AtomicInteger next = new AtomicInteger();
    /** Pieces claimed and not yet ended. */
    final AtomicInteger running = new AtomicInteger();
    final AtomicReference<Throwable> failure = new AtomicReference<>();

    Work(int pieces, IntConsumer piece, Thread caller) {
      this.pieces = pieces;
      this.piece = piece;
      this.caller = caller;
    }

    void run() {
      while (true) {
        running.incrementAndGet(); // before claiming: the caller sees it before the counter ends
        int i = next.getAndIncrement();
        try {
          if (i >= pieces || failure.get() != null) {
            return;
          }
          piece.accept(i);
        } catch (Throwable t) {
          failure.compareAndSet(null, t);
        } finally {
          if (running.decrementAndGet() == 0) {
            LockSupport.unpark(caller);
          }
        }
      }
    }

    /** Waits until no claimed piece is running (every piece has been claimed by then). */
    void awaitRunning() {
      while (running.get() != 0) {
        LockSupport.park(this);
      }
    }
  }
}
