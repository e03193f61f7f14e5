package io.c2m.examples.bench;

import io.c2m.production.BatchPlan;
import io.c2m.production.BatchingProblem;
import io.c2m.production.BatchingStrategies;
import io.c2m.production.BatchingStrategy;
import io.c2m.production.internal.Clsp;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
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
 * {@code capacitated}: time per Trigeiro instance from {@code ../shared/data/lotsizing} (run from
 * the repository root), with the strategy's default settings (200 subgradient iterations, 30
 * kicks): {@code strategy} is the shipped strategy on the instance as whole orders per item and
 * period (as {@code c2m plan} runs it), {@code strategyUnitOrders} the same with one order per
 * unit ({@code --order-size 1}: the splittable problem), {@code classic} the solver on the
 * splittable classic CLSP.
 * The baseline in the same run, {@code noKicks}, is the classic solver without the kick phase (the
 * subgradient iterations and their local searches still run: it is not a bound-only run).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BatchingCapacitatedBenchmark {
  /** The instance. */
  @Param({"F1", "F35", "F69"})
  public String instance;

  /** The data directory. */
  @Param({"../shared/data/lotsizing"})
  public String dir;

  Clsp problem;

  BatchingProblem orders;

  BatchingProblem unitOrders;

  BatchingStrategy strategy;

  /** Creates the benchmark state; JMH instantiates it. */
  public BatchingCapacitatedBenchmark() {}

  /**
   * Reads the instance.
   *
   * @throws IOException if the data cannot be read
   */
  @Setup
  public void setUp() throws IOException {
    List<BatchingTrigeiroEvaluation.Instance> all = BatchingTrigeiroEvaluation.read(Path.of(dir));
    BatchingTrigeiroEvaluation.Instance in = all.stream()
        .filter(i -> i.name().equals(instance)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No instance " + instance + " in " + dir));
    problem = in.problem();
    orders = in.orders();
    unitOrders = in.unitOrders();
    strategy = BatchingStrategies.byName("capacitated", java.util.Map.of());
  }

  /**
   * The shipped strategy, default settings, whole orders.
   *
   * @return the plan
   */
  @Benchmark
  public BatchPlan strategy() {
    return strategy.plan(orders);
  }

  /**
   * The shipped strategy, default settings, one order per unit ({@code c2m plan --order-size 1}).
   *
   * @return the plan
   */
  @Benchmark
  public BatchPlan strategyUnitOrders() {
    return strategy.plan(unitOrders);
  }

  /**
   * The classic splittable solver with the strategy's default settings.
   *
   * @return the solution
   */
  @Benchmark
  public Clsp.Solution classic() {
    return problem.solve(200, 30, 42);
  }

  /**
   * The baseline: the classic solver without the kick phase (local searches still run).
   *
   * @return the solution
   */
  @Benchmark
  public Clsp.Solution noKicks() {
    return problem.solve(200, 0, 42);
  }
}
