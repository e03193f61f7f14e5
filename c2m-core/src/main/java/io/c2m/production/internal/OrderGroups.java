package io.c2m.production.internal;

import io.c2m.DesignId;
import io.c2m.order.Order;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A problem's orders grouped by design, designs sorted: what
 * {@link io.c2m.production.BatchingProblem#ordersByDesign()} gives, in flat arrays. Internal: the
 * strategies planning a million orders spent more time in that map (a hash lookup and a list per
 * design, a tree map) than in planning; here each order is looked up once and moved once (a
 * counting sort by design, stable, so each design's orders keep the problem's order).
 */
final class OrderGroups {
  /** The designs, sorted. */
  final DesignId[] designs;
  /** The orders, design after design. */
  final Order[] orders;
  /** Design {@code d}'s orders are {@code orders[start[d] .. start[d + 1])}. */
  final int[] start;

  private OrderGroups(DesignId[] designs, Order[] orders, int[] start) {
    this.designs = designs;
    this.orders = orders;
    this.start = start;
  }

  /**
   * Groups orders by design, keeping their order within each design.
   *
   * @param all the orders
   * @return the groups
   */
  static OrderGroups byDesign(List<Order> all) {
    int n = all.size();
    int[] of = new int[n];
    Map<DesignId, Integer> index = new HashMap<>();
    java.util.ArrayList<DesignId> found = new java.util.ArrayList<>();
    DesignId last = null;
    int lastIndex = -1;
    for (int i = 0; i < n; i++) {
      DesignId d = all.get(i).design();
      if (d != last && !d.equals(last)) {
        Integer k = index.get(d);
        if (k == null) {
          k = found.size();
          index.put(d, k);
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
    int[] start = new int[nd + 1];
    for (int i = 0; i < n; i++) {
      start[rank[of[i]] + 1]++;
    }
    for (int r = 0; r < nd; r++) {
      start[r + 1] += start[r];
    }
    int[] next = Arrays.copyOf(start, nd);
    Order[] orders = new Order[n];
    for (int i = 0; i < n; i++) {
      orders[next[rank[of[i]]]++] = all.get(i);
    }
    return new OrderGroups(designs, orders, start);
  }

  /**
   * Sorts each design's orders by {@link PlanBuilder#BY_PLACED} (placement instant, then id).
   * The common case is sorted on primitive keys (seconds since the design's first order, packed
   * with the position); only orders placed in the same second are compared as objects.
   */
  void sortEachByPlaced() {
    long[] keys = new long[0];
    Order[] tmp = new Order[0];
    for (int d = 0; d < designs.length; d++) {
      int from = start[d];
      int n = start[d + 1] - from;
      if (n < 2) {
        continue;
      }
      long min = Long.MAX_VALUE;
      long max = Long.MIN_VALUE;
      for (int i = from; i < from + n; i++) {
        long s = orders[i].placedAt().getEpochSecond();
        min = Math.min(min, s);
        max = Math.max(max, s);
      }
      int b = Math.max(1, 32 - Integer.numberOfLeadingZeros(n - 1));
      if (max - min >= (1L << (62 - b)) || max - min < 0) {
        Arrays.sort(orders, from, from + n, PlanBuilder.BY_PLACED);
        continue;
      }
      if (keys.length < n) {
        keys = new long[Math.max(n, keys.length * 2)];
        tmp = new Order[keys.length];
      }
      for (int i = 0; i < n; i++) {
        keys[i] = ((orders[from + i].placedAt().getEpochSecond() - min) << b) | i;
      }
      Arrays.sort(keys, 0, n);
      long mask = (1L << b) - 1;
      for (int i = 0; i < n; i++) {
        tmp[i] = orders[from + (int) (keys[i] & mask)];
      }
      // runs placed in the same second: by nanosecond, then id
      int runStart = 0;
      for (int i = 1; i <= n; i++) {
        if (i == n || (keys[i] >>> b) != (keys[runStart] >>> b)) {
          if (i - runStart > 1) {
            Arrays.sort(tmp, runStart, i, PlanBuilder.BY_PLACED);
          }
          runStart = i;
        }
      }
      System.arraycopy(tmp, 0, orders, from, n);
      Arrays.fill(tmp, 0, n, null);
    }
  }

  /**
   * Returns a design's orders, a read-only view.
   *
   * @param d the design's index
   * @return its orders
   */
  List<Order> ordersOf(int d) {
    return java.util.Collections.unmodifiableList(
        Arrays.asList(orders).subList(start[d], start[d + 1]));
  }
}
