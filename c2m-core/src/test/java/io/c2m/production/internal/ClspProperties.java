package io.c2m.production.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The capacitated solver on tiny random instances against exhaustive search over every integer
 * production plan: the Lagrangian bound never exceeds the optimum, the plan is feasible, its cost
 * is what it claims, and it is never below the optimum.
 */
class ClspProperties {
  /**
   * Every production vector of one item meeting its demand with no stock left at the end (also
   * used by {@link ClspExactTest}).
   */
  static void vectors(long[] d, int t, long stock, long[] x, List<long[]> out) {
    int n = d.length;
    if (t == n) {
      if (stock == 0) {
        out.add(x.clone());
      }
      return;
    }
    long rest = 0;
    for (int j = t; j < n; j++) {
      rest += d[j];
    }
    for (long q = 0; q + stock <= rest; q++) {
      if (stock + q < d[t]) {
        continue;
      }
      x[t] = q;
      vectors(d, t + 1, stock + q - d[t], x, out);
    }
    x[t] = 0;
  }

  /** The cost of one item's plan, by simulating its stock (setups plus end-of-period stock). */
  static double cost(long[] x, long[] d, double k, double h) {
    double c = 0;
    long stock = 0;
    for (int t = 0; t < x.length; t++) {
      if (x[t] > 0) {
        c += k;
      }
      stock += x[t] - d[t];
      c += h * stock;
    }
    return c;
  }

  @Property(tries = 60)
  void boundIsValidAndPlanIsFeasible(@ForAll long seed) {
    Random r = new Random(seed);
    int n = 2;
    int periods = 2 + r.nextInt(3);
    long[][] d = new long[n][periods];
    double[] k = new double[n];
    double[] h = new double[n];
    double[] st = new double[n];
    double[] a = new double[n];
    long peak = 0;
    for (int i = 0; i < n; i++) {
      for (int t = 0; t < periods; t++) {
        d[i][t] = r.nextInt(5);
      }
      k[i] = 1 + r.nextInt(20);
      h[i] = 0.5 + r.nextInt(4);
      st[i] = r.nextInt(3);
      a[i] = 1;
    }
    for (int t = 0; t < periods; t++) {
      peak = Math.max(peak, d[0][t] + d[1][t]);
    }
    double cap = peak + st[0] + st[1] + r.nextInt(4);
    double[] capacity = new double[periods];
    java.util.Arrays.fill(capacity, cap);
    List<long[]> xs0 = new ArrayList<>();
    List<long[]> xs1 = new ArrayList<>();
    vectors(d[0], 0, 0, new long[periods], xs0);
    vectors(d[1], 0, 0, new long[periods], xs1);
    double opt = Double.POSITIVE_INFINITY;
    for (long[] x0 : xs0) {
      for (long[] x1 : xs1) {
        boolean ok = true;
        for (int t = 0; t < periods && ok; t++) {
          double load = (x0[t] > 0 ? st[0] + x0[t] : 0) + (x1[t] > 0 ? st[1] + x1[t] : 0);
          ok = load <= cap + 1e-9;
        }
        if (ok) {
          opt = Math.min(opt, cost(x0, d[0], k[0], h[0]) + cost(x1, d[1], k[1], h[1]));
        }
      }
    }
    Clsp.Solution s = Clsp.classic(capacity, st, a, k, h, d).solve(100, 10, seed);
    // period capacity covers each period's own demand with both setups: always feasible
    assertEquals(0, s.unmet());
    assertTrue(s.lowerBound() <= opt + 1e-6, "bound " + s.lowerBound() + " > optimum " + opt);
    assertTrue(s.cost() >= opt - 1e-6, "cost " + s.cost() + " < optimum " + opt);
    double claimed = 0;
    for (int t = 0; t < periods; t++) {
      double load = 0;
      for (int i = 0; i < n; i++) {
        long x = s.production()[i][t];
        if (x > 0) {
          load += st[i] + a[i] * x;
        }
      }
      assertTrue(load <= cap + 1e-9, "period " + t + " load " + load + " > " + cap);
    }
    for (int i = 0; i < n; i++) {
      claimed += cost(s.production()[i], d[i], k[i], h[i]);
      long stock = 0;
      for (int t = 0; t < periods; t++) {
        stock += s.production()[i][t] - d[i][t];
        assertTrue(stock >= 0, "item " + i + " short in period " + t);
      }
      assertEquals(0, stock);
    }
    assertEquals(claimed, s.cost(), 1e-6);
  }

