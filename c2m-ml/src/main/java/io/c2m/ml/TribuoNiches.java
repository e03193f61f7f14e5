package io.c2m.ml;

import io.c2m.ml.internal.ClusterExplainer;
import io.c2m.ml.internal.HdbscanNiches;
import io.c2m.ml.internal.KMeansNiches;

/**
 * Factories of the Tribuo-backed niche inferences. Each consumer becomes a sparse vector: for every
 * attribute key, the shares of their positive affinity among that key's values (so every key weighs
 * the same); a cluster becomes a niche when its members over-represent a category and at least one
 * more value (share at least {@code minShare}, and {@code minLift} times the share among the
 * category's other consumers).
 */
public final class TribuoNiches {
  private TribuoNiches() {}

  /**
   * K-means (Lloyd 1982) with k-means++ seeding (Arthur and Vassilvitskii 2007), Tribuo's
   * {@code KMeansTrainer}: named {@code "tribuo-kmeans"}.
   *
   * @param clusters the number of clusters k, at least 2
   * @return the inference
   */
  public static ClusteringNicheInference kMeans(int clusters) {
    return new KMeansNiches(clusters, KMeansNiches.DEFAULT_ITERATIONS,
        ClusterExplainer.defaults());
  }

  /**
   * K-means as {@link #kMeans(int)}, with k following the population: one cluster per three
   * minimum audiences of consumers, within 2 and 40; the consumers are over-partitioned and the
   * clusters merged by explanation. Named {@code "tribuo-kmeans"}; the provider's default. The cap
   * means k stops following the population above {@code 3 * 40 * minAudience} consumers (3,000 at
   * a minimum audience of 25); for larger populations use {@link #kMeans(int)} with a k of your
   * own, or niches smaller than about a fortieth of the consumers may be missed.
   *
   * @return the inference
   */
  public static ClusteringNicheInference kMeans() {
    return new KMeansNiches(0, KMeansNiches.DEFAULT_ITERATIONS, ClusterExplainer.defaults());
  }

  /**
   * HDBSCAN* (Campello, Moulavi and Sander 2013), Tribuo's {@code HdbscanTrainer}, with the
   * request's minimum audience as minimum cluster size: named {@code "tribuo-hdbscan"}. HDBSCAN is
   * quadratic in the consumers, so it clusters a seeded sample of at most {@code sampleSize}
   * consumers and assigns the others to the nearest cluster exemplar.
   *
   * @param neighbours the k of the core distance, at least 1
   * @param sampleSize the most consumers clustered directly, at least 10
   * @return the inference
   */
  public static ClusteringNicheInference hdbscan(int neighbours, int sampleSize) {
    return new HdbscanNiches(neighbours, sampleSize, ClusterExplainer.defaults());
  }
}
