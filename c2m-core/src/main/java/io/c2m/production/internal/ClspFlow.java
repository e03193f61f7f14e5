package io.c2m.production.internal;

import java.util.Arrays;
import java.util.List;

/**
 * The exact production quantities of a capacitated lot-sizing problem for a fixed setup pattern:
 * with the setups fixed, what remains is a linear programme, a transportation problem from
 * production periods to demands, solved here as a minimum-cost flow by successive shortest paths
 * (Dijkstra with node potentials; Edmonds and Karp 1972, Tomizawa 1971; see Ahuja, Magnanti and
 * Orlin 1993, "Network Flows", ch. 9).
 *
 * <p>Network: source to each period (capacity: what the period's capacity leaves after the
 * pattern's setup times, in units of a common capacity use per unit); period to item-period if
 * the pattern sets item {@code i} up in that period (capacity: the item's largest batch; cost: the
 * unit cost); item-period to each group of the item's demand placed at or before that period;
 * within a group, stock carried to the next period (cost: the holding cost); a group's demand of a
 * period to the sink. A group gathers an item's demand chunks placed in the same period. With
 * integer capacities and demands the flow is integral. Only valid when every unit of every item
 * uses the same capacity and batches need no rounding (MOQ 1, multiple 1); {@link Clsp} checks.
 */
final class ClspFlow {
  private final int n;
  private final int periods;
  private final double[] capacity;
  private final double[] setupTime;
  private final double unitUse;
  private final double[][] setupCost;
  private final long[] largest;
  // graph
  private final int nodes;
  private final int sink;
  private int arcCount;
  private final int[] head;
  private int[] next;
  private int[] to;
  private long[] cap;
  private double[] cost;
  private final int[] sourceArc;
  private final int[][] prodArc;
  private final int[] groupItem;
  private final int[] groupPlaced;
  private final int[][] groupNode;
  private final int[][] demandArc;
  private final long[][] groupDemand;
  private final long totalDemand;
  // Dijkstra
  private final double[] pot;
  private final double[] dist;
  private final int[] parentArc;
  private final boolean[] done;
  private final int[] heapNode;
  private final double[] heapKey;
  /** Augmentations and scanned arcs of the last solve, a measure of work. */
  long lastWork;

  /**
   * Builds the network.
   *
   * @param capacity capacity per period
   * @param setupTime setup time per item
   * @param unitUse the capacity one unit of any item uses
   * @param setupCost setup cost per item and period
   * @param unitCost unit cost per item and period
   * @param hold holding cost per item and period
   * @param largest largest batch per item
   * @param chunks per item, its chunks
   */
  ClspFlow(double[] capacity, double[] setupTime, double unitUse, double[][] setupCost,
      double[][] unitCost, double[][] hold, long[] largest, List<List<Clsp.Chunk>> chunks) {
    this.n = setupTime.length;
    this.periods = capacity.length;
    this.capacity = capacity;
    this.setupTime = setupTime;
    this.unitUse = unitUse;
    this.setupCost = setupCost;
    this.largest = largest;
    // groups: per item, one per distinct placed period
    int groups = 0;
    int[][] groupOf = new int[n][periods];
    for (int[] g : groupOf) {
      Arrays.fill(g, -1);
    }
    for (int i = 0; i < n; i++) {
      for (Clsp.Chunk c : chunks.get(i)) {
        int p = c.placed();
        if (groupOf[i][p] < 0) {
          groupOf[i][p] = groups++;
        }
      }
    }
    groupItem = new int[groups];
    groupPlaced = new int[groups];
    groupDemand = new long[groups][periods];
    long total = 0;
    for (int i = 0; i < n; i++) {
      for (int p = 0; p < periods; p++) {
        if (groupOf[i][p] >= 0) {
          groupItem[groupOf[i][p]] = i;
          groupPlaced[groupOf[i][p]] = p;
        }
      }
      for (Clsp.Chunk c : chunks.get(i)) {
        groupDemand[groupOf[i][c.placed()]][c.due()] += c.quantity();
        total += c.quantity();
      }
    }
    totalDemand = total;
    // nodes: 0 source, 1..T periods, then item-periods, then group-periods, then sink
    int node = 1 + periods + n * periods;
    groupNode = new int[groups][periods];
    for (int g = 0; g < groups; g++) {
      Arrays.fill(groupNode[g], -1);
      for (int t = groupPlaced[g]; t < periods; t++) {
        groupNode[g][t] = node++;
      }
    }
    sink = node++;
    nodes = node;
    head = new int[nodes];
    Arrays.fill(head, -1);
    next = new int[16];
    to = new int[16];
    cap = new long[16];
    cost = new double[16];
    sourceArc = new int[periods];
    for (int t = 0; t < periods; t++) {
      sourceArc[t] = addArc(0, 1 + t, 0, 0);
    }
    prodArc = new int[n][periods];
    for (int i = 0; i < n; i++) {
      for (int t = 0; t < periods; t++) {
        prodArc[i][t] = addArc(1 + t, itemNode(i, t), 0, unitCost[i][t]);
      }
    }
    demandArc = new int[groups][periods];
    for (int g = 0; g < groups; g++) {
      int i = groupItem[g];
      for (int t = groupPlaced[g]; t < periods; t++) {
        addArc(itemNode(i, t), groupNode[g][t], Long.MAX_VALUE / 4, 0);
        if (t + 1 < periods) {
          addArc(groupNode[g][t], groupNode[g][t + 1], Long.MAX_VALUE / 4, hold[i][t]);
        }
        demandArc[g][t] = groupDemand[g][t] > 0
            ? addArc(groupNode[g][t], sink, groupDemand[g][t], 0) : -1;
      }
    }
    initialCap = Arrays.copyOf(cap, arcCount);
    pot = new double[nodes];
    dist = new double[nodes];
    parentArc = new int[nodes];
    done = new boolean[nodes];
    dead = new boolean[nodes];
    seen = new int[nodes];
    heapNode = new int[arcCount + nodes];
    heapKey = new double[arcCount + nodes];
  }

