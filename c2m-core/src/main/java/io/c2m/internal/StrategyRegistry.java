package io.c2m.internal;

import io.c2m.InvalidConfigurationException;
import io.c2m.StrategyProvider;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Looks strategy providers up by name with {@link ServiceLoader}. Internal: each SPI exposes a small
 * public facade ({@code BatchingStrategies} and the like) over this, so that the service type in
 * {@code module-info} {@code uses} clauses stays the SPI's own provider interface.
 */
public final class StrategyRegistry {
  private StrategyRegistry() {}

  /**
   * Returns every provider of a type visible to the loader, by name.
   *
   * <p>A name provided by two classes is refused: which one won would depend on class-path order,
   * so the same deployment could behave differently on two machines.
   *
   * @param loader the loader of the provider type
   * @param <P> the provider type
   * @return name to provider, sorted by name
   * @throws InvalidConfigurationException if two providers have the same name
   */
  public static <P extends StrategyProvider<?>> Map<String, P> providers(ServiceLoader<P> loader) {
    Map<String, P> byName = new TreeMap<>();
    for (P provider : loader) {
      P previous = byName.putIfAbsent(provider.name(), provider);
      if (previous != null && previous.getClass() != provider.getClass()) {
        throw new InvalidConfigurationException("Two providers have the strategy name \""
            + provider.name() + "\": " + previous.getClass().getName() + " and "
            + provider.getClass().getName() + ".\nMaybe rename one of them.");
      }
    }
    return byName;
  }

  /**
   * Finds one provider by name.
   *
   * @param kind what is looked up, for the message, e.g. "batching strategy"
   * @param providers the providers by name
   * @param name the wanted name
   * @param <P> the provider type
   * @return the provider
   * @throws InvalidConfigurationException if no provider has that name
   */
  public static <P> P find(String kind, Map<String, P> providers, String name) {
    P provider = providers.get(name);
    if (provider == null) {
      throw new InvalidConfigurationException(
          "Unknown " + kind + " (\"" + name + "\").\nMaybe use one of " + providers.keySet() + ".");
    }
    return provider;
  }
}
