package io.c2m.examples.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * CPU seconds per operation of the two batching throughput benchmarks, next to their JMH figures:
 * on the shared 2-core machine (load 5 to 13) JMH's wall-clock times swing by more than their
 * mean, because the benchmark thread and its garbage collector wait for a core. The CPU time the
 * whole JVM consumes per operation (every thread: planning, garbage collection, compilation) does
 * not count that wait, so it states what "N per second on one core" needs. Run it on one core:
 *
 * <pre>
 * taskset -c 1 java -XX:ActiveProcessorCount=1 -Xmx3g -cp c2m-benchmarks/target/benchmarks.jar \
 *   io.c2m.examples.bench.BatchingCpuTime 15
 * </pre>
 *
 * <p>Each workload is the JMH benchmark's own state ({@link BatchingManyDesignsBenchmark},
 * {@link BatchingGroupBuyBenchmark}), run {@code reps} times after as many warm-up runs; the
 * median is printed with the same-run baseline ({@code kernelFast}, {@code baselineScan}) and the
 * throughput it implies. It complements JMH; it does not replace it.
 */
public final class BatchingCpuTime {
  private BatchingCpuTime() {}

  /**
   * Runs the measurement.
   *
   * @param args the number of measured repetitions (default 15)
   */
  public static void main(String[] args) {
    int reps = args.length > 0 ? Integer.parseInt(args[0]) : 15;
    BatchingManyDesignsBenchmark ww = new BatchingManyDesignsBenchmark();
    ww.setUp();
    long designPeriods = (long) BatchingManyDesignsBenchmark.DESIGNS
        * BatchingManyDesignsBenchmark.PERIODS;
    report("wagner-whitin strategy", designPeriods, "design-periods", median(ww::strategy, reps),
        "kernelFast", median(ww::kernelFast, reps));
    ww = null;
    BatchingGroupBuyBenchmark gb = new BatchingGroupBuyBenchmark();
    gb.setUp();
    report("group-buy", BatchingGroupBuyBenchmark.ORDERS, "orders", median(gb::groupBuy, reps),
        "baselineScan", median(gb::baselineScan, reps));
  }

  private static void report(String name, long units, String unit, double seconds,
      String baseline, double baseSeconds) {
    System.out.printf("%s: %.1f ms CPU per op, %.2f M %s per CPU-second; %s %.1f ms (ratio %.1f)%n",
        name, seconds * 1e3, units / seconds / 1e6, unit, baseline, baseSeconds * 1e3,
        seconds / baseSeconds);
  }

  /** Median process CPU seconds of one call, after {@code reps} warm-up calls. */
  private static double median(Supplier<?> op, int reps) {
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    Object sink = null;
    for (int i = 0; i < reps; i++) {
      sink = op.get();
    }
    double[] t = new double[reps];
    for (int i = 0; i < reps; i++) {
      long c0 = os.getProcessCpuTime();
      sink = op.get();
      t[i] = (os.getProcessCpuTime() - c0) / 1e9;
    }
    if (sink == null) {
      throw new IllegalStateException("no result");
    }
    Arrays.sort(t);
    return t[reps / 2];
  }
}