  private final long[] initialCap;

  private int itemNode(int i, int t) {
    return 1 + periods + i * periods + t;
  }

  private int addArc(int from, int target, long capacity, double c) {
    if (arcCount + 2 > to.length) {
      int len = to.length * 2;
      next = Arrays.copyOf(next, len);
      to = Arrays.copyOf(to, len);
      cap = Arrays.copyOf(cap, len);
      cost = Arrays.copyOf(cost, len);
    }
    int a = arcCount;
    to[a] = target;
    cap[a] = capacity;
    cost[a] = c;
    next[a] = head[from];
    head[from] = a;
    to[a + 1] = from;
    cap[a + 1] = 0;
    cost[a + 1] = -c;
    next[a + 1] = head[target];
    head[target] = a + 1;
    arcCount += 2;
    return a;
  }

  /** The result of one solve. */
  static final class Result {
    /** Units left unserved (0: the pattern is feasible). */
    long unmet;
    /** Setup plus unit plus holding cost of the setups that produce. */
    double cost;
    /** Units made per item and period. */
    long[][] x;
  }

  /** Total demand of all items. */
  long totalDemand() {
    return totalDemand;
  }

  /**
   * Solves the flow for a setup pattern.
   *
   * @param y the setup pattern
   * @return the optimal quantities, their cost and the unmet units
   */
  Result solve(boolean[][] y) {
    System.arraycopy(initialCap, 0, cap, 0, arcCount);
    lastWork = 0;
    Result r = new Result();
    for (int t = 0; t < periods; t++) {
      double left = capacity[t];
      for (int i = 0; i < n; i++) {
        if (y[i][t]) {
          left -= setupTime[i];
        }
      }
      if (left < -1e-9) {
        // the setups alone overload the period: an infeasible pattern
        r.unmet = totalDemand;
        r.cost = Double.POSITIVE_INFINITY;
        r.x = new long[n][periods];
        return r;
      }
      cap[sourceArc[t]] = (long) Math.floor(Math.max(0, left) / unitUse + 1e-9);
      for (int i = 0; i < n; i++) {
        cap[prodArc[i][t]] = y[i][t] ? largest[i] : 0;
      }
    }
    Arrays.fill(pot, 0);
    long flow = 0;
    double total = 0;
    while (flow < totalDemand) {
      if (!shortestPath()) {
        break;
      }
      // every path of zero reduced cost is a shortest one: augment along them all (depth-first,
      // as in the primal-dual method) before the next Dijkstra
      Arrays.fill(dead, false);
      while (flow < totalDemand) {
        stamp++;
        long pushed = augment(0, totalDemand - flow);
        if (pushed == 0) {
          break;
        }
        flow += pushed;
      }
      lastWork += arcCount;
    }
    total += pathCost;
    pathCost = 0;
    r.unmet = totalDemand - flow;
    r.x = new long[n][periods];
    for (int i = 0; i < n; i++) {
      for (int t = 0; t < periods; t++) {
        long q = cap[prodArc[i][t] ^ 1];
        r.x[i][t] = q;
        if (q > 0) {
          total += setupCost[i][t];
        }
      }
    }
    r.cost = total;
    return r;
  }

