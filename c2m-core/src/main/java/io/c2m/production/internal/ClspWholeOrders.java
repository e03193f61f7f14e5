package io.c2m.production.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The feasibility repair of {@link Clsp} for unsplittable chunks (whole orders) that the
 * heuristic stage left unserved: ejection chains from the search's plan and from a lot-for-lot
 * start shifted back ({@link #shiftBack}), then a min-conflicts search. Owns the work counter of
 * the whole-order phases ({@link #work}), shared with {@link ClspReassign} and the
 * {@link ClspLedger}s they build. One instance per solve.
 */
final class ClspWholeOrders {
  /** The most work of the feasibility repair, in chunks tried (after the search's budget). */
  static final long REPAIR_BUDGET = 20_000_000L;

  private final ClspModel m;
  /**
   * Work of the whole-order phases, in chunks tried or moves priced; reset by each
   * {@link #repair} and {@link ClspReassign#reassign} (the search before may have spent its own).
   */
  long work;

  ClspWholeOrders(ClspModel model) {
    this.m = model;
  }

  /** An empty ledger over the given chunk periods. */
  ClspLedger ledger(long[][] ordered, long[][] x, double[] load, int[][] at) {
    return new ClspLedger(m, this, ordered, x, load, at);
  }

  /**
   * Feasibility repair of an unsplittable plan that leaves chunks unserved: each unserved chunk,
   * most urgent (earliest latest period) first, is inserted in the latest period of its window with
   * room; failing that, chunks already made in a period of the window are moved to other periods
   * of their own windows to make space (an ejection chain of up to three moves, within the work
   * budget). Costs are recomputed.
   */
  ClspEval repair(ClspEval start) {
    work = 0; // the repair has its own budget: the search before it may have spent the main one
    int[][] at = new int[m.n][];
    long[][] ordered = new long[m.n][m.periods];
    long[][] x = new long[m.n][m.periods];
    double[] load = new double[m.periods];
    List<int[]> unserved = new ArrayList<>();
    for (int i = 0; i < m.n; i++) {
      List<Clsp.Chunk> cs = m.chunks.get(i);
      at[i] = new int[cs.size()];
      for (int c = 0; c < cs.size(); c++) {
        List<Clsp.Piece> pl = start.pieces.get(i).get(c);
        if (pl == null || pl.isEmpty()) {
          at[i][c] = -1;
          unserved.add(new int[] {i, c});
        } else {
          at[i][c] = pl.get(0).period();
          ordered[i][at[i][c]] += cs.get(c).quantity();
        }
      }
      batchUp(i, ordered[i], x[i], load);
    }
    unserved.sort((a, b) -> {
      int cmp = Integer.compare(m.chunk(a[0], a[1]).due(), m.chunk(b[0], b[1]).due());
      return cmp != 0 ? cmp : Integer.compare(a[0], b[0]) != 0 ? Integer.compare(a[0], b[0])
          : Integer.compare(a[1], b[1]);
    });
    ClspLedger ledger = ledger(ordered, x, load, at);
    for (int[] u : unserved) {
      if (work < REPAIR_BUDGET) {
        ledger.place(u[0], u[1], 3);
      }
    }
    ClspEval e = toEval(ledger, at);
    return ClspEval.better(e, start) ? e : start;
  }

  /**
   * Sizes item {@code i}'s batch in every period with orders assigned ({@link ClspModel#batchOf})
   * into {@code x} and adds its setup time and units to the period's {@code load}.
   */
  void batchUp(int i, long[] ordered, long[] x, double[] load) {
    for (int t = 0; t < m.periods; t++) {
      if (ordered[t] > 0) {
        x[t] = m.batchOf(i, ordered[t]);
        load[t] += m.setupTime[i] + m.unitUse[i] * x[t];
      }
    }
  }

  /** The evaluation of a repaired assignment of chunks to periods ({@code -1}: unserved). */
  ClspEval toEval(ClspLedger ledger, int[][] at) {
    ClspEval e = new ClspEval();
    e.y = new boolean[m.n][m.periods];
    e.x = new long[m.n][];
    for (int i = 0; i < m.n; i++) {
      e.x[i] = ledger.x[i].clone();
    }
    e.pieces = new ArrayList<>();
    for (int i = 0; i < m.n; i++) {
      List<Clsp.Chunk> cs = m.chunks.get(i);
      List<List<Clsp.Piece>> per = new ArrayList<>();
      for (int c = 0; c < cs.size(); c++) {
        Clsp.Chunk ch = cs.get(c);
        if (at[i][c] < 0) {
          e.unmet += ch.quantity();
          per.add(null);
        } else {
          List<Clsp.Piece> pl = new ArrayList<>(1);
          pl.add(new Clsp.Piece(at[i][c], ch.quantity()));
          per.add(pl);
          e.cost += ch.quantity() * (m.cumHold[i][ch.due()] - m.cumHold[i][at[i][c]]);
        }
      }
      e.pieces.add(per);
      for (int t = 0; t < m.periods; t++) {
        if (e.x[i][t] > 0) {
          e.y[i][t] = true;
          e.cost += m.setup[i][t] + m.unit[i][t] * e.x[i][t];
        }
      }
    }
    return e;
  }

  /**
   * Min-conflicts search for a feasible assignment of whole chunks (Minton et al., 1992): every
   * chunk is assigned in its window, overloads allowed; repeatedly, in a random overloaded period,
   * the chunk move (to another period of its window) that most reduces the total violation is
   * made (even when it increases it), or with probability 0.15 a random move (a random walk, as in
   * WalkSAT, Selman, Kautz and Cohen 1994). Continues the work count of the repair before it.
   * Seeded, so deterministic. Returns the assignment if it reaches no violation, else null.
   */
  ClspEval minConflicts(ClspEval start, long seed) {
    final int n = m.n;
    final int periods = m.periods;
    int[][] at = new int[n][];
    for (int i = 0; i < n; i++) {
      at[i] = new int[m.chunks.get(i).size()];
    }
    ClspLedger ledger = ledger(new long[n][periods], new long[n][periods], new double[periods],
        at);
    for (int i = 0; i < n; i++) {
      List<Clsp.Chunk> cs = m.chunks.get(i);
      for (int c = 0; c < cs.size(); c++) {
        List<Clsp.Piece> pl = start.pieces.get(i).get(c);
        at[i][c] = pl == null || pl.isEmpty() ? cs.get(c).due() : pl.get(0).period();
        ledger.add(i, at[i][c], cs.get(c).quantity());
      }
    }
    double total = 0;
    for (int t = 0; t < periods; t++) {
      total += ledger.violation(t);
    }
    Random random = new Random(seed);
    List<Integer> bad = new ArrayList<>();
    for (int step = 0; step < 100_000 && total > 0 && work < REPAIR_BUDGET; step++) {
      bad.clear();
      for (int t = 0; t < periods; t++) {
        if (ledger.violation(t) > 0) {
          bad.add(t);
        }
      }
      int t = bad.get(random.nextInt(bad.size()));
      double bestDelta = Double.POSITIVE_INFINITY;
      int bi = -1;
      int bc = -1;
      int bu = -1;
      int ties = 0;
      for (int i = 0; i < n; i++) {
        for (int c = 0; c < at[i].length; c++) {
          if (at[i][c] != t) {
            continue;
          }
          Clsp.Chunk ch = m.chunk(i, c);
          for (int u = ch.placed(); u <= ch.due(); u++) {
            if (u == t) {
              continue;
            }
            work++;
            double v0 = ledger.violation(t) + ledger.violation(u);
            ledger.add(i, t, -ch.quantity());
            ledger.add(i, u, ch.quantity());
            double delta = ledger.violation(t) + ledger.violation(u) - v0;
            ledger.add(i, u, -ch.quantity());
            ledger.add(i, t, ch.quantity());
            if (delta < bestDelta - 1e-12) {
              bestDelta = delta;
              bi = i;
              bc = c;
              bu = u;
              ties = 1;
            } else if (Math.abs(delta - bestDelta) <= 1e-12 && random.nextInt(++ties) == 0) {
              bi = i;
              bc = c;
              bu = u;
            }
          }
        }
      }
      if (bi < 0) {
        continue;
      }
      if (random.nextDouble() < 0.15) {
        // random walk (WalkSAT style): a random chunk of the period to a random period of its window
        List<int[]> here = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          for (int c = 0; c < at[i].length; c++) {
            Clsp.Chunk ch = m.chunk(i, c);
            if (at[i][c] == t && ch.due() > ch.placed()) {
              here.add(new int[] {i, c});
            }
          }
        }
        if (!here.isEmpty()) {
          int[] pick = here.get(random.nextInt(here.size()));
          Clsp.Chunk ch = m.chunk(pick[0], pick[1]);
          int u = ch.placed() + random.nextInt(ch.due() - ch.placed());
          if (u >= t) {
            u++;
          }
          bi = pick[0];
          bc = pick[1];
          bu = u;
          double v0 = ledger.violation(t) + ledger.violation(u);
          ledger.add(bi, t, -ch.quantity());
          ledger.add(bi, u, ch.quantity());
          bestDelta = ledger.violation(t) + ledger.violation(u) - v0;
          ledger.add(bi, u, -ch.quantity());
          ledger.add(bi, t, ch.quantity());
        }
      }
      long q = m.chunk(bi, bc).quantity();
      ledger.add(bi, t, -q);
      ledger.add(bi, bu, q);
      at[bi][bc] = bu;
      total += bestDelta;
      if (total < 1e-9) {
        total = 0;
        for (int v = 0; v < periods; v++) {
          total += ledger.violation(v);
        }
      }
    }
    return total > 0 ? null : toEval(ledger, at);
  }

  /**
   * A second start for the repair, built without the search: lot-for-lot (every chunk in its
   * latest period), then, from the last period back, while a period is overloaded, all the movable
   * chunks of the item that frees most capacity per unit of extra holding cost move one period
   * earlier (merging lots saves setup times). What cannot fit in the first period is left unserved.
   */
  ClspEval shiftBack() {
    final int n = m.n;
    final int periods = m.periods;
    ClspEval e = new ClspEval();
    e.pieces = new ArrayList<>();
    int[][] at = new int[n][];
    for (int i = 0; i < n; i++) {
      List<Clsp.Chunk> cs = m.chunks.get(i);
      at[i] = new int[cs.size()];
      List<List<Clsp.Piece>> per = new ArrayList<>();
      for (int c = 0; c < cs.size(); c++) {
        at[i][c] = cs.get(c).due();
      }
      e.pieces.add(per);
    }
    ClspLedger ledger = ledger(new long[n][periods], new long[n][periods], new double[periods],
        at);
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < at[i].length; c++) {
        long q = m.chunk(i, c).quantity();
        if (m.batchOf(i, ledger.ordered[i][at[i][c]] + q) <= m.largest[i]) {
          ledger.add(i, at[i][c], q);
        } else {
          at[i][c] = -1; // above the largest batch: left to the repair
        }
      }
    }
    for (int t = periods - 1; t >= 0; t--) {
      while (ledger.load[t] > m.capacity[t] + 1e-9) {
        int bestItem = -1;
        double bestScore = -1;
        for (int i = 0; i < n && t > 0; i++) {
          long q = 0;
          boolean all = true;
          for (int c = 0; c < at[i].length; c++) {
            if (at[i][c] == t) {
              if (m.chunk(i, c).placed() <= t - 1) {
                q += m.chunk(i, c).quantity();
              } else {
                all = false;
              }
            }
          }
          if (q == 0 || m.batchOf(i, ledger.ordered[i][t - 1] + q) > m.largest[i]) {
            continue;
          }
          double freed = m.unitUse[i] * q + (all ? m.setupTime[i] : 0);
          double score = freed / (1e-9 + m.hold[i][t - 1] * q);
          if (score > bestScore) {
            bestScore = score;
            bestItem = i;
          }
        }
        if (bestItem < 0) {
          // nothing can move earlier: leave the smallest chunks here unserved until it fits
          int si = -1;
          int sc = -1;
          for (int i = 0; i < n; i++) {
            for (int c = 0; c < at[i].length; c++) {
              if (at[i][c] == t && (si < 0
                  || m.chunk(i, c).quantity() < m.chunk(si, sc).quantity())) {
                si = i;
                sc = c;
              }
            }
          }
          ledger.add(si, t, -m.chunk(si, sc).quantity());
          at[si][sc] = -1;
          continue;
        }
        for (int c = 0; c < at[bestItem].length; c++) {
          if (at[bestItem][c] == t && m.chunk(bestItem, c).placed() <= t - 1) {
            long q = m.chunk(bestItem, c).quantity();
            ledger.add(bestItem, t, -q);
            ledger.add(bestItem, t - 1, q);
            at[bestItem][c] = t - 1;
          }
        }
      }
    }
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < at[i].length; c++) {
        List<Clsp.Piece> pl = null;
        if (at[i][c] >= 0) {
          pl = new ArrayList<>(1);
          pl.add(new Clsp.Piece(at[i][c], m.chunk(i, c).quantity()));
        }
        e.pieces.get(i).add(pl);
      }
    }
    e.unmet = Long.MAX_VALUE; // recomputed by the repair, which then always prefers its result
    e.cost = Double.POSITIVE_INFINITY;
    return e;
  }
}
