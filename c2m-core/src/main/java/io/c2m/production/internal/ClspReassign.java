package io.c2m.production.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The whole-order reassignment of {@link Clsp}: a local search over the assignment of whole
 * chunks to periods (a generalized assignment with setup costs; moves in the spirit of the
 * relocation and route-elimination moves of vehicle routing, e.g. Savelsbergh 1992): relocate one
 * chunk to another period of its window, empty one batch by relocating all its chunks (so its
 * setup is saved), or exchange the periods of two chunks of different items, each accepted only
 * when it keeps capacity and the largest batch and lowers the cost; unserved chunks are then
 * inserted again by the ejection chains of the repair; then a seeded iterated local search.
 * Shares the work counter of {@link ClspWholeOrders}. One instance per solve.
 */
final class ClspReassign {
  /** The most work of the whole-order reassignment, in chunk moves priced. */
  private static final long REASSIGN_BUDGET = 20_000_000L;

  /** Perturbations of the whole-order reassignment. */
  private static final int REASSIGN_KICKS = 300;

  private final ClspModel m;
  private final ClspWholeOrders phase;

  ClspReassign(ClspModel model, ClspWholeOrders phase) {
    this.m = model;
    this.phase = phase;
  }

  private boolean withinBudget() {
    return phase.work < REASSIGN_BUDGET;
  }

  /**
   * Reassigns the chunks of a whole-order plan; returns the better of the result and
   * {@code start}, or {@code start} when it splits a chunk.
   */
  ClspEval reassign(ClspEval start, long seed) {
    final int n = m.n;
    final int periods = m.periods;
    phase.work = 0;
    int[][] at = new int[n][];
    long[][] ordered = new long[n][periods];
    long[][] x = new long[n][periods];
    double[] load = new double[periods];
    for (int i = 0; i < n; i++) {
      List<Clsp.Chunk> cs = m.chunks.get(i);
      at[i] = new int[cs.size()];
      for (int c = 0; c < cs.size(); c++) {
        List<Clsp.Piece> pl = start.pieces.get(i).get(c);
        Clsp.Chunk ch = cs.get(c);
        if (pl == null || pl.isEmpty()) {
          at[i][c] = -1;
        } else if (pl.size() > 1) {
          return start; // split chunks: not a whole-order assignment
        } else if (pl.get(0).period() > ch.due() || pl.get(0).period() < ch.placed()) {
          at[i][c] = -1;
        } else {
          at[i][c] = pl.get(0).period();
          ordered[i][at[i][c]] += ch.quantity();
        }
      }
      phase.batchUp(i, ordered[i], x[i], load);
    }
    ClspLedger ledger = phase.ledger(ordered, x, load, at);
    // a start that overloads a period (from the relaxation) sheds its largest chunks there
    for (int t = 0; t < periods; t++) {
      while (ledger.violation(t) > 0) {
        int bi = -1;
        int bc = -1;
        for (int i = 0; i < n; i++) {
          for (int c = 0; c < at[i].length; c++) {
            if (at[i][c] == t && (bi < 0
                || m.chunk(i, c).quantity() > m.chunk(bi, bc).quantity())) {
              bi = i;
              bc = c;
            }
          }
        }
        if (bi < 0) {
          break;
        }
        ledger.move(bi, bc, -1);
      }
    }
    ledger.journal.clear();
    for (int round = 0; round < 3; round++) {
      boolean improved = true;
      while (improved && withinBudget()) {
        improved = relocateAll(ledger) | emptyBatches(ledger) || swapAll(ledger);
        ledger.journal.clear();
      }
      boolean placed = false;
      for (int i = 0; i < n; i++) {
        for (int c = 0; c < at[i].length; c++) {
          if (at[i][c] < 0 && withinBudget()) {
            placed |= ledger.place(i, c, 3);
          }
        }
      }
      if (!placed) {
        break;
      }
    }
    ledger.journal.clear();
    // iterated local search: empty one random batch (its chunks to their cheapest other periods,
    // even at a higher cost), descend, keep the result only if it is cheaper (seeded)
    Random random = new Random(seed ^ 0x5DEECE66DL);
    ClspEval best = phase.toEval(ledger, at);
    List<int[]> cells = new ArrayList<>();
    for (int k = 0; k < REASSIGN_KICKS && withinBudget(); k++) {
      cells.clear();
      for (int i = 0; i < n; i++) {
        for (int t = 0; t < periods; t++) {
          if (ledger.ordered[i][t] > 0) {
            cells.add(new int[] {i, t});
          }
        }
      }
      if (cells.isEmpty()) {
        break;
      }
      int mark = ledger.journal.size();
      int kicked = 1 + random.nextInt(2);
      for (int f = 0; f < kicked; f++) {
        int[] cell = cells.get(random.nextInt(cells.size()));
        for (int c = 0; c < at[cell[0]].length; c++) {
          if (at[cell[0]][c] == cell[1]) {
            relocate(ledger, cell[0], c, cell[1], false);
          }
        }
      }
      boolean improved = true;
      while (improved && withinBudget()) {
        improved = relocateAll(ledger) | emptyBatches(ledger) || swapAll(ledger);
      }
      ClspEval e = phase.toEval(ledger, at);
      if (ClspEval.better(e, best)) {
        best = e;
        ledger.journal.clear();
      } else {
        ledger.rollback(mark);
      }
    }
    return ClspEval.better(best, start) ? best : start;
  }

