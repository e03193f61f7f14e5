package io.c2m.design;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.Attributes;
import io.c2m.C2m;
import io.c2m.ConsumerId;
import io.c2m.DesignId;
import io.c2m.NicheId;
import io.c2m.OrderId;
import io.c2m.order.Order;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 4, part 5: the engine judges a concept test from the orders on its book. */
class EngineConceptTestTest {
  private static final Instant NOW = Instant.parse("2026-05-01T00:00:00Z");

  private static ProductDesign design(String flavour) {
    return new ProductDesign(new DesignId("tea-" + flavour), new NicheId("category=tea"),
        Attributes.of("category", "tea", "flavour", flavour), 9.5);
  }

  private static void order(C2m c2m, int id, int consumer, String flavour, int quantity) {
    c2m.acceptOrder(new Order(new OrderId("o" + id), ConsumerId.of("c" + consumer),
        new DesignId("tea-" + flavour), quantity, 9.5, NOW, NOW.plus(Duration.ofDays(14))));
  }

  @Test
  void countsDistinctOrderingConsumersAndPicksTheWinner() {
    C2m c2m = C2m.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    for (String f : List.of("mint", "jasmine", "smoky")) {
      c2m.offer(design(f));
    }
    int id = 0;
    // mint: 45 consumers of 200 order, one of them twice; jasmine: 6; smoky: none.
    for (int c = 0; c < 45; c++) {
      order(c2m, id++, c, "mint", 3);
    }
    order(c2m, id++, 0, "mint", 1);
    for (int c = 100; c < 106; c++) {
      order(c2m, id++, c, "jasmine", 1);
    }
    ConceptTestRule rule = new ConceptTestRule(0.05, 10, 0.05, 2);
    List<ConceptTestRule.Verdict> verdicts = c2m.conceptTest(rule, Map.of(
        new DesignId("tea-mint"), 200L, new DesignId("tea-jasmine"), 200L,
        new DesignId("tea-smoky"), 200L));
    assertEquals(3, verdicts.size());
    ConceptTestRule.Verdict first = verdicts.get(0);
    assertEquals(new DesignId("tea-mint"), first.evidence().design());
    assertEquals(45, first.evidence().ordered(), "consumers count, not orders or units");
    assertTrue(first.winner());
    // 6 of 200 is 3%, under the 5% threshold and under the 10-order minimum: no winner.
    assertEquals(1, verdicts.stream().filter(ConceptTestRule.Verdict::winner).count());
  }

  @Test
  void refusesCandidatesNotOnOfferOrOverOrdered() {
    C2m c2m = C2m.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    c2m.offer(design("mint"));
    ConceptTestRule rule = new ConceptTestRule(0.05, 1, 0.05, 1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> c2m.conceptTest(rule, Map.of(new DesignId("tea-rose"), 10L)));
    assertTrue(e.getMessage().contains("tea-rose"), e.getMessage());
    for (int c = 0; c < 3; c++) {
      order(c2m, c, c, "mint", 1);
    }
    assertThrows(IllegalArgumentException.class,
        () -> c2m.conceptTest(rule, Map.of(new DesignId("tea-mint"), 2L)));
  }
}
