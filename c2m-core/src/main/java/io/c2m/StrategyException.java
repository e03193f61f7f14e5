package io.c2m;

import static java.util.Objects.requireNonNull;

/**
 * Thrown when a strategy (built in or plugged in) fails or returns a result that breaks the
 * contract of its SPI, for example a batch plan that loses an order. Carries the strategy's id so
 * that the culprit is named.
 */
public class StrategyException extends C2mException {
  private static final long serialVersionUID = 1L;

  private final String strategyId;

  /**
   * Creates an exception for a strategy.
   *
   * @param strategyId the stable name of the failing strategy
   * @param message what the strategy did wrong
   */
  public StrategyException(String strategyId, String message) {
    super("Strategy (" + requireNonNull(strategyId, "strategyId") + "): " + message);
    this.strategyId = strategyId;
  }

  /**
   * Creates an exception for a strategy, with a cause.
   *
   * @param strategyId the stable name of the failing strategy
   * @param message what the strategy did wrong
   * @param cause the underlying failure
   */
  public StrategyException(String strategyId, String message, Throwable cause) {
    super("Strategy (" + requireNonNull(strategyId, "strategyId") + "): " + message, cause);
    this.strategyId = strategyId;
  }

  /**
   * Returns the stable name of the strategy that failed.
   *
   * @return the strategy id, e.g. {@code "group-buy"}
   */
  public String strategyId() {
    return strategyId;
  }
}
