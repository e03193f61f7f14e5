package io.c2m.ml;

import java.util.List;

/**
 * The clusters a clustering inference found, before they become niches.
 *
 * @param labels the cluster of each profile of the request, in the request's order; {@code -1} for
 *     noise (HDBSCAN's outliers)
 * @param explanations one per cluster, by label
 */
public record Clustering(List<Integer> labels, List<ClusterExplanation> explanations) {
  /** Validates and copies. */
  public Clustering {
    labels = List.copyOf(labels);
    explanations = List.copyOf(explanations);
  }

  /**
   * Returns the labels as an array.
   *
   * @return a fresh array of the labels
   */
  public int[] labelArray() {
    return labels.stream().mapToInt(Integer::intValue).toArray();
  }
}
