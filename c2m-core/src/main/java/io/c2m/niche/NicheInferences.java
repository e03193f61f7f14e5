package io.c2m.niche;

import io.c2m.internal.StrategyRegistry;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

/** Looks {@link NicheInference} strategies up by name among the installed providers. */
public final class NicheInferences {
  private NicheInferences() {}

  private static Map<String, NicheInferenceProvider> providers() {
    return StrategyRegistry.providers(ServiceLoader.load(NicheInferenceProvider.class));
  }

  /**
   * Creates a strategy by name with default settings.
   *
   * @param name the stable name, e.g. {@code "attribute-miner"}
   * @return the strategy
   * @throws io.c2m.InvalidConfigurationException if no provider has that name
   */
  public static NicheInference byName(String name) {
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
  public static NicheInference byName(String name, Map<String, String> settings) {
    return StrategyRegistry.find("niche inference", providers(), name).create(settings);
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
