package io.c2m.production.internal;

import io.c2m.InvalidConfigurationException;
import io.c2m.internal.Settings;
import io.c2m.production.BatchingStrategy;
import io.c2m.production.BatchingStrategyProvider;
import java.util.Map;

/** Provides {@code "time-window"}; setting {@code every}: periods between releases (default 7). */
public final class TimeWindowProvider implements BatchingStrategyProvider {
  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public TimeWindowProvider() {}

  @Override
  public String name() {
    return TimeWindow.NAME;
  }

  @Override
  public String description() {
    return "release every N periods";
  }

  @Override
  public BatchingStrategy create(Map<String, String> settings) {
    Settings s = Settings.of(name(), settings);
    int every = s.getInt("every", 7);
    s.requireAllRead();
    if (every < 1) {
      throw bad("every", every, "a positive number of periods");
    }
    return new TimeWindow(every);
  }

  private static InvalidConfigurationException bad(String setting, Object value, String rule) {
    return new InvalidConfigurationException("The setting " + setting + " (" + value
        + ") must be " + rule + ".");
  }
}
