package io.c2m.sim;

/**
 * Hears a simulation's progress: runs starting and finishing, periods done. Called on the thread
 * that runs the simulation; implementations must be quick (a progress bar, a log line).
 */
public interface SimulationListener {
  /**
   * A run starts.
   *
   * @param strategy the strategy's name
   * @param seed the seed
   * @param run the run's index, from 0
   * @param runs the number of runs in the simulation
   */
  default void runStarted(String strategy, long seed, int run, int runs) {}

  /**
   * A period of the current run is done.
   *
   * @param period the period, from 0
   * @param periods the run's periods (the drain after the last one is not counted)
   */
  default void periodDone(int period, int periods) {}

  /**
   * A run finished.
   *
   * @param metrics its metrics
   * @param run the run's index, from 0
   * @param runs the number of runs in the simulation
   */
  default void runFinished(RunMetrics metrics, int run, int runs) {}

  /**
   * Returns a listener that ignores everything.
   *
   * @return the listener
   */
  static SimulationListener none() {
    return new SimulationListener() {};
  }
}
