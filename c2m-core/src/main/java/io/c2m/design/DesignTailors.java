package io.c2m.design;

import io.c2m.internal.StrategyRegistry;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

/** Looks {@link DesignTailor} strategies up by name among the installed providers. */
public final class DesignTailors {
  private DesignTailors() {}

  private static Map<String, DesignTailorProvider> providers() {
    return StrategyRegistry.providers(ServiceLoader.load(DesignTailorProvider.class));
  }

  /**
   * Creates a tailor by name with default settings.
   *
   * @param name the stable name, e.g. {@code "modal"}
   * @return the tailor
   * @throws io.c2m.InvalidConfigurationException if no provider has that name
   */
  public static DesignTailor byName(String name) {
    return byName(name, Map.of());
  }

  /**
   * Creates a tailor by name.
   *
   * @param name the stable name
   * @param settings its settings
   * @return the tailor
   * @throws io.c2m.InvalidConfigurationException if the name or a setting is unknown or invalid
   */
  public static DesignTailor byName(String name, Map<String, String> settings) {
    return StrategyRegistry.find("design tailor", providers(), name).create(settings);
  }

  /**
   * Returns the names of the installed tailors.
   *
   * @return the names, sorted
   */
  public static Set<String> names() {
    return providers().keySet();
  }
}
