package io.c2m.sim;

import static java.util.Objects.requireNonNull;

import io.c2m.internal.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Runs N strategies on M seeds of one market: for each seed the market is drawn once and every
 * strategy runs on it (paired by seed). Deterministic: same settings, strategies and seeds, same
 * comparison, byte for byte, on one thread or many. Without an executor the runs go one after
 * another on the calling thread; with one ({@link #compare(SimulationSettings, List, List,
 * SimulationListener, Executor)}) they run at once as far as it allows, each handing its own side
 * work to it too.
 */
public final class Simulation {
  private Simulation() {}

  /**
   * Runs every strategy on every seed.
   *
   * @param settings the market and production settings
   * @param strategies the strategies, each name once; at least one
   * @param seeds the seeds; at least one, each once
   * @param listener hears the progress
   * @return the comparison
   */
  public static Comparison compare(SimulationSettings settings, List<SimulationStrategy> strategies,
      List<Long> seeds, SimulationListener listener) {
    check(settings, strategies, seeds, listener);
    List<RunResult> runs = new ArrayList<>();
    int total = strategies.size() * seeds.size();
    for (long seed : seeds) {
      MarketModel market = new MarketModel(settings, seed);
      for (SimulationStrategy strategy : strategies) {
        int run = runs.size();
        listener.runStarted(strategy.name(), seed, run, total);
        RunResult r = strategy.run(market, listener);
        runs.add(r);
        listener.runFinished(r.metrics(), run, total);
      }
    }
    return new Comparison(settings, strategies.stream().map(SimulationStrategy::name).toList(),
        seeds, runs);
  }

  /**
   * Runs every strategy on every seed, the runs and their side work on an executor the caller
   * controls (a pool of as many threads as cores, say), with the same comparison, byte for byte,
   * as {@link #compare(SimulationSettings, List, List, SimulationListener)}. The calling thread
   * takes part: it runs the first run, and any other no thread has started when its turn comes,
   * so a bounded pool cannot deadlock. The listener hears the same calls in the same order as
   * without an executor, all on the calling thread: a run's periods are passed on as they are
   * done while it is the earliest unfinished run, and at once when its turn comes otherwise (a
   * direct executor runs every run when it is queued, so its listener hears each run's periods at
   * its end). A seed's market is dropped once all its runs are done.
   *
   * @param settings the market and production settings
   * @param strategies the strategies, each name once; at least one
   * @param seeds the seeds; at least one, each once
   * @param listener hears the progress, on the calling thread
   * @param executor runs the runs and their side work; {@code Runnable::run} runs everything on
   *     the calling thread, one run after another
   * @return the comparison
   */
  public static Comparison compare(SimulationSettings settings, List<SimulationStrategy> strategies,
      List<Long> seeds, SimulationListener listener, Executor executor) {
    requireNonNull(executor, "executor");
    check(settings, strategies, seeds, listener);
    int total = strategies.size() * seeds.size();
    Map<Long, MarketModel> markets = new ConcurrentHashMap<>();
    List<QueuedRun> queued = new ArrayList<>(total);
    for (long seed : seeds) {
      for (SimulationStrategy strategy : strategies) {
        // The first run is the calling thread's: its side work goes to the executor.
        queued.add(QueuedRun.start(executor, strategy, seed,
            () -> markets.computeIfAbsent(seed, k -> new MarketModel(settings, k)),
            !queued.isEmpty()));
      }
    }
    List<RunResult> runs = new ArrayList<>(total);
    for (QueuedRun q : queued) {
      int run = runs.size();
      listener.runStarted(q.strategy.name(), q.seed, run, total);
      RunResult r = q.finish(listener);
      runs.add(r);
      listener.runFinished(r.metrics(), run, total);
      if ((run + 1) % strategies.size() == 0) {
        // Every run of this seed is done (runs are queued seed by seed): its market can go, so
        // that no more markets are held than runs in flight, as without an executor.
        markets.remove(q.seed);
      }
    }
    return new Comparison(settings, strategies.stream().map(SimulationStrategy::name).toList(),
        seeds, runs);
  }

