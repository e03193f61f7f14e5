package io.c2m;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.demand.DemandSeries;
import io.c2m.demand.ForecastPoint;
import io.c2m.design.ConceptTestRule;
import io.c2m.order.Offer;
import io.c2m.order.Order;
import io.c2m.order.OrderState;
import io.c2m.production.BatchPlan;
import io.c2m.production.BatchingStrategy;
import io.c2m.production.LineUse;
import io.c2m.production.NewsvendorTopUp;
import io.c2m.production.PeriodCosts;
import io.c2m.production.ProductionBatch;
import io.c2m.production.ProductionConstraints;
import io.c2m.production.ProductionLine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 10 part 5: the engine's plan carries the lines, costs, top-ups and concept tests set. */
class EnginePlanningSettingsTest {
  private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
  private static final DesignId A = DesignId.of("a");
  private static final DesignId B = DesignId.of("b");

  private static Order order(String id, DesignId d, int q, double price, int dueDays) {
    return new Order(OrderId.of(id), ConsumerId.of("c-" + id), d, q, price, NOW,
        NOW.plus(Duration.ofDays(dueDays)));
  }

  @Test
  void aSharedLineLimitsWhatTheEnginePlansPerPeriod() {
    C2m c2m = C2m.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .batching(BatchingStrategy.capacitated())
        .lines(List.of(new ProductionLine("sewing", 10,
            Map.of(A, new LineUse(0, 1), B, new LineUse(0, 1)))))
        .build();
    c2m.offer(Offer.of(A, 5));
    c2m.offer(Offer.of(B, 5));
    c2m.acceptOrder(order("a1", A, 8, 5, 5));
    c2m.acceptOrder(order("b1", B, 8, 5, 5));
    BatchPlan plan = c2m.planBatches();
    int[] load = new int[10];
    for (ProductionBatch b : plan.batches()) {
      load[b.period()] += b.quantity();
    }
    for (int l : load) {
      assertTrue(l <= 10, "the line's capacity of 10 a period is kept: " + List.of(plan));
    }
    assertEquals(16, plan.batches().stream().mapToInt(ProductionBatch::orderedQuantity).sum());
  }

  @Test
  void perPeriodCostsCountFromTheCurrentPeriod() {
    C2m c2m = C2m.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .batching(BatchingStrategy.wagnerWhitin())
        .defaultConstraints(ProductionConstraints.unconstrained().withCosts(100, 1, 0))
        .build();
    c2m.offer(Offer.of(A, 5));
    c2m.acceptOrder(order("a1", A, 3, 5, 2));
    // setup 1,000 today, 10 from tomorrow on: the batch waits for tomorrow
    c2m.periodCosts(A, new PeriodCosts(List.of(1000.0, 10.0), List.of(), List.of()));
    BatchPlan plan = c2m.planBatches();
    assertTrue(plan.batches().get(0).period() >= 1, plan.toString());
    assertEquals(10.0, plan.cost().setup(), 1e-9);
  }

  @Test
  void aTopUpIsSizedFromTheConfiguredForecasterOfTheDemandHistory() {
    C2m c2m = C2m.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .batching(BatchingStrategy.wagnerWhitin())
        .defaultConstraints(ProductionConstraints.unconstrained().withCosts(10, 4, 0))
        .build();
    c2m.offer(Offer.of(A, 10));
    c2m.acceptOrder(order("a1", A, 2, 10, 1));
    BatchPlan without = c2m.planBatches();
    assertEquals(2, without.totalQuantity());
    c2m.topUp(A, new NewsvendorTopUp(10, 1, new ForecastPoint(1, 0, 0, 0, 0)));
    c2m.demandHistory(A, DemandSeries.of("a", 20, 22, 18, 20, 21, 19, 20, 20));
    BatchPlan with = c2m.planBatches();
    assertTrue(with.totalQuantity() > 2 + 10, "a top-up sized on about 20 a period: "
        + with.totalQuantity());
  }

  @Test
  void theLosersOfAConceptTestAreClosedAndTheirOpenOrdersCancelled() {
    C2m c2m = C2m.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    c2m.offer(Offer.of(A, 5));
    c2m.offer(Offer.of(B, 5));
    java.util.Set<ConsumerId> groupA = new java.util.HashSet<>();
    java.util.Set<ConsumerId> groupB = new java.util.HashSet<>();
    for (int i = 0; i < 100; i++) {
      groupA.add(ConsumerId.of("c-a" + i));
      groupB.add(ConsumerId.of("c-b" + i));
      if (i < 30) {
        c2m.acceptOrder(order("a" + i, A, 1, 5, 10));
      }
    }
    c2m.acceptOrder(order("b0", B, 1, 5, 10));
    List<ConceptTestRule.Verdict> verdicts = c2m.conceptTest(
        new ConceptTestRule(0.03, 10, 0.05, 1), NOW.minusSeconds(1), Map.of(A, groupA, B, groupB));
    assertTrue(verdicts.stream().anyMatch(v -> v.winner() && v.evidence().design().equals(A)));
    assertEquals(1, c2m.closeLosers(verdicts).size());
    assertEquals(OrderState.CANCELLED,
        c2m.orderBook().find(OrderId.of("b0")).orElseThrow().state());
    assertTrue(c2m.acceptOrder(order("b1", B, 1, 5, 10)).reason().contains("sales-window"));
    assertTrue(c2m.acceptOrder(order("a99", A, 1, 5, 10)).isOnBook());
  }
}
