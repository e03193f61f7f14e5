package io.c2m.production;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.BatchId;
import io.c2m.ConsumerId;
import io.c2m.DesignId;
import io.c2m.OrderId;
import io.c2m.Provenance;
import io.c2m.demand.ForecastPoint;
import io.c2m.order.Order;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Examples of top-ups sized from a forecast per period (issue 3, parts 1 and 3). */
class ForecastTopUpTest {
  private static final DesignId A = DesignId.of("a");
  /** The 90% quantile of the standard normal distribution (any normal table). */
  private static final double Z90 = 1.2815515655446004;
  /** The 80% quantile of the standard normal distribution (any normal table): 0.8416. */
  private static final double Z80 = 0.8416212335729143;

  private static ForecastPoint normal(int step, double mean, double sd) {
    return new ForecastPoint(step, mean, mean - Z90 * sd, mean, mean + Z90 * sd);
  }

  private static NewsvendorTopUp topUp(double price, double salvage) {
    return new NewsvendorTopUp(price, salvage, new ForecastPoint(1, 0, 0, 0, 0));
  }

  @Test
  void onePeriodGivesTheNormalQuantileOfTheCriticalFractile() {
    // price 10, cost 2, salvage 0: fractile 8 / 10 = 0.8; N(100, 10): 100 + 10 z_0.8 = 108.4
    assertEquals(0.8, topUp(10, 0).criticalFractile(2), 1e-12);
    assertEquals((int) Math.floor(100 + 10 * Z80),
        topUp(10, 0).units(2, List.of(normal(1, 100, 10))));
    assertEquals(108, topUp(10, 0).units(2, List.of(normal(1, 100, 10))));
  }

  @Test
  void periodsAddMeansAndVariances() {
    // N(50, 6) + N(50, 8), independent: N(100, 10), the same 108 units as above
    assertEquals(108, topUp(10, 0).units(2, List.of(normal(1, 50, 6), normal(2, 50, 8))));
    // fractile (10 - 6) / (10 - 2) = 0.5: the summed mean
    assertEquals(100, topUp(10, 2).units(6, List.of(normal(1, 50, 6), normal(2, 50, 8))));
    // a fractile below the cost's break-even: nothing
    assertEquals(0, topUp(10, 2).units(12, List.of(normal(1, 50, 6))));
    assertEquals(0, topUp(10, 0).units(2, List.of()));
  }

  /** Demand 10 in period 0 and 20 in period 3 of 6; holding so dear that each is its own batch. */
  private static BatchingProblem lotForLot() {
    return BatchingProblem.ofPeriodDemand(Map.of(A, new int[] {10, 0, 0, 20, 0, 0}), Map.of(),
        ProductionConstraints.unconstrained().withCosts(1, 2, 100));
  }

  private static List<ForecastPoint> flat(int periods, double units) {
    List<ForecastPoint> out = new ArrayList<>();
    for (int t = 0; t < periods; t++) {
      out.add(new ForecastPoint(t + 1, units, units, units, units));
    }
    return out;
  }

  @Test
  void eachBatchIsToppedUpForThePeriodsUntilTheNextBatch() {
    BatchingProblem p = lotForLot().withTopUps(Map.of(A, topUp(10, 0)))
        .withForecasts(Map.of(A, flat(6, 5)));
    // batch of period 0 covers periods 0..2 (15 units), batch of period 3 covers 3..5 (15 units)
    assertEquals(15, p.costs().topUpUnits(A, 0, 3));
    assertEquals(15, p.costs().topUpUnits(A, 3, Integer.MAX_VALUE));
    for (BatchingStrategy s : List.of(BatchingStrategy.wagnerWhitin(),
        BatchingStrategy.silverMeal(), BatchingStrategy.deadline())) {
      BatchPlan plan = s.plan(p);
      assertEquals(List.of(0, 3), plan.batches().stream().map(ProductionBatch::period).toList(),
          s.name());
      assertEquals(List.of(25, 35),
          plan.batches().stream().map(ProductionBatch::quantity).toList(), s.name());
      assertEquals(List.of(), BatchPlanChecks.violations(p, plan), s.name());
    }
  }

  @Test
  void aForecastWithoutATopUpChangesNothing() {
    BatchingProblem plain = lotForLot();
    BatchingProblem withForecast = plain.withForecasts(Map.of(A, flat(6, 5)));
    assertEquals(0, withForecast.costs().topUpUnits(A, 0, 3));
    BatchPlan a = BatchingStrategy.wagnerWhitin().plan(plain);
    BatchPlan b = BatchingStrategy.wagnerWhitin().plan(withForecast);
    assertEquals(a, b);
    assertEquals(List.of(10, 20), b.batches().stream().map(ProductionBatch::quantity).toList());
  }

  @Test
  void theRoundedTopUpRespectsTheMultipleAndTheLargestBatch() {
    BatchingProblem p = BatchingProblem.ofPeriodDemand(Map.of(A, new int[] {10, 0, 0}), Map.of(),
        ProductionConstraints.unconstrained().withCosts(1, 2, 100).withOrderMultiple(4)
            .withMaximumBatch(20))
        .withTopUps(Map.of(A, topUp(10, 0))).withForecasts(Map.of(A, flat(3, 5)));
    // 15 units, not rounded; 10 + 15 = 25 rounds once to 28, above the largest 20
    assertEquals(15, p.costs().topUpUnits(A, 0, Integer.MAX_VALUE));
    BatchPlan plan = BatchingStrategy.wagnerWhitin().plan(p);
    assertEquals(20, plan.batches().get(0).quantity());
    assertEquals(List.of(), BatchPlanChecks.violations(p, plan));
  }

