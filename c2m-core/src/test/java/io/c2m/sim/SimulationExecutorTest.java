package io.c2m.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

/**
 * Runs on an executor (issue 15: runs at once, and side work inside a run) give the comparison
 * and the listener calls of the sequential simulation, whatever the executor.
 */
class SimulationExecutorTest {
  private static final SimulationSettings SETTINGS = SimulationSettings.defaults()
      .withConsumers(600).withPeriods(24).with("seasonLength", "12")
      .with("discoverEvery", "5").with("minimumAudience", "5").with("leadTime", "3")
      .with("moq", "20").with("mtsLeadTime", "3");
  private static final List<String> NAMES =
      List.of("make-to-stock", "c2m:group-buy", "c2m:wagner-whitin");

  /** Records every listener call, and the thread it came on. */
  private static final class Recorder implements SimulationListener {
    final List<String> calls = new ArrayList<>();
    final Thread caller = Thread.currentThread();
    boolean otherThread;

    private void note(String call) {
      calls.add(call);
      otherThread |= Thread.currentThread() != caller;
    }

    @Override
    public void runStarted(String strategy, long seed, int run, int runs) {
      note("start " + strategy + " " + seed + " " + run + "/" + runs);
    }

    @Override
    public void periodDone(int period, int periods) {
      note("period " + period + "/" + periods);
    }

    @Override
    public void runFinished(RunMetrics metrics, int run, int runs) {
      note("finish " + metrics.strategy() + " " + run + "/" + runs);
    }
  }

  private static List<SimulationStrategy> strategies() {
    return NAMES.stream().map(SimulationStrategies::byName).toList();
  }

  @Test
  void aPoolADirectAndARefusingExecutorGiveTheSequentialComparison() {
    Recorder sequential = new Recorder();
    Comparison expected =
        Simulation.compare(SETTINGS, strategies(), List.of(1L, 2L), sequential);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Recorder pooled = new Recorder();
      assertEquals(expected,
          Simulation.compare(SETTINGS, strategies(), List.of(1L, 2L), pooled, pool));
      assertEquals(sequential.calls, pooled.calls);
      assertEquals(false, pooled.otherThread);
    } finally {
      pool.shutdownNow();
    }
    Recorder direct = new Recorder();
    assertEquals(expected,
        Simulation.compare(SETTINGS, strategies(), List.of(1L, 2L), direct, Runnable::run));
    assertEquals(sequential.calls, direct.calls);
    Recorder refused = new Recorder();
    assertEquals(expected, Simulation.compare(SETTINGS, strategies(), List.of(1L, 2L), refused,
        r -> {
          throw new RejectedExecutionException("full");
        }));
    assertEquals(sequential.calls, refused.calls);
  }

  @Test
  void aFailingRunFailsTheComparisonWithItsException() {
    IllegalStateException boom = new IllegalStateException("boom");
    SimulationStrategy failing = new SimulationStrategy() {
      @Override
      public String name() {
        return "failing";
      }

      @Override
      public RunResult run(MarketModel market, SimulationListener listener) {
        throw boom;
      }
    };
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<SimulationStrategy> both = List.of(SimulationStrategies.byName("c2m:group-buy"),
          failing);
      IllegalStateException e = assertThrows(IllegalStateException.class, () ->
          Simulation.compare(SETTINGS, both, List.of(1L), SimulationListener.none(), pool));
      assertSame(boom, e);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aSideTaskNotTakenRunsOnTheJoiningThread() {
    List<Runnable> queued = new ArrayList<>();
    SideTask<Thread> task = SideTask.start(queued::add, Thread::currentThread);
    assertSame(Thread.currentThread(), task.join());
    queued.forEach(Runnable::run); // a thread taking it late does not run it again
    assertSame(Thread.currentThread(), task.join());
    SideTask<Object> failing = SideTask.start(Runnable::run, () -> {
      throw new IllegalArgumentException("bad");
    });
    assertEquals("bad", assertThrows(IllegalArgumentException.class, failing::join).getMessage());
  }
}
