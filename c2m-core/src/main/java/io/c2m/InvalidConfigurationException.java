package io.c2m;

/**
 * Thrown when a configuration cannot work: an unknown strategy name, a setting out of range, a
 * combination of settings that contradict each other. Raised at build time, never mid-plan.
 */
public class InvalidConfigurationException extends C2mException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message.
   *
   * @param message what is wrong, naming the setting, its value and the rule
   */
  public InvalidConfigurationException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and a cause.
   *
   * @param message what is wrong, naming the setting, its value and the rule
   * @param cause the underlying failure
   */
  public InvalidConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
