package io.c2m.ml.internal;

import io.c2m.ml.Clustering;
import io.c2m.ml.ClusteringNicheInference;
import io.c2m.niche.Niche;
import io.c2m.niche.NicheRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.clustering.ClusterID;
import org.tribuo.clustering.ClusteringFactory;
import org.tribuo.clustering.hdbscan.HdbscanModel;
import org.tribuo.clustering.hdbscan.HdbscanTrainer;
import org.tribuo.math.distance.DistanceType;
import org.tribuo.math.neighbour.NeighboursQueryFactoryType;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * {@code tribuo-hdbscan}: Tribuo's HDBSCAN* over profile vectors. Its cost grows with the square of
 * the consumers, so at most {@code sampleSize} consumers, drawn with the request's seed, are
 * clustered directly (with the minimum cluster size scaled to the sample) and the others are
 * assigned by the model's prediction (the nearest cluster exemplar, or noise). Noise (HDBSCAN's
 * label 0) becomes label -1. One thread, so deterministic.
 */
public final class HdbscanNiches implements ClusteringNicheInference {
  /** Default k of the core distance. */
  public static final int DEFAULT_NEIGHBOURS = 5;
  /**
   * Default most consumers clustered directly: 2000. A sample of 3000 was measured on {@code
   * MarketplaceSpec.nicheEvaluation()} (BENCHMARKS.md, niche section) and was not a clear gain: at
   * minimum audience 25 the overall ARI rose on three seeds of four but recall fell from 8 to 7
   * planted niches on seed 2, for about 1.5 to 2 times the time.
   */
  public static final int DEFAULT_SAMPLE_SIZE = 2000;

  private final int neighbours;
  private final int sampleSize;
  private final ClusterExplainer explainer;

  /**
   * Creates the inference.
   *
   * @param neighbours the k of the core distance, at least 1
   * @param sampleSize the most consumers clustered directly, at least 10
   * @param explainer how clusters become niches
   */
  public HdbscanNiches(int neighbours, int sampleSize, ClusterExplainer explainer) {
    if (neighbours < 1) {
      throw new IllegalArgumentException("The neighbours (" + neighbours
          + ") must be at least 1.");
    }
    if (sampleSize < 10) {
      throw new IllegalArgumentException("The sample size (" + sampleSize
          + ") must be at least 10.");
    }
    this.neighbours = neighbours;
    this.sampleSize = sampleSize;
    this.explainer = Objects.requireNonNull(explainer, "explainer");
  }

  @Override
  public String name() {
    return "tribuo-hdbscan";
  }

  @Override
  public Clustering cluster(NicheRequest request) {
    int n = request.profiles().size();
    List<Integer> rows = new ArrayList<>();
    List<Example<ClusterID>> examples = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Example<ClusterID> e = ProfileFeatures.example(request.profiles().get(i));
      if (e != null) {
        examples.add(e);
        rows.add(i);
      }
    }
    int[] labels = new int[n];
    Arrays.fill(labels, -1);
    int m = examples.size();
    if (m < 2) {
      return explainer.explain(request, labels);
    }
    // A seeded partial Fisher-Yates shuffle picks the sample.
    int[] order = new int[m];
    for (int i = 0; i < m; i++) {
      order[i] = i;
    }
    int s = Math.min(m, sampleSize);
    SplittableRandom random = new SplittableRandom(request.seed());
    for (int i = 0; i < s; i++) {
      int j = i + random.nextInt(m - i);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    boolean[] sampled = new boolean[m];
    ClusteringFactory factory = new ClusteringFactory();
    MutableDataset<ClusterID> data =
        new MutableDataset<>(new SimpleDataSourceProvenance("c2m profiles", factory), factory);
    int[] sampleRows = new int[s];
    for (int i = 0; i < s; i++) {
      data.add(examples.get(order[i]));
      sampled[order[i]] = true;
      sampleRows[i] = order[i];
    }
    int minCluster = Math.max(2, (int) Math.ceil((double) request.minAudience() * s / m));
    HdbscanTrainer trainer = new HdbscanTrainer(minCluster, DistanceType.L2.getDistance(),
        Math.min(neighbours, s - 1), 1, NeighboursQueryFactoryType.BRUTE_FORCE);
    HdbscanModel model = trainer.train(data);
    List<Integer> trained = model.getClusterLabels();
    for (int i = 0; i < s; i++) {
      labels[rows.get(sampleRows[i])] = toLabel(trained.get(i));
    }
    for (int i = 0; i < m; i++) {
      if (!sampled[i]) {
        labels[rows.get(i)] = toLabel(model.predict(examples.get(i)).getOutput().getID());
      }
    }
    return explainer.explain(request, labels);
  }

  private static int toLabel(int hdbscanLabel) {
    return hdbscanLabel == 0 ? -1 : hdbscanLabel;
  }

  @Override
  public List<Niche> niches(NicheRequest request, Clustering clustering) {
    return explainer.niches(request, clustering);
  }
}
