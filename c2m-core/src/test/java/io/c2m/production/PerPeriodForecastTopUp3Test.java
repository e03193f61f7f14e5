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

/**
 * Regressions of the review of per-period forecast top-ups (issue 3, parts 1, 3 and 7). Expected
 * values are worked out by hand in the comments, not taken from the code's output.
 */
class PerPeriodForecastTopUp3Test {
  private static final DesignId A = DesignId.of("a");
  private static final DesignId B = DesignId.of("b");
  private static final Instant T0 = Instant.EPOCH;
  private static final Duration DAY = Duration.ofDays(1);

  private static NewsvendorTopUp topUp(double price, double salvage) {
    return new NewsvendorTopUp(price, salvage, new ForecastPoint(1, 0, 0, 0, 0));
  }

  private static List<ForecastPoint> flat(int periods, double units) {
    List<ForecastPoint> out = new ArrayList<>();
    for (int t = 0; t < periods; t++) {
      out.add(new ForecastPoint(t + 1, units, units, units, units));
    }
    return out;
  }

  private static Order order(String id, DesignId d, int qty, int placed, int due) {
    return new Order(OrderId.of(id), ConsumerId.of("c"), d, qty, 0,
        T0.plus(DAY.multipliedBy(placed)), T0.plus(DAY.multipliedBy(due)).plusSeconds(3600));
  }

  // ---- 1: a critical fractile of 1 is refused ----

