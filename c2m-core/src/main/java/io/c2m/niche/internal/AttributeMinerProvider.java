package io.c2m.niche.internal;

import io.c2m.internal.Settings;
import io.c2m.niche.NicheInference;
import io.c2m.niche.NicheInferenceProvider;
import java.util.Map;

/** Provides {@code "attribute-miner"}; settings: {@code maxAttributes} (default 5), {@code minLift}
 * (default 1.5). */
public final class AttributeMinerProvider implements NicheInferenceProvider {
  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public AttributeMinerProvider() {}

  @Override
  public String name() {
    return "attribute-miner";
  }

  @Override
  public String description() {
    return "closed attribute combinations within a category preferred by a minimum audience";
  }

  @Override
  public NicheInference create(Map<String, String> settings) {
    Settings s = Settings.of(name(), settings);
    int max = s.getInt("maxAttributes", AttributeMiner.DEFAULT_MAX_ATTRIBUTES);
    double minLift = s.getDouble("minLift", AttributeMiner.DEFAULT_MIN_LIFT);
    s.requireAllRead();
    try {
      return new AttributeMiner(max, minLift);
    } catch (IllegalArgumentException e) {
      throw new io.c2m.InvalidConfigurationException(e.getMessage(), e);
    }
  }
}
