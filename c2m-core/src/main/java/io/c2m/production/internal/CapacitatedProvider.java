package io.c2m.production.internal;

import io.c2m.InvalidConfigurationException;
import io.c2m.internal.Settings;
import io.c2m.production.BatchingStrategy;
import io.c2m.production.BatchingStrategyProvider;
import java.util.Map;

/** Provides {@code "capacitated"}; settings {@code iterations} (default 200), {@code kicks} (default 30) and {@code seed} (default 0). */
public final class CapacitatedProvider implements BatchingStrategyProvider {
  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public CapacitatedProvider() {}

  @Override
  public String name() {
    return Capacitated.NAME;
  }

  @Override
  public String description() {
    return "multi-design plans on shared lines with capacity and setup times (Lagrangian heuristic;"
        + " setup patterns priced exactly by a min-cost flow when orders are of one unit)";
  }

  @Override
  public BatchingStrategy create(Map<String, String> settings) {
    Settings s = Settings.of(name(), settings);
    int iterations = s.getInt("iterations", 200);
    int kicks = s.getInt("kicks", 30);
    long seed = s.getLong("seed", 0);
    s.requireAllRead();
    if (iterations < 1) {
      throw bad("iterations", iterations, "positive");
    }
    if (kicks < 0) {
      throw bad("kicks", kicks, "zero or more");
    }
    return new Capacitated(iterations, kicks, seed);
  }

  private static InvalidConfigurationException bad(String setting, Object value, String rule) {
    return new InvalidConfigurationException("The setting " + setting + " (" + value
        + ") must be " + rule + ".");
  }
}
