package io.c2m.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.Attributes;
import io.c2m.ConsumerId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The read-outs of a {@link ProfileStore} run on the executor it was given, and give the same
 * result on any executor: large enough a store that they work in many pieces and sort in parallel.
 */
class ProfileStoreExecutorTest {
  private static final Instant EPOCH = Instant.parse("2026-03-01T00:00:00Z");

  private static ProfileStore population(Executor executor) {
    ProfileStore store = new ProfileStore(ProfileSettings.defaults(), c -> true, EPOCH, executor);
    SplittableRandom random = new SplittableRandom(11);
    SignalType[] types = SignalType.values();
    SignalBatch batch = new SignalBatch();
    int[] items = new int[40];
    for (int i = 0; i < items.length; i++) {
      items[i] = batch.itemRef(Attributes.of("category", "c" + i % 4, "color", "k" + i % 10,
          "size", "s" + i % 3));
    }
    for (int c = 0; c < 20_000; c++) {
      // Ids in an order unlike their indices, so that the sort has work to do.
      int ref = batch.consumerRef(ConsumerId.of("u" + (c * 7919L % 20_000)));
      for (int s = 0; s < 3; s++) {
        batch.add(ref, items[random.nextInt(items.length)], types[random.nextInt(types.length)],
            EPOCH.toEpochMilli() + random.nextInt(1_000_000_000), random.nextDouble() * 50);
      }
    }
    store.addAll(batch);
    return store;
  }

  @Test
  void theReadOutsAreTheSameOnAnyExecutorAndRunOnIt() throws Exception {
    Instant asOf = EPOCH.plus(Duration.ofDays(20));
    ProfileStore common = population(java.util.concurrent.ForkJoinPool.commonPool());
    List<ConsumerProfile> expected = common.profiles(asOf);
    PreferredValues preferred = common.preferredValues(asOf);
    for (int k = 1; k < expected.size(); k++) {
      assertTrue(expected.get(k - 1).consumer().compareTo(expected.get(k).consumer()) < 0);
    }
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      AtomicInteger handed = new AtomicInteger();
      Executor counting = r -> {
        handed.incrementAndGet();
        pool.execute(r);
      };
      for (Executor e : List.<Executor>of(Runnable::run, counting)) {
        ProfileStore store = population(e);
        assertEquals(expected, store.profiles(asOf));
        PreferredValues p = store.preferredValues(asOf);
        assertEquals(preferred.size(), p.size());
        for (int r = 0; r < p.size(); r++) {
          assertEquals(preferred.consumer(r), p.consumer(r));
          assertEquals(preferred.end(r) - preferred.start(r), p.end(r) - p.start(r));
          for (int a = preferred.start(r), b = p.start(r); a < preferred.end(r); a++, b++) {
            assertEquals(preferred.value(preferred.valueId(a)), p.value(p.valueId(b)));
            assertEquals(preferred.affinity(a), p.affinity(b));
          }
        }
      }
      assertTrue(handed.get() > 0 || Runtime.getRuntime().availableProcessors() == 1,
          "helper tasks went to the given executor");
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void theExecutorIsRequired() {
    assertThrows(NullPointerException.class,
        () -> new ProfileStore(ProfileSettings.defaults(), c -> true, EPOCH, null));
  }
}
