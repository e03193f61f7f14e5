package io.c2m.production;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.c2m.ConsumerId;
import io.c2m.DesignId;
import io.c2m.OrderId;
import io.c2m.json.C2mJson;
import io.c2m.order.Order;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Plans serialize with the Jackson module in an ERP-importable shape, and round-trip. */
class BatchPlanJsonTest {
  @Test
  void planRoundTripsAndListsBatchesOrdersCostsAndReasons() throws Exception {
    Instant t0 = Instant.parse("2026-03-02T00:00:00Z");
    DesignId a = DesignId.of("a");
    List<Order> orders = List.of(
        new Order(OrderId.of("o1"), ConsumerId.of("c"), a, 4, 10, t0, t0.plus(Duration.ofDays(3))),
        new Order(OrderId.of("o2"), ConsumerId.of("c"), a, 5, 10, t0.plus(Duration.ofDays(1)),
            t0.plus(Duration.ofDays(1))));
    BatchingProblem p = new BatchingProblem(orders, Map.of(), ProductionConstraints
        .unconstrained().withLeadTimePeriods(1).withCosts(7, 1, 0.5), t0, Duration.ofDays(1));
    BatchPlan plan = BatchingStrategy.deadline().plan(p);
    String json = C2mJson.toJson(plan);
    assertEquals(plan, C2mJson.fromJson(json, BatchPlan.class));
    JsonNode n = C2mJson.mapper().readTree(json);
    JsonNode batch = n.get("batches").get(0);
    assertEquals("a", batch.get("design").asText());
    assertEquals(2, batch.get("period").asInt());
    assertEquals(4, batch.get("quantity").asInt());
    assertEquals("o1", batch.get("orders").get(0).asText());
    assertEquals(7, batch.get("cost").get("setup").asDouble(), 0);
    // o2 is due in period 1 but placed in period 1 with lead time 1: flagged with its reason
    JsonNode pending = n.get("pending").get(0);
    assertEquals("o2", pending.get("order").asText());
    assertEquals("DEADLINE_INFEASIBLE", pending.get("reason").asText());
    assertTrue(pending.get("detail").asText().contains("lead time"));
  }
}
