package io.c2m.examples.bench;

import io.c2m.production.internal.LotSizing;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@code wagner-whitin}: the O(T log T) algorithm of Wagelmans, van Hoesel and Kolen (1992)
 * against the O(T^2) textbook dynamic programme, in the same run, on one design of T periods.
 * Demand is uniform on 0..199 with 10% zero periods, setup cost 500, holding cost 1 (seed 42).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class BatchingWagnerWhitinBenchmark {
  /** Periods. */
  @Param({"52", "365", "5000"})
  public int periods;

  long[] demand;
  double[] setup;
  double[] unit;
  double[] hold;

  /** Creates the benchmark state; JMH instantiates it. */
  public BatchingWagnerWhitinBenchmark() {}

  /** Draws the instance. */
  @Setup
  public void setUp() {
    Random r = new Random(42);
    demand = new long[periods];
    for (int t = 0; t < periods; t++) {
      demand[t] = r.nextInt(10) == 0 ? 0 : r.nextInt(200);
    }
    setup = new double[periods];
    Arrays.fill(setup, 500);
    unit = new double[periods];
    hold = new double[periods];
    Arrays.fill(hold, 1);
  }

  /**
   * The O(T log T) algorithm.
   *
   * @return the plan
   */
  @Benchmark
  public LotSizing.Solution fast() {
    return LotSizing.fast(demand, setup, unit, hold);
  }

  /**
   * The O(T^2) reference, the baseline.
   *
   * @return the plan
   */
  @Benchmark
  public LotSizing.Solution reference() {
    return LotSizing.reference(demand, setup, unit, hold, 1, 1, Long.MAX_VALUE, null);
  }
}
