package io.c2m.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The metrics agree with their definitions computed by brute force over all pairs. */
class MetricsProperties {
  @Property(tries = 200)
  void adjustedRandIndexIsThePairCountingFormula(
      @ForAll @Size(min = 2, max = 40) List<@IntRange(max = 4) Integer> truth,
      @ForAll @Size(min = 2, max = 40) List<@IntRange(max = 4) Integer> predicted) {
    int n = Math.min(truth.size(), predicted.size());
    int[] t = truth.subList(0, n).stream().mapToInt(Integer::intValue).toArray();
    int[] p = predicted.subList(0, n).stream().mapToInt(Integer::intValue).toArray();
    // Pairs together in both (a), in the truth only (b), in the prediction only (c), in neither.
    double a = 0;
    double b = 0;
    double c = 0;
    double d = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        boolean st = t[i] == t[j];
        boolean sp = p[i] == p[j];
        if (st && sp) {
          a++;
        } else if (st) {
          b++;
        } else if (sp) {
          c++;
        } else {
          d++;
        }
      }
    }
    double denominator = (a + b) * (b + d) + (a + c) * (c + d);
    Assume.that(denominator != 0);
    double expected = 2 * (a * d - b * c) / denominator;
    assertEquals(expected, Metrics.adjustedRandIndex(t, p), 1e-9);
  }

  @Property(tries = 200)
  void rocAucIsTheShareOfCorrectlyOrderedPairs(
      @ForAll @Size(min = 2, max = 40) List<@IntRange(max = 5) Integer> scores,
      @ForAll @Size(min = 2, max = 40) List<Boolean> positive) {
    int n = Math.min(scores.size(), positive.size());
    double[] s = new double[n];
    boolean[] y = new boolean[n];
    int pos = 0;
    for (int i = 0; i < n; i++) {
      s[i] = scores.get(i);
      y[i] = positive.get(i);
      pos += y[i] ? 1 : 0;
    }
    Assume.that(pos > 0 && pos < n);
    double wins = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (y[i] && !y[j]) {
          wins += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
        }
      }
    }
    assertEquals(wins / ((double) pos * (n - pos)), Metrics.rocAuc(s, y), 1e-12);
  }

  @Property(tries = 50)
  void relabellingAPartitionKeepsTheIndexAtOne(
      @ForAll @Size(min = 2, max = 40) List<@IntRange(max = 4) Integer> truth) {
    int[] t = truth.stream().mapToInt(Integer::intValue).toArray();
    int[] renamed = truth.stream().mapToInt(x -> 100 - 7 * x).toArray();
    assertEquals(1.0, Metrics.adjustedRandIndex(t, renamed), 1e-12);
  }
}
