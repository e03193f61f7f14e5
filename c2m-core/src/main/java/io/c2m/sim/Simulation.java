package io.c2m.sim;

import static java.util.Objects.requireNonNull;

import io.c2m.internal.Checks;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs N strategies on M seeds of one market: for each seed the market is drawn once and every
 * strategy runs on it (paired by seed). Deterministic: same settings, strategies and seeds, same
 * comparison, byte for byte. Runs one after another on the calling thread.
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
