package io.c2m.production;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.ConsumerId;
import io.c2m.DesignId;
import io.c2m.OrderId;
import io.c2m.Provenance;
import io.c2m.StrategyException;
import io.c2m.order.Order;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A plugged strategy that loses an order is caught and named. */
class CheckedBatchingStrategyTest {
  private static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");

  @Test
  void planThatLosesAnOrderFailsWithTheStrategyName() {
    BatchingStrategy lossy = new BatchingStrategy() {
      @Override
      public BatchPlan plan(BatchingProblem problem) {
        return new BatchPlan(List.of(), List.of(), CostBreakdown.ZERO,
            new Provenance("lossy", "1", 0, Map.of()));
      }

      @Override
      public String name() {
        return "lossy";
      }
    };
    Order o = new Order(OrderId.of("o1"), ConsumerId.of("c"), DesignId.of("d"), 1, 1, T0, T0);
    BatchingProblem problem = BatchingProblem.of(List.of(o),
        ProductionConstraints.unconstrained(), T0, Duration.ofDays(1));
    StrategyException e = assertThrows(StrategyException.class,
        () -> BatchingStrategy.checked(lossy).plan(problem));
    assertEquals("lossy", e.strategyId());
    assertTrue(e.getMessage().contains("Order o1 is neither in a batch nor pending"),
        e.getMessage());
  }

  @Test
  void strategyThatThrowsIsWrappedWithItsName() {
    BatchingStrategy broken = problem -> {
      throw new IllegalStateException("boom");
    };
    StrategyException e = assertThrows(StrategyException.class,
        () -> BatchingStrategy.checked(broken).plan(BatchingProblem.of(List.of(),
            ProductionConstraints.unconstrained(), T0, Duration.ofDays(1))));
    assertTrue(e.getMessage().contains("boom"), e.getMessage());
  }
}
