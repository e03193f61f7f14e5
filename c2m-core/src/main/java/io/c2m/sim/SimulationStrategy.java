package io.c2m.sim;

/**
 * A way of serving the market, run against a {@link MarketModel} over its periods: C2M (the
 * engine, with its pluggable inference, tailoring and batching) or make-to-stock. Built-ins come
 * from {@link SimulationStrategies}.
 */
public interface SimulationStrategy {
  /**
   * Returns the strategy's name, as {@link SimulationStrategies#byName(String)} takes it.
   *
   * @return the name
   */
  String name();

  /**
   * Runs the strategy over every period of the market and until every order has ended.
   *
   * @param market the market, with its settings and seed
   * @param listener hears each period
   * @return the metrics and the timeline
   */
  RunResult run(MarketModel market, SimulationListener listener);

  /**
   * Runs the strategy as {@link #run(MarketModel, SimulationListener)}, with the same result,
   * byte for byte, handing independent work to an executor the caller controls (the built-ins
   * draw the market's next signals and, for C2M, work out the next period's orders while the
   * engine ingests). The listener is called on the calling thread. The default ignores the
   * executor.
   *
   * @param market the market, with its settings and seed
   * @param listener hears each period
   * @param executor runs side work; {@code Runnable::run} runs it on the calling thread
   * @return the metrics and the timeline
   */
  default RunResult run(MarketModel market, SimulationListener listener,
      java.util.concurrent.Executor executor) {
    return run(market, listener);
  }
}