  /**
   * Moves chunk {@code c} of item {@code i} to the cheapest feasible period of its window other
   * than {@code avoid}; returns the change of cost, or NaN (nothing moved) when no period fits or,
   * if {@code mustImprove}, none lowers the cost.
   */
  private double relocate(ClspLedger ledger, int i, int c, int avoid, boolean mustImprove) {
    Clsp.Chunk ch = m.chunk(i, c);
    int from = ledger.at[i][c];
    long q = ch.quantity();
    // the saving of leaving period from: its batch cost change and the holding from there
    double base = ledger.cellCost(i, from) + q * (m.cumHold[i][ch.due()] - m.cumHold[i][from]);
    ledger.add(i, from, -q);
    base -= ledger.cellCost(i, from);
    double bestDelta = mustImprove ? -1e-9 : Double.POSITIVE_INFINITY;
    int bestT = -1;
    for (int t = ch.due(); t >= ch.placed(); t--) {
      phase.work++;
      if (t == from || t == avoid || !ledger.fits(i, t, q)) {
        continue;
      }
      long nb = m.batchOf(i, ledger.ordered[i][t] + q);
      double delta = m.setup[i][t] * (ledger.ordered[i][t] == 0 ? 1 : 0)
          + m.unit[i][t] * (nb - ledger.x[i][t]) + q * (m.cumHold[i][ch.due()] - m.cumHold[i][t])
          - base;
      if (delta < bestDelta) {
        bestDelta = delta;
        bestT = t;
      }
    }
    ledger.add(i, from, q);
    if (bestT < 0) {
      return Double.NaN;
    }
    ledger.move(i, c, bestT);
    return bestDelta;
  }

  /** One pass of improving single-chunk relocations; whether any was made. */
  private boolean relocateAll(ClspLedger ledger) {
    boolean improved = false;
    for (int i = 0; i < m.n; i++) {
      for (int c = 0; c < ledger.at[i].length && withinBudget(); c++) {
        if (ledger.at[i][c] >= 0 && !Double.isNaN(relocate(ledger, i, c, -1, true))) {
          improved = true;
        }
      }
    }
    return improved;
  }

  /**
   * One pass of improving exchanges: two chunks of different items in different periods, each
   * inside the other's window, trade periods when both fit and the cost falls; whether any did.
   */
  private boolean swapAll(ClspLedger ledger) {
    boolean improved = false;
    for (int i = 0; i < m.n; i++) {
      for (int c = 0; c < ledger.at[i].length; c++) {
        for (int j = i + 1; j < m.n && withinBudget(); j++) {
          for (int d = 0; d < ledger.at[j].length; d++) {
            int s = ledger.at[i][c];
            int u = ledger.at[j][d];
            phase.work++;
            Clsp.Chunk a = m.chunk(i, c);
            Clsp.Chunk b = m.chunk(j, d);
            if (s < 0 || u < 0 || s == u || u > a.due() || u < a.placed() || s > b.due()
                || s < b.placed()) {
              continue;
            }
            double before = ledger.cellCost(i, s) + ledger.cellCost(i, u) + ledger.cellCost(j, s)
                + ledger.cellCost(j, u) + a.quantity() * (m.cumHold[i][a.due()] - m.cumHold[i][s])
                + b.quantity() * (m.cumHold[j][b.due()] - m.cumHold[j][u]);
            int mark = ledger.journal.size();
            ledger.move(i, c, u);
            ledger.move(j, d, s);
            double after = ledger.cellCost(i, s) + ledger.cellCost(i, u) + ledger.cellCost(j, s)
                + ledger.cellCost(j, u) + a.quantity() * (m.cumHold[i][a.due()] - m.cumHold[i][u])
                + b.quantity() * (m.cumHold[j][b.due()] - m.cumHold[j][s]);
            if (after < before - 1e-9 && ledger.violation(s) == 0 && ledger.violation(u) == 0) {
              improved = true;
            } else {
              ledger.rollback(mark);
            }
          }
        }
      }
    }
    return improved;
  }

  /** One pass trying to empty each batch by relocating all its chunks; whether any improved. */
  private boolean emptyBatches(ClspLedger ledger) {
    boolean improved = false;
    for (int i = 0; i < m.n; i++) {
      for (int t = 0; t < m.periods && withinBudget(); t++) {
        if (ledger.ordered[i][t] == 0) {
          continue;
        }
        List<Integer> there = new ArrayList<>();
        for (int c = 0; c < ledger.at[i].length; c++) {
          if (ledger.at[i][c] == t) {
            there.add(c);
          }
        }
        // largest first: they are the hardest to place
        List<Clsp.Chunk> cs = m.chunks.get(i);
        there.sort((a, b) -> {
          int cmp = Long.compare(cs.get(b).quantity(), cs.get(a).quantity());
          return cmp != 0 ? cmp : Integer.compare(a, b);
        });
        int mark = ledger.journal.size();
        double total = 0;
        boolean ok = true;
        for (int c : there) {
          double d = relocate(ledger, i, c, t, false);
          if (Double.isNaN(d)) {
            ok = false;
            break;
          }
          total += d;
        }
        if (ok && total < -1e-9) {
          improved = true;
        } else {
          ledger.rollback(mark);
        }
      }
    }
    return improved;
  }
}
