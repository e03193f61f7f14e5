package io.c2m.production.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The solver on small whole-order (unsplittable) CLSP instances, against the optimum found by
 * enumerating every assignment of each order to a period of its window (cost computed here: a
 * setup per item and period that produces, the stock held at the end of each period, and the
 * capacity of each period checked against setup times and units). The solver is a heuristic:
 * it must find a plan whenever one exists, never beat the optimum, stay within 1% of it, and reach
 * it on at least 90% of the instances.
 */
class ClspWholeOrderTest {
  private static final int PERIODS = 5;

  /** The best cost over all assignments, or infinity if none fits. */
  private static double bruteForce(List<List<long[]>> orders, double[] k, double[] h, double[] st,
      double cap) {
    List<long[]> flat = new ArrayList<>();
    for (int i = 0; i < orders.size(); i++) {
      for (long[] o : orders.get(i)) {
        flat.add(new long[] {i, o[0], o[1], o[2]});
      }
    }
    return search(flat, 0, new long[orders.size()][PERIODS], k, h, st, cap);
  }

  private static double search(List<long[]> flat, int idx, long[][] made, double[] k, double[] h,
      double[] st, double cap) {
    if (idx == flat.size()) {
      double cost = 0;
      for (int t = 0; t < PERIODS; t++) {
        double load = 0;
        for (int i = 0; i < made.length; i++) {
          if (made[i][t] > 0) {
            load += st[i] + made[i][t];
            cost += k[i];
          }
        }
        if (load > cap + 1e-9) {
          return Double.POSITIVE_INFINITY;
        }
      }
      return cost;
    }
    long[] o = flat.get(idx);
    int i = (int) o[0];
    double best = Double.POSITIVE_INFINITY;
    for (int s = (int) o[3]; s <= o[1]; s++) {
      made[i][s] += o[2];
      double held = 0;
      for (int j = s; j < o[1]; j++) {
        held += h[i] * o[2];
      }
      best = Math.min(best, held + search(flat, idx + 1, made, k, h, st, cap));
      made[i][s] -= o[2];
    }
    return best;
  }

  @Test
  void matchesEnumerationOnRandomWholeOrderInstances() {
    Random random = new Random(7);
    int optimal = 0;
    int feasible = 0;
    for (int inst = 0; inst < 40; inst++) {
      int n = 2 + random.nextInt(2);
      double[] k = new double[n];
      double[] h = new double[n];
      double[] st = new double[n];
      List<List<long[]>> orders = new ArrayList<>();
      long total = 0;
      for (int i = 0; i < n; i++) {
        k[i] = 20 + random.nextInt(80);
        h[i] = 1 + random.nextInt(3);
        st[i] = random.nextInt(4);
        List<long[]> os = new ArrayList<>();
        int count = 2 + random.nextInt(2);
        for (int c = 0; c < count; c++) {
          int latest = 1 + random.nextInt(PERIODS - 1);
          long q = 3 + random.nextInt(10);
          os.add(new long[] {latest, q, 0});
          total += q;
        }
        orders.add(os);
      }
      double cap = Math.ceil(total / (double) PERIODS) + 8 + random.nextInt(8);
      double optimum = bruteForce(orders, k, h, st, cap);
      double[] capacity = new double[PERIODS];
      double[] unitUse = new double[n];
      double[][] setup = new double[n][PERIODS];
      double[][] unit = new double[n][PERIODS];
      double[][] hold = new double[n][PERIODS];
      long[] ones = new long[n];
      long[] largest = new long[n];
      for (int t = 0; t < PERIODS; t++) {
        capacity[t] = cap;
      }
      for (int i = 0; i < n; i++) {
        unitUse[i] = 1;
        ones[i] = 1;
        largest[i] = Long.MAX_VALUE / 4;
        for (int t = 0; t < PERIODS; t++) {
          setup[i][t] = k[i];
          hold[i][t] = h[i];
        }
      }
      List<List<Clsp.Chunk>> chunks = new ArrayList<>();
      for (List<long[]> os : orders) {
        List<Clsp.Chunk> cs = new ArrayList<>();
        for (long[] o : os) {
          cs.add(new Clsp.Chunk((int) o[0], o[1], (int) o[2]));
        }
        chunks.add(cs);
      }
      Clsp clsp = new Clsp(capacity, st, unitUse, setup, unit, hold, ones, ones, largest, chunks,
          false);
      Clsp.Solution sol = clsp.solve(50, 10, 42);
      if (Double.isInfinite(optimum)) {
        assertTrue(sol.unmet() > 0, "instance " + inst + ": no whole-order plan exists");
        continue;
      }
      feasible++;
      assertEquals(0, sol.unmet(), "instance " + inst + ": a whole-order plan exists");
      assertTrue(sol.cost() >= optimum - 1e-6, "instance " + inst + ": below the optimum");
      // a heuristic: not always at the optimum, but close (the bar is 1% per instance)
      assertTrue(sol.cost() <= optimum * 1.01 + 1e-6,
          "instance " + inst + ": " + sol.cost() + " more than 1% above the optimum " + optimum);
      if (Math.abs(sol.cost() - optimum) < 1e-6) {
        optimal++;
      }
    }
    assertTrue(feasible >= 20, "feasible instances: " + feasible);
    // at least 90% of the feasible instances at the optimum
    assertTrue(optimal * 10 >= feasible * 9, optimal + " of " + feasible + " at the optimum");
  }
}
