package io.c2m.production.internal;

import io.c2m.InvalidConfigurationException;
import io.c2m.internal.Settings;
import io.c2m.production.BatchingStrategy;
import io.c2m.production.BatchingStrategyProvider;
import java.util.Map;

/** Provides {@code "deadline"}; it takes no settings. */
public final class DeadlineProvider implements BatchingStrategyProvider {
  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public DeadlineProvider() {}

  @Override
  public String name() {
    return Deadline.NAME;
  }

  @Override
  public String description() {
    return "release each order as late as its promise allows; flag the impossible ones";
  }

  @Override
  public BatchingStrategy create(Map<String, String> settings) {
    Settings s = Settings.of(name(), settings);
    s.requireAllRead();
    return new Deadline();
  }

  private static InvalidConfigurationException bad(String setting, Object value, String rule) {
    return new InvalidConfigurationException("The setting " + setting + " (" + value
        + ") must be " + rule + ".");
  }
}
