package io.c2m;

/**
 * The root of every exception that c2m throws for a reason of its own (as opposed to the
 * {@link IllegalArgumentException}s and {@link NullPointerException}s of plain argument checks).
 *
 * <p>Subtypes split by cause: {@link InvalidConfigurationException} when an engine or a strategy is
 * configured wrongly, {@link StrategyException} when a plugged strategy misbehaves.
 */
public class C2mException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message.
   *
   * @param message what went wrong, naming the value and the rule
   */
  public C2mException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and a cause.
   *
   * @param message what went wrong, naming the value and the rule
   * @param cause the underlying failure, kept for diagnosis
   */
  public C2mException(String message, Throwable cause) {
    super(message, cause);
  }
}