  private static void check(SimulationSettings settings, List<SimulationStrategy> strategies,
      List<Long> seeds, SimulationListener listener) {
    requireNonNull(settings, "settings");
    Checks.requireNoNulls(strategies, "strategies");
    Checks.requireNoNulls(seeds, "seeds");
    requireNonNull(listener, "listener");
    if (strategies.isEmpty() || seeds.isEmpty()) {
      throw new IllegalArgumentException("A simulation needs at least one strategy (got "
          + strategies.size() + ") and one seed (got " + seeds.size() + ").");
    }
    if (strategies.stream().map(SimulationStrategy::name).distinct().count() != strategies.size()) {
      throw new IllegalArgumentException("The strategies' names must differ: "
          + strategies.stream().map(SimulationStrategy::name).toList() + ".");
    }
    if (seeds.stream().distinct().count() != seeds.size()) {
      throw new IllegalArgumentException("The seeds must differ: " + seeds + ".");
    }
  }

  /**
   * One run handed to the executor: its periods done are queued for the calling thread's
   * listener, which drains them when the run's turn comes; if no thread started the run by then,
   * the calling thread runs it, telling the listener directly.
   */
  private static final class QueuedRun {
    private static final int DONE = Integer.MIN_VALUE;
    final SimulationStrategy strategy;
    final long seed;
    private final Supplier<MarketModel> market;
    private final Executor executor;
    private final AtomicBoolean claimed = new AtomicBoolean();
    private final BlockingQueue<int[]> periods = new LinkedBlockingQueue<>();
    private volatile RunResult result;
    private volatile Throwable failure;

    private QueuedRun(SimulationStrategy strategy, long seed,
        Supplier<MarketModel> market, Executor executor) {
      this.strategy = strategy;
      this.seed = seed;
      this.market = market;
      this.executor = executor;
    }

    static QueuedRun start(Executor executor, SimulationStrategy strategy, long seed,
        Supplier<MarketModel> market, boolean handOver) {
      QueuedRun q = new QueuedRun(strategy, seed, market, executor);
      if (!handOver) {
        return q;
      }
      try {
        executor.execute(() -> {
          if (q.claimed.compareAndSet(false, true)) {
            q.runQueued();
          }
        });
      } catch (RejectedExecutionException e) {
        // Left unclaimed: finish() runs it on the calling thread.
      }
      return q;
    }

    private void runQueued() {
      try {
        result = strategy.run(market.get(), new SimulationListener() {
          @Override
          public void periodDone(int period, int periods) {
            QueuedRun.this.periods.add(new int[] {period, periods});
          }
        }, executor);
      } catch (Throwable e) {
        failure = e;
      } finally {
        periods.add(new int[] {DONE, 0});
      }
    }

    /** The run's result, its periods told to the listener on the calling thread. */
    RunResult finish(SimulationListener listener) {
      if (claimed.compareAndSet(false, true)) {
        return strategy.run(market.get(), listener, executor);
      }
      boolean interrupted = false;
      try {
        while (true) {
          int[] p;
          try {
            p = periods.take();
          } catch (InterruptedException e) {
            interrupted = true;
            continue;
          }
          if (p[0] == DONE) {
            break;
          }
          listener.periodDone(p[0], p[1]);
        }
      } finally {
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
      SideTask.rethrow(failure, "The run of " + strategy.name() + " on seed " + seed);
      return result;
    }
  }

  /**
   * Runs one strategy on one seed.
   *
   * @param settings the settings
   * @param strategy the strategy
   * @param seed the seed
   * @return the run
   */
  public static RunResult run(SimulationSettings settings, SimulationStrategy strategy, long seed) {
    return strategy.run(new MarketModel(settings, seed), SimulationListener.none());
  }
}
