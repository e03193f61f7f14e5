package io.c2m.production.internal;

import io.c2m.InvalidConfigurationException;
import io.c2m.internal.Settings;
import io.c2m.production.BatchingStrategy;
import io.c2m.production.BatchingStrategyProvider;
import java.util.Map;

/** Provides {@code "test-and-reorder"}; settings {@code test-quantity} (default 10) and {@code growth} (default 2). */
public final class TestAndReorderProvider implements BatchingStrategyProvider {
  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public TestAndReorderProvider() {}

  @Override
  public String name() {
    return TestAndReorder.NAME;
  }

  @Override
  public String description() {
    return "a small test batch, then reorders of up to growth x the previous batch's committed "
        + "units (its sell-through, which for pre-sold orders is always 100%)";
  }

  @Override
  public BatchingStrategy create(Map<String, String> settings) {
    Settings s = Settings.of(name(), settings);
    int test = s.getInt("test-quantity", 10);
    double growth = s.getDouble("growth", 2.0);
    s.requireAllRead();
    if (test < 1) {
      throw bad("test-quantity", test, "positive");
    }
    if (growth < 1) {
      throw bad("growth", growth, "at least 1");
    }
    return new TestAndReorder(test, growth);
  }

  private static InvalidConfigurationException bad(String setting, Object value, String rule) {
    return new InvalidConfigurationException("The setting " + setting + " (" + value
        + ") must be " + rule + ".");
  }
}
