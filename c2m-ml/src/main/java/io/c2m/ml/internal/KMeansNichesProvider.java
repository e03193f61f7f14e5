package io.c2m.ml.internal;

import io.c2m.InvalidConfigurationException;
import io.c2m.StrategySettings;
import io.c2m.niche.NicheInference;
import io.c2m.niche.NicheInferenceProvider;
import io.c2m.niche.TrendSettings;
import java.util.Map;

/**
 * Provides {@code "tribuo-kmeans"}. Settings: {@code clusters} (0: k follows the population, one
 * cluster per three minimum audiences but at most 40, so above {@code 3 * 40 * minAudience}
 * consumers k no longer grows; set it for larger populations; see {@link KMeansNiches}),
 * {@code iterations} (50),
 * {@code minShare} (0.5), {@code minLift} (1.5).
 */
public final class KMeansNichesProvider implements NicheInferenceProvider {
  /** Default k: 0, k follows the population (was 12, which merged overlapping niches). */
  public static final int DEFAULT_CLUSTERS = 0;

  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public KMeansNichesProvider() {}

  @Override
  public String name() {
    return "tribuo-kmeans";
  }

  @Override
  public String description() {
    return "Tribuo k-means over profile vectors, each cluster explained as a niche";
  }

  @Override
  public NicheInference create(Map<String, String> settings) {
    StrategySettings s = StrategySettings.of(name(), settings);
    int k = s.getInt("clusters", DEFAULT_CLUSTERS);
    int iterations = s.getInt("iterations", KMeansNiches.DEFAULT_ITERATIONS);
    double share = s.getDouble("minShare", 0.5);
    double lift = s.getDouble("minLift", 1.5);
    s.requireAllRead();
    try {
      return new KMeansNiches(k, iterations,
          new ClusterExplainer(share, lift, TrendSettings.defaults()));
    } catch (IllegalArgumentException e) {
      throw new InvalidConfigurationException(
          "Invalid setting of strategy tribuo-kmeans: " + e.getMessage(), e);
    }
  }
}
