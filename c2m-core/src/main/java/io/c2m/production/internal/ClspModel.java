package io.c2m.production.internal;

import java.util.Arrays;
import java.util.List;

/**
 * The data of one CLSP instance ({@link Clsp}) and what every phase derives from it: cumulative
 * holding costs, demand per item and period, the chunks of each item by due period (latest
 * first), and the batch sizing of an item (MOQ, multiple). Immutable after construction; the
 * arrays are shared with the caller and never written.
 *
 * <p>Layout: items {@code i < n} and periods {@code t < periods} index every {@code [i][t]}
 * array; {@code cumHold[i][t]} is the holding cost of one unit of item {@code i} from the end of
 * period 0 up to period {@code t} ({@code periods + 1} columns), so keeping a unit from period
 * {@code s} to {@code t} costs {@code cumHold[i][t] - cumHold[i][s]}. Construction costs one sort
 * of each item's chunks and {@code O(n periods)} memory.
 */
final class ClspModel {
  final int n;
  final int periods;
  final double[] capacity;
  final double[] setupTime;
  final double[] unitUse;
  final double[][] setup;
  final double[][] unit;
  final double[][] hold;
  final double[][] cumHold;
  final long[] moq;
  final long[] multiple;
  final long[] largest;
  final boolean splittable;
  final List<List<Clsp.Chunk>> chunks;
  /** Units due per item and period. */
  final long[][] demand;
  /** The work counted for setting up one evaluation of a setup pattern. */
  final long workPerEvaluation;
  /** Per item, its chunk indices by due period, latest first (ties by index). */
  final int[][] byDue;

  ClspModel(double[] capacity, double[] setupTime, double[] unitUse, double[][] setup,
      double[][] unit, double[][] hold, long[] moq, long[] multiple, long[] largest,
      List<List<Clsp.Chunk>> chunks, boolean splittable) {
    this.n = setupTime.length;
    this.periods = capacity.length;
    this.capacity = capacity;
    this.setupTime = setupTime;
    this.unitUse = unitUse;
    this.setup = setup;
    this.unit = unit;
    this.hold = hold;
    this.moq = moq;
    this.multiple = multiple;
    this.largest = largest;
    this.chunks = chunks;
    this.splittable = splittable;
    long totalChunks = 0;
    for (List<Clsp.Chunk> cs : chunks) {
      totalChunks += cs.size();
    }
    this.workPerEvaluation = Math.max(1, (long) periods * n + totalChunks);
    this.byDue = new int[n][];
    for (int i = 0; i < n; i++) {
      List<Clsp.Chunk> cs = chunks.get(i);
      Integer[] idx = new Integer[cs.size()];
      for (int c = 0; c < idx.length; c++) {
        idx[c] = c;
      }
      Arrays.sort(idx, (a, b) -> {
        int cmp = Integer.compare(cs.get(b).due(), cs.get(a).due());
        return cmp != 0 ? cmp : Integer.compare(a, b);
      });
      byDue[i] = new int[idx.length];
      for (int c = 0; c < idx.length; c++) {
        byDue[i][c] = idx[c];
      }
    }
    this.cumHold = new double[n][periods + 1];
    this.demand = new long[n][periods];
    for (int i = 0; i < n; i++) {
      for (int t = 0; t < periods; t++) {
        cumHold[i][t + 1] = cumHold[i][t] + hold[i][t];
      }
      for (Clsp.Chunk c : chunks.get(i)) {
        demand[i][c.due()] += c.quantity();
      }
    }
  }

  /** Chunk {@code c} of item {@code i}. */
  Clsp.Chunk chunk(int i, int c) {
    return chunks.get(i).get(c);
  }

  /** The batch that serves {@code q} units of item {@code i}: at least the MOQ, a multiple. */
  long batchOf(int i, long q) {
    long b = Math.max(q, moq[i]);
    long k = multiple[i];
    return (b + k - 1) / k * k;
  }

  /**
   * Whether the quantities of a setup pattern of the splittable relaxation can be priced exactly
   * ({@link ClspFlow}): MOQ and multiple 1 and the same positive capacity use per unit for all.
   */
  boolean exactlyPriceable() {
    boolean ok = n > 0;
    for (int i = 0; i < n && ok; i++) {
      ok = moq[i] == 1 && multiple[i] == 1 && unitUse[i] == unitUse[0] && unitUse[i] > 0;
    }
    return ok;
  }
}
