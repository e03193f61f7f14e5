package io.c2m.production.internal;

import java.util.Random;

/**
 * The polishing phase of {@link Clsp}, when the quantities of a setup pattern can be priced
 * exactly ({@link ClspFlow}): a local search over the setup pattern (drop a setup, add one, move
 * one up to three periods earlier or later; when none of these helps, swap the periods of two
 * items' setups at most two periods apart), each pattern priced by its optimal quantities, from
 * the best plan of the heuristic stage; then an iterated local search (seeded random flips of two
 * to four setups, then the local search again, kept if better) until
 * {@link Clsp#EXACT_EVALUATIONS} patterns have been priced. One instance per solve.
 */
final class ClspPolish {
  private static final int[] MOVES = {-1, 1, -2, 2, -3, 3};

  private final ClspModel m;
  private final ClspEvaluator evaluator;
  /** The plan of the last improving {@link #swap}. */
  private ClspEval swapped;

  ClspPolish(ClspModel model, ClspEvaluator evaluator) {
    this.m = model;
    this.evaluator = evaluator;
  }

  private boolean withinBudget() {
    return evaluator.exactEvaluations < Clsp.EXACT_EVALUATIONS;
  }

  /** Polishes a plan, continuing the seeded {@code random} of the heuristic stage. */
  ClspEval polish(ClspEval start, Random random) {
    evaluator.exactMode = true;
    evaluator.exactEvaluations = 0;
    try {
      // the pattern of the plan's production (the heuristic's pattern may hold setups that make
      // nothing, which would still use their setup time here)
      boolean[][] made = new boolean[m.n][m.periods];
      for (int i = 0; i < m.n; i++) {
        for (int t = 0; t < m.periods; t++) {
          made[i][t] = start.x[i][t] > 0;
        }
      }
      ClspEval best = descend(evaluator.evaluate(made));
      while (withinBudget()) {
        boolean[][] kicked = ClspEval.copy(best.y);
        int flips = 2 + random.nextInt(3);
        for (int f = 0; f < flips; f++) {
          int i = random.nextInt(m.n);
          int t = random.nextInt(m.periods);
          kicked[i][t] = !kicked[i][t];
        }
        ClspEval e = descend(evaluator.evaluate(kicked));
        if (ClspEval.better(e, best)) {
          best = e;
        }
      }
      return best;
    } finally {
      evaluator.exactMode = false;
    }
  }

  /** First-improvement descent with exact evaluations: drop, move (up to 3 periods), add, swap. */
  private ClspEval descend(ClspEval start) {
    ClspEval cur = start;
    boolean improved = true;
    while (improved && withinBudget()) {
      improved = false;
      for (int i = 0; i < m.n && withinBudget(); i++) {
        for (int t = 0; t < m.periods && withinBudget(); t++) {
          boolean[][] y = ClspEval.copy(cur.y);
          if (y[i][t]) {
            y[i][t] = false;
            ClspEval e = evaluator.evaluate(y);
            if (ClspEval.better(e, cur)) {
              cur = e;
              improved = true;
              continue;
            }
            for (int delta : MOVES) {
              int u = t + delta;
              if (u < 0 || u >= m.periods || y[i][u]) {
                continue;
              }
              y[i][u] = true;
              e = evaluator.evaluate(y);
              y[i][u] = false;
              if (ClspEval.better(e, cur)) {
                cur = e;
                improved = true;
                break;
              }
            }
          } else if (hasDemandFrom(i, t)) {
            y[i][t] = true;
            ClspEval e = evaluator.evaluate(y);
            if (ClspEval.better(e, cur)) {
              cur = e;
              improved = true;
            }
          }
        }
      }
      if (!improved) {
        improved = swap(cur);
        if (improved) {
          cur = swapped;
        }
      }
    }
    return cur;
  }

  /**
   * Swap moves: a setup of item {@code i} in period {@code t} and one of another item {@code j}
   * in a period {@code u} at most two periods away trade periods (when neither is set up in the
   * other's period). First improvement; true if one improved (the plan is in {@link #swapped}).
   */
  private boolean swap(ClspEval cur) {
    for (int i = 0; i < m.n; i++) {
      for (int t = 0; t < m.periods; t++) {
        if (!cur.y[i][t]) {
          continue;
        }
        for (int j = 0; j < m.n; j++) {
          for (int u = Math.max(0, t - 2); u <= Math.min(m.periods - 1, t + 2); u++) {
            if (j == i || u == t || !cur.y[j][u] || cur.y[i][u] || cur.y[j][t]) {
              continue;
            }
            if (!withinBudget()) {
              return false;
            }
            boolean[][] y = ClspEval.copy(cur.y);
            y[i][t] = false;
            y[i][u] = true;
            y[j][u] = false;
            y[j][t] = true;
            ClspEval e = evaluator.evaluate(y);
            if (ClspEval.better(e, cur)) {
              swapped = e;
              return true;
            }
          }
        }
      }
    }
    return false;
  }

  private boolean hasDemandFrom(int i, int t) {
    for (int u = t; u < m.periods; u++) {
      if (m.demand[i][u] > 0) {
        return true;
      }
    }
    return false;
  }
}
