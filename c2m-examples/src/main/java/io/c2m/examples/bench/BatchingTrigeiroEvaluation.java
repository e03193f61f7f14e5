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
 * <p>Run: {@code java -cp c2m-examples/target/c2m.jar
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
   */
  public record Instance(String name, Clsp problem, BatchingProblem orders) {}

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
      out.add(new Instance(e.getKey(),
          Clsp.classic(capacity, setupTime, unitUse, setupCost, holdingCost, d), orders));
    }
    out.sort((a, b) -> Integer.compare(instanceOrder(a.name()), instanceOrder(b.name())));
    return out;
  }

  /**
   * Prints the gap per instance and the mean.
   *
   * @param args optional directory (default {@code ../shared/data/lotsizing}) iterations and kicks
   * @throws IOException if the data cannot be read
   */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "../shared/data/lotsizing");
    int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    int kicks = args.length > 2 ? Integer.parseInt(args[2]) : 30;
    PrintStream out = System.out;
    if (!Files.isDirectory(dir)) {
      System.err.println("No Trigeiro data in " + dir + " (see /work/shared/data/README.md).");
      System.exit(1);
    }
    double sum = 0;
    double worst = 0;
    int count = 0;
    long totalNanos = 0;
    out.printf(Locale.ROOT, "%-6s %12s %12s %8s %9s | %12s %8s %8s %9s%n", "inst", "cost",
        "lowerBound", "gap%", "ms", "strategyCost", "pending", "gap%", "ms");
    BatchingStrategy shipped = BatchingStrategies.byName("capacitated", Map.of());
    double strategySum = 0;
    int feasible = 0;
    long strategyNanos = 0;
    for (Instance in : read(dir)) {
      long t0 = System.nanoTime();
      Clsp.Solution s = in.problem().solve(iterations, kicks, 42);
      long nanos = System.nanoTime() - t0;
      totalNanos += nanos;
      double gap = 100 * s.gap();
      sum += gap;
      worst = Math.max(worst, gap);
      count++;
      long s0 = System.nanoTime();
      BatchPlan plan = shipped.plan(in.orders());
      long sn = System.nanoTime() - s0;
      strategyNanos += sn;
      long pending = plan.pending().stream().mapToLong(p -> p.quantity()).sum();
      double sgap = 100 * (plan.cost().total() - s.lowerBound()) / s.lowerBound();
      if (pending == 0) {
        feasible++;
        strategySum += sgap;
      }
      out.printf(Locale.ROOT, "%-6s %12.1f %12.1f %8.2f %9.1f | %12.1f %8d %8s %9.1f%n",
          in.name(), s.cost(), s.lowerBound(), gap, nanos / 1e6, plan.cost().total(), pending,
          pending == 0 ? String.format(Locale.ROOT, "%.2f", sgap) : "-", sn / 1e6);
    }
    out.printf(Locale.ROOT, "classic (%d iterations, %d kicks): instances %d, mean gap %.2f%%, "
        + "worst %.2f%%, mean time %.1f ms%n", iterations, kicks, count, sum / count, worst,
        totalNanos / 1e6 / count);
    out.printf(Locale.ROOT, "capacitated strategy (defaults, whole orders): feasible %d of %d, "
        + "mean gap over the feasible %.2f%%, mean time %.1f ms%n", feasible, count,
        feasible == 0 ? Double.NaN : strategySum / feasible, strategyNanos / 1e6 / count);
  }
}
