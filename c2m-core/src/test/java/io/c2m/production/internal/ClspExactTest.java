package io.c2m.production.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The exact quantities of a setup pattern ({@link ClspFlow}) and the polished solver on small
 * classic CLSP instances, against optima found independently: by hand, and by enumerating every
 * integer production plan (a period's plan is feasible when its setups and units fit the capacity;
 * the cost is computed here by simulating the stock, not by the code under test).
 */
class ClspExactTest {
  /**
   * Enumerates all plans. A {@code pattern} (if not null) restricts production to its setups, and
   * each of its setups uses its setup time whether it produces or not (the transportation problem
   * of a fixed pattern); setup costs count for the setups that produce.
   */
  private static double bruteForce(long[][] d, double[] k, double[] h, double[] st, double cap,
      boolean[][] pattern) {
    int n = d.length;
    int periods = d[0].length;
    List<List<long[]>> options = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<long[]> all = new ArrayList<>();
      ClspProperties.vectors(d[i], 0, 0, new long[periods], all);
      if (pattern != null) {
        final int item = i;
        all.removeIf(x -> {
          for (int t = 0; t < periods; t++) {
            if (x[t] > 0 && !pattern[item][t]) {
              return true;
            }
          }
          return false;
        });
      }
      options.add(all);
    }
    double[] load = new double[periods];
    if (pattern != null) {
      for (int i = 0; i < n; i++) {
        for (int t = 0; t < periods; t++) {
          load[t] += pattern[i][t] ? st[i] : 0;
        }
      }
    }
    return search(options, 0, load, d, k, h, pattern == null ? st : new double[n], cap, 0);
  }

  private static double search(List<List<long[]>> options, int i, double[] load, long[][] d,
      double[] k, double[] h, double[] st, double cap, double sofar) {
    if (i == options.size()) {
      return sofar;
    }
    double best = Double.POSITIVE_INFINITY;
    for (long[] x : options.get(i)) {
      boolean ok = true;
      for (int t = 0; t < x.length && ok; t++) {
        ok = x[t] == 0 || load[t] + st[i] + x[t] <= cap + 1e-9;
      }
      if (!ok) {
        continue;
      }
      for (int t = 0; t < x.length; t++) {
        load[t] += x[t] > 0 ? st[i] + x[t] : 0;
      }
      best = Math.min(best, search(options, i + 1, load, d, k, h, st, cap,
          sofar + ClspProperties.cost(x, d[i], k[i], h[i])));
      for (int t = 0; t < x.length; t++) {
        load[t] -= x[t] > 0 ? st[i] + x[t] : 0;
      }
    }
    return best;
  }

  private static ClspFlow flowOf(long[][] d, double[] k, double[] h, double[] st, double cap) {
    int n = d.length;
    int periods = d[0].length;
    double[] capacity = new double[periods];
    Arrays.fill(capacity, cap);
    double[][] setup = new double[n][periods];
    double[][] unit = new double[n][periods];
    double[][] hold = new double[n][periods];
    long[] big = new long[n];
    List<List<Clsp.Chunk>> chunks = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Arrays.fill(setup[i], k[i]);
      Arrays.fill(hold[i], h[i]);
      big[i] = Long.MAX_VALUE / 4;
      List<Clsp.Chunk> cs = new ArrayList<>();
      for (int t = 0; t < periods; t++) {
        if (d[i][t] > 0) {
          cs.add(new Clsp.Chunk(t, d[i][t], 0));
        }
      }
      chunks.add(cs);
    }
    return new ClspFlow(capacity, st, 1, setup, unit, hold, big, chunks);
  }

  /**
   * Hand-computed: two items, two periods, capacity 16, setup time 2 each. Item 0 needs 0 then 6,
   * item 1 needs 6 then 6. With setups of item 1 in both periods and item 0 in period 0 only,
   * period 0 has 16 - 4 = 12 units of room, exactly item 1's 6 plus item 0's 6 (made one period
   * early); period 1 has 14 for item 1's 6. Cost: 3 setups of 10 plus 6 units held one period at 1
   * = 36. With item 1 set up in period 0 only, period 0 would need 18 units of room: 6 unmet.
   */
  @Test
  void flowPricesAHandComputedPattern() {
    long[][] d = {{0, 6}, {6, 6}};
    ClspFlow flow = flowOf(d, new double[] {10, 10}, new double[] {1, 1}, new double[] {2, 2},
        16);
    ClspFlow.Result r = flow.solve(new boolean[][] {{true, false}, {true, true}});
    assertEquals(0, r.unmet);
    assertEquals(36, r.cost, 1e-9);
    assertEquals(6, r.x[0][0]);
    assertEquals(6, r.x[1][0]);
    assertEquals(6, r.x[1][1]);
    ClspFlow.Result short1 = flow.solve(new boolean[][] {{true, false}, {true, false}});
    assertEquals(6, short1.unmet);
  }

  /**
   * On random small instances and random setup patterns, the flow's holding cost is the smallest
   * any plan within the pattern can reach (brute force), and it charges the setups it uses.
   */
  @Test
  void flowMatchesBruteForceOnRandomPatterns() {
    Random r = new Random(7);
    int checked = 0;
    for (int trial = 0; trial < 150; trial++) {
      int periods = 3 + r.nextInt(2);
      long[][] d = new long[2][periods];
      double[] k = new double[2];
      double[] h = new double[2];
      double[] st = new double[2];
      long peak = 0;
      for (int i = 0; i < 2; i++) {
        for (int t = 0; t < periods; t++) {
          d[i][t] = r.nextInt(5);
        }
        k[i] = 1 + r.nextInt(20);
        h[i] = 0.5 + r.nextInt(4);
        st[i] = r.nextInt(3);
      }
      for (int t = 0; t < periods; t++) {
        peak = Math.max(peak, d[0][t] + d[1][t]);
      }
      double cap = Math.max(1, peak + r.nextInt(4) - 1);
      boolean[][] y = new boolean[2][periods];
      for (int i = 0; i < 2; i++) {
        for (int t = 0; t < periods; t++) {
          y[i][t] = t == 0 || r.nextInt(3) > 0;
        }
      }
      // the transportation problem of a fixed pattern minimises the holding cost (setups paid)
      double expected = bruteForce(d, new double[2], h, st, cap, y);
      ClspFlow.Result res = flowOf(d, k, h, st, cap).solve(y);
      if (Double.isInfinite(expected)) {
        assertTrue(res.unmet > 0, "trial " + trial + ": no plan exists, yet nothing unmet");
      } else {
        assertEquals(0, res.unmet, "trial " + trial);
        double setups = 0;
        for (int i = 0; i < 2; i++) {
          for (int t = 0; t < periods; t++) {
            assertTrue(res.x[i][t] == 0 || y[i][t], "made without a setup");
            setups += res.x[i][t] > 0 ? k[i] : 0;
          }
        }
        assertEquals(expected, res.cost - setups, 1e-6, "trial " + trial);
        checked++;
      }
    }
    assertTrue(checked >= 30, "only " + checked + " feasible trials");
  }

  /**
   * The polished solver reaches the brute-force optimum of small instances with tight capacity
   * (three items, three periods; two items, four periods).
   */
  @Test
  void solverReachesTheBruteForceOptimum() {
    Random r = new Random(11);
    for (int trial = 0; trial < 40; trial++) {
      int n = trial % 2 == 0 ? 3 : 2;
      int periods = n == 3 ? 3 : 4;
      long[][] d = new long[n][periods];
      double[] k = new double[n];
      double[] h = new double[n];
      double[] st = new double[n];
      double[] a = new double[n];
      long total = 0;
      double setupTimes = 0;
      for (int i = 0; i < n; i++) {
        for (int t = 0; t < periods; t++) {
          d[i][t] = r.nextInt(5);
          total += d[i][t];
        }
        k[i] = 5 + r.nextInt(30);
        h[i] = 0.5 + r.nextInt(3);
        st[i] = r.nextInt(3);
        setupTimes += st[i];
        a[i] = 1;
      }
      // tight: about the average load with every setup once per period
      double cap = Math.max(4, Math.ceil((total + setupTimes * periods) / (double) periods));
      double opt = bruteForce(d, k, h, st, cap, null);
      double[] capacity = new double[periods];
      Arrays.fill(capacity, cap);
      Clsp.Solution s = Clsp.classic(capacity, st, a, k, h, d).solve(50, 10, trial);
      if (Double.isInfinite(opt)) {
        assertTrue(s.unmet() > 0, "trial " + trial + ": no plan exists");
        continue;
      }
      assertEquals(0, s.unmet(), "trial " + trial);
      assertEquals(opt, s.cost(), 1e-6, "trial " + trial + " optimum " + opt);
      assertTrue(s.lowerBound() <= opt + 1e-6, "trial " + trial + " bound above the optimum");
    }
  }
}
