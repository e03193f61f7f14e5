package io.c2m.production;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.ConsumerId;
import io.c2m.DesignId;
import io.c2m.InvalidConfigurationException;
import io.c2m.OrderId;
import io.c2m.demand.ForecastPoint;
import io.c2m.order.Order;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Examples of each built-in strategy, with expected values worked out by hand. */
class BatchingStrategiesTest {
  private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");
  private static final Duration DAY = Duration.ofDays(1);
  private static final DesignId A = DesignId.of("a");
  private static final DesignId B = DesignId.of("b");

  private static Order order(String id, DesignId d, int qty, int placed, int due) {
    return new Order(OrderId.of(id), ConsumerId.of("c"), d, qty, 10,
        T0.plus(DAY.multipliedBy(placed)).plusSeconds(60),
        T0.plus(DAY.multipliedBy(due)).plusSeconds(120));
  }

  private static BatchPlan valid(BatchingProblem p, BatchPlan plan) {
    List<String> v = BatchPlanChecks.violations(p, plan);
    assertTrue(v.isEmpty(), () -> String.join("\n", v));
    return plan;
  }

  /** Wagner and Whitin (1958): the 12-month example through the strategy API costs 864. */
  @Test
  void wagnerWhitinReproducesThe1958ExampleThroughTheStrategy() {
    int[] demand = {69, 29, 36, 61, 61, 26, 34, 67, 45, 67, 79, 56};
    List<Double> setup = Arrays.asList(85.0, 102.0, 102.0, 101.0, 98.0, 114.0, 105.0, 86.0,
        119.0, 110.0, 98.0, 114.0);
    BatchingProblem p = BatchingProblem.ofPeriodDemand(Map.of(A, demand), Map.of(),
        ProductionConstraints.unconstrained().withCosts(0, 0, 1))
        .withPeriodCosts(Map.of(A, new PeriodCosts(setup, List.of(), List.of())));
    for (BatchingStrategy s : List.of(BatchingStrategy.wagnerWhitin(),
        BatchingStrategies.byName("wagner-whitin", Map.of("algorithm", "reference")))) {
      BatchPlan plan = valid(p, s.plan(p));
      assertEquals(864, plan.cost().total(), 1e-9);
      assertEquals(12, plan.batches().stream().mapToInt(b -> b.orders().size()).sum());
    }
    BatchPlan sm = valid(p, BatchingStrategy.silverMeal().plan(p));
    assertTrue(sm.cost().total() >= 864);
  }

  @Test
  void groupBuyCancelsCampaignsWhoseWindowClosesBelowTheMoq() {
    ProductionConstraints moq10 = ProductionConstraints.unconstrained()
        .withMinimumOrderQuantity(10).withCosts(5, 1, 0);
    List<Order> orders = List.of(
        order("a1", A, 4, 0, 9), order("a2", A, 3, 1, 9),  // 7 < 10 when the window closes
        order("b1", B, 6, 0, 9), order("b2", B, 5, 2, 9),  // 11 >= 10 in period 2
        order("a3", A, 2, 5, 9));                          // a new campaign, still open
    BatchingProblem p = new BatchingProblem(orders, Map.of(), moq10, T0, DAY).withHorizon(10)
        .withHorizon(10);
    BatchPlan plan = valid(p, BatchingStrategy.groupBuy(3).plan(p));
    assertEquals(1, plan.batches().size());
    ProductionBatch b = plan.batches().get(0);
    assertEquals(B, b.design());
    assertEquals(2, b.period());
    assertEquals(11, b.quantity());
    Map<OrderId, PendingReason> reasons = new java.util.HashMap<>();
    plan.pending().forEach(x -> reasons.put(x.order(), x.reason()));
    assertEquals(PendingReason.CANCELLED_WINDOW_CLOSED, reasons.get(OrderId.of("a1")));
    assertEquals(PendingReason.CANCELLED_WINDOW_CLOSED, reasons.get(OrderId.of("a2")));
    // opened in period 5, closes at 8 < horizon 10: also cancelled, never counted as produced
    assertEquals(PendingReason.CANCELLED_WINDOW_CLOSED, reasons.get(OrderId.of("a3")));
    assertTrue(PendingReason.CANCELLED_WINDOW_CLOSED.isCancellation());
    // without a window the same orders wait below the MOQ
    BatchPlan open = valid(p, BatchingStrategy.groupBuy().plan(p));
    assertTrue(open.pending().stream().allMatch(x -> x.reason() == PendingReason.BELOW_MOQ));
  }