  @Test
  void theChecksRefuseMoreThanTheAllowedTopUp() {
    BatchingProblem p = lotForLot().withTopUps(Map.of(A, topUp(10, 0)))
        .withForecasts(Map.of(A, flat(6, 5)));
    BatchPlan plan = BatchingStrategy.wagnerWhitin().plan(p);
    ProductionBatch first = plan.batches().get(0);
    // 16 top-up units over periods 0..2, held on average one period at 100: 1,600
    ProductionBatch more = new ProductionBatch(first.id(), A, 0, 0, 26, 10, first.orders(),
        new CostBreakdown(first.cost().setup(), 1600, 2 * 26));
    BatchPlan bad = new BatchPlan(List.of(more, plan.batches().get(1)), List.of(),
        new CostBreakdown(2, 1600 + plan.batches().get(1).cost().holding(), 2 * (26 + 35)),
        plan.provenance());
    List<String> v = BatchPlanChecks.violations(p, bad);
    assertEquals(1, v.size(), v.toString());
    assertTrue(v.get(0).contains("top-up 15"), v.get(0));
  }

  @Test
  void theChecksRefuseTwoToppedUpBatchesInOnePeriod() {
    Instant t0 = Instant.EPOCH;
    Duration day = Duration.ofDays(1);
    List<Order> orders = List.of(
        new Order(OrderId.of("o1"), ConsumerId.of("c"), A, 10, 0, t0, t0),
        new Order(OrderId.of("o2"), ConsumerId.of("c"), A, 10, 0, t0, t0));
    BatchingProblem p = new BatchingProblem(orders, Map.of(),
        ProductionConstraints.unconstrained().withCosts(1, 2, 0), t0, day, 3, Map.of(),
        List.of(), Map.of(A, topUp(10, 0)), Map.of(), Map.of(A, flat(3, 5)), Instant.MAX);
    ProductionBatch b1 = new ProductionBatch(BatchId.of("a#1"), A, 0, 0, 25, 10,
        List.of(OrderId.of("o1")), new CostBreakdown(1, 0, 50));
    ProductionBatch b2 = new ProductionBatch(BatchId.of("a#2"), A, 0, 0, 25, 10,
        List.of(OrderId.of("o2")), new CostBreakdown(1, 0, 50));
    BatchPlan twice = new BatchPlan(List.of(b1, b2), List.of(), new CostBreakdown(2, 0, 100),
        Provenance.builtIn("test", 0, Map.of()));
    List<String> v = BatchPlanChecks.violations(p, twice);
    assertEquals(1, v.size(), v.toString());
    assertTrue(v.get(0).contains("a second time"), v.get(0));
    ProductionBatch plain = new ProductionBatch(BatchId.of("a#2"), A, 0, 0, 10, 10,
        List.of(OrderId.of("o2")), new CostBreakdown(1, 0, 20));
    BatchPlan once = new BatchPlan(List.of(b1, plain), List.of(), new CostBreakdown(2, 0, 70),
        Provenance.builtIn("test", 0, Map.of()));
    assertEquals(List.of(), BatchPlanChecks.violations(p, once));
  }

  @Test
  void forecastsRoundTripThroughJson() throws Exception {
    List<ForecastPoint> f = List.of(normal(1, 5, 1), normal(2, 6, 2), new ForecastPoint(3, 1, 0,
        0.5, 3), normal(4, 2, 0), normal(5, 0, 0), normal(6, 9, 3));
    BatchingProblem p = lotForLot().withTopUps(Map.of(A, topUp(10, 0)))
        .withForecasts(Map.of(A, f));
    String json = io.c2m.json.C2mJson.toJson(p);
    assertTrue(json.contains("\"forecasts\""), json);
    assertEquals(p, io.c2m.json.C2mJson.fromJson(json, BatchingProblem.class));
  }

  @Test
  void badForecastsAreRefusedNamingTheDesignAndTheRule() {
    BatchingProblem p = lotForLot();
    IllegalArgumentException shortOne = assertThrows(IllegalArgumentException.class,
        () -> p.withForecasts(Map.of(A, flat(5, 5))));
    assertTrue(shortOne.getMessage().contains("design a has 5 periods"), shortOne.getMessage());
    List<ForecastPoint> steps = new ArrayList<>(flat(6, 5));
    steps.set(2, new ForecastPoint(4, 5, 5, 5, 5));
    IllegalArgumentException step = assertThrows(IllegalArgumentException.class,
        () -> p.withForecasts(Map.of(A, steps)));
    assertTrue(step.getMessage().contains("period 2 must have step 3"), step.getMessage());
    List<ForecastPoint> negative = new ArrayList<>(flat(6, 5));
    negative.set(1, new ForecastPoint(2, -1, -2, 0, 1));
    IllegalArgumentException neg = assertThrows(IllegalArgumentException.class,
        () -> p.withForecasts(Map.of(A, negative)));
    assertTrue(neg.getMessage().contains("in period 1") && neg.getMessage().contains("negative"),
        neg.getMessage());
  }
}
