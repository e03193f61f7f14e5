package io.c2m.niche.internal;

import io.c2m.InvalidConfigurationException;
import io.c2m.internal.Settings;
import io.c2m.niche.NicheInference;
import io.c2m.niche.NicheInferenceProvider;
import io.c2m.niche.TrendSettings;
import java.util.Map;

/**
 * Provides {@code "attribute-miner"}. Settings: {@code maxAttributes} (5), {@code minLift} (1.5),
 * {@code minZ} (5), {@code minResidualShare} (0.25), and the trend windows {@code recentDays} (7),
 * {@code baselineDays} (28), {@code emergingGrowth} (1.5), {@code minInterest} (10), and the
 * search budgets {@code maxValuesPerConsumer} (24) and {@code maxItemsets} (200000).
 */
public final class AttributeMinerProvider implements NicheInferenceProvider {
  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public AttributeMinerProvider() {}

  @Override
  public String name() {
    return "attribute-miner";
  }

  @Override
  public String description() {
    return "narrowest significant attribute combinations within a category (FP-growth)";
  }

  @Override
  public NicheInference create(Map<String, String> settings) {
    Settings s = Settings.of(name(), settings);
    int max = s.getInt("maxAttributes", AttributeMiner.DEFAULT_MAX_ATTRIBUTES);
    double minLift = s.getDouble("minLift", AttributeMiner.DEFAULT_MIN_LIFT);
    double minZ = s.getDouble("minZ", AttributeMiner.DEFAULT_MIN_Z);
    double share = s.getDouble("minResidualShare", AttributeMiner.DEFAULT_MIN_RESIDUAL_SHARE);
    TrendSettings d = TrendSettings.defaults();
    int recent = s.getInt("recentDays", d.recentDays());
    int baseline = s.getInt("baselineDays", d.baselineDays());
    double growth = s.getDouble("emergingGrowth", d.emergingGrowth());
    double minInterest = s.getDouble("minInterest", d.minInterest());
    int maxValues = s.getInt("maxValuesPerConsumer", AttributeMiner.DEFAULT_MAX_VALUES_PER_CONSUMER);
    long maxItemsets = s.getInt("maxItemsets", (int) AttributeMiner.DEFAULT_MAX_ITEMSETS);
    s.requireAllRead();
    try {
      return new AttributeMiner(max, minLift, minZ, share,
          new TrendSettings(recent, baseline, growth, minInterest), maxValues, maxItemsets);
    } catch (IllegalArgumentException e) {
      throw new InvalidConfigurationException(
          "Invalid setting of strategy attribute-miner: " + e.getMessage(), e);
    }
  }
}
