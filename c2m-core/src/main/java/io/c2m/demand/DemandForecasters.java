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
   * @return the forecaster, checked ({@link DemandForecaster#checked(DemandForecaster)})
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
   * @return the forecaster, checked ({@link DemandForecaster#checked(DemandForecaster)}) like
   *     those of {@link io.c2m.C2m}
   * @throws io.c2m.InvalidConfigurationException if the name or a setting is unknown or invalid
   */
  public static DemandForecaster byName(String name, Map<String, String> settings) {
    return DemandForecaster.checked(provider(name).create(settings));
  }

  /**
   * Returns the installed provider of a name, e.g. to ask how it uses a season.
   *
   * @param name the stable name
   * @return the provider
   * @throws io.c2m.InvalidConfigurationException if no provider has that name
   */
  public static DemandForecasterProvider provider(String name) {
    return StrategyRegistry.find("demand forecaster", providers(), name);
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
