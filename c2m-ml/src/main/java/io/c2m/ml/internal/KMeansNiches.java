package io.c2m.ml.internal;

import io.c2m.ml.Clustering;
import io.c2m.ml.ClusteringNicheInference;
import io.c2m.niche.Niche;
import io.c2m.niche.NicheRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.clustering.ClusterID;
import org.tribuo.clustering.ClusteringFactory;
import org.tribuo.clustering.kmeans.KMeansModel;
import org.tribuo.clustering.kmeans.KMeansTrainer;
import org.tribuo.math.distance.DistanceType;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * {@code tribuo-kmeans}: Tribuo's k-means with k-means++ seeding over profile vectors, seeded by the
 * request's seed and run on one thread so that the result is deterministic. K-means has no notion
 * of noise: every consumer lands in a cluster, and clusters of noise consumers simply fail to
 * explain as niches.
 *
 * <p>With {@code clusters = 0}, k follows the population: one cluster per three minimum audiences
 * of profiled consumers, {@code k = round(m / (3 minAudience))}, kept within 2 and {@value
 * #MAX_AUTO_CLUSTERS}. The consumers are deliberately over-partitioned: the explainer merges the
 * clusters that explain as one niche and drops the values a cut adds (see {@link
 * ClusterExplainer}), while a cluster three minimum audiences large on average can still reach
 * the minimum audience. The cap bounds the cost; on {@code MarketplaceSpec.nicheEvaluation()} it is
 * the k that found every planted niche (BENCHMARKS.md, niche section). <b>So k follows the
 * population only up to {@code 3 * 40 * minAudience} consumers</b> (3,000 at a minimum audience
 * of 25): above that k stays 40 and clusters grow with the population, so a niche smaller than
 * about one fortieth of the consumers may be merged into a larger cluster and missed. For larger
 * populations set {@code clusters} explicitly.
 */
public final class KMeansNiches implements ClusteringNicheInference {
  /** Default iteration cap. */
  public static final int DEFAULT_ITERATIONS = 50;

  /** The most clusters of the automatic k. */
  public static final int MAX_AUTO_CLUSTERS = 40;

  private final int clusters;
  private final int iterations;
  private final ClusterExplainer explainer;

  /**
   * Creates the inference.
   *
   * @param clusters k, at least 2; or 0 for k from the population (see the class comment)
   * @param iterations the iteration cap, at least 1
   * @param explainer how clusters become niches
   */
  public KMeansNiches(int clusters, int iterations, ClusterExplainer explainer) {
    if (clusters < 2 && clusters != 0) {
      throw new IllegalArgumentException("The number of clusters (" + clusters
          + ") must be at least 2, or 0 to follow the population.");
    }
    if (iterations < 1) {
      throw new IllegalArgumentException("The iterations (" + iterations
          + ") must be at least 1.");
    }
    this.clusters = clusters;
    this.iterations = iterations;
    this.explainer = Objects.requireNonNull(explainer, "explainer");
  }

  @Override
  public String name() {
    return "tribuo-kmeans";
  }

  @Override
  public Clustering cluster(NicheRequest request) {
    ClusteringFactory factory = new ClusteringFactory();
    MutableDataset<ClusterID> data =
        new MutableDataset<>(new SimpleDataSourceProvenance("c2m profiles", factory), factory);
    List<Integer> rows = new ArrayList<>();
    List<Example<ClusterID>> examples = new ArrayList<>();
    for (int i = 0; i < request.profiles().size(); i++) {
      Example<ClusterID> e = ProfileFeatures.example(request.profiles().get(i));
      if (e != null) {
        data.add(e);
        examples.add(e);
        rows.add(i);
      }
    }
    int[] labels = new int[request.profiles().size()];
    Arrays.fill(labels, -1);
    int k = clusters > 0 ? clusters : autoClusters(examples.size(), request.minAudience());
    if (examples.size() >= k) {
      KMeansTrainer trainer = new KMeansTrainer(k, iterations,
          DistanceType.L2.getDistance(), KMeansTrainer.Initialisation.PLUSPLUS, 1,
          request.seed());
      KMeansModel model = trainer.train(data);
      List<Prediction<ClusterID>> predictions = model.predict(examples);
      for (int j = 0; j < predictions.size(); j++) {
        labels[rows.get(j)] = predictions.get(j).getOutput().getID();
      }
    }
    return explainer.explain(request, labels);
  }

  /**
   * The automatic k: one cluster per three minimum audiences, within 2 and {@value
   * #MAX_AUTO_CLUSTERS}.
   *
   * @param consumers the consumers to cluster
   * @param minAudience the minimum audience
   * @return k
   */
  public static int autoClusters(int consumers, int minAudience) {
    long k = Math.round(consumers / (3.0 * minAudience));
    return (int) Math.max(2, Math.min(MAX_AUTO_CLUSTERS, k));
  }

  @Override
  public List<Niche> niches(NicheRequest request, Clustering clustering) {
    return explainer.niches(request, clustering);
  }
}
