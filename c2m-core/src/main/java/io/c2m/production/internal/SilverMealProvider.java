package io.c2m.production.internal;

import io.c2m.InvalidConfigurationException;
import io.c2m.internal.Settings;
import io.c2m.production.BatchingStrategy;
import io.c2m.production.BatchingStrategyProvider;
import java.util.Map;

/** Provides {@code "silver-meal"}; it takes no settings. */
public final class SilverMealProvider implements BatchingStrategyProvider {
  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public SilverMealProvider() {}

  @Override
  public String name() {
    return SilverMeal.NAME;
  }

  @Override
  public String description() {
    return "the Silver-Meal lot-sizing heuristic per design";
  }

  @Override
  public BatchingStrategy create(Map<String, String> settings) {
    Settings s = Settings.of(name(), settings);
    s.requireAllRead();
    return new SilverMeal();
  }

  private static InvalidConfigurationException bad(String setting, Object value, String rule) {
    return new InvalidConfigurationException("The setting " + setting + " (" + value
        + ") must be " + rule + ".");
  }
}
