package io.c2m;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.sim.MarketplaceSpec;
import io.c2m.sim.Population;
import io.c2m.sim.SyntheticMarketplace;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@code C2m.builder().executor(...)}: the engine's parallel work on the caller's threads. */
class C2mExecutorTest {
  private static final MarketplaceSpec SPEC = MarketplaceSpec.fashion().withConsumers(2500);

  private static C2m engine(Population population, Executor executor) {
    C2m.Builder b = C2m.builder().clock(Clock.fixed(SPEC.end(), ZoneOffset.UTC)).seed(7)
        .minimumAudience(20);
    if (executor != null) {
      b.executor(executor);
    }
    C2m c2m = b.build();
    population.accounts().forEach(c2m::registerConsumer);
    c2m.ingest(population.signals());
    return c2m;
  }

  @Test
  void profilesAndNichesAreTheSameOnTheCallersExecutor() {
    Population population = SyntheticMarketplace.generate(SPEC, 7);
    C2m common = engine(population, null);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      AtomicInteger handed = new AtomicInteger();
      Executor counting = r -> {
        handed.incrementAndGet();
        pool.execute(r);
      };
      for (Executor e : java.util.List.<Executor>of(Runnable::run, counting)) {
        C2m c2m = engine(population, e);
        assertEquals(common.profiles(), c2m.profiles());
        assertEquals(common.discoverNiches(), c2m.discoverNiches());
      }
      assertTrue(handed.get() > 0 || Runtime.getRuntime().availableProcessors() == 1,
          "helper tasks went to the given executor");
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void theExecutorIsRequired() {
    assertThrows(NullPointerException.class, () -> C2m.builder().executor(null));
  }
}
