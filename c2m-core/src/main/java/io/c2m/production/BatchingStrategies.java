package io.c2m.production;

import io.c2m.internal.StrategyRegistry;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

/** Looks {@link BatchingStrategy}s up by name among the installed providers. */
public final class BatchingStrategies {
  private BatchingStrategies() {}

  private static Map<String, BatchingStrategyProvider> providers() {
    return StrategyRegistry.providers(ServiceLoader.load(BatchingStrategyProvider.class));
  }

  /**
   * Creates a strategy by name with default settings.
   *
   * @param name the stable name, e.g. {@code "group-buy"}
   * @return the strategy
   * @throws io.c2m.InvalidConfigurationException if no provider has that name
   */
  public static BatchingStrategy byName(String name) {
    return byName(name, Map.of());
  }

  /**
   * Creates a strategy by name.
   *
   * @param name the stable name
   * @param settings its settings
   * @return the strategy
   * @throws io.c2m.InvalidConfigurationException if the name or a setting is unknown or invalid
   */
  public static BatchingStrategy byName(String name, Map<String, String> settings) {
    return StrategyRegistry.find("batching strategy", providers(), name).create(settings);
  }

  /**
   * Returns the names of the installed strategies.
   *
   * @return the names, sorted
   */
  public static Set<String> names() {
    return providers().keySet();
  }
}
