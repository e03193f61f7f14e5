package io.c2m.examples.bench;

import java.util.Locale;

/**
 * The workload of {@link ProfileIngestBenchmark} timed in CPU time of the whole process (all
 * threads, the garbage collector's included), interleaving the store and the baselines round by
 * round ({@code store} is the bulk path, {@code storeOneByOne} one call per signal): on a shared
 * machine the wall clock depends on the other tenants, CPU time much less. Run
 * pinned to one core for the "one core" figure: {@code taskset -c 0 java -cp benchmarks.jar
 * io.c2m.examples.bench.ProfileIngestCpu [rounds]}.
 */
public final class ProfileIngestCpu {
  private ProfileIngestCpu() {}

  /**
   * Runs the measurement.
   *
   * @param args the number of measured rounds (default 10), after 3 warm-up rounds; then the
   *     order of the signals, {@code consumer} (default) or {@code time}
   */
  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    ProfileIngestBenchmark b = new ProfileIngestBenchmark();
    b.order = args.length > 1 ? args[1] : "consumer";
    b.setUp();
    String[] names = {"store", "storeRecords", "hashMapBaseline", "hashMapStringBaseline",
        "storeOneByOne"};
    double[][] cpuPerSignal = new double[names.length][rounds];
    double[][] wallPerSignal = new double[names.length][rounds];
    long sink = 0;
    for (int r = -3; r < rounds; r++) {
      for (int v = 0; v < names.length; v++) {
        long c0 = ProfileFootprint.cpu();
        long t0 = System.nanoTime();
        Object out = switch (v) {
          case 0 -> b.store();
          case 1 -> b.storeRecords();
          case 2 -> b.hashMapBaseline();
          case 3 -> b.hashMapStringBaseline();
          default -> b.storeOneByOne();
        };
        long t1 = System.nanoTime();
        long c1 = ProfileFootprint.cpu();
        sink += System.identityHashCode(out);
        if (r >= 0) {
          cpuPerSignal[v][r] = (c1 - c0) / (double) ProfileIngestBenchmark.SIGNALS;
          wallPerSignal[v][r] = (t1 - t0) / (double) ProfileIngestBenchmark.SIGNALS;
        }
      }
    }
    System.out.printf(Locale.ROOT, "order %s, %d rounds of %,d signals (median, min, max; "
        + "M signals per CPU-second of the process, then per wall-clock second)%n", b.order, rounds,
        ProfileIngestBenchmark.SIGNALS);
    double[] medians = new double[names.length];
    for (int v = 0; v < names.length; v++) {
      double[] c = cpuPerSignal[v].clone();
      java.util.Arrays.sort(c);
      double[] w = wallPerSignal[v].clone();
      java.util.Arrays.sort(w);
      medians[v] = c[rounds / 2];
      System.out.printf(Locale.ROOT, "%-22s cpu %6.2f M/s (%.2f to %.2f)   wall %6.2f M/s "
          + "(%.2f to %.2f)%n", names[v], 1e3 / c[rounds / 2], 1e3 / c[rounds - 1], 1e3 / c[0],
          1e3 / w[rounds / 2], 1e3 / w[rounds - 1], 1e3 / w[0]);
    }
    System.out.printf(Locale.ROOT, "store / hashMapBaseline (median CPU): %.2fx; store / "
        + "hashMapStringBaseline: %.2fx%n", medians[2] / medians[0], medians[3] / medians[0]);
    // Per round ratios, so that the spread of the ratio itself is visible.
    double[] ratio = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      ratio[r] = Math.min(cpuPerSignal[2][r], cpuPerSignal[3][r]) / cpuPerSignal[0][r];
    }
    java.util.Arrays.sort(ratio);
    System.out.printf(Locale.ROOT, "per round, store against the faster baseline: median %.2fx, "
        + "min %.2fx, max %.2fx (%d)%n", ratio[rounds / 2], ratio[0], ratio[rounds - 1],
        sink & 1);
  }
}
