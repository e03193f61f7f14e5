package io.c2m.examples.bench;

import io.c2m.DesignId;
import io.c2m.production.BatchPlan;
import io.c2m.production.BatchingProblem;
import io.c2m.production.BatchingStrategies;
import io.c2m.production.BatchingStrategy;
import io.c2m.production.LineUse;
import io.c2m.production.ProductionConstraints;
import io.c2m.production.ProductionLine;
import io.c2m.production.internal.Clsp;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Measures the capacitated lot sizing on the Trigeiro, Thomas and McClain (1989) instances (set F
 * of {@code ../shared/data/lotsizing}), two ways, per instance:
 *
 * <ul>
 *   <li>the classic solver {@link Clsp#classic} (the splittable CLSP of the literature) with the
 *       given iterations and kicks: its cost, the Lagrangian lower bound, the gap
 *       {@code (cost - bound) / bound} (an overestimate of the true gap) and the time;
 *   <li>the shipped {@code capacitated} strategy with its default settings on the same data as
 *       {@code c2m plan} sees it (one whole order per item and period, a shared line): its cost,
 *       the units it leaves pending (0 = feasible), its gap against the same bound (valid, since
 *       the splittable problem is a relaxation) and its time.
 * </ul>
 *
 * <p>Run: {@code java -cp c2m-benchmarks/target/benchmarks.jar
 * io.c2m.examples.bench.BatchingTrigeiroEvaluation [DIR] [ITERATIONS] [KICKS]} (defaults: the
 * strategy's own 200 iterations and 30 kicks).
 */
public final class BatchingTrigeiroEvaluation {
  private BatchingTrigeiroEvaluation() {}

  /**
   * One CLSP instance of the Trigeiro set.
   *
   * @param name the instance name
   * @param problem the lot-sizing instance
   * @param orders the same instance as a batching problem: one order per item and period
   * @param unitOrders the same instance with every unit its own order ({@code c2m plan
   *     --order-size 1}): the splittable problem
   */
  public record Instance(String name, Clsp problem, BatchingProblem orders,
      BatchingProblem unitOrders) {}

  private static int instanceOrder(String name) {
    try {
      return Integer.parseInt(name.replaceAll("[^0-9]", ""));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /**
   * Reads the instances of a directory holding {@code clsp_trigeiro_F_items.csv} and
   * {@code clsp_trigeiro_F_demand.csv}.
   *
   * @param dir the directory
   * @return the instances, in numeric order of their names
   * @throws IOException if a file cannot be read
   */
  public static List<Instance> read(Path dir) throws IOException {
    List<String> items = Files.readAllLines(dir.resolve("clsp_trigeiro_F_items.csv"),
        StandardCharsets.UTF_8);
    List<String> demand = Files.readAllLines(dir.resolve("clsp_trigeiro_F_demand.csv"),
        StandardCharsets.UTF_8);
    Map<String, List<String[]>> byInstance = new TreeMap<>();
    for (String line : items.subList(1, items.size())) {
      if (!line.isBlank()) {
        String[] c = line.split(",");
        byInstance.computeIfAbsent(c[0], k -> new ArrayList<>()).add(c);
      }
    }
    Map<String, List<String[]>> demandOf = new TreeMap<>();
    for (String line : demand.subList(1, demand.size())) {
      if (!line.isBlank()) {
        String[] c = line.split(",");
        demandOf.computeIfAbsent(c[0], k -> new ArrayList<>()).add(c);
      }
    }
    List<Instance> out = new ArrayList<>();
    for (Map.Entry<String, List<String[]>> e : byInstance.entrySet()) {
      List<String[]> rows = e.getValue();
      int n = Integer.parseInt(rows.get(0)[1]);
      int t = Integer.parseInt(rows.get(0)[2]);
      double cap = Double.parseDouble(rows.get(0)[3]);
      double[] capacity = new double[t];
      java.util.Arrays.fill(capacity, cap);
      double[] setupTime = new double[n];
      double[] unitUse = new double[n];
      double[] setupCost = new double[n];
      double[] holdingCost = new double[n];
      for (String[] r : rows) {
        int i = Integer.parseInt(r[4]) - 1;
        unitUse[i] = Double.parseDouble(r[5]);
        holdingCost[i] = Double.parseDouble(r[6]);
        setupTime[i] = Double.parseDouble(r[7]);
        setupCost[i] = Double.parseDouble(r[8]);
      }
      long[][] d = new long[n][t];
      for (String[] r : demandOf.getOrDefault(e.getKey(), List.of())) {
        d[Integer.parseInt(r[1]) - 1][Integer.parseInt(r[2]) - 1] = Long.parseLong(r[3]);
      }
      Map<DesignId, int[]> demandMap = new TreeMap<>();
      Map<DesignId, ProductionConstraints> constraints = new TreeMap<>();
      Map<DesignId, LineUse> uses = new TreeMap<>();
      for (int i = 0; i < n; i++) {
        DesignId id = DesignId.of("i" + (i + 1));
        int[] series = new int[t];
        for (int p = 0; p < t; p++) {
          series[p] = Math.toIntExact(d[i][p]);
        }
        demandMap.put(id, series);
        constraints.put(id, ProductionConstraints.unconstrained()
            .withCosts(setupCost[i], 0, holdingCost[i]));
        uses.put(id, new LineUse(setupTime[i], unitUse[i]));
      }
      BatchingProblem orders = BatchingProblem.ofPeriodDemand(demandMap, constraints,
          ProductionConstraints.unconstrained()).withHorizon(t)
          .withLines(List.of(new ProductionLine("line", cap, uses)));
      BatchingProblem unitOrders = BatchingProblem.ofPeriodDemand(demandMap, constraints,
          ProductionConstraints.unconstrained(), 1).withHorizon(t)
          .withLines(List.of(new ProductionLine("line", cap, uses)));
      out.add(new Instance(e.getKey(),
          Clsp.classic(capacity, setupTime, unitUse, setupCost, holdingCost, d), orders,
          unitOrders));
    }
    out.sort((a, b) -> Integer.compare(instanceOrder(a.name()), instanceOrder(b.name())));
    return out;
  }

  /** The resource holding the proven optima of set F (see its header). */
  public static final String OPTIMA = "trigeiro-F-optima.csv";

  /**
   * Reads the proven optima shipped with this module ({@value #OPTIMA}: computed by
   * {@code tools/clsp/trigeiro_exact.py}, the facility-location MILP solved by HiGHS through
   * SciPy, every instance proven optimal).
   *
   * @return the optimum per instance name
   * @throws IOException if the resource cannot be read
   */
  public static Map<String, Double> optima() throws IOException {
    Map<String, Double> out = new TreeMap<>();
    try (java.io.InputStream in = BatchingTrigeiroEvaluation.class.getResourceAsStream(OPTIMA)) {
      if (in == null) {
        throw new IOException("Missing resource " + OPTIMA);
      }
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      for (String line : lines) {
        if (line.isBlank() || line.startsWith("#") || line.startsWith("instance,")) {
          continue;
        }
        String[] c = line.split(",");
        out.put(c[0], Double.parseDouble(c[1]));
      }
    }
    return out;
  }

  /** Gap statistics of one method over the instances. */
  private static final class Stats {
    double sum;
    double worst;
    String worstName = "-";
    int count;
    int within1;
    int within2;
    double sumBound;
    long nanos;
    long cpuNanos;
    int runs;

    void add(String name, double gapOpt, double gapBound) {
      sum += gapOpt;
      sumBound += gapBound;
      count++;
      if (gapOpt > worst || count == 1) {
        worst = gapOpt;
        worstName = name;
      }
      if (gapOpt <= 1 + 1e-9) {
        within1++;
      }
      if (gapOpt <= 2 + 1e-9) {
        within2++;
      }
    }

    String summary(String label) {
      return String.format(Locale.ROOT, "%s: feasible %d of %d; vs optimum mean gap %.2f%%, "
          + "worst %.2f%% (%s), within 1%%: %d, within 2%%: %d; vs Lagrangian bound mean gap "
          + "%.2f%%; mean time %.0f ms wall, %.0f ms CPU", label, count, runs,
          count == 0 ? Double.NaN
          : sum / count, worst, worstName, within1, within2,
          count == 0 ? Double.NaN : sumBound / count, nanos / 1e6 / Math.max(1, runs),
          cpuNanos / 1e6 / Math.max(1, runs));
    }
  }

  /**
   * Prints the gaps per instance and their summary.
   *
   * @param args optional directory (default {@code ../shared/data/lotsizing}), iterations and
   *     kicks (defaults the strategy's, 200 and 30), {@code --no-whole} to skip the
   *     whole-order runs and {@code --whole-only} to run only them (the optimum is still printed)
   * @throws IOException if the data cannot be read
   */
  public static void main(String[] args) throws IOException {
    List<String> rest = new ArrayList<>(List.of(args));
    boolean whole = !rest.remove("--no-whole");
    boolean wholeOnly = rest.remove("--whole-only");
    Path dir = Path.of(rest.size() > 0 ? rest.get(0) : "../shared/data/lotsizing");
    int iterations = rest.size() > 1 ? Integer.parseInt(rest.get(1)) : 200;
    int kicks = rest.size() > 2 ? Integer.parseInt(rest.get(2)) : 30;
    PrintStream out = System.out;
    if (!Files.isDirectory(dir)) {
      System.err.println("No Trigeiro data in " + dir + " (see /work/shared/data/README.md).");
      System.exit(1);
    }
    Map<String, Double> optima = optima();
    out.println("classic = Clsp.classic (splittable CLSP, seed 42); unit = the capacitated "
        + "strategy with one order per unit (c2m plan --order-size 1); whole = the strategy with "
        + "one whole order per item and period. gap% = (cost - optimum) / optimum; "
        + "lbGap% = (cost - Lagrangian bound) / bound; pend = units left pending; "
        + "ms = wall-clock milliseconds of one run.");
    out.printf(Locale.ROOT, "%-4s %9s %9s %9s %6s %6s %6s | %9s %5s %6s %6s | %9s %5s %6s %6s%n",
        "inst", "optimum", "bound", "classic", "gap%", "lbGap%", "ms", "unit", "pend", "gap%", "ms",
        "whole", "pend", "gap%", "ms");
    BatchingStrategy shipped = BatchingStrategies.byName("capacitated", Map.of());
    Stats classic = new Stats();
    Stats unit = new Stats();
    Stats wholeStats = new Stats();
    List<String> inconsistent = new ArrayList<>();
    java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory
        .getThreadMXBean();
    for (Instance in : read(dir)) {
      Double opt = optima.get(in.name());
      long c0 = cpu.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      Clsp.Solution s = wholeOnly ? new Clsp.Solution(Double.NaN, Double.NaN, 0, List.of(),
          new long[0][]) : in.problem().solve(iterations, kicks, 42);
      long nanos = System.nanoTime() - t0;
      classic.cpuNanos += cpu.getCurrentThreadCpuTime() - c0;
      double bound = s.lowerBound();
      double optimum = opt == null ? Double.NaN : opt;
      if (opt != null && !wholeOnly && (bound > optimum + 1e-6 || s.cost() < optimum - 1e-6)) {
        inconsistent.add(in.name());
      }
      classic.runs += wholeOnly ? 0 : 1;
      classic.nanos += nanos;
      if (s.unmet() == 0 && opt != null && !wholeOnly) {
        classic.add(in.name(), 100 * (s.cost() - optimum) / optimum, 100 * s.gap());
      }
      long uc = cpu.getCurrentThreadCpuTime();
      long u0 = System.nanoTime();
      BatchPlan up = shipped.plan(wholeOnly ? in.orders() : in.unitOrders());
      long un = System.nanoTime() - u0;
      long unitCpu = cpu.getCurrentThreadCpuTime() - uc;
      unit.cpuNanos += wholeOnly ? 0 : unitCpu;
      unit.runs += wholeOnly ? 0 : 1;
      unit.nanos += un;
      long upend = up.pending().stream().mapToLong(p -> p.quantity()).sum();
      double ucost = up.cost().total();
      if (upend == 0 && opt != null && !wholeOnly) {
        unit.add(in.name(), 100 * (ucost - optimum) / optimum, 100 * (ucost - bound) / bound);
        if (ucost < optimum - 1e-6) {
          inconsistent.add(in.name() + " (unit)");
        }
      }
      String wholeCols = String.format(Locale.ROOT, "%9s %5s %6s %6s", "-", "-", "-", "-");
      if (whole) {
        long wc = cpu.getCurrentThreadCpuTime();
        long w0 = System.nanoTime();
        BatchPlan wp = wholeOnly ? up : shipped.plan(in.orders());
        long wn = wholeOnly ? un : System.nanoTime() - w0;
        wholeStats.cpuNanos += wholeOnly ? unitCpu : cpu.getCurrentThreadCpuTime() - wc;
        wholeStats.runs++;
        wholeStats.nanos += wn;
        long wpend = wp.pending().stream().mapToLong(p -> p.quantity()).sum();
        double wcost = wp.cost().total();
        if (wpend == 0 && opt != null) {
          wholeStats.add(in.name(), 100 * (wcost - optimum) / optimum,
              100 * (wcost - bound) / bound);
        }
        wholeCols = String.format(Locale.ROOT, "%9.1f %5d %6s %6.0f", wcost, wpend,
            wpend == 0 && opt != null ? String.format(Locale.ROOT, "%.2f",
                100 * (wcost - optimum) / optimum) : "-", wn / 1e6);
      }
      out.printf(Locale.ROOT,
          "%-4s %9.1f %9.1f %9.1f %6.2f %6.2f %6.0f | %9.1f %5d %6s %6.0f | %s%n",
          in.name(), optimum, bound, s.cost(), 100 * (s.cost() - optimum) / optimum,
          100 * s.gap(), nanos / 1e6, ucost, upend, upend == 0 && opt != null
              ? String.format(Locale.ROOT, "%.2f", 100 * (ucost - optimum) / optimum) : "-",
          un / 1e6, wholeCols);
    }
    out.println(classic.summary(String.format(Locale.ROOT, "classic (%d iterations, %d kicks)",
        iterations, kicks)));
    out.println(unit.summary("capacitated strategy, defaults, one order per unit"));
    if (whole) {
      out.println(wholeStats.summary("capacitated strategy, defaults, whole orders (feasible "
          + "ones only)"));
    }
    out.println(inconsistent.isEmpty()
        ? "sanity: every optimum is >= the Lagrangian bound and <= every plan's cost"
        : "INCONSISTENT (optimum below the bound or above a plan's cost): " + inconsistent);
  }
}
