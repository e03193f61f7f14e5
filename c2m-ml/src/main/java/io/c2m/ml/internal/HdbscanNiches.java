package io.c2m.ml.internal;

import io.c2m.ml.ClusterExplanation;
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
 *
 * <p>Two refinements, because HDBSCAN* (Campello, Moulavi and Sander 2013) never selects the root
 * of its cluster tree and selects by excess of mass. (1) One dense group among sparse noise (a
 * single-vertical shop with one taste group) only sheds noise points, in components smaller than
 * the minimum cluster size, and never splits into two clusters: Tribuo returns no cluster at all
 * and the group was lost ({@code NicheInferenceContract}'s single-category populations: 37 of 200
 * missed a planted group, most with every consumer labelled noise). When HDBSCAN* selects nothing,
 * the sample's inliers make one cluster: the points whose GLOSH outlier score (Campello et al.
 * 2015, "Hierarchical density estimates for data clustering, visualization, and outlier
 * detection", ACM TKDD 10(1)) is below Otsu's threshold over the scores; the others are noise.
 * (2) Excess of mass can prefer a parent holding two groups and noise to its children; no value is
 * then shared by more than half its members and the explainer rejects it. A cluster the explainer
 * leaves unexplained and larger than the minimum audience is clustered again on its own, with both
 * rules, until every such cluster is explained or unchanged; each round splits a cluster or drops
 * points to noise, so it ends. On those 200 populations no planted group is missed; on {@code
 * MarketplaceSpec.nicheEvaluation()} ({@code niches --evaluate --min-audience 25 --seed 42})
 * precision 1.000 and recall 0.875 are unchanged, the ARI of the clusters rises from 0.401 to
 * 0.920 (a large unexplained cluster of noise is refined away), at about three times the time.
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
    int[] all = new int[m];
    for (int i = 0; i < m; i++) {
      all[i] = i;
    }
    int[] found = hdbscan(examples, all, request, true);
    int next = 0;
    for (int i = 0; i < m; i++) {
      labels[rows.get(i)] = found[i];
      next = Math.max(next, found[i] + 1);
    }
    // Refinement: a cluster the explainer cannot explain, but large enough to hold two clusters of
    // the minimum size, is clustered again on its own (see the class javadoc).
    Clustering clustering = explainer.explain(request, labels);
    boolean refined = true;
    while (refined) {
      refined = false;
      for (ClusterExplanation e : clustering.explanations()) {
        if (!e.definition().isEmpty() || e.size() <= Math.max(2, request.minAudience())) {
          continue;
        }
        List<Integer> members = new ArrayList<>();
        for (int i = 0; i < m; i++) {
          if (labels[rows.get(i)] == e.cluster()) {
            members.add(i);
          }
        }
        int[] subset = members.stream().mapToInt(Integer::intValue).toArray();
        int[] sub = hdbscan(examples, subset, request, true);
        if (Arrays.stream(sub).allMatch(l -> l == 0) || Arrays.stream(sub).allMatch(l -> l < 0)) {
          continue; // unchanged, or nothing left
        }
        for (int j = 0; j < subset.length; j++) {
          labels[rows.get(subset[j])] = sub[j] < 0 ? -1 : next + sub[j];
        }
        next += Arrays.stream(sub).max().orElse(-1) + 1;
        refined = true;
      }
      if (refined) {
        clustering = explainer.explain(request, labels);
      }
    }
    return clustering;
  }

  /**
   * Clusters the given examples with HDBSCAN*: a seeded sample of at most {@code sampleSize} of
   * them directly, the others by the model's prediction.
   *
   * @param examples every example
   * @param subset the indices of the examples to cluster
   * @param request the request (its seed and minimum audience)
   * @param singleCluster whether, when HDBSCAN* selects no cluster, the sample's points that are
   *     not outliers (by GLOSH) make one cluster
   * @return per index of {@code subset}, its cluster numbered from 0, or -1 for noise
   */
  private int[] hdbscan(List<Example<ClusterID>> examples, int[] subset, NicheRequest request,
      boolean singleCluster) {
    int m = subset.length;
    int[] out = new int[m];
    Arrays.fill(out, -1);
    if (m < 2) {
      return out;
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
    for (int i = 0; i < s; i++) {
      data.add(examples.get(subset[order[i]]));
      sampled[order[i]] = true;
    }
    int minCluster = Math.max(2, (int) Math.ceil((double) request.minAudience() * s / m));
    HdbscanTrainer trainer = new HdbscanTrainer(minCluster, DistanceType.L2.getDistance(),
        Math.min(neighbours, s - 1), 1, NeighboursQueryFactoryType.BRUTE_FORCE);
    HdbscanModel model = trainer.train(data);
    List<Integer> trained = model.getClusterLabels();
    boolean none = trained.stream().allMatch(l -> l == 0);
    if (none && singleCluster) {
      // HDBSCAN* never selects the root of its cluster tree, so one dense group among sparse
      // noise, which only sheds noise and never splits, gives no cluster at all. The group is then
      // the root's inliers: the points whose GLOSH outlier score is below Otsu's threshold.
      List<Double> scores = model.getOutlierScores();
      double threshold = otsu(scores);
      for (int i = 0; i < s; i++) {
        if (scores.get(i) < threshold) {
          out[order[i]] = 0;
        }
      }
      return out;
    }
    for (int i = 0; i < s; i++) {
      out[order[i]] = toLabel(trained.get(i));
    }
    for (int i = 0; i < m; i++) {
      if (!sampled[i]) {
        out[i] = toLabel(model.predict(examples.get(subset[i])).getOutput().getID());
      }
    }
    return out;
  }

  /**
   * Otsu's threshold (Otsu 1979, "A threshold selection method from gray-level histograms", IEEE
   * SMC 9:62-66), over the sorted values rather than a histogram: the cut between two consecutive
   * distinct values that maximises the between-class variance; the value above the cut is
   * returned, so the values strictly below it make the lower class.
   */
  static double otsu(List<Double> values) {
    double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int n = v.length;
    double total = 0;
    for (double x : v) {
      total += x;
    }
    double best = -1;
    double threshold = Double.NEGATIVE_INFINITY;
    double below = 0;
    for (int i = 0; i < n - 1; i++) {
      below += v[i];
      if (v[i] == v[i + 1]) {
        continue;
      }
      int n0 = i + 1;
      int n1 = n - n0;
      double mean0 = below / n0;
      double mean1 = (total - below) / n1;
      double between = (double) n0 * n1 * (mean0 - mean1) * (mean0 - mean1);
      if (between > best) {
        best = between;
        threshold = v[i + 1];
      }
    }
    return threshold;
  }

  private static int toLabel(int hdbscanLabel) {
    return hdbscanLabel == 0 ? -1 : hdbscanLabel - 1;
  }

  @Override
  public List<Niche> niches(NicheRequest request, Clustering clustering) {
    return explainer.niches(request, clustering);
  }
}