  @Test
  void aSalvageValueNotBelowTheUnitCostIsRefusedNamingTheDesignAndTheRule() {
    // unit cost 0, salvage 0: fractile (10 - 0) / (10 - 0) = 1, which made a 1,073,741,833-unit
    // batch for 10 ordered
    BatchingProblem p = BatchingProblem.ofPeriodDemand(Map.of(A, new int[] {10, 0, 0}), Map.of(),
        ProductionConstraints.unconstrained().withCosts(1, 0, 100));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> p.withTopUps(Map.of(A, topUp(10, 0))));
    assertTrue(e.getMessage().contains("design a") && e.getMessage().contains("salvage value 0.0")
        && e.getMessage().contains("below"), e.getMessage());
  }

  @Test
  void theLowestUnitCostOverPeriodsAndPriceBreaksBoundsTheSalvageValue() {
    BatchingProblem p = BatchingProblem.ofPeriodDemand(Map.of(A, new int[] {10, 0, 0}), Map.of(),
        ProductionConstraints.unconstrained().withCosts(1, 5, 1));
    // flat unit cost 5: salvage 1 is fine
    assertEquals(1, p.withTopUps(Map.of(A, topUp(10, 1))).topUps().size());
    // a period at unit cost 0.5: salvage 1 is not below it
    BatchingProblem perPeriod = p.withPeriodCosts(Map.of(A,
        new PeriodCosts(List.of(), List.of(), List.of(5.0, 0.5, 5.0))));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> perPeriod.withTopUps(Map.of(A, topUp(10, 1))));
    assertTrue(e.getMessage().contains("lowest unit cost (0.5"), e.getMessage());
    assertEquals(1, perPeriod.withTopUps(Map.of(A, topUp(10, 0.4))).topUps().size());
    // a price break at 0.8 from 50 units: salvage 1 is not below it
    BatchingProblem broken = p.withPriceBreaks(Map.of(A, List.of(new PriceBreak(50, 0.8))));
    assertThrows(IllegalArgumentException.class,
        () -> broken.withTopUps(Map.of(A, topUp(10, 1))));
  }

  // ---- 2: committed orders are placed before any top-up ----

  @Test
  void aTopUpNeverPushesAnotherDesignsOrderLate() {
    // line of 30 per period, one unit of capacity per unit; a and b each 10 units due period 0;
    // a's forecast 10 per period with no spread over 3 periods. Committed first: a 10 and b 10 in
    // period 0 (20 of 30); a's top-up of 30 (price 10, cost 2, salvage 0: fractile 0.8, no
    // spread: the summed median) is cut to the 10 units of room left: a makes 20, b 10, on time.
    List<Order> orders = List.of(order("a1", A, 10, 0, 0), order("b1", B, 10, 0, 0));
    ProductionLine line = new ProductionLine("l", 30,
        Map.of(A, new LineUse(0, 1), B, new LineUse(0, 1)));
    ProductionConstraints c = ProductionConstraints.unconstrained().withCosts(1, 2, 1);
    BatchingProblem p = new BatchingProblem(orders, Map.of(), c, T0, DAY, 3, Map.of(),
        List.of(line), Map.of(A, topUp(10, 0)), Map.of(), Map.of(A, flat(3, 10)), Instant.MAX);
    assertEquals(30, p.costs().topUpUnits(A, 0, Integer.MAX_VALUE));
    for (BatchingStrategy s : List.of(BatchingStrategy.wagnerWhitin(),
        BatchingStrategy.deadline(), BatchingStrategy.silverMeal(),
        BatchingStrategy.capacitated())) {
      BatchPlan plan = s.plan(p);
      assertEquals(List.of(), BatchPlanChecks.violations(p, plan), s.name());
      assertEquals(List.of(), plan.pending(), s.name());
      assertEquals(2, plan.batches().size(), s.name());
      for (ProductionBatch b : plan.batches()) {
        assertEquals(0, b.period(), s.name() + " " + b);
        assertEquals(List.of(), b.lateOrders(), s.name() + " " + b);
        assertEquals(b.design().equals(A) ? 20 : 10, b.quantity(), s.name() + " " + b);
      }
      // a's 10 top-up units cover periods 0..2, held on average (0 + 1 + 2) / 3 = 1 period at 1
      ProductionBatch a = plan.batches().stream().filter(b -> b.design().equals(A)).findFirst()
          .orElseThrow();
      assertEquals(10.0, a.cost().holding(), 1e-9, s.name());
    }
  }

  // ---- 3: a skewed forecast is sized on its own side ----

  @Test
  void onePeriodAtFractileNineTenthsGivesItsP90() {
    // price 10, unit cost 1, salvage 0: fractile 0.9; p10/p50/p90 = 9/10/30: the split normal's
    // 90% quantile is p90 = 30 (the symmetric normal around the mean gave 20)
    NewsvendorTopUp t = topUp(10, 0);
    assertEquals(0.9, t.criticalFractile(1), 1e-12);
    assertEquals(30, t.units(1, List.of(new ForecastPoint(1, 10, 9, 10, 30))));
    assertEquals(55, t.units(1, List.of(new ForecastPoint(1, 20, 15, 20, 55.5))));
  }

  @Test
  void skewedPeriodsAddMediansAndSideVariances() {
    NewsvendorTopUp t = topUp(10, 0);
    // two periods 9/10/30 at fractile 0.9: medians 20, upper sigma 20 / z_0.9 each, combined
    // 20 sqrt(2) / z_0.9; the quantile 20 + z_0.9 * 20 sqrt(2) / z_0.9 = 48.28 -> 48
    List<ForecastPoint> two = List.of(new ForecastPoint(1, 12, 9, 10, 30),
        new ForecastPoint(2, 12, 9, 10, 30));
    assertEquals(48, t.units(1, two));
    // fractile (10 - 7) / 10 = 0.3, below the median: the lower side, sigma (10 - 9) / z_0.9;
    // z_0.3 = -0.52440 (normal table): 10 - 0.52440 / 1.28155 = 9.59 -> 9
    assertEquals(9, t.units(7, List.of(new ForecastPoint(1, 12, 9, 10, 30))));
  }

  // ---- 4: hand-worked plans ----

  @Test
  void withALeadTimeOfOneTheBatchCoversItsReadyPeriodsToTheNextReadyPeriod() {
    // orders 10 due period 1 and 20 due period 4; lead time 1; holding 100 keeps them apart:
    // releases 0 (ready 1) and 3 (ready 4). Forecast t + 1 units in period t, no spread. The
    // first batch covers ready periods 1..3: 2 + 3 + 4 = 9; the second 4..5: 5 + 6 = 11.
    // Top-up holding: 9 units x 100 x (0 + 1 + 2) / 3 = 900; 11 x 100 x (0 + 1) / 2 = 550.
    BatchingProblem p = BatchingProblem.ofPeriodDemand(Map.of(A, new int[] {0, 10, 0, 0, 20, 0}),
        Map.of(), ProductionConstraints.unconstrained().withCosts(1, 2, 100)
            .withLeadTimePeriods(1));
    List<ForecastPoint> f = new ArrayList<>();
    for (int t = 0; t < 6; t++) {
      f.add(new ForecastPoint(t + 1, t + 1, t + 1, t + 1, t + 1));
    }
    BatchingProblem q = p.withTopUps(Map.of(A, topUp(10, 0))).withForecasts(Map.of(A, f));
    for (BatchingStrategy s : List.of(BatchingStrategy.wagnerWhitin(),
        BatchingStrategy.deadline())) {
      BatchPlan plan = s.plan(q);
      assertEquals(List.of(), BatchPlanChecks.violations(q, plan), s.name());
      assertEquals(List.of(0, 3), plan.batches().stream().map(ProductionBatch::period).toList());
      assertEquals(List.of(19, 31),
          plan.batches().stream().map(ProductionBatch::quantity).toList(), s.name());
      assertEquals(900, plan.batches().get(0).cost().holding(), 1e-9);
      assertEquals(550, plan.batches().get(1).cost().holding(), 1e-9);
      assertEquals(new CostBreakdown(2, 1450, 2 * 50), plan.cost());
    }
  }

  @Test
  void whenCapacityMovesABatchEachFinalPeriodIsToppedUpForItsOwnWindow() {
    // line of 30 per period (one per unit, no setup time). a: 20 due period 0. b: 20 due period 0
    // and 10 due period 2, holding 1 against setup 4, so two batches wanted in periods 0 and 2.
    // b's forecast 5 per period over 4 periods, fractile 0.9 (price 10, cost 1), no spread.
    // Committed first, by period then design: a 20 in period 0; b's 20 finds 10 left there and
    // moves to period 1 (late); b's 10 in period 2. Top-ups from the final periods 1 and 2: the
    // batch of period 1 covers period 1 (5 units: 25, room 10); that of period 2 covers periods
    // 2..3 (10 units: 20, room 20).
    List<Order> orders = List.of(order("a1", A, 20, 0, 0), order("b1", B, 20, 0, 0),
        order("b2", B, 10, 0, 2));
    ProductionLine line = new ProductionLine("l", 30,
        Map.of(A, new LineUse(0, 1), B, new LineUse(0, 1)));
    ProductionConstraints c = ProductionConstraints.unconstrained().withCosts(4, 1, 1);
    BatchingProblem p = new BatchingProblem(orders, Map.of(), c, T0, DAY, 4, Map.of(),
        List.of(line), Map.of(B, topUp(10, 0)), Map.of(), Map.of(B, flat(4, 5)), Instant.MAX);
    BatchPlan plan = BatchingStrategy.wagnerWhitin().plan(p);
    assertEquals(List.of(), BatchPlanChecks.violations(p, plan));
    assertEquals(List.of("a@0:20", "b@1:25", "b@2:20"), plan.batches().stream()
        .map(b -> b.design().value() + "@" + b.period() + ":" + b.quantity()).toList(),
        plan.toString());
    assertEquals(List.of(OrderId.of("b1")), plan.batches().get(1).lateOrders());
    // holding: every on-time order ships when ready; b1 is late; top-ups: 5 units over period 1
    // alone (0), 10 units over periods 2..3 held (0 + 1) / 2 period at 1: 5
    assertEquals(new CostBreakdown(12, 5, 65), plan.cost());
  }

  // ---- 7: one season top-up per design ----

  @Test
  void theChecksRefuseASeasonTopUpOnTwoBatches() {
    // season top-up: fractile 0.9 of p50 = p90 = 5: 5 units, on one batch only
    List<Order> orders = List.of(order("o1", A, 10, 0, 0), order("o2", A, 10, 1, 1));
    BatchingProblem p = new BatchingProblem(orders, Map.of(),
        ProductionConstraints.unconstrained().withCosts(1, 1, 0), T0, DAY, 2, Map.of(),
        List.of(), Map.of(A, new NewsvendorTopUp(10, 0, new ForecastPoint(1, 5, 5, 5, 5))),
        Map.of(), Map.of(), Instant.MAX);
    assertEquals(5, p.costs().topUpUnits(A));
    ProductionBatch b1 = new ProductionBatch(BatchId.of("a#1"), A, 0, 0, 15, 10,
        List.of(OrderId.of("o1")), new CostBreakdown(1, 0, 15));
    ProductionBatch b2 = new ProductionBatch(BatchId.of("a#2"), A, 1, 1, 15, 10,
        List.of(OrderId.of("o2")), new CostBreakdown(1, 0, 15));
    BatchPlan twice = new BatchPlan(List.of(b1, b2), List.of(), new CostBreakdown(2, 0, 30),
        Provenance.builtIn("test", 0, Map.of()));
    List<String> v = BatchPlanChecks.violations(p, twice);
    assertEquals(1, v.size(), v.toString());
    assertTrue(v.get(0).contains("a second time"), v.get(0));
    ProductionBatch plain = new ProductionBatch(BatchId.of("a#2"), A, 1, 1, 10, 10,
        List.of(OrderId.of("o2")), new CostBreakdown(1, 0, 10));
    assertEquals(List.of(), BatchPlanChecks.violations(p, new BatchPlan(List.of(b1, plain),
        List.of(), new CostBreakdown(2, 0, 25), Provenance.builtIn("test", 0, Map.of()))));
  }

  // ---- 8: ordered + top-up rounded once ----

  @Test
  void orderedPlusTopUpIsRoundedOnceToTheMultiple() {
    // ordered 5, multiple 10: top-up 14 -> 19 -> 20; top-up 6 -> 11 -> 20 (rounding the top-up
    // down to 0 first gave 10)
    for (int q : new int[] {14, 6}) {
      BatchingProblem p = BatchingProblem.ofPeriodDemand(Map.of(A, new int[] {5}), Map.of(),
          ProductionConstraints.unconstrained().withCosts(0, 1, 0).withOrderMultiple(10))
          .withTopUps(Map.of(A, new NewsvendorTopUp(10, 0, new ForecastPoint(1, q, q, q, q))));
      assertEquals(q, p.costs().topUpUnits(A));
      BatchPlan plan = BatchingStrategy.wagnerWhitin().plan(p);
      assertEquals(List.of(), BatchPlanChecks.violations(p, plan));
      assertEquals(20, plan.batches().get(0).quantity(), "top-up " + q);
    }
  }

  // ---- 9: a mean outside [p10, p90] is refused ----

  @Test
  void aForecastMeanOutsideItsQuantilesIsRefused() {
    BatchingProblem p = BatchingProblem.ofPeriodDemand(Map.of(A, new int[] {10, 0}), Map.of(),
        ProductionConstraints.unconstrained());
    List<ForecastPoint> f = List.of(new ForecastPoint(1, 5, 5, 5, 5),
        new ForecastPoint(2, 40, 1, 2, 3));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> p.withForecasts(Map.of(A, f)));
    assertTrue(e.getMessage().contains("design a in period 1 has mean 40.0"), e.getMessage());
  }
}
