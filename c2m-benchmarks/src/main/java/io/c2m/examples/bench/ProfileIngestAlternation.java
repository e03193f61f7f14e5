package io.c2m.examples.bench;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Two builds of {@link ProfileIngestBenchmark} in one process, each from its own benchmark jar and
 * class loader, run alternately round by round ({@code store}, then {@code hashMapBaseline}; which
 * jar goes first alternates), each operation timed in CPU time of the process (the collector's
 * threads included, read in ticks of 10 ms on Linux), in CPU time of the measuring thread (read to
 * the nanosecond; the collector's threads excluded) and in wall time. On a shared machine the load moves within seconds; the ratio
 * of the two jars' operations in the same round cancels most of it. Prints the medians per jar and
 * the median of the per-round ratios. Run: {@code java -Xmx6g -cp benchmarks.jar
 * io.c2m.examples.bench.ProfileIngestAlternation BEFORE.jar AFTER.jar [order] [rounds]}.
 */
public final class ProfileIngestAlternation {
  private ProfileIngestAlternation() {}

  /**
   * Runs the comparison.
   *
   * @param args the two jars, then the order of the signals ({@code consumer} or {@code time},
   *     default {@code consumer}), the number of measured rounds (default 20, after 3 warm-up
   *     rounds), and {@code store} to time only the store (the baseline's operation, 10 to 20
   *     times longer, then runs once per jar in the warm-up only), or the name of another of the
   *     benchmark's operations ({@code storeRecords}, {@code storeOneByOne}) to time it alone
   * @throws Exception if a jar cannot be loaded
   */
  public static void main(String[] args) throws Exception {
    String order = args.length > 2 ? args[2] : "consumer";
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
    // "store" times the bulk path alone; another operation's name (storeRecords, storeOneByOne)
    // times that operation alone in its place.
    boolean storeOnly = args.length > 4;
    String timed = storeOnly ? args[4] : "store";
    Object[] benches = new Object[2];
    Method[][] ops = new Method[2][];
    for (int j = 0; j < 2; j++) {
      URLClassLoader loader = new URLClassLoader(new URL[] {Path.of(args[j]).toUri().toURL()},
          ClassLoader.getPlatformClassLoader());
      Class<?> c = loader.loadClass("io.c2m.examples.bench.ProfileIngestBenchmark");
      Object b = c.getConstructor().newInstance();
      c.getField("order").set(b, order);
      c.getMethod("setUp").invoke(b);
      benches[j] = b;
      ops[j] = new Method[] {c.getMethod(timed), c.getMethod("hashMapBaseline")};
    }
    String[] names = {timed, "hashMapBaseline"};
    double signals = ProfileIngestBenchmark.SIGNALS;
    double[][][] cpu = new double[2][2][rounds]; // [jar][op][round], ns per signal
    double[][][] wall = new double[2][2][rounds];
    double[][][] thread = new double[2][2][rounds];
    java.lang.management.ThreadMXBean threads =
        java.lang.management.ManagementFactory.getThreadMXBean();
    long sink = 0;
    for (int r = -3; r < rounds; r++) {
      for (int k = 0; k < 2; k++) {
        int j = (r & 1) == 0 ? k : 1 - k; // which jar goes first alternates by round
        for (int op = 0; op < 2; op++) {
          if (storeOnly && op == 1 && r != -1) {
            continue;
          }
          long c0 = ProfileFootprint.cpu();
          long h0 = threads.getCurrentThreadCpuTime();
          long t0 = System.nanoTime();
          Object out = ops[j][op].invoke(benches[j]);
          long t1 = System.nanoTime();
          long h1 = threads.getCurrentThreadCpuTime();
          long c1 = ProfileFootprint.cpu();
          sink += System.identityHashCode(out);
          if (r >= 0) {
            cpu[j][op][r] = (c1 - c0) / signals;
            wall[j][op][r] = (t1 - t0) / signals;
            thread[j][op][r] = (h1 - h0) / signals;
          }
        }
      }
    }
    System.out.printf(Locale.ROOT, "order %s, %d rounds of %,.0f signals; ns per signal, median "
        + "(min to max), CPU of the process then wall%n", order, rounds, signals);
    for (int op = 0; op < (storeOnly ? 1 : 2); op++) {
      for (int j = 0; j < 2; j++) {
        System.out.printf(Locale.ROOT, "%-16s %-6s cpu %6.1f (%6.1f to %6.1f)  wall %6.1f "
            + "(%6.1f to %6.1f)%n", names[op], j == 0 ? "first" : "second",
            median(cpu[j][op]), min(cpu[j][op]), max(cpu[j][op]), median(wall[j][op]),
            min(wall[j][op]), max(wall[j][op]));
      }
      for (int j = 0; j < 2; j++) {
        System.out.printf(Locale.ROOT, "%-16s %-6s thread cpu %6.1f (%6.1f to %6.1f)%n", names[op],
            j == 0 ? "first" : "second", median(thread[j][op]), min(thread[j][op]),
            max(thread[j][op]));
      }
      double[] rc = new double[rounds];
      double[] rw = new double[rounds];
      double[] rt = new double[rounds];
      for (int r = 0; r < rounds; r++) {
        rc[r] = cpu[1][op][r] / cpu[0][op][r];
        rw[r] = wall[1][op][r] / wall[0][op][r];
        rt[r] = thread[1][op][r] / thread[0][op][r];
      }
      System.out.printf(Locale.ROOT, "%-16s second / first, per-round ratio: thread cpu median "
          + "%.3f (quartiles %.3f to %.3f)%n", names[op], median(rt), quantile(rt, 0.25),
          quantile(rt, 0.75));
      System.out.printf(Locale.ROOT, "%-16s second / first, per-round ratio: cpu median %.3f "
          + "(quartiles %.3f to %.3f), wall median %.3f (quartiles %.3f to %.3f)%n", names[op],
          median(rc), quantile(rc, 0.25), quantile(rc, 0.75), median(rw), quantile(rw, 0.25),
          quantile(rw, 0.75));
    }
    for (int j = 0; j < 2 && !storeOnly; j++) {
      double[] ratio = new double[rounds];
      for (int r = 0; r < rounds; r++) {
        ratio[r] = cpu[j][1][r] / cpu[j][0][r];
      }
      System.out.printf(Locale.ROOT, "%s jar: store / hashMapBaseline speed (CPU, per round): "
          + "median %.2fx%n", j == 0 ? "first" : "second", median(ratio));
    }
    System.out.println(sink == 42 ? "" : "-");
  }

  private static double median(double[] x) {
    return quantile(x, 0.5);
  }

  private static double quantile(double[] x, double q) {
    double[] s = x.clone();
    Arrays.sort(s);
    double pos = q * (s.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(s.length - 1, lo + 1);
    return s[lo] + (s[hi] - s[lo]) * (pos - lo);
  }

  private static double min(double[] x) {
    return Arrays.stream(x).min().orElse(Double.NaN);
  }

  private static double max(double[] x) {
    return Arrays.stream(x).max().orElse(Double.NaN);
  }
}
