package io.c2m;

import static java.util.Objects.requireNonNull;

import io.c2m.internal.Checks;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a result came from: the strategy that produced it, its version, the seed it used and the
 * settings it ran with. Two results with equal provenance and equal input are equal.
 *
 * @param strategy the stable name of the strategy, e.g. {@code "group-buy"}
 * @param version the strategy's version, e.g. the c2m version for built-ins
 * @param seed the random seed used (0 for strategies that draw no random numbers)
 * @param settings the settings, name to value, sorted by name
 */
public record Provenance(String strategy, String version, long seed, Map<String, String> settings) {
  /** The version stamped on built-in strategies. */
  public static final String BUILT_IN_VERSION = "0.1.0";

  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException if the strategy or version is blank
   */
  public Provenance {
    Checks.requireNonBlank(strategy, "strategy");
    Checks.requireNonBlank(version, "version");
    Checks.requireNoNulls(settings, "settings");
    settings = java.util.Collections.unmodifiableMap(new TreeMap<>(settings));
  }

  /**
   * Provenance of a built-in strategy.
   *
   * @param strategy its stable name
   * @param seed the seed used
   * @param settings its settings
   * @return the provenance
   */
  public static Provenance builtIn(String strategy, long seed, Map<String, String> settings) {
    return new Provenance(strategy, BUILT_IN_VERSION, seed, requireNonNull(settings, "settings"));
  }
}
