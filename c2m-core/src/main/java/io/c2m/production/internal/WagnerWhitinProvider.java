package io.c2m.production.internal;

import io.c2m.InvalidConfigurationException;
import io.c2m.internal.Settings;
import io.c2m.production.BatchingStrategy;
import io.c2m.production.BatchingStrategyProvider;
import java.util.Map;

/** Provides {@code "wagner-whitin"}; setting {@code algorithm}: {@code fast} (default) or {@code reference}. */
public final class WagnerWhitinProvider implements BatchingStrategyProvider {
  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public WagnerWhitinProvider() {}

  @Override
  public String name() {
    return WagnerWhitin.NAME;
  }

  @Override
  public String description() {
    return "optimal uncapacitated lot sizing per design (Wagner-Whitin; O(T log T) when all "
        + "orders are placed at the start with no MOQ, multiple, price break or binding batch "
        + "limit; O(T log^2 T) with later placements or a batch limit; the O(T^2) programme with "
        + "MOQ, multiple or price breaks; the plan's provenance setting 'ran' says which ran)";
  }

  @Override
  public BatchingStrategy create(Map<String, String> settings) {
    Settings s = Settings.of(name(), settings);
    String algorithm = s.getString("algorithm", "fast");
    s.requireAllRead();
    if (!algorithm.equals("fast") && !algorithm.equals("reference")) {
      throw bad("algorithm", algorithm, "fast or reference");
    }
    return new WagnerWhitin(algorithm.equals("reference"));
  }

  private static InvalidConfigurationException bad(String setting, Object value, String rule) {
    return new InvalidConfigurationException("The setting " + setting + " (" + value
        + ") must be " + rule + ".");
  }
}
