package io.c2m.production.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Single-item uncapacitated lot sizing on arrays: the algorithms behind {@code wagner-whitin},
 * {@code silver-meal} and the subproblems of {@code capacitated}. Internal, public for the
 * benchmarks and the tests.
 *
 * <p>Periods {@code 0 .. T-1}; {@code d[t]} units due in period {@code t}; a setup in period
 * {@code s} costs {@code setup[s]} and each unit made then costs {@code unit[s]}; a unit left in
 * stock at the end of period {@code k} costs {@code hold[k]}. No backlog, zero stock at start and
 * end. A plan is a list of setup periods; each setup makes the demand of the periods up to the
 * next setup (zero-inventory ordering, optimal here by Wagner and Whitin, 1958).
 */
public final class LotSizing {
  private LotSizing() {}

  /**
   * A lot-sizing plan.
   *
   * @param cost the total cost
   * @param setups the setup periods, ascending
   * @param ends for each setup, the first period it does not cover
   */
  public record Solution(double cost, int[] setups, int[] ends) {
    /**
     * Returns the number of setups.
     *
     * @return the count
     */
    public int size() {
      return setups.length;
    }
  }

  private static Solution fromNext(double cost, int[] next) {
    List<int[]> runs = new ArrayList<>();
    int s = 0;
    int n = next.length - 1;
    while (s < n) {
      if (next[s] < 0) {
        s++;
      } else {
        runs.add(new int[] {s, next[s]});
        s = next[s];
      }
    }
    int[] setups = new int[runs.size()];
    int[] ends = new int[runs.size()];
    for (int i = 0; i < setups.length; i++) {
      setups[i] = runs.get(i)[0];
      ends[i] = runs.get(i)[1];
    }
    return new Solution(cost, setups, ends);
  }

  /**
   * The optimal plan in O(T log T), by the backward recursion of Wagelmans, van Hoesel and Kolen
   * (1992, "Economic lot-sizing: an O(n log n) algorithm that runs in linear time in the
   * Wagner-Whitin case", Operations Research 40 S1:S145-S156). With {@code D[t]} the demand before
   * period {@code t}, {@code H[t]} the holding cost per unit from period 0 to {@code t} and
   * {@code W[t] = sum_{j<t} d[j] H[j]}, the cost to cover periods {@code s..T-1} from zero stock is
   * {@code B(s) = setup[s] - a D[s] - W[s] + min_{t>s} (a D[t] + W[t] + B(t))} with slope
   * {@code a = unit[s] - H[s]} (or {@code B(s+1)} when {@code d[s] = 0}). The points
   * {@code (D[t], W[t] + B(t))} arrive with decreasing abscissa, so their lower convex hull is kept
   * on a stack in amortised O(1) per point, and each minimum is a binary search on the hull. Any
   * unit and holding costs, including a speculative motive (unit cost falling faster than holding
   * cost), are handled.
   *
   * @param d demand per period, zero or more
   * @param setup setup cost per period
   * @param unit unit cost per period
   * @param hold holding cost per period
   * @return the optimal plan
   */
  public static Solution fast(long[] d, double[] setup, double[] unit, double[] hold) {
    int n = d.length;
    double[] h = new double[n + 1];
    double[] dd = new double[n + 1];
    double[] w = new double[n + 1];
    for (int j = 0; j < n; j++) {
      h[j + 1] = h[j] + hold[j];
      dd[j + 1] = dd[j] + d[j];
      w[j + 1] = w[j] + d[j] * h[j];
    }
    double[] b = new double[n + 1];
    int[] next = new int[n + 1];
    double[] hx = new double[n + 1];
    double[] hy = new double[n + 1];
    int[] ht = new int[n + 1];
    int top = 0;
    hx[0] = dd[n];
    hy[0] = w[n];
    ht[0] = n;
    next[n] = -1;
    for (int s = n - 1; s >= 0; s--) {
      double a = unit[s] - h[s];
      // binary search for the minimum of a*x + y along the hull (convex in the index)
      int lo = 0;
      int hi = top;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (a * hx[mid + 1] + hy[mid + 1] < a * hx[mid] + hy[mid]) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      double val = setup[s] - a * dd[s] - w[s] + a * hx[lo] + hy[lo];
      if (d[s] == 0 && b[s + 1] <= val) {
        b[s] = b[s + 1];
        next[s] = -1;
      } else {
        b[s] = val;
        next[s] = ht[lo];
      }
      // push point s
      double x = dd[s];
      double y = w[s] + b[s];
      if (hx[top] == x) {
        if (y >= hy[top]) {
          continue;
        }
        top--;
      }
      while (top >= 1) {
        double ax = hx[top - 1];
        double ay = hy[top - 1];
        double bx = hx[top];
        double by = hy[top];
        if ((by - y) * (ax - bx) >= (ay - by) * (bx - x)) {
          top--;
        } else {
          break;
        }
      }
      top++;
      hx[top] = x;
      hy[top] = y;
      ht[top] = s;
    }
    return fromNext(b[0], next);
  }

