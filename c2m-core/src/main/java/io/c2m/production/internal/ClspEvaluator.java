package io.c2m.production.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Prices a setup pattern of a {@link Clsp} instance: by the backward capacity-allocation
 * heuristic (serve in each period, from the last back, first what cannot wait for an earlier
 * setup, then the items whose deferral costs most per unit of capacity), or, in exact mode (the
 * polishing phase), by the optimal quantities of {@link ClspFlow}. Counts its work (open chunks
 * scanned) for the budgets of the search; one instance per solve, not thread-safe.
 */
final class ClspEvaluator {
  private final ClspModel m;
  /** The exact quantities for a setup pattern, when they apply (else null). */
  private final ClspFlow flow;
  /** Work done so far, in open chunks scanned (see {@link Clsp#WORK_BUDGET}). */
  long work;
  /** Whether {@link #evaluate} uses the exact flow (the polishing phase). */
  boolean exactMode;
  /** Patterns priced exactly so far. */
  int exactEvaluations;

  ClspEvaluator(ClspModel model, ClspFlow flow) {
    this.m = model;
    this.flow = flow;
  }

  /**
   * Evaluates a setup pattern: the exact quantities by {@link ClspFlow} when in exact mode (setups
   * that then produce nothing are dropped), else the backward allocation heuristic.
   */
  ClspEval evaluate(boolean[][] y) {
    if (!exactMode) {
      return allocateBackward(y);
    }
    ClspEval e = new ClspEval();
    e.y = ClspEval.copy(y);
    ClspFlow.Result r;
    boolean dropped;
    do {
      // setups that produce nothing still use their setup time: drop them and solve again
      r = flow.solve(e.y);
      exactEvaluations++;
      work += m.workPerEvaluation + flow.lastWork / 8;
      dropped = false;
      for (int i = 0; i < m.n; i++) {
        for (int t = 0; t < m.periods; t++) {
          if (e.y[i][t] && r.x[i][t] == 0) {
            e.y[i][t] = false;
            dropped = true;
          }
        }
      }
    } while (dropped);
    e.x = r.x;
    e.unmet = r.unmet;
    e.cost = r.unmet > 0 ? Double.POSITIVE_INFINITY : r.cost;
    return e;
  }

  /** Sets the pieces per chunk of a plan from the exact flow of its pattern. */
  void flowPieces(ClspEval e) {
    flow.solve(e.y);
    long[][][] groups = flow.decompose();
    e.pieces = new ArrayList<>();
    for (int i = 0; i < m.n; i++) {
      List<Clsp.Chunk> cs = m.chunks.get(i);
      List<List<Clsp.Piece>> per = new ArrayList<>();
      long[] left = new long[cs.size()];
      for (int c = 0; c < cs.size(); c++) {
        per.add(null);
        left[c] = cs.get(c).quantity();
      }
      e.pieces.add(per);
      for (int c = 0; c < cs.size(); c++) {
        Clsp.Chunk ch = cs.get(c);
        long[][] list = groups[flow.group(i, ch.placed())];
        for (long[] piece : list) {
          // a piece of the flow: {period made, period due, units}
          if (left[c] == 0) {
            break;
          }
          if (piece[1] != ch.due() || piece[2] == 0) {
            continue;
          }
          long q = Math.min(left[c], piece[2]);
          piece[2] -= q;
          left[c] -= q;
          if (per.get(c) == null) {
            per.set(c, new ArrayList<>(2));
          }
          per.get(c).add(new Clsp.Piece((int) piece[0], q));
        }
      }
    }
  }

