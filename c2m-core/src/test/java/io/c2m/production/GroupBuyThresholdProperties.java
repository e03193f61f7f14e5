package io.c2m.production;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.ConsumerId;
import io.c2m.DesignId;
import io.c2m.OrderId;
import io.c2m.order.Order;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Invariants of the foundation's group-buy threshold batching, over random problems. */
class GroupBuyThresholdProperties {
  private static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");
  private final BatchingStrategy strategy = BatchingStrategy.groupBuy();

  @Provide
  Arbitrary<BatchingProblem> problems() {
    Arbitrary<ProductionConstraints> constraints = Combinators.combine(
        Arbitraries.integers().between(1, 60),
        Arbitraries.integers().between(1, 12),
        Arbitraries.integers().between(0, 150),
        Arbitraries.integers().between(0, 3))
        .as((moq, multiple, extra, lead) -> {
          int min = (moq + multiple - 1) / multiple * multiple;
          return new ProductionConstraints(moq, multiple, min + extra, min + extra, 100, 2.5,
              0.1, lead);
        });
    Arbitrary<Order> order = Combinators.combine(
        Arbitraries.integers().between(0, 2),
        Arbitraries.integers().between(1, 40),
        Arbitraries.longs().between(0, Duration.ofDays(10).toMillis()))
        .as((design, quantity, offset) -> new Order(OrderId.of("tmp"), ConsumerId.of("c"),
            DesignId.of("d" + design), quantity, 10, T0.plusMillis(offset),
            T0.plusMillis(offset).plus(Duration.ofDays(30))));
    return Combinators.combine(constraints, order.list().ofMaxSize(80))
        .as((c, raw) -> {
          List<Order> orders = new ArrayList<>();
          for (int i = 0; i < raw.size(); i++) {
            Order o = raw.get(i);
            orders.add(new Order(OrderId.of("o" + i), o.consumer(), o.design(), o.quantity(),
                o.unitPrice(), o.placedAt(), o.latestDelivery()));
          }
          return BatchingProblem.of(orders, c, T0, Duration.ofDays(1));
        });
  }

  @Property(tries = 300)
  void planKeepsTheBatchingContract(@ForAll("problems") BatchingProblem problem) {
    BatchPlan plan = strategy.plan(problem);
    assertEquals(List.of(), BatchPlanChecks.violations(problem, plan));
  }

  @Property(tries = 300)
  void batchesRespectMoqMultipleAndLargestBatch(@ForAll("problems") BatchingProblem problem) {
    ProductionConstraints c = problem.defaults();
    for (ProductionBatch b : strategy.plan(problem).batches()) {
      assertTrue(b.quantity() >= c.minimumOrderQuantity(), b::toString);
      assertEquals(0, b.quantity() % c.orderMultiple(), b::toString);
      assertTrue(b.quantity() <= c.maximumBatch() && b.quantity() <= c.capacityPerPeriod());
      assertTrue(b.quantity() - b.orderedQuantity() < c.orderMultiple(), "surplus is rounding");
    }
  }

  @Property(tries = 300)
  void batchIsReleasedAsSoonAsTheThresholdIsReached(@ForAll("problems") BatchingProblem problem) {
    Map<OrderId, Order> byId = new HashMap<>();
    problem.orders().forEach(o -> byId.put(o.id(), o));
    BatchPlan plan = strategy.plan(problem);
    for (ProductionBatch b : plan.batches()) {
      // the order that lifts the batch to the MOQ; orders after it were placed in the same
      // period (they joined the released batch), never later
      long cum = 0;
      int k = 0;
      while (cum + byId.get(b.orders().get(k)).quantity()
          < problem.defaults().minimumOrderQuantity()) {
        cum += byId.get(b.orders().get(k)).quantity();
        k++;
      }
      int reached = problem.calendar().periodOf(byId.get(b.orders().get(k)).placedAt());
      for (int j = k + 1; j < b.orders().size(); j++) {
        assertEquals(reached, problem.calendar().periodOf(byId.get(b.orders().get(j)).placedAt()),
            "the batch waited longer than its threshold: " + b);
      }
      // Released in the period the threshold was reached, or later only when the design's
      // capacity in that period is already taken by another batch.
      Instant lastPlaced = byId.get(b.orders().get(k)).placedAt();
      int wanted = problem.calendar().periodOf(lastPlaced);
      assertTrue(b.period() >= wanted, b::toString);
      if (b.period() > wanted) {
        int cap = problem.defaults().capacityPerPeriod();
        for (int p = wanted; p < b.period(); p++) {
          int period = p;
          int used = plan.batches().stream().filter(x -> x.design().equals(b.design())
              && x.period() == period && x != b).mapToInt(ProductionBatch::quantity).sum();
          assertTrue(used + b.quantity() > cap, "batch " + b.id() + " was delayed past period "
              + p + " although the capacity had room");
        }
      }
    }
  }

  @Property(tries = 300)
  void pendingOrdersCouldNotHaveFormedABatch(@ForAll("problems") BatchingProblem problem) {
    ProductionConstraints c = problem.defaults();
    Map<DesignId, Integer> belowMoq = new HashMap<>();
    for (PendingOrder p : strategy.plan(problem).pending()) {
      if (p.reason() == PendingReason.EXCEEDS_MAX_BATCH) {
        assertTrue(c.roundToMultiple(p.quantity()) > c.largestBatch(), p::toString);
      } else {
        assertEquals(PendingReason.BELOW_MOQ, p.reason());
        belowMoq.merge(p.design(), p.quantity(), Integer::sum);
      }
    }
    belowMoq.forEach((design, total) -> assertTrue(
        total < c.minimumOrderQuantity() || c.roundToMultiple(total) > c.largestBatch(),
        design + " leaves " + total + " units pending that one batch could take"));
  }

  @Property(tries = 200)
  void orderOfInputDoesNotMatter(@ForAll("problems") BatchingProblem problem) {
    List<Order> shuffled = new ArrayList<>(problem.orders());
    Collections.shuffle(shuffled, new Random(problem.orders().size()));
    BatchingProblem again = new BatchingProblem(shuffled, problem.constraints(),
        problem.defaults(), problem.start(), problem.period());
    assertEquals(strategy.plan(problem), strategy.plan(again));
  }
}
