package io.c2m.ml.internal;

import io.c2m.InvalidConfigurationException;
import io.c2m.StrategySettings;
import io.c2m.niche.NicheInference;
import io.c2m.niche.NicheInferenceProvider;
import io.c2m.niche.TrendSettings;
import java.util.Map;

/**
 * Provides {@code "tribuo-hdbscan"}. Settings: {@code neighbours} (5), {@code sampleSize} (2000),
 * {@code minShare} (0.5), {@code minLift} (1.5).
 */
public final class HdbscanNichesProvider implements NicheInferenceProvider {
  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public HdbscanNichesProvider() {}

  @Override
  public String name() {
    return "tribuo-hdbscan";
  }

  @Override
  public String description() {
    return "Tribuo HDBSCAN* over profile vectors (sampled), each cluster explained as a niche";
  }

  @Override
  public NicheInference create(Map<String, String> settings) {
    StrategySettings s = StrategySettings.of(name(), settings);
    int k = s.getInt("neighbours", HdbscanNiches.DEFAULT_NEIGHBOURS);
    int sample = s.getInt("sampleSize", HdbscanNiches.DEFAULT_SAMPLE_SIZE);
    double share = s.getDouble("minShare", 0.5);
    double lift = s.getDouble("minLift", 1.5);
    s.requireAllRead();
    try {
      return new HdbscanNiches(k, sample,
          new ClusterExplainer(share, lift, TrendSettings.defaults()));
    } catch (IllegalArgumentException e) {
      throw new InvalidConfigurationException(
          "Invalid setting of strategy tribuo-hdbscan: " + e.getMessage(), e);
    }
  }
}