  /** Allocates capacity backward over a setup pattern. */
  private ClspEval allocateBackward(boolean[][] y) {
    final int n = m.n;
    final int periods = m.periods;
    work += m.workPerEvaluation;  // setup of the evaluation; the scans are counted below
    ClspEval e = new ClspEval();
    e.y = ClspEval.copy(y);
    e.pieces = new ArrayList<>();
    e.x = new long[n][periods];
    long[][] remaining = new long[n][];
    int[][] prev = new int[n][periods];
    for (int i = 0; i < n; i++) {
      List<Clsp.Chunk> cs = m.chunks.get(i);
      // piece lists are created on first use: most evaluations are thrown away
      List<List<Clsp.Piece>> per = new ArrayList<>(Collections.nCopies(cs.size(),
          (List<Clsp.Piece>) null));
      remaining[i] = new long[cs.size()];
      for (int c = 0; c < cs.size(); c++) {
        remaining[i][c] = cs.get(c).quantity();
      }
      e.pieces.add(per);
      int last = -1;
      for (int t = 0; t < periods; t++) {
        prev[i][t] = last;
        if (y[i][t]) {
          last = t;
        }
      }
    }
    Integer[] order = new Integer[n];
    double[] key = new double[n];
    // capacity left before each period after the pattern's setup times, to detect when waiting
    // for earlier periods can no longer work and setups must be added now
    double[] capBefore = new double[periods + 1];
    int[] firstDemand = new int[n];
    int[] firstSetup = new int[n];
    for (int i = 0; i < n; i++) {
      firstDemand[i] = periods;
      firstSetup[i] = periods;
      for (int t = periods - 1; t >= 0; t--) {
        if (m.demand[i][t] > 0) {
          firstDemand[i] = t;
        }
        if (y[i][t]) {
          firstSetup[i] = t;
        }
      }
    }
    for (int t = 0; t < periods; t++) {
      double st = 0;
      for (int i = 0; i < n; i++) {
        // a setup of the pattern, or the one that must be added for demand before any setup
        if (y[i][t] || (t == firstDemand[i] && firstDemand[i] < firstSetup[i])) {
          st += m.setupTime[i];
        }
      }
      capBefore[t + 1] = capBefore[t] + Math.max(0, m.capacity[t] - st);
    }
    boolean[] active = new boolean[n];
    // per item, the chunks due at or after the current period with units left (the open ones)
    int[][] open = new int[n][];
    int[] openSize = new int[n];
    int[] next = new int[n];
    double[] outstanding = new double[1];
    for (int i = 0; i < n; i++) {
      open[i] = new int[m.byDue[i].length];
    }
    for (int t = periods - 1; t >= 0; t--) {
      for (int i = 0; i < n; i++) {
        int k = 0;
        for (int j = 0; j < openSize[i]; j++) {
          if (remaining[i][open[i][j]] > 0) {
            open[i][k++] = open[i][j];
          }
        }
        openSize[i] = k;
        work += 3L * k;
        List<Clsp.Chunk> cs = m.chunks.get(i);
        while (next[i] < m.byDue[i].length && cs.get(m.byDue[i][next[i]]).due() >= t) {
          int c = m.byDue[i][next[i]++];
          open[i][openSize[i]++] = c;
          outstanding[0] += remaining[i][c] * m.unitUse[i];
        }
      }
      double avail = m.capacity[t];
      for (int round = 0; round < 2; round++) {
        int count = 0;
        for (int i = 0; i < n; i++) {
          active[i] = y[i][t] || (round == 1 && e.x[i][t] == 0);
          if (!active[i] || (round == 1 && y[i][t]) || e.x[i][t] > 0) {
            continue;
          }
          boolean any = false;
          boolean urgent = false;
          List<Clsp.Chunk> cs = m.chunks.get(i);
          int p = prev[i][t];
          for (int j = 0; j < openSize[i]; j++) {
            int c = open[i][j];
            Clsp.Chunk ch = cs.get(c);
            if (remaining[i][c] > 0 && ch.placed() <= t) {
              any = true;
              if (p < 0 || ch.placed() > p) {
                urgent = true;
              }
            }
          }
          if (!any) {
            continue;
          }
          double defer = p < 0 ? Double.POSITIVE_INFINITY
              : (m.cumHold[i][t] - m.cumHold[i][p] + m.unit[i][p] - m.unit[i][t])
                  / Math.max(1e-9, m.unitUse[i]);
          key[i] = urgent ? Double.POSITIVE_INFINITY : defer;
          order[count++] = i;
        }
        if (round == 1) {
          // add setups only if what is still outstanding cannot fit before this period
          if (outstanding[0] <= capBefore[t] + 1e-9) {
            break;
          }
          for (int k = 0; k < count; k++) {
            int i = order[k];
            key[i] = m.cumHold[i][t + 1] - m.cumHold[i][t];
          }
        }
        Arrays.sort(order, 0, count, (a, b) -> {
          int cmp = Double.compare(key[b], key[a]);
          return cmp != 0 ? cmp : Integer.compare(a, b);
        });
        for (int k = 0; k < count; k++) {
          int i = order[k];
          avail = allocate(e, i, t, prev[i][t], remaining, avail, open[i], openSize[i],
              outstanding);
        }
      }
    }
    for (int i = 0; i < n; i++) {
      for (long r : remaining[i]) {
        e.unmet += r;
      }
    }
    return e;
  }

  /** Serves item {@code i}'s outstanding chunks in period {@code t}; returns the capacity left. */
  private double allocate(ClspEval e, int i, int t, int p, long[][] remaining, double avail,
      int[] open, int openSize, double[] outstanding) {
    if (avail < m.setupTime[i] + m.unitUse[i] * m.batchOf(i, 1) - 1e-9) {
      return avail;
    }
    List<Clsp.Chunk> cs = m.chunks.get(i);
    long total = 0;
    // two passes: chunks that cannot wait for the previous setup, then the others
    for (int pass = 0; pass < 2; pass++) {
      for (int j = 0; j < openSize; j++) {
        int c = open[j];
        Clsp.Chunk ch = cs.get(c);
        if (remaining[i][c] <= 0 || ch.placed() > t) {
          continue;
        }
        boolean urgent = p < 0 || ch.placed() > p;
        if ((pass == 0) != urgent) {
          continue;
        }
        long take = remaining[i][c];
        if (!fits(i, total + take, avail)) {
          take = m.splittable ? maxFit(i, total, avail, take) : 0;
        }
        if (take <= 0) {
          continue;
        }
        total += take;
        remaining[i][c] -= take;
        outstanding[0] -= take * m.unitUse[i];
        List<Clsp.Piece> pl = e.pieces.get(i).get(c);
        if (pl == null) {
          pl = new ArrayList<>(2);
          e.pieces.get(i).set(c, pl);
        }
        pl.add(new Clsp.Piece(t, take));
        e.cost += take * (m.cumHold[i][ch.due()] - m.cumHold[i][t]);
      }
    }
    if (total > 0) {
      long q = m.batchOf(i, total);
      e.x[i][t] = q;
      e.y[i][t] = true;
      avail -= m.setupTime[i] + m.unitUse[i] * q;
      e.cost += m.setup[i][t] + m.unit[i][t] * q;
    }
    return avail;
  }

  private boolean fits(int i, long q, double avail) {
    long b = m.batchOf(i, q);
    return b <= m.largest[i] && m.setupTime[i] + m.unitUse[i] * b <= avail + 1e-9;
  }

  /** The largest {@code take < want} with {@code total + take} fitting, or 0. */
  private long maxFit(int i, long total, double avail, long want) {
    long lo = 0;
    long hi = want - 1;
    while (lo < hi) {
      long mid = (lo + hi + 1) >>> 1;
      if (fits(i, total + mid, avail)) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }
}
