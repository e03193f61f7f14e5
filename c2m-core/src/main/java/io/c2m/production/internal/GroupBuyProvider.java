package io.c2m.production.internal;

import io.c2m.InvalidConfigurationException;
import io.c2m.internal.Settings;
import io.c2m.production.BatchingStrategy;
import io.c2m.production.BatchingStrategyProvider;
import java.util.Map;

/** Provides {@code "group-buy"}; setting {@code window}: campaign window in periods (0: none). */
public final class GroupBuyProvider implements BatchingStrategyProvider {
  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public GroupBuyProvider() {}

  @Override
  public String name() {
    return GroupBuy.NAME;
  }

  @Override
  public String description() {
    return "release a design's batch once committed orders reach the minimum order quantity "
        + "within its campaign window; cancel below it";
  }

  @Override
  public BatchingStrategy create(Map<String, String> settings) {
    Settings s = Settings.of(name(), settings);
    int window = s.getInt("window", 0);
    s.requireAllRead();
    if (window < 0) {
      throw new InvalidConfigurationException("The setting window (" + window
          + ") of strategy group-buy must be zero or more.");
    }
    return new GroupBuy(window);
  }
}
