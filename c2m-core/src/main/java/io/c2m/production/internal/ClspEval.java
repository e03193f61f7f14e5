package io.c2m.production.internal;

import java.util.List;

/**
 * A plan of one phase of {@link Clsp}: its setup pattern, the units per item and period, the
 * pieces of each chunk, the units it leaves unserved and its cost. Mutable while a phase builds
 * it; the phases compare plans by {@link #better}.
 */
final class ClspEval {
  /** Setups per item and period. */
  boolean[][] y;
  /** Units left unserved. */
  long unmet;
  /** Setup, unit and holding cost. */
  double cost;
  /**
   * Per item and chunk, its pieces; a chunk's list is null while nothing of it is made (lists are
   * created on first use: most evaluations are thrown away).
   */
  List<List<List<Clsp.Piece>>> pieces;
  /** Units made per item and period. */
  long[][] x;

  /** Whether {@code a} is better than {@code b} (or {@code b} is null): fewer unmet, cheaper. */
  static boolean better(ClspEval a, ClspEval b) {
    if (b == null) {
      return true;
    }
    if (a.unmet != b.unmet) {
      return a.unmet < b.unmet;
    }
    return a.cost < b.cost - 1e-9;
  }

  /** A deep copy of a setup pattern. */
  static boolean[][] copy(boolean[][] y) {
    boolean[][] c = new boolean[y.length][];
    for (int i = 0; i < y.length; i++) {
      c[i] = y[i].clone();
    }
    return c;
  }
}
