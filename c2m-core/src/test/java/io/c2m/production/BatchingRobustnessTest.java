package io.c2m.production;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.ConsumerId;
import io.c2m.DesignId;
import io.c2m.OrderId;
import io.c2m.StrategyException;
import io.c2m.order.Order;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Regression tests for review findings: tolerances, overflow, wrapping of plugged strategies. */
class BatchingRobustnessTest {
  private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");
  private static final Duration DAY = Duration.ofDays(1);
  private static final DesignId A = DesignId.of("a");

  private static BatchPlan valid(BatchingProblem p, BatchPlan plan) {
    List<String> v = BatchPlanChecks.violations(p, plan);
    assertTrue(v.isEmpty(), () -> String.join("\n", v));
    return plan;
  }

  private static Order order(String id, int qty, int placed, int due) {
    return new Order(OrderId.of(id), ConsumerId.of("c"), A, qty, 10,
        T0.plus(DAY.multipliedBy(placed)), T0.plus(DAY.multipliedBy(due)).plusSeconds(60));
  }

  /**
   * Ten units of use 0.100000000001 on a line of capacity 1: the largest batch, the builder and the
   * checks must apply one rule, so the plan is found (it used to loop forever).
   */
  @Test
  void capacityRuleIsSharedSoPlacingTerminates() {
    BatchingProblem p = BatchingProblem.ofPeriodDemand(Map.of(A, new int[] {10}), Map.of(),
        ProductionConstraints.unconstrained().withCosts(10, 0, 1))
        .withLines(List.of(new ProductionLine("line", 1,
            Map.of(A, new LineUse(0, 0.100000000001)))));
    for (String name : List.of("deadline", "capacitated", "wagner-whitin", "time-window")) {
      BatchPlan plan = assertTimeoutPreemptively(Duration.ofSeconds(20),
          () -> BatchingStrategies.byName(name, Map.of()).plan(p), name);
      valid(p, plan);
      long made = plan.batches().stream().mapToLong(ProductionBatch::orderedQuantity).sum();
      long pend = plan.pending().stream().mapToLong(PendingOrder::quantity).sum();
      assertEquals(10, made + pend, name);
      ProductionLine line = p.lines().get(0);
      int largest = p.largestBatch(A);
      assertTrue(line.fits(line.uses().get(A).load(largest)), name);
      assertTrue(!line.fits(line.uses().get(A).load(largest + 1)), name);
    }
  }

  /** An order of 1.2e9 units is planned by every strategy without a contract breach. */
  @Test
  void hugeOrderDoesNotOverflow() {
    BatchingProblem p = BatchingProblem.of(List.of(order("big", 1_200_000_000, 0, 3),
        order("small", 5, 0, 3)), ProductionConstraints.unconstrained().withCosts(10, 1, 0),
        T0, DAY);
    for (String name : BatchingStrategies.names()) {
      BatchPlan plan = BatchingStrategies.byName(name, Map.of()).plan(p);
      valid(p, plan);
    }
  }

