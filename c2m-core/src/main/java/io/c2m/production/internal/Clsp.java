package io.c2m.production.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The capacitated lot-sizing problem with setup times (CLSP): several items share one resource
 * whose capacity per period is consumed by each item's setups and units. Internal, public for the
 * evaluation command and the benchmarks.
 *
 * <p>Solved by the Lagrangian relaxation of the capacity constraints of Trigeiro, Thomas and
 * McClain (1989, "Capacitated lot sizing with setup times", Management Science 35(3):353-366):
 * with multipliers {@code lambda[t] >= 0} the problem splits into one uncapacitated lot-sizing
 * problem per item with setup cost {@code setup[i][t] + lambda[t] setupTime[i]} and unit cost
 * {@code unit[i][t] + lambda[t] unitUse[i]}, each solved exactly by {@link LotSizing#fast}; their
 * sum minus {@code sum_t lambda[t] capacity[t]} is a lower bound, raised by subgradient
 * optimisation (Held, Wolfe and Crowder, 1974, step rule with a target). Feasible plans come from
 * a backward capacity-allocation heuristic on a setup pattern (serve in each period first what
 * cannot wait for an earlier setup, then the items whose deferral costs most per unit of
 * capacity), started from each Lagrangian setup pattern and improved by local search over setup
 * flips (add, drop one setup) until no flip helps; the best plan found is returned with the bound.
 *
 * <p>When the quantities of a setup pattern can be priced exactly (splittable demand, MOQ and
 * multiple 1, the same capacity use per unit for every item), the best plan is then polished: a
 * local search and an iterated local search over setup patterns (in the spirit of the
 * fix-and-optimize and setup-pattern searches of the CLSP literature, e.g. Helber and Sahling
 * 2010), where each pattern's optimal quantities come from a minimum-cost flow
 * ({@link ClspFlow}); at most {@link #EXACT_EVALUATIONS} patterns are priced. On the Trigeiro
 * set F this brings the mean gap to the proven optima below 1% (BENCHMARKS.md).
 *
 * <p>Demand is given as chunks: a chunk is one order (kept whole unless the instance is
 * {@code splittable}) of one item due in a period, placed in a period before which it cannot be
 * produced. Batches respect each item's MOQ, multiple and largest batch.
 */
public final class Clsp {
  private final int n;
  private final int periods;
  private final double[] capacity;
  private final double[] setupTime;
  private final double[] unitUse;
  private final double[][] setup;
  private final double[][] unit;
  private final double[][] hold;
  private final double[][] cumHold;
  private final long[] moq;
  private final long[] multiple;
  private final long[] largest;
  private final boolean splittable;
  private final List<List<long[]>> chunks;
  private final long[][] demand;
  private final long workPerEvaluation;
  private final int[][] byDue;
  /** The exact quantities for a setup pattern, when they apply (else null). */
  private final ClspFlow flow;
  private long work;
  /** Whether {@link #evaluate} uses the exact flow (the polishing phase). */
  private boolean exactMode;
  private int exactEvaluations;

  /**
   * The most work one {@link #solve} may do, in open order chunks scanned by the allocation
   * heuristic (a few nanoseconds each): bounds the time on large instances (a few seconds); the Trigeiro
   * instances stay below it with the default settings.
   */
  public static final long WORK_BUDGET = 300_000_000L;

  /** The most work of the feasibility repair, in chunks tried (after the search's budget). */
  private static final long REPAIR_BUDGET = 20_000_000L;

  /**
   * Creates an instance.
   *
   * @param capacity capacity per period
   * @param setupTime capacity used by a setup of each item
   * @param unitUse capacity used by a unit of each item
   * @param setup setup cost per item and period
   * @param unit unit cost per item and period
   * @param hold holding cost per item and period (stock at the end of the period)
   * @param moq minimum batch per item
   * @param multiple batch multiple per item
   * @param largest largest batch per item
   * @param chunks per item, chunks {@code {duePeriod, quantity, placedPeriod}}
   * @param splittable true if a chunk may be split between batches
   */
  public Clsp(double[] capacity, double[] setupTime, double[] unitUse, double[][] setup,
      double[][] unit, double[][] hold, long[] moq, long[] multiple, long[] largest,
      List<List<long[]>> chunks, boolean splittable) {
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
    for (List<long[]> cs : chunks) {
      totalChunks += cs.size();
    }
    this.workPerEvaluation = Math.max(1, (long) periods * n + totalChunks);
    this.byDue = new int[n][];
    for (int i = 0; i < n; i++) {
      List<long[]> cs = chunks.get(i);
      Integer[] idx = new Integer[cs.size()];
      for (int c = 0; c < idx.length; c++) {
        idx[c] = c;
      }
      Arrays.sort(idx, (a, b) -> {
        int cmp = Long.compare(cs.get(b)[0], cs.get(a)[0]);
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
      for (long[] c : chunks.get(i)) {
        demand[i][(int) c[0]] += c[1];
      }
    }
    boolean exact = splittable && n > 0;
    for (int i = 0; i < n && exact; i++) {
      exact = moq[i] == 1 && multiple[i] == 1 && unitUse[i] == unitUse[0] && unitUse[i] > 0;
    }
    this.flow = exact ? new ClspFlow(capacity, setupTime, unitUse[0], setup, unit, hold, largest,
        chunks) : null;
  }

  /**
   * The classic CLSP of the literature: demand per item and period, splittable, no MOQ, all
   * demand known at the start.
   *
   * @param capacity capacity per period
   * @param setupTime setup time per item
   * @param unitUse capacity per unit per item
   * @param setupCost setup cost per item (constant over time)
   * @param holdingCost holding cost per item (constant over time)
   * @param demand demand per item and period
   * @return the instance
   */
  public static Clsp classic(double[] capacity, double[] setupTime, double[] unitUse,
      double[] setupCost, double[] holdingCost, long[][] demand) {
    int n = setupTime.length;
    int t = capacity.length;
    double[][] setup = new double[n][t];
    double[][] unit = new double[n][t];
    double[][] hold = new double[n][t];
    long[] ones = new long[n];
    long[] big = new long[n];
    List<List<long[]>> chunks = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Arrays.fill(setup[i], setupCost[i]);
      Arrays.fill(hold[i], holdingCost[i]);
      ones[i] = 1;
      big[i] = Long.MAX_VALUE / 4;
      List<long[]> list = new ArrayList<>();
      for (int p = 0; p < t; p++) {
        if (demand[i][p] > 0) {
          list.add(new long[] {p, demand[i][p], 0});
        }
      }
      chunks.add(list);
    }
    return new Clsp(capacity, setupTime, unitUse, setup, unit, hold, ones, ones, big, chunks,
        true);
  }

  /**
   * A solution: the best plan found and the Lagrangian lower bound.
   *
   * @param cost the plan's cost (setup + holding + unit), infinite if no feasible plan was found
   * @param lowerBound a lower bound on the optimum
   * @param unmet units the plan leaves unserved (0 for a feasible plan)
   * @param produced per item and chunk, the produced pieces {@code {period, quantity}}
   * @param production per item and period, the units made
   */
  public record Solution(double cost, double lowerBound, long unmet, List<List<List<long[]>>>
      produced, long[][] production) {
    /**
     * Returns the relative gap {@code (cost - bound) / bound}, an overestimate of the true gap.
     *
     * @return the gap, 0 when both are 0
     */
    public double gap() {
      if (cost == lowerBound) {
        return 0;
      }
      return (cost - lowerBound) / Math.max(1e-12, Math.abs(lowerBound));
    }
  }

  private static long roundUp(long q, long k) {
    return (q + k - 1) / k * k;
  }

  private long batchOf(int i, long q) {
    return roundUp(Math.max(q, moq[i]), multiple[i]);
  }

  /** Result of the allocation heuristic for one setup pattern. */
  private final class Eval {
    boolean[][] y;
    long unmet;
    double cost;
    List<List<List<long[]>>> pieces;
    long[][] x;
  }

  /**
   * Evaluates a setup pattern: the exact quantities by {@link ClspFlow} when they apply (setups
   * that then produce nothing are dropped), else the backward allocation heuristic.
   */
  private Eval evaluate(boolean[][] y) {
    if (!exactMode) {
      return allocateBackward(y);
    }
    Eval e = new Eval();
    e.y = copy(y);
    ClspFlow.Result r;
    boolean dropped;
    do {
      // setups that produce nothing still use their setup time: drop them and solve again
      r = flow.solve(e.y);
      exactEvaluations++;
      work += workPerEvaluation + flow.lastWork / 8;
      dropped = false;
      for (int i = 0; i < n; i++) {
        for (int t = 0; t < periods; t++) {
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

  /** The pieces per chunk of the exact flow of a pattern. */
  private void flowPieces(Eval e) {
    flow.solve(e.y);
    long[][][] groups = flow.decompose();
    e.pieces = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<long[]> cs = chunks.get(i);
      List<List<long[]>> per = new ArrayList<>();
      long[] left = new long[cs.size()];
      for (int c = 0; c < cs.size(); c++) {
        per.add(null);
        left[c] = cs.get(c)[1];
      }
      e.pieces.add(per);
      for (int c = 0; c < cs.size(); c++) {
        long[] ch = cs.get(c);
        long[][] list = groups[flow.group(i, (int) ch[2])];
        for (long[] piece : list) {
          if (left[c] == 0) {
            break;
          }
          if (piece[1] != ch[0] || piece[2] == 0) {
            continue;
          }
          long q = Math.min(left[c], piece[2]);
          piece[2] -= q;
          left[c] -= q;
          if (per.get(c) == null) {
            per.set(c, new ArrayList<>(2));
          }
          per.get(c).add(new long[] {piece[0], q});
        }
      }
    }
  }

  /** Allocates capacity backward over a setup pattern. */
  private Eval allocateBackward(boolean[][] y) {
    work += workPerEvaluation;  // setup of the evaluation; the scans are counted below
    Eval e = new Eval();
    e.y = copy(y);
    e.pieces = new ArrayList<>();
    e.x = new long[n][periods];
    long[][] remaining = new long[n][];
    int[][] prev = new int[n][periods];
    for (int i = 0; i < n; i++) {
      List<long[]> cs = chunks.get(i);
      // piece lists are created on first use: most evaluations are thrown away
      List<List<long[]>> per = new ArrayList<>(java.util.Collections.nCopies(cs.size(),
          (List<long[]>) null));
      remaining[i] = new long[cs.size()];
      for (int c = 0; c < cs.size(); c++) {
        remaining[i][c] = cs.get(c)[1];
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
        if (demand[i][t] > 0) {
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
          st += setupTime[i];
        }
      }
      capBefore[t + 1] = capBefore[t] + Math.max(0, capacity[t] - st);
    }
    boolean[] active = new boolean[n];
    // per item, the chunks due at or after the current period with units left (the open ones)
    int[][] open = new int[n][];
    int[] openSize = new int[n];
    int[] next = new int[n];
    double[] outstanding = new double[1];
    for (int i = 0; i < n; i++) {
      open[i] = new int[byDue[i].length];
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
        List<long[]> cs = chunks.get(i);
        while (next[i] < byDue[i].length && cs.get(byDue[i][next[i]])[0] >= t) {
          int c = byDue[i][next[i]++];
          open[i][openSize[i]++] = c;
          outstanding[0] += remaining[i][c] * unitUse[i];
        }
      }
      double avail = capacity[t];
      for (int round = 0; round < 2; round++) {
        int m = 0;
        for (int i = 0; i < n; i++) {
          active[i] = y[i][t] || (round == 1 && e.x[i][t] == 0);
          if (!active[i] || (round == 1 && y[i][t]) || e.x[i][t] > 0) {
            continue;
          }
          boolean any = false;
          boolean urgent = false;
          List<long[]> cs = chunks.get(i);
          int p = prev[i][t];
          for (int j = 0; j < openSize[i]; j++) {
            int c = open[i][j];
            long[] ch = cs.get(c);
            if (remaining[i][c] > 0 && ch[2] <= t) {
              any = true;
              if (p < 0 || ch[2] > p) {
                urgent = true;
              }
            }
          }
          if (!any) {
            continue;
          }
          double defer = p < 0 ? Double.POSITIVE_INFINITY
              : (cumHold[i][t] - cumHold[i][p] + unit[i][p] - unit[i][t])
                  / Math.max(1e-9, unitUse[i]);
          key[i] = urgent ? Double.POSITIVE_INFINITY : defer;
          order[m++] = i;
        }
        if (round == 1) {
          // add setups only if what is still outstanding cannot fit before this period
          if (outstanding[0] <= capBefore[t] + 1e-9) {
            break;
          }
          for (int k = 0; k < m; k++) {
            int i = order[k];
            key[i] = cumHold[i][t + 1] - cumHold[i][t];
          }
        }
        Arrays.sort(order, 0, m, (a, b) -> {
          int cmp = Double.compare(key[b], key[a]);
          return cmp != 0 ? cmp : Integer.compare(a, b);
        });
        for (int k = 0; k < m; k++) {
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
  private double allocate(Eval e, int i, int t, int p, long[][] remaining, double avail,
      int[] open, int openSize, double[] outstanding) {
    if (avail < setupTime[i] + unitUse[i] * batchOf(i, 1) - 1e-9) {
      return avail;
    }
    List<long[]> cs = chunks.get(i);
    long total = 0;
    // two passes: chunks that cannot wait for the previous setup, then the others
    for (int pass = 0; pass < 2; pass++) {
      for (int j = 0; j < openSize; j++) {
        int c = open[j];
        long[] ch = cs.get(c);
        if (remaining[i][c] <= 0 || ch[2] > t) {
          continue;
        }
        boolean urgent = p < 0 || ch[2] > p;
        if ((pass == 0) != urgent) {
          continue;
        }
        long take = remaining[i][c];
        if (!fits(i, total + take, avail)) {
          take = splittable ? maxFit(i, total, avail, take) : 0;
        }
        if (take <= 0) {
          continue;
        }
        total += take;
        remaining[i][c] -= take;
        outstanding[0] -= take * unitUse[i];
        List<long[]> pl = e.pieces.get(i).get(c);
        if (pl == null) {
          pl = new ArrayList<>(2);
          e.pieces.get(i).set(c, pl);
        }
        pl.add(new long[] {t, take});
        e.cost += take * (cumHold[i][(int) ch[0]] - cumHold[i][t]);
      }
    }
    if (total > 0) {
      long q = batchOf(i, total);
      e.x[i][t] = q;
      e.y[i][t] = true;
      avail -= setupTime[i] + unitUse[i] * q;
      e.cost += setup[i][t] + unit[i][t] * q;
    }
    return avail;
  }

  private boolean fits(int i, long q, double avail) {
    long b = batchOf(i, q);
    return b <= largest[i] && setupTime[i] + unitUse[i] * b <= avail + 1e-9;
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

  private static boolean better(Eval a, Eval b) {
    if (b == null) {
      return true;
    }
    if (a.unmet != b.unmet) {
      return a.unmet < b.unmet;
    }
    return a.cost < b.cost - 1e-9;
  }

  /**
   * First-improvement local search: flip one setup (add or drop), or move one setup one or two
   * periods earlier or later, while that improves (fewer unmet units, then lower cost).
   */
  private Eval improve(boolean[][] y, Eval start) {
    Eval cur = start;
    boolean improved = true;
    int rounds = 0;
    while (improved && rounds++ < 50 && work < WORK_BUDGET) {
      improved = false;
      for (int i = 0; i < n; i++) {
        for (int t = 0; t < periods; t++) {
          if (work >= WORK_BUDGET) {
            return cur;
          }
          y[i][t] = !y[i][t];
          Eval e = evaluate(y);
          if (better(e, cur)) {
            cur = e;
            improved = true;
            continue;
          }
          y[i][t] = !y[i][t];
          if (!y[i][t]) {
            continue;
          }
          for (int delta : SHIFTS) {
            int u = t + delta;
            if (u < 0 || u >= periods || y[i][u]) {
              continue;
            }
            y[i][t] = false;
            y[i][u] = true;
            e = evaluate(y);
            if (better(e, cur)) {
              cur = e;
              improved = true;
              break;
            }
            y[i][t] = true;
            y[i][u] = false;
          }
        }
      }
    }
    return cur;
  }

  private static final int[] SHIFTS = {-1, 1, -2, 2};

  /** The most setup patterns the polishing phase prices exactly (about 0.1 ms each on F). */
  public static final int EXACT_EVALUATIONS = 3000;

  /**
   * Polishing with exact quantities ({@link ClspFlow}): local search over the setup pattern (drop
   * a setup, add one, move one up to three periods earlier or later; when none of these helps,
   * swap the periods of two items' setups at most two periods apart), each pattern priced by its
   * optimal quantities, from the best plan of the heuristic phase; then iterated local search
   * (seeded random flips of two to four setups, then the local search again, kept if better)
   * until {@link #EXACT_EVALUATIONS} patterns have been priced.
   */
  private Eval polish(Eval start, java.util.Random random) {
    exactMode = true;
    exactEvaluations = 0;
    try {
      // the pattern of the plan's production (the heuristic's pattern may hold setups that make
      // nothing, which would still use their setup time here)
      boolean[][] made = new boolean[n][periods];
      for (int i = 0; i < n; i++) {
        for (int t = 0; t < periods; t++) {
          made[i][t] = start.x[i][t] > 0;
        }
      }
      Eval best = descend(evaluate(made));
      while (exactEvaluations < EXACT_EVALUATIONS) {
        boolean[][] kicked = copy(best.y);
        int flips = 2 + random.nextInt(3);
        for (int f = 0; f < flips; f++) {
          int i = random.nextInt(n);
          int t = random.nextInt(periods);
          kicked[i][t] = !kicked[i][t];
        }
        Eval e = descend(evaluate(kicked));
        if (better(e, best)) {
          best = e;
        }
      }
      return best;
    } finally {
      exactMode = false;
    }
  }

  /** First-improvement descent with exact evaluations: drop, move (up to 3 periods), add, swap. */
  private Eval descend(Eval start) {
    Eval cur = start;
    boolean improved = true;
    while (improved && exactEvaluations < EXACT_EVALUATIONS) {
      improved = false;
      for (int i = 0; i < n && exactEvaluations < EXACT_EVALUATIONS; i++) {
        for (int t = 0; t < periods && exactEvaluations < EXACT_EVALUATIONS; t++) {
          boolean[][] y = copy(cur.y);
          if (y[i][t]) {
            y[i][t] = false;
            Eval e = evaluate(y);
            if (better(e, cur)) {
              cur = e;
              improved = true;
              continue;
            }
            for (int delta : MOVES) {
              int u = t + delta;
              if (u < 0 || u >= periods || y[i][u]) {
                continue;
              }
              y[i][u] = true;
              e = evaluate(y);
              y[i][u] = false;
              if (better(e, cur)) {
                cur = e;
                improved = true;
                break;
              }
            }
          } else if (hasDemandFrom(i, t)) {
            y[i][t] = true;
            Eval e = evaluate(y);
            if (better(e, cur)) {
              cur = e;
              improved = true;
            }
          }
        }
      }
      if (!improved) {
        improved = swap(cur);
        if (improved) {
          cur = swapped;
        }
      }
    }
    return cur;
  }

  private Eval swapped;

  /**
   * Swap moves: a setup of item {@code i} in period {@code t} and one of another item {@code j}
   * in a period {@code u} at most two periods away trade periods (when neither is set up in the
   * other's period). First improvement; true if one improved.
   */
  private boolean swap(Eval cur) {
    for (int i = 0; i < n; i++) {
      for (int t = 0; t < periods; t++) {
        if (!cur.y[i][t]) {
          continue;
        }
        for (int j = 0; j < n; j++) {
          for (int u = Math.max(0, t - 2); u <= Math.min(periods - 1, t + 2); u++) {
            if (j == i || u == t || !cur.y[j][u] || cur.y[i][u] || cur.y[j][t]) {
              continue;
            }
            if (exactEvaluations >= EXACT_EVALUATIONS) {
              return false;
            }
            boolean[][] y = copy(cur.y);
            y[i][t] = false;
            y[i][u] = true;
            y[j][u] = false;
            y[j][t] = true;
            Eval e = evaluate(y);
            if (better(e, cur)) {
              swapped = e;
              return true;
            }
          }
        }
      }
    }
    return false;
  }

  private static final int[] MOVES = {-1, 1, -2, 2, -3, 3};

  private boolean hasDemandFrom(int i, int t) {
    for (int u = t; u < periods; u++) {
      if (demand[i][u] > 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * Solves the instance.
   *
   * @param iterations subgradient iterations, e.g. 300
   * @param kicks perturbations of the iterated local search, e.g. 100
   * @param seed the seed of the perturbations
   * @return the best plan and the lower bound
   */
  public Solution solve(int iterations, int kicks, long seed) {
    work = 0;
    double[] lambda = new double[periods];
    double best = Double.NEGATIVE_INFINITY;
    Eval incumbent = null;
    boolean[][] y = new boolean[n][periods];
    for (int i = 0; i < n; i++) {
      for (int t = 0; t < periods; t++) {
        y[i][t] = demand[i][t] > 0;
      }
    }
    incumbent = improve(copy(y), evaluate(y));
    double theta = 2;
    int stale = 0;
    double[] ks = new double[periods];
    double[] us = new double[periods];
    double[] g = new double[periods];
    for (int it = 0; it < iterations; it++) {
      double value = 0;
      for (int t = 0; t < periods; t++) {
        g[t] = -capacity[t];
        value -= lambda[t] * capacity[t];
      }
      boolean[][] pattern = new boolean[n][periods];
      for (int i = 0; i < n; i++) {
        for (int t = 0; t < periods; t++) {
          ks[t] = setup[i][t] + lambda[t] * setupTime[i];
          us[t] = unit[i][t] + lambda[t] * unitUse[i];
        }
        LotSizing.Solution s = LotSizing.fast(demand[i], ks, us, hold[i]);
        value += s.cost();
        for (int k = 0; k < s.size(); k++) {
          int t = s.setups()[k];
          long q = 0;
          for (int j = t; j < s.ends()[k]; j++) {
            q += demand[i][j];
          }
          pattern[i][t] = true;
          g[t] += setupTime[i] + unitUse[i] * q;
        }
      }
      if (value > best + 1e-9) {
        best = value;
        stale = 0;
      } else if (++stale >= 20) {
        theta /= 2;
        stale = 0;
      }
      if ((it % 10 == 0 || (2 * it >= iterations && it % 5 == 0) || it == iterations - 1)
          && work < WORK_BUDGET) {
        Eval e = improve(pattern, evaluate(pattern));
        if (better(e, incumbent)) {
          incumbent = e;
        }
      }
      double norm = 0;
      for (int t = 0; t < periods; t++) {
        if (lambda[t] <= 0 && g[t] < 0) {
          g[t] = 0;
        }
        norm += g[t] * g[t];
      }
      if (norm == 0 || theta < 1e-6) {
        break;
      }
      double target = incumbent.unmet == 0 ? incumbent.cost : Math.abs(value) * 1.1 + 1;
      double step = theta * Math.max(1e-9, target - value) / norm;
      for (int t = 0; t < periods; t++) {
        lambda[t] = Math.max(0, lambda[t] + step * g[t]);
      }
    }
    // iterated local search: kick the best pattern with a few seeded random flips, re-improve
    java.util.Random random = new java.util.Random(seed);
    // kicks count once a feasible plan is known; before that, up to 20 * kicks + 200 more
    int infeasibleKicks = 0;
    for (int k = 0; (k < kicks || incumbent.unmet > 0) && work < WORK_BUDGET; ) {
      if (incumbent.unmet > 0) {
        if (++infeasibleKicks > 20 * kicks + 200) {
          break;
        }
      } else {
        k++;
      }
      boolean[][] kicked = copy(incumbent.y);
      int flips = 2 + random.nextInt(3);
      for (int f = 0; f < flips; f++) {
        int i = random.nextInt(n);
        int t = random.nextInt(periods);
        kicked[i][t] = !kicked[i][t];
      }
      Eval e = improve(kicked, evaluate(kicked));
      if (better(e, incumbent)) {
        incumbent = e;
      }
    }
    if (incumbent.unmet > 0 && !splittable) {
      incumbent = repair(incumbent);
      if (incumbent.unmet > 0) {
        Eval shifted = repair(shiftBack());
        if (better(shifted, incumbent)) {
          incumbent = shifted;
        }
      }
      if (incumbent.unmet > 0) {
        Eval mc = minConflicts(incumbent, seed);
        if (mc != null && better(mc, incumbent)) {
          incumbent = mc;
        }
      }
    }
    if (!splittable && incumbent.pieces != null) {
      Eval reassigned = reassign(incumbent, seed);
      if (better(reassigned, incumbent)) {
        incumbent = reassigned;
      }
      if (relaxable()) {
        // the splittable relaxation (polished by exact flows) gives a setup pattern and, per
        // chunk, its largest piece: whole orders start there, overloads are repaired, then the
        // reassignment search runs
        Clsp relaxed = new Clsp(capacity, setupTime, unitUse, setup, unit, hold, moq, multiple,
            largest, chunks, true);
        Solution rs = relaxed.solve(iterations, kicks, seed);
        Eval seedEval = new Eval();
        seedEval.unmet = Long.MAX_VALUE;
        seedEval.cost = Double.POSITIVE_INFINITY;
        seedEval.pieces = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          List<List<long[]>> per = new ArrayList<>();
          for (List<long[]> pl : rs.produced().get(i)) {
            long[] big = null;
            for (long[] piece : pl) {
              if (big == null || piece[1] > big[1]) {
                big = piece;
              }
            }
            List<long[]> one = new ArrayList<>();
            if (big != null) {
              one.add(new long[] {big[0], big[1]});
            }
            per.add(one);
          }
          seedEval.pieces.add(per);
        }
        Eval fromRelaxed = reassign(seedEval, seed);
        if (better(fromRelaxed, incumbent)) {
          incumbent = fromRelaxed;
        }
      }
    }
    if (flow != null) {
      Eval polished = polish(incumbent, random);
      if (better(polished, incumbent)) {
        incumbent = polished;
        flowPieces(incumbent);
      }
    }
    double cost = incumbent.unmet == 0 ? incumbent.cost : Double.POSITIVE_INFINITY;
    for (List<List<long[]>> per : incumbent.pieces) {
      per.replaceAll(pl -> pl == null ? List.of() : List.copyOf(pl));
    }
    return new Solution(cost, Math.min(best, cost), incumbent.unmet, incumbent.pieces,
        incumbent.x);
  }

  /**
   * Feasibility repair of an unsplittable plan that leaves chunks unserved: each unserved chunk,
   * most urgent (earliest latest period) first, is inserted in the latest period of its window with
   * room; failing that, chunks already made in a period of the window are moved to other periods
   * of their own windows to make space (an ejection chain of up to three moves, within the work
   * budget). Costs are recomputed.
   */
  private Eval repair(Eval start) {
    work = 0; // the repair has its own budget: the search before it may have spent the main one
    int[][] at = new int[n][];
    long[][] ordered = new long[n][periods];
    long[][] x = new long[n][periods];
    double[] load = new double[periods];
    List<int[]> unserved = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<long[]> cs = chunks.get(i);
      at[i] = new int[cs.size()];
      for (int c = 0; c < cs.size(); c++) {
        List<long[]> pl = start.pieces.get(i).get(c);
        if (pl == null || pl.isEmpty()) {
          at[i][c] = -1;
          unserved.add(new int[] {i, c});
        } else {
          at[i][c] = (int) pl.get(0)[0];
          ordered[i][at[i][c]] += cs.get(c)[1];
        }
      }
      batchUp(i, ordered[i], x[i], load);
    }
    unserved.sort((a, b) -> {
      int cmp = Long.compare(chunks.get(a[0]).get(a[1])[0], chunks.get(b[0]).get(b[1])[0]);
      return cmp != 0 ? cmp : Integer.compare(a[0], b[0]) != 0 ? Integer.compare(a[0], b[0])
          : Integer.compare(a[1], b[1]);
    });
    Ledger ledger = new Ledger(ordered, x, load, at);
    for (int[] u : unserved) {
      if (work < REPAIR_BUDGET) {
        ledger.place(u[0], u[1], 3);
      }
    }
    Eval e = toEval(ledger, at);
    return better(e, start) ? e : start;
  }

  /**
   * Sizes item {@code i}'s batch in every period with orders assigned ({@link #batchOf}) into
   * {@code x} and adds its setup time and units to the period's {@code load}.
   */
  private void batchUp(int i, long[] ordered, long[] x, double[] load) {
    for (int t = 0; t < periods; t++) {
      if (ordered[t] > 0) {
        x[t] = batchOf(i, ordered[t]);
        load[t] += setupTime[i] + unitUse[i] * x[t];
      }
    }
  }

  /** The most work of the whole-order reassignment, in chunk moves priced. */
  private static final long REASSIGN_BUDGET = 20_000_000L;

  /**
   * Local search over the assignment of whole chunks to periods (a generalized assignment with
   * setup costs; moves in the spirit of the relocation and route-elimination moves of vehicle
   * routing, e.g. Savelsbergh 1992): relocate one chunk to another period of its window, or empty
   * one batch by relocating all its chunks (so its setup is saved), each accepted only when it
   * keeps capacity and the largest batch and lowers the cost; unserved chunks are then inserted
   * again by the ejection chains of the repair. Repeats while it improves, within its budget.
   */
  private Eval reassign(Eval start, long seed) {
    work = 0;
    int[][] at = new int[n][];
    long[][] ordered = new long[n][periods];
    long[][] x = new long[n][periods];
    double[] load = new double[periods];
    for (int i = 0; i < n; i++) {
      List<long[]> cs = chunks.get(i);
      at[i] = new int[cs.size()];
      for (int c = 0; c < cs.size(); c++) {
        List<long[]> pl = start.pieces.get(i).get(c);
        if (pl == null || pl.isEmpty()) {
          at[i][c] = -1;
        } else if (pl.size() > 1) {
          return start; // split chunks: not a whole-order assignment
        } else if (pl.get(0)[0] > cs.get(c)[0] || pl.get(0)[0] < cs.get(c)[2]) {
          at[i][c] = -1;
        } else {
          at[i][c] = (int) pl.get(0)[0];
          ordered[i][at[i][c]] += cs.get(c)[1];
        }
      }
      batchUp(i, ordered[i], x[i], load);
    }
    Ledger ledger = new Ledger(ordered, x, load, at);
    // a start that overloads a period (from the relaxation) sheds its largest chunks there
    for (int t = 0; t < periods; t++) {
      while (violation(ledger, t) > 0) {
        int bi = -1;
        int bc = -1;
        for (int i = 0; i < n; i++) {
          for (int c = 0; c < at[i].length; c++) {
            if (at[i][c] == t && (bi < 0
                || chunks.get(i).get(c)[1] > chunks.get(bi).get(bc)[1])) {
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
      while (improved && work < REASSIGN_BUDGET) {
        improved = relocateAll(ledger) | emptyBatches(ledger) || swapAll(ledger);
        ledger.journal.clear();
      }
      boolean placed = false;
      for (int i = 0; i < n; i++) {
        for (int c = 0; c < at[i].length; c++) {
          if (at[i][c] < 0 && work < REASSIGN_BUDGET) {
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
    java.util.Random random = new java.util.Random(seed ^ 0x5DEECE66DL);
    Eval best = toEval(ledger, at);
    List<int[]> cells = new ArrayList<>();
    for (int k = 0; k < REASSIGN_KICKS && work < REASSIGN_BUDGET; k++) {
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
      while (improved && work < REASSIGN_BUDGET) {
        improved = relocateAll(ledger) | emptyBatches(ledger) || swapAll(ledger);
      }
      Eval e = toEval(ledger, at);
      if (better(e, best)) {
        best = e;
        ledger.journal.clear();
      } else {
        ledger.rollback(mark);
      }
    }
    return better(best, start) ? best : start;
  }

  /** Whether the splittable relaxation of these chunks can be priced exactly (see ClspFlow). */
  private boolean relaxable() {
    boolean ok = n > 0;
    for (int i = 0; i < n && ok; i++) {
      ok = moq[i] == 1 && multiple[i] == 1 && unitUse[i] == unitUse[0] && unitUse[i] > 0;
    }
    return ok;
  }

  /** Perturbations of the whole-order reassignment. */
  private static final int REASSIGN_KICKS = 300;

  /** The cost of item {@code i}'s batch in period {@code t} (setup and units), 0 if none. */
  private double cellCost(Ledger ledger, int i, int t) {
    return ledger.x[i][t] > 0 ? setup[i][t] + unit[i][t] * ledger.x[i][t] : 0;
  }

  /**
   * Moves chunk {@code c} of item {@code i} to the cheapest feasible period of its window other
   * than {@code avoid}; returns the change of cost, or NaN (nothing moved) when no period fits or,
   * if {@code mustImprove}, none lowers the cost.
   */
  private double relocate(Ledger ledger, int i, int c, int avoid, boolean mustImprove) {
    long[] ch = chunks.get(i).get(c);
    int from = ledger.at[i][c];
    long q = ch[1];
    // the saving of leaving period from: its batch cost change and the holding from there
    double base = cellCost(ledger, i, from) + q * (cumHold[i][(int) ch[0]] - cumHold[i][from]);
    ledger.add(i, from, -q);
    base -= cellCost(ledger, i, from);
    double bestDelta = mustImprove ? -1e-9 : Double.POSITIVE_INFINITY;
    int bestT = -1;
    for (int t = (int) ch[0]; t >= ch[2]; t--) {
      work++;
      if (t == from || t == avoid || !ledger.fits(i, t, q)) {
        continue;
      }
      long nb = batchOf(i, ledger.ordered[i][t] + q);
      double delta = setup[i][t] * (ledger.ordered[i][t] == 0 ? 1 : 0)
          + unit[i][t] * (nb - ledger.x[i][t]) + q * (cumHold[i][(int) ch[0]] - cumHold[i][t])
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
  private boolean relocateAll(Ledger ledger) {
    boolean improved = false;
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < ledger.at[i].length && work < REASSIGN_BUDGET; c++) {
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
  private boolean swapAll(Ledger ledger) {
    boolean improved = false;
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < ledger.at[i].length; c++) {
        for (int j = i + 1; j < n && work < REASSIGN_BUDGET; j++) {
          for (int d = 0; d < ledger.at[j].length; d++) {
            int s = ledger.at[i][c];
            int u = ledger.at[j][d];
            work++;
            long[] a = chunks.get(i).get(c);
            long[] b = chunks.get(j).get(d);
            if (s < 0 || u < 0 || s == u || u > a[0] || u < a[2] || s > b[0] || s < b[2]) {
              continue;
            }
            double before = cost(ledger, i, s) + cost(ledger, i, u) + cost(ledger, j, s)
                + cost(ledger, j, u) + a[1] * (cumHold[i][(int) a[0]] - cumHold[i][s])
                + b[1] * (cumHold[j][(int) b[0]] - cumHold[j][u]);
            int mark = ledger.journal.size();
            ledger.move(i, c, u);
            ledger.move(j, d, s);
            double after = cost(ledger, i, s) + cost(ledger, i, u) + cost(ledger, j, s)
                + cost(ledger, j, u) + a[1] * (cumHold[i][(int) a[0]] - cumHold[i][u])
                + b[1] * (cumHold[j][(int) b[0]] - cumHold[j][s]);
            if (after < before - 1e-9 && violation(ledger, s) == 0 && violation(ledger, u) == 0) {
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

  private double cost(Ledger ledger, int i, int t) {
    return cellCost(ledger, i, t);
  }

  /** One pass trying to empty each batch by relocating all its chunks; whether any improved. */
  private boolean emptyBatches(Ledger ledger) {
    boolean improved = false;
    for (int i = 0; i < n; i++) {
      for (int t = 0; t < periods && work < REASSIGN_BUDGET; t++) {
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
        List<long[]> cs = chunks.get(i);
        there.sort((a, b) -> {
          int cmp = Long.compare(cs.get(b)[1], cs.get(a)[1]);
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

  /** The evaluation of a repaired assignment of chunks to periods ({@code -1}: unserved). */
  private Eval toEval(Ledger ledger, int[][] at) {
    Eval e = new Eval();
    e.y = new boolean[n][periods];
    e.x = new long[n][];
    for (int i = 0; i < n; i++) {
      e.x[i] = ledger.x[i].clone();
    }
    e.pieces = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<long[]> cs = chunks.get(i);
      List<List<long[]>> per = new ArrayList<>();
      for (int c = 0; c < cs.size(); c++) {
        if (at[i][c] < 0) {
          e.unmet += cs.get(c)[1];
          per.add(null);
        } else {
          List<long[]> pl = new ArrayList<>(1);
          pl.add(new long[] {at[i][c], cs.get(c)[1]});
          per.add(pl);
          e.cost += cs.get(c)[1] * (cumHold[i][(int) cs.get(c)[0]] - cumHold[i][at[i][c]]);
        }
      }
      e.pieces.add(per);
      for (int t = 0; t < periods; t++) {
        if (e.x[i][t] > 0) {
          e.y[i][t] = true;
          e.cost += setup[i][t] + unit[i][t] * e.x[i][t];
        }
      }
    }
    return e;
  }

  /** Capacity overload plus units above the largest batch, in period {@code t}. */
  private double violation(Ledger ledger, int t) {
    double v = Math.max(0, ledger.load[t] - capacity[t] - 1e-9);
    for (int i = 0; i < n; i++) {
      v += Math.max(0, ledger.x[i][t] - largest[i]);
    }
    return v;
  }

  /**
   * Min-conflicts search for a feasible assignment of whole chunks (Minton et al., 1992): every
   * chunk is assigned in its window, overloads allowed; repeatedly, in a random overloaded period,
   * the chunk move (to another period of its window) that most reduces the total violation is
   * made (even when it increases it), or with probability 0.15 a random move (a random walk, as in
   * WalkSAT, Selman, Kautz and Cohen 1994).
   * Seeded, so deterministic. Returns the assignment if it reaches no violation, else null.
   */
  private Eval minConflicts(Eval start, long seed) {
    int[][] at = new int[n][];
    for (int i = 0; i < n; i++) {
      at[i] = new int[chunks.get(i).size()];
    }
    Ledger ledger = new Ledger(new long[n][periods], new long[n][periods], new double[periods],
        at);
    for (int i = 0; i < n; i++) {
      List<long[]> cs = chunks.get(i);
      for (int c = 0; c < cs.size(); c++) {
        List<long[]> pl = start.pieces.get(i).get(c);
        at[i][c] = pl == null || pl.isEmpty() ? (int) cs.get(c)[0] : (int) pl.get(0)[0];
        ledger.add(i, at[i][c], cs.get(c)[1]);
      }
    }
    double total = 0;
    for (int t = 0; t < periods; t++) {
      total += violation(ledger, t);
    }
    java.util.Random random = new java.util.Random(seed);
    List<Integer> bad = new ArrayList<>();
    for (int step = 0; step < 100_000 && total > 0 && work < REPAIR_BUDGET; step++) {
      bad.clear();
      for (int t = 0; t < periods; t++) {
        if (violation(ledger, t) > 0) {
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
          long[] ch = chunks.get(i).get(c);
          for (int u = (int) ch[2]; u <= ch[0]; u++) {
            if (u == t) {
              continue;
            }
            work++;
            double v0 = violation(ledger, t) + violation(ledger, u);
            ledger.add(i, t, -ch[1]);
            ledger.add(i, u, ch[1]);
            double delta = violation(ledger, t) + violation(ledger, u) - v0;
            ledger.add(i, u, -ch[1]);
            ledger.add(i, t, ch[1]);
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
            long[] ch = chunks.get(i).get(c);
            if (at[i][c] == t && ch[0] > ch[2]) {
              here.add(new int[] {i, c});
            }
          }
        }
        if (!here.isEmpty()) {
          int[] pick = here.get(random.nextInt(here.size()));
          long[] ch = chunks.get(pick[0]).get(pick[1]);
          int u = (int) ch[2] + random.nextInt((int) (ch[0] - ch[2]));
          if (u >= t) {
            u++;
          }
          bi = pick[0];
          bc = pick[1];
          bu = u;
          double v0 = violation(ledger, t) + violation(ledger, u);
          ledger.add(bi, t, -ch[1]);
          ledger.add(bi, u, ch[1]);
          bestDelta = violation(ledger, t) + violation(ledger, u) - v0;
          ledger.add(bi, u, -ch[1]);
          ledger.add(bi, t, ch[1]);
        }
      }
      long q = chunks.get(bi).get(bc)[1];
      ledger.add(bi, t, -q);
      ledger.add(bi, bu, q);
      at[bi][bc] = bu;
      total += bestDelta;
      if (total < 1e-9) {
        total = 0;
        for (int v = 0; v < periods; v++) {
          total += violation(ledger, v);
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
  private Eval shiftBack() {
    Eval e = new Eval();
    e.pieces = new ArrayList<>();
    int[][] at = new int[n][];
    for (int i = 0; i < n; i++) {
      List<long[]> cs = chunks.get(i);
      at[i] = new int[cs.size()];
      List<List<long[]>> per = new ArrayList<>();
      for (int c = 0; c < cs.size(); c++) {
        at[i][c] = (int) cs.get(c)[0];
      }
      e.pieces.add(per);
    }
    Ledger ledger = new Ledger(new long[n][periods], new long[n][periods], new double[periods], at);
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < at[i].length; c++) {
        long q = chunks.get(i).get(c)[1];
        if (batchOf(i, ledger.ordered[i][at[i][c]] + q) <= largest[i]) {
          ledger.add(i, at[i][c], q);
        } else {
          at[i][c] = -1; // above the largest batch: left to the repair
        }
      }
    }
    for (int t = periods - 1; t >= 0; t--) {
      while (ledger.load[t] > capacity[t] + 1e-9) {
        int bestItem = -1;
        double bestScore = -1;
        for (int i = 0; i < n && t > 0; i++) {
          long q = 0;
          boolean all = true;
          for (int c = 0; c < at[i].length; c++) {
            if (at[i][c] == t) {
              if (chunks.get(i).get(c)[2] <= t - 1) {
                q += chunks.get(i).get(c)[1];
              } else {
                all = false;
              }
            }
          }
          if (q == 0 || batchOf(i, ledger.ordered[i][t - 1] + q) > largest[i]) {
            continue;
          }
          double freed = unitUse[i] * q + (all ? setupTime[i] : 0);
          double score = freed / (1e-9 + hold[i][t - 1] * q);
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
                  || chunks.get(i).get(c)[1] < chunks.get(si).get(sc)[1])) {
                si = i;
                sc = c;
              }
            }
          }
          ledger.add(si, t, -chunks.get(si).get(sc)[1]);
          at[si][sc] = -1;
          continue;
        }
        for (int c = 0; c < at[bestItem].length; c++) {
          if (at[bestItem][c] == t && chunks.get(bestItem).get(c)[2] <= t - 1) {
            long q = chunks.get(bestItem).get(c)[1];
            ledger.add(bestItem, t, -q);
            ledger.add(bestItem, t - 1, q);
            at[bestItem][c] = t - 1;
          }
        }
      }
    }
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < at[i].length; c++) {
        List<long[]> pl = null;
        if (at[i][c] >= 0) {
          pl = new ArrayList<>(1);
          pl.add(new long[] {at[i][c], chunks.get(i).get(c)[1]});
        }
        e.pieces.get(i).add(pl);
      }
    }
    e.unmet = Long.MAX_VALUE; // recomputed by the repair, which then always prefers its result
    e.cost = Double.POSITIVE_INFINITY;
    return e;
  }

  /** Units ordered and made per item and period, and the load per period, of a repair. */
  private final class Ledger {
    final long[][] ordered;
    final long[][] x;
    final double[] load;

    final int[][] at;
    final boolean[][] moving;

    Ledger(long[][] ordered, long[][] x, double[] load, int[][] at) {
      this.ordered = ordered;
      this.x = x;
      this.load = load;
      this.at = at;
      this.moving = new boolean[n][];
      for (int i = 0; i < n; i++) {
        moving[i] = new boolean[at[i].length];
      }
    }

    /** Moves of the chunks, {item, chunk, from}, so a failed ejection chain can be undone. */
    private final List<int[]> journal = new ArrayList<>();

    private void move(int i, int c, int to) {
      journal.add(new int[] {i, c, at[i][c]});
      long q = chunks.get(i).get(c)[1];
      if (at[i][c] >= 0) {
        add(i, at[i][c], -q);
      }
      if (to >= 0) {
        add(i, to, q);
      }
      at[i][c] = to;
    }

    private void rollback(int mark) {
      while (journal.size() > mark) {
        int[] m = journal.remove(journal.size() - 1);
        long q = chunks.get(m[0]).get(m[1])[1];
        if (at[m[0]][m[1]] >= 0) {
          add(m[0], at[m[0]][m[1]], -q);
        }
        if (m[2] >= 0) {
          add(m[0], m[2], q);
        }
        at[m[0]][m[1]] = m[2];
      }
    }

    /**
     * Places unserved chunk {@code c} of item {@code i}: in the latest period of its window with
     * room, else in a period of the window after moving chunks made there (largest first, until
     * it fits) to other periods, recursively up to {@code depth} levels. Undoes everything when it
     * fails.
     */
    boolean place(int i, int c, int depth) {
      long[] ch = chunks.get(i).get(c);
      for (int t = (int) ch[0]; t >= ch[2]; t--) {
        work++;
        if (fits(i, t, ch[1])) {
          move(i, c, t);
          return true;
        }
      }
      if (depth == 0) {
        return false;
      }
      moving[i][c] = true;
      try {
        for (int t = (int) ch[0]; t >= ch[2] && work < REPAIR_BUDGET; t--) {
          int mark = journal.size();
          List<int[]> there = new ArrayList<>();
          for (int j = 0; j < n; j++) {
            for (int d = 0; d < at[j].length; d++) {
              if (at[j][d] == t && !moving[j][d]) {
                there.add(new int[] {j, d});
              }
            }
          }
          work += there.size() + 1;
          final int now = t;
          there.sort((u, v) -> {
            // chunks made ahead of their latest period first (they can move later), largest first
            int cmp = Boolean.compare(chunks.get(v[0]).get(v[1])[0] > now,
                chunks.get(u[0]).get(u[1])[0] > now);
            if (cmp != 0) {
              return cmp;
            }
            cmp = Long.compare(chunks.get(v[0]).get(v[1])[1], chunks.get(u[0]).get(u[1])[1]);
            return cmp != 0 ? cmp : u[0] != v[0] ? Integer.compare(u[0], v[0])
                : Integer.compare(u[1], v[1]);
          });
          List<int[]> ejected = new ArrayList<>();
          for (int[] jd : there) {
            if (fits(i, t, ch[1])) {
              break;
            }
            move(jd[0], jd[1], -1);
            ejected.add(jd);
          }
          if (fits(i, t, ch[1])) {
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

    boolean fits(int i, int t, long q) {
      long nb = batchOf(i, ordered[i][t] + q);
      if (nb > largest[i]) {
        return false;
      }
      double extra = (ordered[i][t] == 0 ? setupTime[i] : 0) + unitUse[i] * (nb - x[i][t]);
      return load[t] + extra <= capacity[t] + 1e-9;
    }

    void add(int i, int t, long q) {
      load[t] -= x[i][t] > 0 ? setupTime[i] + unitUse[i] * x[i][t] : 0;
      ordered[i][t] += q;
      x[i][t] = ordered[i][t] > 0 ? batchOf(i, ordered[i][t]) : 0;
      load[t] += x[i][t] > 0 ? setupTime[i] + unitUse[i] * x[i][t] : 0;
    }
  }

  private static boolean[][] copy(boolean[][] y) {
    boolean[][] c = new boolean[y.length][];
    for (int i = 0; i < y.length; i++) {
      c[i] = y[i].clone();
    }
    return c;
  }
}