  @Test
  void deadlineReleasesAsLateAsPossibleAndFlagsTheImpossible() {
    ProductionConstraints lead2 = ProductionConstraints.unconstrained().withLeadTimePeriods(2)
        .withCosts(1, 0, 1);
    List<Order> orders = List.of(order("x", A, 5, 0, 6), order("y", A, 5, 3, 4));
    BatchingProblem p = new BatchingProblem(orders, Map.of(), lead2, T0, DAY);
    BatchPlan plan = valid(p, BatchingStrategy.deadline().plan(p));
    assertEquals(1, plan.batches().size());
    assertEquals(4, plan.batches().get(0).period());   // due 6 - lead 2
    assertEquals(0, plan.cost().holding(), 0);
    assertEquals(PendingReason.DEADLINE_INFEASIBLE, plan.pending().get(0).reason());
  }

  @Test
  void timeWindowReleasesEveryNPeriods() {
    List<Order> orders = List.of(order("x", A, 1, 0, 9), order("y", A, 1, 1, 9),
        order("z", A, 1, 4, 9));
    BatchingProblem p = new BatchingProblem(orders, Map.of(), ProductionConstraints
        .unconstrained(), T0, DAY);
    BatchPlan plan = valid(p, BatchingStrategy.timeWindow(3).plan(p));
    assertEquals(List.of(0, 3, 6), plan.batches().stream().map(ProductionBatch::period).toList());
  }