  /**
   * Per group and period of production, the units of each due period served, FIFO within the
   * group: {@code pieces[g]} lists {@code {producedPeriod, duePeriod, quantity}}.
   *
   * @return the decomposition of the last solve's flow
   */
  long[][][] decompose() {
    long[][][] out = new long[groupItem.length][][];
    for (int g = 0; g < groupItem.length; g++) {
      int i = groupItem[g];
      java.util.ArrayList<long[]> list = new java.util.ArrayList<>();
      // production into the group per period: flow on the item-period -> group-period arc
      long[] in = new long[periods];
      for (int t = groupPlaced[g]; t < periods; t++) {
        for (int a = head[itemNode(i, t)]; a >= 0; a = next[a]) {
          if ((a & 1) == 0 && to[a] == groupNode[g][t]) {
            in[t] = cap[a ^ 1];
          }
        }
      }
      int s = groupPlaced[g];
      for (int t = groupPlaced[g]; t < periods; t++) {
        long need = demandArc[g][t] >= 0 ? cap[demandArc[g][t] ^ 1] : 0;
        while (need > 0) {
          while (in[s] == 0) {
            s++;
          }
          long q = Math.min(need, in[s]);
          list.add(new long[] {s, t, q});
          in[s] -= q;
          need -= q;
        }
      }
      out[g] = list.toArray(new long[0][]);
    }
    return out;
  }

  /** The group of item {@code i} placed in period {@code p}, or -1. */
  int group(int i, int p) {
    for (int g = 0; g < groupItem.length; g++) {
      if (groupItem[g] == i && groupPlaced[g] == p) {
        return g;
      }
    }
    return -1;
  }

  private final boolean[] dead;
  private final int[] seen;
  private int stamp;
  private double pathCost;

  /** Pushes up to {@code limit} units from {@code v} to the sink along zero reduced cost arcs. */
  private long augment(int v, long limit) {
    if (v == sink) {
      return limit;
    }
    seen[v] = stamp;
    for (int a = head[v]; a >= 0; a = next[a]) {
      int w = to[a];
      if (cap[a] <= 0 || dead[w] || seen[w] == stamp
          || Math.abs(cost[a] + pot[v] - pot[w]) > 1e-9) {
        continue;
      }
      long f = augment(w, Math.min(limit, cap[a]));
      if (f > 0) {
        cap[a] -= f;
        cap[a ^ 1] += f;
        pathCost += f * cost[a];
        return f;
      }
    }
    dead[v] = true;
    return 0;
  }

  /** Dijkstra on reduced costs from the source; updates the potentials; false if no path. */
  private boolean shortestPath() {
    Arrays.fill(dist, Double.POSITIVE_INFINITY);
    Arrays.fill(done, false);
    dist[0] = 0;
    int size = 0;
    heapNode[size] = 0;
    heapKey[size++] = 0;
    while (size > 0) {
      int v = heapNode[0];
      double d = heapKey[0];
      // pop
      size--;
      if (size > 0) {
        int ln = heapNode[size];
        double lk = heapKey[size];
        int k = 0;
        while (true) {
          int c = 2 * k + 1;
          if (c >= size) {
            break;
          }
          if (c + 1 < size && heapKey[c + 1] < heapKey[c]) {
            c++;
          }
          if (heapKey[c] >= lk) {
            break;
          }
          heapNode[k] = heapNode[c];
          heapKey[k] = heapKey[c];
          k = c;
        }
        heapNode[k] = ln;
        heapKey[k] = lk;
      }
      if (done[v] || d > dist[v]) {
        continue;
      }
      done[v] = true;
      if (v == sink) {
        break;
      }
      for (int a = head[v]; a >= 0; a = next[a]) {
        if (cap[a] <= 0) {
          continue;
        }
        int w = to[a];
        double nd = d + cost[a] + pot[v] - pot[w];
        if (nd < dist[w] - 1e-12) {
          dist[w] = nd;
          parentArc[w] = a;
          // push
          int k = size++;
          while (k > 0) {
            int p = (k - 1) >> 1;
            if (heapKey[p] <= nd) {
              break;
            }
            heapNode[k] = heapNode[p];
            heapKey[k] = heapKey[p];
            k = p;
          }
          heapNode[k] = w;
          heapKey[k] = nd;
        }
      }
    }
    if (!done[sink]) {
      return false;
    }
    double ds = dist[sink];
    for (int v = 0; v < nodes; v++) {
      pot[v] += done[v] ? dist[v] : ds;
    }
    return true;
  }
}
