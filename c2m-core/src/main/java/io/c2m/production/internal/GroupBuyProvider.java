package io.c2m.production.internal;

import io.c2m.internal.Settings;
import io.c2m.production.BatchingStrategy;
import io.c2m.production.BatchingStrategyProvider;
import java.util.Map;

/** Provides {@code "group-buy"}; it takes no settings. */
public final class GroupBuyProvider implements BatchingStrategyProvider {
  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public GroupBuyProvider() {}

  @Override
  public String name() {
    return GroupBuy.NAME;
  }

  @Override
  public String description() {
    return "release a design's batch once committed orders reach the minimum order quantity";
  }

  @Override
  public BatchingStrategy create(Map<String, String> settings) {
    Settings.of(name(), settings).requireAllRead();
    return new GroupBuy();
  }
}