  @Test
  void testAndReorderGrowsFromSellThrough() {
    List<Order> orders = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      orders.add(order(String.format("o%02d", i), A, 1, 0, 20));
    }
    BatchingProblem p = new BatchingProblem(orders, Map.of(), ProductionConstraints
        .unconstrained(), T0, DAY);
    BatchPlan plan = valid(p, BatchingStrategy.testAndReorder(5, 2).plan(p));
    // test batch 5, then 2 x 5 = 10, then 2 x 10 = 20, then the last 5
    assertEquals(List.of(5, 10, 20, 5),
        plan.batches().stream().map(ProductionBatch::quantity).toList());
  }

  @Test
  void newsvendorTopUpUsesTheCriticalFractile() {
    // p = 10, c = 4, s = 1: fractile 6/9 = 2/3; quantile between p50 = 100 and p90 = 140 at
    // (2/3 - 1/2) / 0.4 of the way: 100 + 40 * 0.41666 = 116.67 -> 116 units
    NewsvendorTopUp t = new NewsvendorTopUp(10, 1, new ForecastPoint(1, 100, 60, 100, 140));
    assertEquals(2.0 / 3, t.criticalFractile(4), 1e-12);
    assertEquals(116, t.units(4));
    BatchingProblem p = new BatchingProblem(List.of(order("x", A, 3, 0, 2)), Map.of(),
        ProductionConstraints.unconstrained().withCosts(0, 4, 0), T0, DAY)
        .withTopUps(Map.of(A, t));
    BatchPlan plan = valid(p, BatchingStrategy.deadline().plan(p));
    assertEquals(119, plan.batches().get(0).quantity());
    assertEquals(116, plan.batches().get(0).surplus());
    // without the top-up no speculative unit is made
    BatchingProblem none = p.withTopUps(Map.of());
    assertEquals(3, valid(none, BatchingStrategy.deadline().plan(none)).totalQuantity());
  }

  /**
   * Demand 10 in periods 0 and 1, setup 5, holding 1, unit cost 2, and 1 from 20 units on. Two
   * batches cost 2 x 5 + 20 x 2 = 50; one batch of 20 in period 0 costs 5 + 20 x 1 + 10 x 1 = 35.
   * Without the break the single batch would cost 5 + 40 + 10 = 55, so two batches (50) win.
   */
  @Test
  void priceBreaksChangeTheOptimalPlan() {
    ProductionConstraints c = ProductionConstraints.unconstrained().withCosts(5, 2, 1);
    BatchingProblem p = BatchingProblem.ofPeriodDemand(Map.of(A, new int[] {10, 10}), Map.of(), c);
    BatchPlan without = valid(p, BatchingStrategy.wagnerWhitin().plan(p));
    assertEquals(50, without.cost().total(), 1e-9);
    assertEquals(2, without.batches().size());
    BatchingProblem broken = p.withPriceBreaks(Map.of(A, List.of(new PriceBreak(20, 1))));
    BatchPlan with = valid(broken, BatchingStrategy.wagnerWhitin().plan(broken));
    assertEquals(35, with.cost().total(), 1e-9);
    assertEquals(1, with.batches().size());
    assertEquals(20, with.cost().unit(), 1e-9);
  }

  @Test
  void sharedLineCapacityMovesBatchesAndFlagsLateOrders() {
    ProductionLine line = new ProductionLine("L", 10, Map.of(A, new LineUse(2, 1),
        B, new LineUse(2, 1)));
    List<Order> orders = List.of(order("a", A, 6, 0, 0), order("b", B, 6, 0, 0));
    BatchingProblem p = new BatchingProblem(orders, Map.of(),
        ProductionConstraints.unconstrained(), T0, DAY).withHorizon(3).withLines(List.of(line));
    BatchPlan plan = valid(p, BatchingStrategy.deadline().plan(p));
    assertEquals(List.of(0, 1), plan.batches().stream().map(ProductionBatch::period).toList());
    assertEquals(List.of(OrderId.of("b")), plan.batches().get(1).lateOrders());
  }

  @Test
  void checkerCatchesBrokenPlans() {
    List<Order> orders = List.of(order("x", A, 5, 1, 3));
    BatchingProblem p = new BatchingProblem(orders, Map.of(),
        ProductionConstraints.unconstrained().withCosts(2, 1, 1), T0, DAY);
    BatchPlan good = valid(p, BatchingStrategy.deadline().plan(p));
    ProductionBatch b = good.batches().get(0);
    ProductionBatch early = new ProductionBatch(b.id(), A, 0, 0, 5, 5, b.orders(),
        new CostBreakdown(2, 15, 5));
    BatchPlan bad = new BatchPlan(List.of(early), List.of(), new CostBreakdown(2, 15, 5),
        good.provenance());
    assertTrue(BatchPlanChecks.violations(p, bad).stream().anyMatch(s -> s.contains("before")));
    ProductionBatch cheap = new ProductionBatch(b.id(), A, 3, 3, 5, 5, b.orders(),
        new CostBreakdown(2, 3, 5));
    assertTrue(BatchPlanChecks.violations(p, new BatchPlan(List.of(cheap), List.of(),
        cheap.cost(), good.provenance())).stream().anyMatch(s -> s.contains("holding")));
    ProductionBatch big = new ProductionBatch(b.id(), A, 3, 3, 9, 5, b.orders(),
        new CostBreakdown(2, 0, 9));
    assertTrue(BatchPlanChecks.violations(p, new BatchPlan(List.of(big), List.of(),
        big.cost(), good.provenance())).stream().anyMatch(s -> s.contains("speculative")));
    assertTrue(BatchPlanChecks.violations(p, new BatchPlan(List.of(), List.of(),
        CostBreakdown.ZERO, good.provenance())).stream().anyMatch(s -> s.contains("neither")));
  }

  @Test
  void impossibleConstraintsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new ProductionConstraints(10, 1, 5,
        Integer.MAX_VALUE, 0, 0, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> ProductionConstraints.unconstrained()
        .withCosts(-1, 0, 0));
    ProductionLine tiny = new ProductionLine("L", 3, Map.of(A, new LineUse(5, 1)));
    BatchingProblem p = new BatchingProblem(List.of(order("x", A, 1, 0, 0)), Map.of(),
        ProductionConstraints.unconstrained(), T0, DAY);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> p.withLines(List.of(tiny)));
    assertTrue(e.getMessage().contains("no capacity"), e.getMessage());
    assertThrows(InvalidConfigurationException.class,
        () -> BatchingStrategies.byName("time-window", Map.of("evry", "3")));
  }

  @Test
  void everyBuiltInIsDiscoverable() {
    assertTrue(BatchingStrategies.names().containsAll(List.of("group-buy", "time-window",
        "deadline", "test-and-reorder", "silver-meal", "wagner-whitin")));
  }
}
