package io.c2m.demand;

import io.c2m.internal.StrategyRegistry;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

/** Looks {@link DemandForecaster}s up by name among the installed providers. */
public final class DemandForecasters {
  private DemandForecasters() {}

  private static Map<String, DemandForecasterProvider> providers() {
    return StrategyRegistry.providers(ServiceLoader.load(DemandForecasterProvider.class));
  }

  /**
   * Creates a forecaster by name with default settings.
   *
   * @param name the stable name, e.g. {@code "moving-average"}
   * @return the forecaster
   * @throws io.c2m.InvalidConfigurationException if no provider has that name
   */
  public static DemandForecaster byName(String name) {
    return byName(name, Map.of());
  }

  /**
   * Creates a forecaster by name.
   *
   * @param name the stable name
   * @param settings its settings
   * @return the forecaster
   * @throws io.c2m.InvalidConfigurationException if the name or a setting is unknown or invalid
   */
  public static DemandForecaster byName(String name, Map<String, String> settings) {
    return StrategyRegistry.find("demand forecaster", providers(), name).create(settings);
  }

  /**
   * Returns the names of the installed forecasters.
   *
   * @return the names, sorted
   */
  public static Set<String> names() {
    return providers().keySet();
  }
}