  /**
   * The optimal plan when batches may only cover limited ranges: a setup in {@code s} may cover
   * periods {@code s .. t-1} only for {@code t <= limit[s]} (orders that do not exist yet at
   * {@code s}, or a largest batch). Same recursion as {@link #fast}, but each minimum is over the
   * points {@code t} in {@code (s, limit[s]]}: a segment tree over {@code t} keeps the lower hull
   * of each node's points, built once all of them are known (they arrive by decreasing {@code t}),
   * and a query combines O(log T) nodes with a binary search each, O(T log^2 T) in all.
   *
   * @param d demand per period
   * @param setup setup cost per period
   * @param unit unit cost per period
   * @param hold holding cost per period
   * @param limit per period, the largest end a batch starting there may have; above the period
   * @return the optimal plan
   */
  public static Solution fastLimited(long[] d, double[] setup, double[] unit, double[] hold,
      int[] limit) {
    int n = d.length;
    double[] h = new double[n + 1];
    double[] dd = new double[n + 1];
    double[] w = new double[n + 1];
    for (int j = 0; j < n; j++) {
      h[j + 1] = h[j] + hold[j];
      dd[j + 1] = dd[j] + d[j];
      w[j + 1] = w[j] + d[j] * h[j];
    }
    double[] b = new double[n + 1];
    double[] py = new double[n + 1];
    int[] next = new int[n + 1];
    next[n] = -1;
    int size = 1;
    while (size < n + 1) {
      size <<= 1;
    }
    // node k covers point indices [lo, hi]; its hull as parallel arrays, built when complete
    double[][] hx = new double[2 * size][];
    double[][] hy = new double[2 * size][];
    int[][] ht = new int[2 * size][];
    py[n] = w[n];
    build(size + n, n, n, dd, py, hx, hy, ht, size);
    for (int s = n - 1; s >= 0; s--) {
      double a = unit[s] - h[s];
      int lo = s + 1;
      int hi = Math.min(n, limit[s]);
      double best = Double.POSITIVE_INFINITY;
      int arg = -1;
      for (int l = lo + size, r = hi + size + 1; l < r; l >>= 1, r >>= 1) {
        if ((l & 1) == 1) {
          double[] q = query(l++, a, hx, hy, ht);
          if (q != null && (q[0] < best || (q[0] == best && (int) q[1] < arg))) {
            best = q[0];
            arg = (int) q[1];
          }
        }
        if ((r & 1) == 1) {
          double[] q = query(--r, a, hx, hy, ht);
          if (q != null && (q[0] < best || (q[0] == best && (int) q[1] < arg))) {
            best = q[0];
            arg = (int) q[1];
          }
        }
      }
      double val = arg < 0 ? Double.POSITIVE_INFINITY : setup[s] - a * dd[s] - w[s] + best;
      if (d[s] == 0 && b[s + 1] <= val) {
        b[s] = b[s + 1];
        next[s] = -1;
      } else {
        b[s] = val;
        next[s] = arg;
      }
      py[s] = w[s] + b[s];
      // point s is known: complete every node whose first point is s
      int node = s + size;
      build(node, s, s, dd, py, hx, hy, ht, size);
      int lo2 = s;
      int span = 1;
      while (node > 1 && (node & 1) == 0) {
        node >>= 1;
        span <<= 1;
        build(node, lo2, Math.min(n, lo2 + span - 1), dd, py, hx, hy, ht, size);
      }
    }
    return fromNext(b[0], next);
  }

  private static void build(int node, int lo, int hi, double[] x, double[] y, double[][] hx,
      double[][] hy, int[][] ht, int size) {
    if (lo > hi) {
      return;
    }
    int m = hi - lo + 1;
    double[] cx = new double[m];
    double[] cy = new double[m];
    int[] ct = new int[m];
    int top = -1;
    for (int t = lo; t <= hi; t++) {
      double px = x[t];
      double pyv = y[t];
      if (top >= 0 && cx[top] == px) {
        if (pyv >= cy[top]) {
          continue;
        }
        top--;
      }
      while (top >= 1) {
        // points by increasing x: drop the middle one if it is not below the chord
        double ax = cx[top - 1];
        double ay = cy[top - 1];
        double bx = cx[top];
        double by = cy[top];
        if ((by - ay) * (px - ax) >= (pyv - ay) * (bx - ax)) {
          top--;
        } else {
          break;
        }
      }
      top++;
      cx[top] = px;
      cy[top] = pyv;
      ct[top] = t;
    }
    hx[node] = Arrays.copyOf(cx, top + 1);
    hy[node] = Arrays.copyOf(cy, top + 1);
    ht[node] = Arrays.copyOf(ct, top + 1);
  }