  /** Tries every period for every chunk, pruning overloads: true if some assignment fits. */
  private static boolean feasible(List<long[]> all, int k, double[] load, int[][] setups,
      double[] st, double cap) {
    if (k == all.size()) {
      return true;
    }
    long[] ch = all.get(k);
    int i = (int) ch[3];
    for (int t = (int) ch[2]; t <= ch[0]; t++) {
      double add = ch[1] + (setups[i][t] == 0 ? st[i] : 0);
      if (load[t] + add > cap + 1e-9) {
        continue;
      }
      load[t] += add;
      setups[i][t]++;
      boolean ok = feasible(all, k + 1, load, setups, st, cap);
      setups[i][t]--;
      load[t] -= add;
      if (ok) {
        return true;
      }
    }
    return false;
  }

  /**
   * Unsplittable orders under tight capacity (the shape of {@code c2m plan}): whenever exhaustive
   * search over the period of every order finds a feasible plan, the solver (search plus
   * feasibility repair) serves every order, within capacity and each order's window.
   */
  @Property(tries = 300)
  void unsplittableIsFeasibleWheneverExhaustiveSearchIs(@ForAll long seed) {
    Random r = new Random(seed);
    int n = 3;
    int periods = 3 + r.nextInt(3);
    double[] st = new double[n];
    double[] a = {1, 1, 1};
    double[][] k = new double[n][periods];
    double[][] u = new double[n][periods];
    double[][] h = new double[n][periods];
    List<List<Clsp.Chunk>> chunks = new ArrayList<>();
    List<long[]> all = new ArrayList<>();
    long total = 0;
    for (int i = 0; i < n; i++) {
      st[i] = r.nextInt(6);
      java.util.Arrays.fill(k[i], 1 + r.nextInt(30));
      java.util.Arrays.fill(h[i], 0.5 + r.nextInt(3));
      List<Clsp.Chunk> cs = new ArrayList<>();
      for (int t = 0; t < periods; t++) {
        if (r.nextInt(4) > 0) {
          long q = 1 + r.nextInt(6);
          int placed = r.nextInt(3) == 0 ? r.nextInt(t + 1) : 0;
          cs.add(new Clsp.Chunk(t, q, placed));
          all.add(new long[] {t, q, placed, i});
          total += q;
        }
      }
      chunks.add(cs);
    }
    // tight: from a bit below the average load to a bit above it
    double cap = Math.max(1, (total + st[0] + st[1] + st[2]) / (double) periods
        + r.nextInt(6) - 2);
    double[] capacity = new double[periods];
    java.util.Arrays.fill(capacity, cap);
    boolean exists = feasible(all, 0, new double[periods], new int[n][periods], st, cap);
    long big = Long.MAX_VALUE / 4;
    Clsp clsp = new Clsp(capacity, st, a, k, u, h, new long[] {1, 1, 1}, new long[] {1, 1, 1},
        new long[] {big, big, big}, chunks, false);
    Clsp.Solution s = clsp.solve(30, 5, seed);
    if (exists) {
      assertEquals(0, s.unmet(), "a feasible plan exists but units were left unserved");
    }
    double[] load = new double[periods];
    for (int i = 0; i < n; i++) {
      for (int t = 0; t < periods; t++) {
        if (s.production()[i][t] > 0) {
          load[t] += st[i] + s.production()[i][t];
        }
      }
      for (int c = 0; c < chunks.get(i).size(); c++) {
        for (Clsp.Piece piece : s.produced().get(i).get(c)) {
          assertTrue(piece.period() <= chunks.get(i).get(c).due()
              && piece.period() >= chunks.get(i).get(c).placed(), "made outside its window");
          assertEquals(chunks.get(i).get(c).quantity(), piece.quantity(),
              "an unsplittable order was split");
        }
      }
    }
    for (int t = 0; t < periods; t++) {
      assertTrue(load[t] <= cap + 1e-9, "period " + t + " load " + load[t] + " > " + cap);
    }
  }
}
