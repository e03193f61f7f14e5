package io.c2m.sim;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Work handed to the caller's {@link Executor} that the caller runs itself if no thread has taken
 * it by the time it needs the result: {@link #join()} never waits for a task still queued, so a
 * run that waits on its own side tasks cannot deadlock a bounded pool it itself runs in, and a
 * direct executor ({@code Runnable::run}) simply runs the work at {@link #start}. The work must
 * touch nothing the starting thread touches until {@link #join()} (the simulator hands it the
 * engine while it works on its own books); {@code join} makes the work's effects visible to the
 * joining thread.
 *
 * @param <T> the result
 */
final class SideTask<T> {
  private final Supplier<T> work;
  private final AtomicBoolean claimed = new AtomicBoolean();
  private final CountDownLatch done = new CountDownLatch(1);
  private T result;
  private Throwable failure;

  private SideTask(Supplier<T> work) {
    this.work = work;
  }

  /**
   * Hands work to an executor (if it refuses, the work runs at {@link #join()}).
   *
   * @param executor the caller's executor
   * @param work the work
   * @param <T> the result
   * @return the task
   */
  static <T> SideTask<T> start(Executor executor, Supplier<T> work) {
    SideTask<T> task = new SideTask<>(work);
    try {
      executor.execute(task::runIfUnclaimed);
    } catch (RejectedExecutionException e) {
      // Left unclaimed: join() runs it on the caller's thread.
    }
    return task;
  }

  private void runIfUnclaimed() {
    if (claimed.compareAndSet(false, true)) {
      runNow();
    }
  }

  private void runNow() {
    try {
      result = work.get();
    } catch (Throwable e) {
      failure = e;
    } finally {
      done.countDown();
    }
  }

  /**
   * Returns the result: runs the work here if no thread took it, else waits for it.
   *
   * @return the result
   * @throws RuntimeException or {@link Error} what the work threw
   */
  T join() {
    if (claimed.compareAndSet(false, true)) {
      runNow();
    } else {
      boolean interrupted = false;
      while (true) {
        try {
          done.await();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    rethrow(failure, "A simulation side task");
    return result;
  }

  /**
   * Throws a failure caught on another thread: unchecked ones as they are, others wrapped in an
   * {@link IllegalStateException} saying that {@code what} failed; nothing when there was none.
   */
  static void rethrow(Throwable failure, String what) {
    if (failure instanceof RuntimeException e) {
      throw e;
    }
    if (failure instanceof Error e) {
      throw e;
    }
    if (failure != null) {
      throw new IllegalStateException(what + " failed: " + failure, failure);
    }
  }
}
