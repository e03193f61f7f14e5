package io.c2m;

import java.util.Map;

/**
 * A named factory of strategies, discovered with {@link java.util.ServiceLoader}. Each SPI has its
 * own provider interface extending this one (for example {@code BatchingStrategyProvider}), which
 * is the type that {@code META-INF/services} and {@code module-info} name.
 *
 * @param <S> the strategy type
 */
public interface StrategyProvider<S> {
  /**
   * Returns the stable name of the strategy, lower case with dashes, e.g. {@code "wagner-whitin"}.
   * It never changes between versions.
   *
   * @return the name
   */
  String name();

  /**
   * Returns one line saying what the strategy does, for help texts.
   *
   * @return the description
   */
  default String description() {
    return name();
  }

  /**
   * Creates a strategy from settings given as text (from a command line, a properties file).
   *
   * @param settings setting name to value; unknown names are refused
   * @return the strategy
   * @throws InvalidConfigurationException if a setting is unknown or its value is out of range
   */
  S create(Map<String, String> settings);
}
