package io.c2m.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** {@link Parallel}: every piece once, on any executor, failures to the caller, no deadlock. */
class ParallelTest {
  @Test
  void everyPieceRunsExactlyOnceOnAnyExecutor() throws Exception {
    ExecutorService one = Executors.newSingleThreadExecutor();
    ExecutorService three = Executors.newFixedThreadPool(3);
    try {
      for (java.util.concurrent.Executor e :
          List.<java.util.concurrent.Executor>of(ForkJoinPool.commonPool(), Runnable::run, one,
              three)) {
        for (int pieces : new int[] {0, 1, 2, 7, 1000}) {
          AtomicIntegerArray runs = new AtomicIntegerArray(pieces);
          Parallel.forEach(e, pieces, 4, runs::incrementAndGet);
          for (int i = 0; i < pieces; i++) {
            assertEquals(1, runs.get(i), "piece " + i + " of " + pieces + " on " + e);
          }
        }
      }
    } finally {
      one.shutdown();
      three.shutdown();
      assertTrue(one.awaitTermination(10, TimeUnit.SECONDS));
      assertTrue(three.awaitTermination(10, TimeUnit.SECONDS));
    }
  }

  @Test
  void aCallerOnTheExecutorsOnlyThreadDoesNotDeadlock() throws Exception {
    ExecutorService one = Executors.newSingleThreadExecutor();
    try {
      AtomicIntegerArray runs = new AtomicIntegerArray(50);
      // The helper tasks queue behind this very task: the caller runs every piece itself.
      one.submit(() -> Parallel.forEach(one, 50, 4, runs::incrementAndGet))
          .get(30, TimeUnit.SECONDS);
      for (int i = 0; i < 50; i++) {
        assertEquals(1, runs.get(i));
      }
    } finally {
      one.shutdown();
    }
  }

  @Test
  void theFirstFailureReachesTheCaller() {
    IllegalStateException boom = new IllegalStateException("piece 3");
    IllegalStateException thrown = assertThrows(IllegalStateException.class,
        () -> Parallel.forEach(ForkJoinPool.commonPool(), 100, 2, i -> {
          if (i == 3) {
            throw boom;
          }
        }));
    assertSame(boom, thrown);
  }

  @Test
  void aRefusingExecutorLeavesTheWorkToTheCallerThenSaysSo() {
    AtomicIntegerArray runs = new AtomicIntegerArray(10);
    assertThrows(RejectedExecutionException.class, () -> Parallel.forEach(r -> {
      throw new RejectedExecutionException("full");
    }, 10, 2, runs::incrementAndGet));
    for (int i = 0; i < 10; i++) {
      assertEquals(1, runs.get(i), "every piece ran before the refusal was reported");
    }
  }
}