  private static double[] query(int node, double a, double[][] hx, double[][] hy, int[][] ht) {
    double[] x = hx[node];
    if (x == null || x.length == 0) {
      return null;
    }
    double[] y = hy[node];
    int lo = 0;
    int hi = x.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a * x[mid + 1] + y[mid + 1] < a * x[mid] + y[mid]) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return new double[] {a * x[lo] + y[lo], ht[node][lo]};
  }

  /**
   * Returns, per period, the largest end of a batch starting there under the rules of
   * {@link #reference}: no covered period's orders placed after the start, at most
   * {@code largest} units (MOQ and multiple 1).
   *
   * @param d demand per period
   * @param placed per period, the latest placement of its orders; null for none
   * @param largest the largest batch
   * @return the limits
   */
  public static int[] limits(long[] d, int[] placed, long largest) {
    int n = d.length;
    int[] firstBlocked = new int[n + 2];
    Arrays.fill(firstBlocked, n);
    if (placed != null) {
      // a period j with demand blocks every start s < placed[j]
      int[] minJ = new int[n + 1];
      Arrays.fill(minJ, n);
      for (int j = 0; j < n; j++) {
        if (d[j] > 0 && placed[j] > 0) {
          minJ[placed[j]] = Math.min(minJ[placed[j]], j);
        }
      }
      int suffix = n;
      for (int s = n - 1; s >= 0; s--) {
        if (s + 1 <= n) {
          suffix = Math.min(suffix, minJ[Math.min(n, s + 1)]);
        }
        firstBlocked[s] = suffix;
      }
    }
    int[] limit = new int[n];
    int t = 0;
    long sum = 0;
    for (int s = 0; s < n; s++) {
      if (t < s) {
        t = s;
        sum = 0;
      }
      while (t < n && sum + d[t] <= largest) {
        sum += d[t];
        t++;
      }
      limit[s] = Math.max(s + 1, Math.min(t, firstBlocked[s]));
      if (t > s) {
        sum -= d[s];
      }
    }
    return limit;
  }

  /**
   * The textbook O(T^2) dynamic programme of Wagner and Whitin (1958, "Dynamic version of the
   * economic lot size model", Management Science 5:89-96), generalised to per-period costs and to
   * the rules below; the reference that tests and benchmarks compare {@link #fast} with.
   *
   * <p>A setup in {@code s} covering periods {@code s..t-1} makes {@code q} units, the smallest
   * multiple of {@code multiple} at least {@code max(D, moq)} where {@code D} is their demand; it
   * is allowed only if {@code q <= largest} and, when {@code placed} is given, every period it
   * covers has {@code placed[j] <= s} (its orders exist when it is released). Rounding surplus is
   * made and paid for but not carried to later periods (no speculative stock). With
   * {@code moq = multiple = 1}, no largest and no {@code placed} this is the classic model and the
   * result is optimal; otherwise it is optimal among plans whose batches each serve whole
   * consecutive periods (the class every built-in batching strategy plans in).
   *
   * @param d demand per period
   * @param setup setup cost per period
   * @param unit unit cost per period
   * @param hold holding cost per period
   * @param moq the minimum batch
   * @param multiple the order multiple
   * @param largest the largest batch
   * @param placed per period, the latest period an order due then was placed; null for none
   * @return the best plan, or null if no plan exists
   */
  public static Solution reference(long[] d, double[] setup, double[] unit, double[] hold,
      long moq, long multiple, long largest, int[] placed) {
    return reference(d, setup, unit, hold, moq, multiple, largest, placed, new long[0],
        new double[0]);
  }

  /**
   * {@link #reference(long[], double[], double[], double[], long, long, long, int[])} with
   * all-units price breaks: a batch of at least {@code breakQuantity[k]} units pays
   * {@code breakCost[k]} per unit (the largest break reached applies); exact among interval plans.
   *
   * @param d demand per period
   * @param setup setup cost per period
   * @param unit unit cost per period
   * @param hold holding cost per period
   * @param moq the minimum batch
   * @param multiple the order multiple
   * @param largest the largest batch
   * @param placed per period, the latest period an order due then was placed; null for none
   * @param breakQuantity break quantities, increasing
   * @param breakCost unit cost from each break on
   * @return the best plan, or null if no plan exists
   */
  public static Solution reference(long[] d, double[] setup, double[] unit, double[] hold,
      long moq, long multiple, long largest, int[] placed, long[] breakQuantity,
      double[] breakCost) {
    int n = d.length;
    double[] h = new double[n + 1];
    for (int j = 0; j < n; j++) {
      h[j + 1] = h[j] + hold[j];
    }
    double[] b = new double[n + 1];
    int[] next = new int[n + 1];
    next[n] = -1;
    for (int s = n - 1; s >= 0; s--) {
      double best = Double.POSITIVE_INFINITY;
      int arg = -2;
      if (d[s] == 0) {
        best = b[s + 1];
        arg = -1;
      }
      long demand = 0;
      double holding = 0;
      for (int t = s + 1; t <= n; t++) {
        int j = t - 1;
        if (placed != null && d[j] > 0 && placed[j] > s) {
          break;
        }
        demand += d[j];
        holding += d[j] * (h[j] - h[s]);
        if (demand == 0) {
          continue;
        }
        long q = roundUp(Math.max(demand, moq), multiple);
        if (q > largest) {
          break;
        }
        double price = unit[s];
        for (int k = 0; k < breakQuantity.length && q >= breakQuantity[k]; k++) {
          price = breakCost[k];
        }
        double v = setup[s] + price * q + holding + b[t];
        if (v < best) {
          best = v;
          arg = t;
        }
      }
      if (arg == -2) {
        return null;
      }
      b[s] = best;
      next[s] = arg;
    }
    return fromNext(b[0], next);
  }

  /**
   * The Silver-Meal heuristic (Silver and Meal, 1973, "A heuristic for selecting lot size
   * quantities for the case of a deterministic time-varying demand rate and discrete opportunities
   * for replenishment", Production and Inventory Management 14(2):64-74): from the first uncovered
   * period with demand, extend the batch one period at a time while the setup plus holding cost
   * per period covered falls; stop at the first rise. Batches follow the same rules as
   * {@link #reference}.
   *
   * @param d demand per period
   * @param setup setup cost per period
   * @param unit unit cost per period (not used by the rule, counted in the cost)
   * @param hold holding cost per period
   * @param moq the minimum batch
   * @param multiple the order multiple
   * @param largest the largest batch
   * @param placed per period, the latest period an order due then was placed; null for none
   * @return the plan; every period with demand is covered provided each alone fits
   */
  public static Solution silverMeal(long[] d, double[] setup, double[] unit, double[] hold,
      long moq, long multiple, long largest, int[] placed) {
    int n = d.length;
    double[] h = new double[n + 1];
    for (int j = 0; j < n; j++) {
      h[j + 1] = h[j] + hold[j];
    }
    int[] next = new int[n + 1];
    java.util.Arrays.fill(next, -1);
    double total = 0;
    int s = 0;
    while (s < n) {
      if (d[s] == 0) {
        s++;
        continue;
      }
      long demand = d[s];
      double holding = 0;
      double bestAvg = setup[s];
      int end = s + 1;
      for (int t = s + 2; t <= n; t++) {
        int j = t - 1;
        if (placed != null && d[j] > 0 && placed[j] > s) {
          break;
        }
        long nd = demand + d[j];
        if (roundUp(Math.max(nd, moq), multiple) > largest) {
          break;
        }
        double nh = holding + d[j] * (h[j] - h[s]);
        double avg = (setup[s] + nh) / (t - s);
        if (avg > bestAvg) {
          break;
        }
        demand = nd;
        holding = nh;
        bestAvg = avg;
        end = t;
      }
      while (end < n && d[end] == 0) {
        end++;
      }
      next[s] = end;
      total += setup[s] + holding + unit[s] * roundUp(Math.max(demand, moq), multiple);
      s = end;
    }
    return fromNext(total, next);
  }

  /**
   * Returns the cost of a plan under the rules of {@link #reference}.
   *
   * @param d demand per period
   * @param setup setup cost per period
   * @param unit unit cost per period
   * @param hold holding cost per period
   * @param moq the minimum batch
   * @param multiple the order multiple
   * @param setups setup periods ascending; each covers up to the next (the last to the end)
   * @return the cost, or infinity if some demand precedes the first setup
   */
  public static double cost(long[] d, double[] setup, double[] unit, double[] hold, long moq,
      long multiple, int[] setups) {
    int n = d.length;
    double total = 0;
    int first = setups.length == 0 ? n : setups[0];
    for (int j = 0; j < first; j++) {
      if (d[j] > 0) {
        return Double.POSITIVE_INFINITY;
      }
    }
    for (int i = 0; i < setups.length; i++) {
      int s = setups[i];
      int end = i + 1 < setups.length ? setups[i + 1] : n;
      long demand = 0;
      double holding = 0;
      double hs = 0;
      for (int j = s; j < end; j++) {
        demand += d[j];
        holding += d[j] * hs;
        hs += hold[j];
      }
      total += setup[s] + holding;
      if (demand > 0) {
        total += unit[s] * roundUp(Math.max(demand, moq), multiple);
      }
    }
    return total;
  }

  static long roundUp(long q, long k) {
    return (q + k - 1) / k * k;
  }
}
