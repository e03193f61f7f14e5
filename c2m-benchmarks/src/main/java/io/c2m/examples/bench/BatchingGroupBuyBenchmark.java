package io.c2m.examples.bench;

import io.c2m.ConsumerId;
import io.c2m.DesignId;
import io.c2m.OrderId;
import io.c2m.order.Order;
import io.c2m.production.BatchPlan;
import io.c2m.production.BatchingProblem;
import io.c2m.production.BatchingStrategy;
import io.c2m.production.ProductionConstraints;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
 * {@code group-buy} over 1,000,000 orders of 10,000 designs placed over 30 days, MOQ 50, campaign
 * window 7 days; the baseline reads every order once (sums quantities per design) in the same run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BatchingGroupBuyBenchmark {
  static final int ORDERS = 1_000_000;
  static final int DESIGNS = 10_000;

  BatchingProblem problem;
  BatchingStrategy strategy;

  /** Creates the benchmark state; JMH instantiates it. */
  public BatchingGroupBuyBenchmark() {}

  /** Draws the orders (seed 42). */
  @Setup
  public void setUp() {
    Random r = new Random(42);
    Instant start = Instant.parse("2026-01-01T00:00:00Z");
    List<DesignId> designs = new ArrayList<>();
    for (int i = 0; i < DESIGNS; i++) {
      designs.add(DesignId.of(String.format("d%05d", i)));
    }
    List<Order> orders = new ArrayList<>(ORDERS);
    for (int k = 0; k < ORDERS; k++) {
      Instant placed = start.plusSeconds(r.nextInt(30 * 86_400));
      orders.add(new Order(OrderId.of("o" + k), ConsumerId.of("c" + r.nextInt(100_000)),
          designs.get(r.nextInt(DESIGNS)), 1 + r.nextInt(3), 20, placed,
          placed.plus(Duration.ofDays(14))));
    }
    problem = BatchingProblem.of(orders, ProductionConstraints.unconstrained()
        .withMinimumOrderQuantity(50).withCosts(100, 5, 0.1), start, Duration.ofDays(1));
    strategy = BatchingStrategy.groupBuy(7);
  }

  /**
   * Group-buy planning of the million orders.
   *
   * @return the plan
   */
  @Benchmark
  public BatchPlan groupBuy() {
    return strategy.plan(problem);
  }

  /**
   * The baseline: one pass over the orders.
   *
   * @return units per design hash
   */
  @Benchmark
  public long baselineScan() {
    long[] units = new long[DESIGNS];
    for (Order o : problem.orders()) {
      units[Math.floorMod(o.design().hashCode(), DESIGNS)] += o.quantity();
    }
    long h = 0;
    for (long u : units) {
      h = 31 * h + u;
    }
    return h;
  }
}
