package io.c2m.production.internal;

import io.c2m.DesignId;
import io.c2m.OrderId;
import io.c2m.order.Order;
import io.c2m.production.BatchingCalendar;
import io.c2m.production.BatchingProblem;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A problem's orders as columns (id, quantity, placed and due period, placement instant), grouped
 * by design with the designs sorted: {@link BatchingProblem#ordersByDesign()} without a list per
 * design. Internal, for speed: planning a million orders was bound by memory, each order's object,
 * instants and id being fetched again by every step in an order unrelated to where they lie. Here
 * the orders are read once, in the problem's order, and every later step reads these arrays.
 *
 * <p>Rows are positions in the grouped arrays: design {@code d}'s rows are
 * {@code start[d] .. start[d + 1] - 1}, in the problem's order until
 * {@link #sortEachByPlaced()} sorts them like {@link PlanBuilder#BY_PLACED}.
 */
final class OrderTable {
  final BatchingProblem problem;
  /** The designs, sorted. */
  final DesignId[] designs;
  /** Design {@code d}'s rows are {@code start[d] .. start[d + 1] - 1}. */
  final int[] start;
  /** A row's index in {@link BatchingProblem#orders()}. */
  final int[] index;
  final OrderId[] id;
  final int[] quantity;
  /** The period the order was placed in. */
  final int[] placed;
  /** The period the order is due in. */
  final int[] due;
  /** The placement instant's epoch second (its nanoseconds are read from the order on ties). */
  final long[] second;

  private OrderTable(BatchingProblem problem, DesignId[] designs, int n) {
    this.problem = problem;
    this.designs = designs;
    this.start = new int[designs.length + 1];
    this.index = new int[n];
    this.id = new OrderId[n];
    this.quantity = new int[n];
    this.placed = new int[n];
    this.due = new int[n];
    this.second = new long[n];
  }

  /**
   * Reads a problem's orders once, grouped by design (a stable counting sort).
   *
   * @param problem the problem
   * @return the table
   */
  static OrderTable of(BatchingProblem problem) {
    List<Order> all = problem.orders();
    int n = all.size();
    int[] of = new int[n];
    Map<DesignId, Integer> known = new HashMap<>();
    java.util.ArrayList<DesignId> found = new java.util.ArrayList<>();
    DesignId last = null;
    int lastIndex = -1;
    for (int i = 0; i < n; i++) {
      DesignId d = all.get(i).design();
      if (d != last && !d.equals(last)) {
        Integer k = known.get(d);
        if (k == null) {
          k = found.size();
          known.put(d, k);
          found.add(d);
        }
        last = d;
        lastIndex = k;
      }
      of[i] = lastIndex;
    }
    int nd = found.size();
    Integer[] byName = new Integer[nd];
    for (int i = 0; i < nd; i++) {
      byName[i] = i;
    }
    Arrays.sort(byName, (a, b) -> found.get(a).compareTo(found.get(b)));
    int[] rank = new int[nd];
    DesignId[] designs = new DesignId[nd];
    for (int r = 0; r < nd; r++) {
      rank[byName[r]] = r;
      designs[r] = found.get(byName[r]);
    }
    OrderTable t = new OrderTable(problem, designs, n);
    for (int i = 0; i < n; i++) {
      of[i] = rank[of[i]];
      t.start[of[i] + 1]++;
    }
    for (int r = 0; r < nd; r++) {
      t.start[r + 1] += t.start[r];
    }
    int[] next = Arrays.copyOf(t.start, nd);
    BatchingCalendar calendar = problem.calendar();
    for (int i = 0; i < n; i++) {
      Order o = all.get(i);
      int k = next[of[i]]++;
      t.index[k] = i;
      t.id[k] = o.id();
      t.quantity[k] = o.quantity();
      java.time.Instant p = o.placedAt();
      t.second[k] = p.getEpochSecond();
      t.placed[k] = calendar.periodOf(p);
      t.due[k] = calendar.periodOf(o.latestDelivery());
    }
    return t;
  }

  /** Returns the order of a row. */
  Order order(int row) {
    return problem.orders().get(index[row]);
  }

  /** Compares two rows as {@link PlanBuilder#BY_PLACED} compares their orders. */
  int compare(int a, int b) {
    if (second[a] != second[b]) {
      return Long.compare(second[a], second[b]);
    }
    int na = order(a).placedAt().getNano();
    int nb = order(b).placedAt().getNano();
    if (na != nb) {
      return Integer.compare(na, nb);
    }
    return id[a].value().compareTo(id[b].value());
  }

  /** Sorts {@code rows[from .. to)} by {@link #compare}: insertion sort, for short runs. */
  void sortRows(int[] rows, int from, int to) {
    if (to - from > 32) {
      Integer[] boxed = new Integer[to - from];
      for (int i = from; i < to; i++) {
        boxed[i - from] = rows[i];
      }
      Arrays.sort(boxed, this::compare);
      for (int i = from; i < to; i++) {
        rows[i] = boxed[i - from];
      }
      return;
    }
    for (int i = from + 1; i < to; i++) {
      int r = rows[i];
      int j = i - 1;
      while (j >= from && compare(rows[j], r) > 0) {
        rows[j + 1] = rows[j];
        j--;
      }
      rows[j + 1] = r;
    }
  }

  /**
   * Sorts each design's rows by placement instant, then id. Sorted on primitive keys (seconds
   * since the design's first order, packed with the position); only orders placed in the same
   * second are compared further.
   */
  void sortEachByPlaced() {
    long[] keys = new long[0];
    int[] rows = new int[0];
    for (int d = 0; d < designs.length; d++) {
      int from = start[d];
      int n = start[d + 1] - from;
      if (n < 2) {
        continue;
      }
      long min = Long.MAX_VALUE;
      long max = Long.MIN_VALUE;
      for (int i = from; i < from + n; i++) {
        min = Math.min(min, second[i]);
        max = Math.max(max, second[i]);
      }
      if (keys.length < n) {
        keys = new long[Math.max(n, keys.length * 2)];
        rows = new int[keys.length];
      }
      int b = Math.max(1, 32 - Integer.numberOfLeadingZeros(n - 1));
      if (max - min >= (1L << (62 - b))) {
        for (int i = 0; i < n; i++) {
          rows[i] = from + i;
        }
        sortRows(rows, 0, n);
      } else {
        for (int i = 0; i < n; i++) {
          keys[i] = ((second[from + i] - min) << b) | i;
        }
        Arrays.sort(keys, 0, n);
        long mask = (1L << b) - 1;
        for (int i = 0; i < n; i++) {
          rows[i] = from + (int) (keys[i] & mask);
        }
        // runs placed in the same second: by nanosecond, then id
        int runStart = 0;
        for (int i = 1; i <= n; i++) {
          if (i == n || second[rows[i]] != second[rows[runStart]]) {
            if (i - runStart > 1) {
              sortRows(rows, runStart, i);
            }
            runStart = i;
          }
        }
      }
      permute(from, rows, n);
    }
  }

  /** Reorders rows {@code from ..} so that new row {@code from + i} is old row {@code rows[i]}. */
  private void permute(int from, int[] rows, int n) {
    if (scratchInt == null || scratchInt.length < n) {
      scratchInt = new int[Math.max(n, 64)];
      scratchLong = new long[scratchInt.length];
      scratchIds = new OrderId[scratchInt.length];
    }
    int[] tmp = scratchInt;
    for (int[] column : new int[][] {index, quantity, placed, due}) {
      for (int i = 0; i < n; i++) {
        tmp[i] = column[rows[i]];
      }
      System.arraycopy(tmp, 0, column, from, n);
    }
    for (int i = 0; i < n; i++) {
      scratchLong[i] = second[rows[i]];
      scratchIds[i] = id[rows[i]];
    }
    System.arraycopy(scratchLong, 0, second, from, n);
    System.arraycopy(scratchIds, 0, id, from, n);
  }

  private int[] scratchInt;
  private long[] scratchLong;
  private OrderId[] scratchIds;
}
