package io.c2m.examples.bench;

import io.c2m.DesignId;
import io.c2m.production.BatchPlan;
import io.c2m.production.BatchingProblem;
import io.c2m.production.BatchingStrategy;
import io.c2m.production.ProductionConstraints;
import io.c2m.production.internal.LotSizing;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@code wagner-whitin} on 10,000 designs x 52 periods (520,000 design-periods): the algorithm
 * alone on arrays ({@code kernelFast}, against {@code kernelReference}, the O(T^2) baseline), and
 * the whole strategy on a {@link BatchingProblem} of 10,000 x 52 orders (building the per-design
 * instances, the plan, its batches and costs).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BatchingManyDesignsBenchmark {
  static final int DESIGNS = 10_000;
  static final int PERIODS = 52;

  long[][] demand;
  double[] setup;
  double[] unit;
  double[] hold;
  BatchingProblem problem;
  BatchingStrategy strategy;

  /** Creates the benchmark state; JMH instantiates it. */
  public BatchingManyDesignsBenchmark() {}

  /** Draws the instances (seed 42). */
  @Setup
  public void setUp() {
    Random r = new Random(42);
    demand = new long[DESIGNS][PERIODS];
    Map<DesignId, int[]> byDesign = new HashMap<>();
    for (int i = 0; i < DESIGNS; i++) {
      int[] d = new int[PERIODS];
      for (int t = 0; t < PERIODS; t++) {
        d[t] = r.nextInt(10) == 0 ? 0 : r.nextInt(200);
        demand[i][t] = d[t];
      }
      byDesign.put(DesignId.of(String.format("d%05d", i)), d);
    }
    setup = new double[PERIODS];
    Arrays.fill(setup, 500);
    unit = new double[PERIODS];
    hold = new double[PERIODS];
    Arrays.fill(hold, 1);
    problem = BatchingProblem.ofPeriodDemand(byDesign, Map.of(),
        ProductionConstraints.unconstrained().withCosts(500, 0, 1));
    strategy = BatchingStrategy.wagnerWhitin();
  }

  /**
   * The O(T log T) algorithm over every design.
   *
   * @return the total cost
   */
  @Benchmark
  public double kernelFast() {
    double sum = 0;
    for (long[] d : demand) {
      sum += LotSizing.fast(d, setup, unit, hold).cost();
    }
    return sum;
  }

  /**
   * The O(T^2) reference over every design, the baseline.
   *
   * @return the total cost
   */
  @Benchmark
  public double kernelReference() {
    double sum = 0;
    for (long[] d : demand) {
      sum += LotSizing.reference(d, setup, unit, hold, 1, 1, Long.MAX_VALUE, null).cost();
    }
    return sum;
  }

  /**
   * The strategy end to end on the order-level problem.
   *
   * @return the plan
   */
  @Benchmark
  public BatchPlan strategy() {
    return strategy.plan(problem);
  }
}
