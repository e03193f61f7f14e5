package io.c2m.production.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * An assignment of whole chunks to periods, for the whole-order phases of {@link Clsp} (repair,
 * reassignment): the units ordered and made per item and period, the load per period and, per
 * chunk, its period ({@code -1}: unserved). Every move goes through {@link #move}, which journals
 * it so a failed ejection chain or a rejected kick can be rolled back. Counts its work in the
 * phase's counter ({@link ClspWholeOrders#work}).
 *
 * <p>Layout and cost: {@code ordered[i][t]} units of chunks of item {@code i} assigned to period
 * {@code t}, {@code x[i][t]} their batch (MOQ and multiple applied), {@code load[t]} the capacity
 * they use with setup times; a move or its undo costs O(1), a journal entry is
 * {@code {item, chunk, from}}.
 */
final class ClspLedger {
  private final ClspModel m;
  private final ClspWholeOrders phase;
  final long[][] ordered;
  final long[][] x;
  final double[] load;
  final int[][] at;
  /** Chunks being placed by an ejection chain above: not ejected again. */
  private final boolean[][] moving;
  /** Moves of the chunks, {item, chunk, from}, so a failed ejection chain can be undone. */
  final List<int[]> journal = new ArrayList<>();

  ClspLedger(ClspModel model, ClspWholeOrders phase, long[][] ordered, long[][] x,
      double[] load, int[][] at) {
    this.m = model;
    this.phase = phase;
    this.ordered = ordered;
    this.x = x;
    this.load = load;
    this.at = at;
    this.moving = new boolean[m.n][];
    for (int i = 0; i < m.n; i++) {
      moving[i] = new boolean[at[i].length];
    }
  }

  /** Moves chunk {@code c} of item {@code i} to period {@code to} ({@code -1}: unserved). */
  void move(int i, int c, int to) {
    journal.add(new int[] {i, c, at[i][c]});
    long q = m.chunk(i, c).quantity();
    if (at[i][c] >= 0) {
      add(i, at[i][c], -q);
    }
    if (to >= 0) {
      add(i, to, q);
    }
    at[i][c] = to;
  }

  /** Undoes the moves journalled after {@code mark}, latest first. */
  void rollback(int mark) {
    while (journal.size() > mark) {
      int[] entry = journal.remove(journal.size() - 1);
      long q = m.chunk(entry[0], entry[1]).quantity();
      if (at[entry[0]][entry[1]] >= 0) {
        add(entry[0], at[entry[0]][entry[1]], -q);
      }
      if (entry[2] >= 0) {
        add(entry[0], entry[2], q);
      }
      at[entry[0]][entry[1]] = entry[2];
    }
  }

  /**
   * Places unserved chunk {@code c} of item {@code i}: in the latest period of its window with
   * room, else in a period of the window after moving chunks made there (largest first, until
   * it fits) to other periods, recursively up to {@code depth} levels. Undoes everything when it
   * fails.
   */
  boolean place(int i, int c, int depth) {
    Clsp.Chunk ch = m.chunk(i, c);
    for (int t = ch.due(); t >= ch.placed(); t--) {
      phase.work++;
      if (fits(i, t, ch.quantity())) {
        move(i, c, t);
        return true;
      }
    }
    if (depth == 0) {
      return false;
    }
    moving[i][c] = true;
    try {
      for (int t = ch.due(); t >= ch.placed() && phase.work < ClspWholeOrders.REPAIR_BUDGET;
          t--) {
        int mark = journal.size();
        List<int[]> there = new ArrayList<>();
        for (int j = 0; j < m.n; j++) {
          for (int d = 0; d < at[j].length; d++) {
            if (at[j][d] == t && !moving[j][d]) {
              there.add(new int[] {j, d});
            }
          }
        }
        phase.work += there.size() + 1;
        final int now = t;
        there.sort((u, v) -> {
          // chunks made ahead of their latest period first (they can move later), largest first
          Clsp.Chunk cu = m.chunk(u[0], u[1]);
          Clsp.Chunk cv = m.chunk(v[0], v[1]);
          int cmp = Boolean.compare(cv.due() > now, cu.due() > now);
          if (cmp != 0) {
            return cmp;
          }
          cmp = Long.compare(cv.quantity(), cu.quantity());
          return cmp != 0 ? cmp : u[0] != v[0] ? Integer.compare(u[0], v[0])
              : Integer.compare(u[1], v[1]);
        });
        List<int[]> ejected = new ArrayList<>();
        for (int[] jd : there) {
          if (fits(i, t, ch.quantity())) {
            break;
          }
          move(jd[0], jd[1], -1);
          ejected.add(jd);
        }
        if (fits(i, t, ch.quantity())) {
          move(i, c, t);
          boolean ok = true;
          for (int[] jd : ejected) {
            if (!place(jd[0], jd[1], depth - 1)) {
              ok = false;
              break;
            }
          }
          if (ok) {
            return true;
          }
        }
        rollback(mark);
      }
      return false;
    } finally {
      moving[i][c] = false;
    }
  }

  /** Whether {@code q} more units of item {@code i} fit in period {@code t}. */
  boolean fits(int i, int t, long q) {
    long nb = m.batchOf(i, ordered[i][t] + q);
    if (nb > m.largest[i]) {
      return false;
    }
    double extra = (ordered[i][t] == 0 ? m.setupTime[i] : 0) + m.unitUse[i] * (nb - x[i][t]);
    return load[t] + extra <= m.capacity[t] + 1e-9;
  }

  /** Adds {@code q} units (negative: removes) of item {@code i} to period {@code t}. */
  void add(int i, int t, long q) {
    load[t] -= x[i][t] > 0 ? m.setupTime[i] + m.unitUse[i] * x[i][t] : 0;
    ordered[i][t] += q;
    x[i][t] = ordered[i][t] > 0 ? m.batchOf(i, ordered[i][t]) : 0;
    load[t] += x[i][t] > 0 ? m.setupTime[i] + m.unitUse[i] * x[i][t] : 0;
  }

  /** Capacity overload plus units above the largest batch, in period {@code t}. */
  double violation(int t) {
    double v = Math.max(0, load[t] - m.capacity[t] - 1e-9);
    for (int i = 0; i < m.n; i++) {
      v += Math.max(0, x[i][t] - m.largest[i]);
    }
    return v;
  }

  /** The cost of item {@code i}'s batch in period {@code t} (setup and units), 0 if none. */
  double cellCost(int i, int t) {
    return x[i][t] > 0 ? m.setup[i][t] + m.unit[i][t] * x[i][t] : 0;
  }
}
