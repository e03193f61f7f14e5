package io.c2m.examples.cli;

import io.c2m.examples.sim.ProgressBar;
import io.c2m.examples.sim.SimulationCharts;
import io.c2m.examples.sim.SimulationReport;
import io.c2m.sim.Comparison;
import io.c2m.sim.Simulation;
import io.c2m.sim.SimulationListener;
import io.c2m.sim.SimulationSettings;
import io.c2m.sim.SimulationStrategies;
import io.c2m.sim.SimulationStrategy;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code c2m simulate}: runs strategies (C2M through the engine, make-to-stock) over time on
 * seeded marketplaces and writes the HTML report, CSV, JSON and PNG charts.
 */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = "Run C2M and make-to-stock over time on the same seeded marketplaces and "
        + "compare them: each metric's mean with a 95%% confidence interval over the seeds, "
        + "paired t-tests, charts and a self-contained HTML report.")
public final class SimulateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--strategies", split = ",", paramLabel = "NAME",
      defaultValue = "make-to-stock,c2m:group-buy,c2m:wagner-whitin",
      description = "Strategies, comma-separated (default: ${DEFAULT-VALUE}): make-to-stock or "
          + "c2m[:BATCHING[:INFERENCE[:TAILOR]]]; --list-strategies shows the names.")
  List<String> strategies;

  @Option(names = "--periods", paramLabel = "DAYS", description = "Days consumers order in "
      + "(default: 180).")
  Integer periods;

  @Option(names = "--seeds", paramLabel = "M", defaultValue = "10", description = "Number of "
      + "seeds, each a different draw of the same market (default: ${DEFAULT-VALUE}).")
  int seeds;

  @Option(names = "--first-seed", defaultValue = "1", description = "The first seed; the others "
      + "follow it (default: ${DEFAULT-VALUE}).")
  long firstSeed;

  @Option(names = "--consumers", description = "Consumers; the planted niches' members scale "
      + "with them (default: 20000).")
  Integer consumers;

  @Option(names = "--set", paramLabel = "NAME=VALUE", description = "Set any market or "
      + "production knob listed below; repeatable.")
  Map<String, String> knobs = new LinkedHashMap<>();

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "simulation", description =
      "Directory for report.html, runs.csv, summary.csv, paired.csv, comparison.json and the "
          + "charts (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--no-report", description = "Write only the CSV and JSON, no charts or HTML.")
  boolean noReport;

  @Option(names = "--timing", description = "Print the wall time, CPU time and peak heap of the "
      + "runs (the speed benchmark of BENCHMARKS.md).")
  boolean timing;

  @Option(names = "--threads", paramLabel = "N", description = "Threads the runs and their "
      + "side work use, the main thread included; the results do not depend on it (default: the "
      + "number of processors; 1 runs everything on the main thread).")
  Integer threads;

  @Option(names = "--list-strategies", description = "List the strategy names and exit.")
  boolean list;

  /** Creates the command. */
  public SimulateCommand() {}

  /**
   * Returns the command with its help footer: every knob of {@link SimulationSettings} with its
   * meaning and default.
   *
   * @return the command line
   */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new SimulateCommand());
    StringBuilder footer = new StringBuilder("%nMarket and production knobs (--set NAME=VALUE):%n");
    for (Map.Entry<String, String> e : SimulationSettings.knobs().entrySet()) {
      if (!e.getKey().equals("niches")) {
        footer.append(String.format(Locale.ROOT, "  %-20s %s%n", e.getKey(),
            e.getValue().replace("%", "%%")));
      }
    }
    footer.append("%nStrategy names (--strategies): ")
        .append(String.join(", ", SimulationStrategies.names()))
        .append("; c2m:BATCHING:INFERENCE:TAILOR also picks the niche inference (")
        .append(String.join(", ", new java.util.TreeSet<>(
            io.c2m.niche.NicheInferences.names())))
        .append(") and the design tailor (")
        .append(String.join(", ", new java.util.TreeSet<>(io.c2m.design.DesignTailors.names())))
        .append(").%n");
    footer.append("%nExamples:%n"
        + "  c2m simulate --strategies make-to-stock,c2m:group-buy --periods 180 \\%n"
        + "      --seeds 10 --out sim%n"
        + "  c2m simulate --seeds 3 --consumers 5000 --set moq=50 --no-report%n"
        + "  c2m simulate --list-strategies%n");
    cl.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n")
        .exitCodeList(HelpTexts.codes("0", "report written", "1", "failed (the message says why)",
            "2", "bad usage: an unknown option or a bad value"));
    cl.getCommandSpec().usageMessage().footer(footer.toString());
    return cl;
  }

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (list) {
      SimulationStrategies.names().forEach(stdout::println);
      stdout.flush();
      return 0;
    }
    SimulationSettings settings = settings();
    List<SimulationStrategy> chosen = new ArrayList<>();
    for (String name : strategies) {
      try {
        chosen.add(SimulationStrategies.byName(name));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "--strategies: " + e.getMessage());
      }
    }
    if (seeds < 1 || seeds > 1000) {
      throw new ParameterException(spec.commandLine(),
          "--seeds (" + seeds + ") must be from 1 to 1000.");
    }
    List<Long> seedList = new ArrayList<>();
    for (int i = 0; i < seeds; i++) {
      seedList.add(firstSeed + i);
    }
    SimulationListener progress =
        new ProgressBar(err, System.console() != null, System::nanoTime);
    int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (n < 1 || n > 256) {
      throw new ParameterException(spec.commandLine(),
          "--threads (" + n + ") must be from 1 to 256.");
    }
    // The main thread takes part, so n threads in all is a pool of n - 1 helpers.
    java.util.concurrent.ExecutorService pool = n == 1 ? null
        : java.util.concurrent.Executors.newFixedThreadPool(n - 1, r -> {
          Thread t = new Thread(r, "c2m-simulate");
          t.setDaemon(true);
          return t;
        });
    long wall = System.nanoTime();
    long cpu = cpuNanos();
    Comparison c;
    try {
      c = pool == null ? Simulation.compare(settings, chosen, seedList, progress)
          : Simulation.compare(settings, chosen, seedList, progress, pool);
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
    wall = System.nanoTime() - wall;
    cpu = cpuNanos() - cpu;
    write(c, out, !noReport);
    stdout.print(SimulationReport.text(c, List.of("margin", "productionCost",
        "costPerDeliveredUnit", "unsoldUnits", "lostSales", "fillRate", "meanWait",
        "meanTimeToFirstBatch", "meanServedShare")));
    stdout.printf(Locale.ROOT, "Assumptions: %d consumers, %d days, %d seeds; C2M lead time %d "
        + "days, campaign %d days, MOQ %d; make-to-stock seasons of %d days, lead time %d days; "
        + "price elasticity %.2f, mean patience %.0f days (every knob: report.html, --help).%n",
        settings.consumers(), settings.periods(), seeds, settings.leadTime(),
        settings.campaignPeriods(), settings.moq(), settings.seasonLength(),
        settings.mtsLeadTime(), settings.priceElasticity(), settings.patience());
    stdout.println("Wrote " + (noReport ? "" : "report.html, the charts, ")
        + "runs.csv, summary.csv, paired.csv and comparison.json to " + out + ".");
    if (timing) {
      stdout.printf(Locale.ROOT, "timing: %d runs, %d consumers, %d periods, %,d signals per "
          + "run: wall %.1f s, CPU %.1f s, peak heap %.0f MB%n", chosen.size() * seeds,
          settings.consumers(), settings.periods(), (long) settings.consumers()
              * settings.signalsPerConsumer(), wall / 1e9, cpu / 1e9, peakHeapMb());
    }
    stdout.flush();
    return 0;
  }

  private SimulationSettings settings() {
    SimulationSettings s = SimulationSettings.defaults();
    try {
      if (periods != null) {
        s = s.withPeriods(periods);
      }
      if (consumers != null) {
        s = s.withConsumers(consumers);
      }
      for (Map.Entry<String, String> e : knobs.entrySet()) {
        s = s.with(e.getKey(), e.getValue());
      }
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    return s;
  }

  /**
   * Writes a comparison's files into a directory.
   *
   * @param c the comparison
   * @param dir the directory, created if missing
   * @param report whether to draw the charts and the HTML report too
   */
  public static void write(Comparison c, Path dir, boolean report) {
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("runs.csv"), c.runsCsv(), StandardCharsets.UTF_8);
      Files.writeString(dir.resolve("summary.csv"), c.summaryCsv(), StandardCharsets.UTF_8);
      Files.writeString(dir.resolve("paired.csv"), c.pairedCsv(), StandardCharsets.UTF_8);
      Files.writeString(dir.resolve("comparison.json"), c.toJson(), StandardCharsets.UTF_8);
      if (report) {
        Map<String, byte[]> charts = SimulationCharts.draw(c);
        Path chartDir = Files.createDirectories(dir.resolve("charts"));
        for (Map.Entry<String, byte[]> e : charts.entrySet()) {
          Files.write(chartDir.resolve(e.getKey()), e.getValue());
        }
        Files.writeString(dir.resolve("report.html"), SimulationReport.html(c, charts),
            StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the simulation's files to " + dir + ": "
          + e.getMessage(), e);
    }
  }

  private static long cpuNanos() {
    java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      return sun.getProcessCpuTime();
    }
    return 0;
  }

  private static double peakHeapMb() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak / 1e6;
  }
}
