package io.c2m.production.internal;

import java.util.Random;

/**
 * The heuristic stage of {@link Clsp}: the Lagrangian relaxation of the capacity constraints of
 * Trigeiro, Thomas and McClain (1989) raised by subgradient optimisation, each few iterations'
 * setup pattern turned into a plan by the backward allocation and improved by a local search over
 * setup flips; then an iterated local search (seeded random flips of the best pattern). Keeps the
 * best lower bound found ({@link #bound}). One instance per solve.
 */
final class ClspLagrangian {
  private static final int[] SHIFTS = {-1, 1, -2, 2};

  private final ClspModel m;
  private final ClspEvaluator evaluator;
  private double bound = Double.NEGATIVE_INFINITY;

  ClspLagrangian(ClspModel model, ClspEvaluator evaluator) {
    this.m = model;
    this.evaluator = evaluator;
  }

  /** The best Lagrangian lower bound of {@link #subgradient}, or -infinity before. */
  double bound() {
    return bound;
  }

  private boolean withinBudget() {
    return evaluator.work < Clsp.WORK_BUDGET;
  }

  /**
   * Subgradient optimisation of the multipliers (Held, Wolfe and Crowder 1974, step rule with a
   * target): with multipliers {@code lambda[t] >= 0} the problem splits into one uncapacitated
   * lot-sizing problem per item, each solved exactly by {@link LotSizing#fast}. Every tenth
   * iteration (every fifth in the second half, and the last) its setup pattern is priced and
   * improved by {@link #improve}.
   *
   * @return the best plan found, starting from lot-for-lot
   */
  ClspEval subgradient(int iterations) {
    final int n = m.n;
    final int periods = m.periods;
    double[] lambda = new double[periods];
    boolean[][] y = new boolean[n][periods];
    for (int i = 0; i < n; i++) {
      for (int t = 0; t < periods; t++) {
        y[i][t] = m.demand[i][t] > 0;
      }
    }
    ClspEval incumbent = improve(ClspEval.copy(y), evaluator.evaluate(y));
    double theta = 2;
    int stale = 0;
    double[] ks = new double[periods];
    double[] us = new double[periods];
    double[] g = new double[periods];
    for (int it = 0; it < iterations; it++) {
      double value = 0;
      for (int t = 0; t < periods; t++) {
        g[t] = -m.capacity[t];
        value -= lambda[t] * m.capacity[t];
      }
      boolean[][] pattern = new boolean[n][periods];
      for (int i = 0; i < n; i++) {
        for (int t = 0; t < periods; t++) {
          ks[t] = m.setup[i][t] + lambda[t] * m.setupTime[i];
          us[t] = m.unit[i][t] + lambda[t] * m.unitUse[i];
        }
        LotSizing.Solution s = LotSizing.fast(m.demand[i], ks, us, m.hold[i]);
        value += s.cost();
        for (int k = 0; k < s.size(); k++) {
          int t = s.setups()[k];
          long q = 0;
          for (int j = t; j < s.ends()[k]; j++) {
            q += m.demand[i][j];
          }
          pattern[i][t] = true;
          g[t] += m.setupTime[i] + m.unitUse[i] * q;
        }
      }
      if (value > bound + 1e-9) {
        bound = value;
        stale = 0;
      } else if (++stale >= 20) {
        theta /= 2;
        stale = 0;
      }
      if ((it % 10 == 0 || (2 * it >= iterations && it % 5 == 0) || it == iterations - 1)
          && withinBudget()) {
        ClspEval e = improve(pattern, evaluator.evaluate(pattern));
        if (ClspEval.better(e, incumbent)) {
          incumbent = e;
        }
      }
      double norm = 0;
      for (int t = 0; t < periods; t++) {
        if (lambda[t] <= 0 && g[t] < 0) {
          g[t] = 0;
        }
        norm += g[t] * g[t];
      }
      if (norm == 0 || theta < 1e-6) {
        break;
      }
      double target = incumbent.unmet == 0 ? incumbent.cost : Math.abs(value) * 1.1 + 1;
      double step = theta * Math.max(1e-9, target - value) / norm;
      for (int t = 0; t < periods; t++) {
        lambda[t] = Math.max(0, lambda[t] + step * g[t]);
      }
    }
    return incumbent;
  }

  /**
   * Iterated local search: kicks the best pattern with a few seeded random flips and improves it
   * again. Kicks count once a feasible plan is known; before that, up to {@code 20 * kicks + 200}
   * more.
   */
  ClspEval kick(ClspEval start, int kicks, Random random) {
    ClspEval incumbent = start;
    int infeasibleKicks = 0;
    for (int k = 0; (k < kicks || incumbent.unmet > 0) && withinBudget(); ) {
      if (incumbent.unmet > 0) {
        if (++infeasibleKicks > 20 * kicks + 200) {
          break;
        }
      } else {
        k++;
      }
      boolean[][] kicked = ClspEval.copy(incumbent.y);
      int flips = 2 + random.nextInt(3);
      for (int f = 0; f < flips; f++) {
        int i = random.nextInt(m.n);
        int t = random.nextInt(m.periods);
        kicked[i][t] = !kicked[i][t];
      }
      ClspEval e = improve(kicked, evaluator.evaluate(kicked));
      if (ClspEval.better(e, incumbent)) {
        incumbent = e;
      }
    }
    return incumbent;
  }

  /**
   * First-improvement local search: flip one setup (add or drop), or move one setup one or two
   * periods earlier or later, while that improves (fewer unmet units, then lower cost).
   */
  private ClspEval improve(boolean[][] y, ClspEval start) {
    ClspEval cur = start;
    boolean improved = true;
    int rounds = 0;
    while (improved && rounds++ < 50 && withinBudget()) {
      improved = false;
      for (int i = 0; i < m.n; i++) {
        for (int t = 0; t < m.periods; t++) {
          if (!withinBudget()) {
            return cur;
          }
          y[i][t] = !y[i][t];
          ClspEval e = evaluator.evaluate(y);
          if (ClspEval.better(e, cur)) {
            cur = e;
            improved = true;
            continue;
          }
          y[i][t] = !y[i][t];
          if (!y[i][t]) {
            continue;
          }
          for (int delta : SHIFTS) {
            int u = t + delta;
            if (u < 0 || u >= m.periods || y[i][u]) {
              continue;
            }
            y[i][t] = false;
            y[i][u] = true;
            e = evaluator.evaluate(y);
            if (ClspEval.better(e, cur)) {
              cur = e;
              improved = true;
              break;
            }
            y[i][t] = true;
            y[i][u] = false;
          }
        }
      }
    }
    return cur;
  }
}
