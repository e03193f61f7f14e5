package io.c2m.examples.bench;

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
 * {@code capacitated}: time to solve one Trigeiro instance (300 subgradient iterations, 30 kicks)
 * from {@code ../shared/data/lotsizing} (run from the repository root). The baseline in the same
 * run is 300 iterations without local search (bound and a few heuristic calls only).
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
    problem = all.stream().filter(i -> i.name().equals(instance)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No instance " + instance + " in " + dir))
        .problem();
  }

  /**
   * The solver as the evaluation command runs it.
   *
   * @return the solution
   */
  @Benchmark
  public Clsp.Solution solve() {
    return problem.solve(300, 30, 42);
  }

  /**
   * The baseline: the same subgradient iterations without the perturbation phase.
   *
   * @return the solution
   */
  @Benchmark
  public Clsp.Solution boundOnly() {
    return problem.solve(300, 0, 42);
  }
}
