package io.c2m.ml;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** Quality figures for inference: agreement of clusterings and ranking quality of scores. */
public final class Metrics {
  private Metrics() {}

  /**
   * The adjusted Rand index of two partitions (Hubert and Arabie 1985, "Comparing partitions",
   * Journal of Classification 2:193-218): 1 for identical partitions, about 0 for independent ones.
   * Every distinct label is one group (so noise, labelled alike, is one group).
   *
   * @param truth the reference label of each item
   * @param predicted the predicted label of each item
   * @return the index, at most 1; 1 when both partitions have a single group or are identical
   * @throws IllegalArgumentException if the lengths differ
   */
  public static double adjustedRandIndex(int[] truth, int[] predicted) {
    requireNonNull(truth, "truth");
    requireNonNull(predicted, "predicted");
    if (truth.length != predicted.length) {
      throw new IllegalArgumentException("The partitions have " + truth.length + " and "
          + predicted.length + " items; they must have the same.");
    }
    Map<Long, Integer> cells = new HashMap<>();
    Map<Integer, Integer> rows = new HashMap<>();
    Map<Integer, Integer> cols = new HashMap<>();
    for (int i = 0; i < truth.length; i++) {
      cells.merge(((long) truth[i] << 32) ^ (predicted[i] & 0xFFFFFFFFL), 1, Integer::sum);
      rows.merge(truth[i], 1, Integer::sum);
      cols.merge(predicted[i], 1, Integer::sum);
    }
    double index = 0;
    for (int c : cells.values()) {
      index += pairs(c);
    }
    double a = 0;
    for (int c : rows.values()) {
      a += pairs(c);
    }
    double b = 0;
    for (int c : cols.values()) {
      b += pairs(c);
    }
    double total = pairs(truth.length);
    double expected = total == 0 ? 0 : a * b / total;
    double max = (a + b) / 2;
    if (max == expected) {
      return 1.0;
    }
    return (index - expected) / (max - expected);
  }

  private static double pairs(long n) {
    return n * (n - 1) / 2.0;
  }

  /**
   * The area under the ROC curve: the probability that a random positive scores above a random
   * negative, ties counting one half (the Mann-Whitney U statistic over the product of the class
   * sizes; Hanley and McNeil 1982, Radiology 143:29-36).
   *
   * @param scores the score of each item
   * @param positive whether each item is a positive
   * @return the AUC in [0, 1]
   * @throws IllegalArgumentException if the lengths differ or a class is empty
   */
  public static double rocAuc(double[] scores, boolean[] positive) {
    requireNonNull(scores, "scores");
    requireNonNull(positive, "positive");
    if (scores.length != positive.length) {
      throw new IllegalArgumentException("There are " + scores.length + " scores for "
          + positive.length + " labels; they must match.");
    }
    int n = scores.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (x, y) -> Double.compare(scores[x], scores[y]));
    double rankSumPositive = 0;
    long positives = 0;
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) {
        j++;
      }
      double midRank = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        if (positive[order[k]]) {
          rankSumPositive += midRank;
          positives++;
        }
      }
      i = j + 1;
    }
    long negatives = n - positives;
    if (positives == 0 || negatives == 0) {
      throw new IllegalArgumentException(
          "The ROC-AUC needs both classes; got " + positives + " positives and " + negatives
              + " negatives.");
    }
    double u = rankSumPositive - positives * (positives + 1) / 2.0;
    return u / ((double) positives * negatives);
  }
}