  /** Per-design totals above the int range are refused with a message naming the design. */
  @Test
  void designTotalAboveIntIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> BatchingProblem.of(List.of(order("x", 2_000_000_000, 0, 3),
            order("y", 2_000_000_000, 0, 3)), ProductionConstraints.unconstrained(), T0, DAY));
    assertTrue(e.getMessage().contains("design a") && e.getMessage().contains("4000000000"),
        e.getMessage());
  }

  /** A plugged strategy's IllegalArgumentException carries the strategy's name. */
  @Test
  void pluggedIllegalArgumentIsWrappedWithTheName() {
    BatchingStrategy broken = new BatchingStrategy() {
      @Override
      public BatchPlan plan(BatchingProblem problem) {
        throw new IllegalArgumentException("bad index");
      }

      @Override
      public String name() {
        return "plugged";
      }
    };
    BatchingProblem p = BatchingProblem.of(List.of(order("x", 1, 0, 1)),
        ProductionConstraints.unconstrained(), T0, DAY);
    StrategyException e = assertThrows(StrategyException.class,
        () -> BatchingStrategy.checked(broken).plan(p));
    assertEquals("plugged", e.strategyId());
    assertTrue(e.getMessage().contains("bad index"), e.getMessage());
    assertThrows(NullPointerException.class, () -> BatchingStrategy.checked(broken).plan(null));
  }

  /**
   * With a capacity of 5 units per period, the second order of a period cannot join the first's
   * batch: reason BATCH_FULL (not NO_CAPACITY), and the detail names the capacity, not a maximum
   * batch; an order above the limit alone says which limit it exceeds.
   */
  @Test
  void reasonsAndDetailsNameTheLimit() {
    ProductionConstraints cap5 = ProductionConstraints.unconstrained().withCosts(10, 1, 0)
        .withCapacityPerPeriod(5);
    BatchingProblem p = BatchingProblem.of(List.of(order("x", 3, 0, 2), order("y", 3, 0, 2),
        order("z", 7, 0, 2)), cap5, T0, DAY);
    BatchPlan plan = valid(p, BatchingStrategy.wagnerWhitin().plan(p));
    Map<OrderId, PendingOrder> pend = new java.util.HashMap<>();
    plan.pending().forEach(x -> pend.put(x.order(), x));
    assertEquals(PendingReason.BATCH_FULL, pend.get(OrderId.of("y")).reason());
    assertTrue(pend.get(OrderId.of("y")).detail().contains("capacity of 5 units per period"),
        pend.get(OrderId.of("y")).detail());
    assertEquals(PendingReason.EXCEEDS_MAX_BATCH, pend.get(OrderId.of("z")).reason());
    assertTrue(pend.get(OrderId.of("z")).detail().contains("capacity of 5 units per period"),
        pend.get(OrderId.of("z")).detail());
    ProductionConstraints max5 = ProductionConstraints.unconstrained().withMaximumBatch(5);
    assertTrue(BatchingProblem.of(List.of(order("x", 3, 0, 2)), max5, T0, DAY)
        .largestBatchLimit(A).contains("maximum batch of 5 units"));
  }

  /** Once the MOQ is reached, later orders of the same period join the released batch. */
  @Test
  void groupBuyAddsSamePeriodOrdersToTheReleasedBatch() {
    List<Order> orders = new java.util.ArrayList<>();
    for (int k = 0; k < 12; k++) {
      orders.add(order("o" + (10 + k), 2, 0, 3));
    }
    orders.add(order("late", 2, 1, 3));
    ProductionConstraints c = ProductionConstraints.unconstrained().withMinimumOrderQuantity(1)
        .withMaximumBatch(20).withCosts(85, 0, 1);
    BatchingProblem p = BatchingProblem.of(orders, c, T0, DAY);
    BatchPlan plan = valid(p, BatchingStrategy.groupBuy().plan(p));
    // 24 units in period 0 fit two batches of at most 20; the period-1 order is a third batch
    assertEquals(3, plan.batches().size());
    assertEquals(2, plan.batches().stream().filter(b -> b.period() == 0).count());
    assertEquals(3 * 85, plan.cost().setup(), 1e-9);
  }

  /**
   * Capacity 10 per period, orders of 10 due in period 2 and of 10 due in period 2 again, all
   * placed in period 0: one fits period 2, the other must go to period 1 (earlier capacity), not
   * to period 3 (late). The plan counts its late orders.
   */
  @Test
  void deadlineSchedulesBackwardIntoEarlierCapacity() {
    ProductionConstraints cap10 = ProductionConstraints.unconstrained().withCosts(1, 0, 1)
        .withCapacityPerPeriod(10);
    BatchingProblem p = BatchingProblem.of(List.of(order("x", 10, 0, 2), order("y", 10, 0, 2)),
        cap10, T0, DAY).withHorizon(4);
    BatchPlan plan = valid(p, BatchingStrategy.deadline().plan(p));
    assertEquals(List.of(1, 2), plan.batches().stream().map(ProductionBatch::period).toList());
    assertEquals(0, plan.lateOrderCount());
    BatchingProblem tight = BatchingProblem.of(List.of(order("x", 10, 2, 2),
        order("y", 10, 2, 2)), cap10, T0, DAY).withHorizon(4);
    BatchPlan late = valid(tight, BatchingStrategy.deadline().plan(tight));
    assertEquals(1, late.lateOrderCount());
  }

  /** The provenance says which lot-sizing algorithm actually ran, per design. */
  @Test
  void provenanceRecordsTheAlgorithmThatRan() {
    ProductionConstraints moq5 = ProductionConstraints.unconstrained().withCosts(10, 0, 1)
        .withMinimumOrderQuantity(5);
    BatchingProblem withMoq = BatchingProblem.of(List.of(order("x", 3, 0, 2)), moq5, T0, DAY);
    assertEquals("reference=1", BatchingStrategy.wagnerWhitin().plan(withMoq).provenance()
        .settings().get("ran"));
    BatchingProblem later = BatchingProblem.of(List.of(order("x", 3, 0, 2), order("y", 3, 1, 3)),
        ProductionConstraints.unconstrained().withCosts(10, 0, 1), T0, DAY);
    assertEquals("fast-limited=1", BatchingStrategy.wagnerWhitin().plan(later).provenance()
        .settings().get("ran"));
    BatchingProblem classic = BatchingProblem.of(List.of(order("x", 3, 0, 2)),
        ProductionConstraints.unconstrained().withCosts(10, 0, 1), T0, DAY);
    assertEquals("fast=1", BatchingStrategy.wagnerWhitin().plan(classic).provenance()
        .settings().get("ran"));
  }
}
