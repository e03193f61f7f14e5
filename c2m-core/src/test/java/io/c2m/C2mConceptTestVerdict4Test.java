package io.c2m;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.design.ConceptTestRule;
import io.c2m.design.ProductDesign;
import io.c2m.order.Order;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The engine judges a concept test from the orders on its book (issue 4, part 5); moved from
 * {@code io.c2m.design.EngineConceptTestTest} to the package of {@link C2m}, which it tests.
 */
class C2mConceptTestVerdict4Test {
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
    List<ConceptTestRule.Verdict> verdicts = c2m.conceptTest(rule, NOW, Map.of(
        new DesignId("tea-mint"), group(0, 200), new DesignId("tea-jasmine"), group(100, 300),
        new DesignId("tea-smoky"), group(200, 400)));
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
        () -> c2m.conceptTest(rule, NOW, Map.of(new DesignId("tea-rose"), group(0, 10))));
    assertTrue(e.getMessage().contains("tea-rose"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> c2m.conceptTest(rule, NOW, Map.of(new DesignId("tea-mint"), Set.of())));
  }

  @Test
  void earlierOrdersAndOrdersFromOutsideTheGroupDoNotCount() {
    // Issue 4 review: every order ever placed for the design counted, including orders before
    // the test and by consumers it was not offered to.
    C2m c2m = C2m.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    c2m.offer(design("mint"));
    Instant start = NOW.plus(Duration.ofDays(1));
    int id = 0;
    // Before the test: 30 orders by group members.
    for (int c = 0; c < 30; c++) {
      c2m.acceptOrder(new Order(new OrderId("o" + id++), ConsumerId.of("c" + c),
          new DesignId("tea-mint"), 1, 9.5, NOW, NOW.plus(Duration.ofDays(14))));
    }
    // During the test: 40 orders from outside the group, and 3 from it.
    for (int c = 1000; c < 1040; c++) {
      c2m.acceptOrder(new Order(new OrderId("o" + id++), ConsumerId.of("c" + c),
          new DesignId("tea-mint"), 1, 9.5, start, start.plus(Duration.ofDays(14))));
    }
    for (int c = 50; c < 53; c++) {
      c2m.acceptOrder(new Order(new OrderId("o" + id++), ConsumerId.of("c" + c),
          new DesignId("tea-mint"), 1, 9.5, start.plusSeconds(c), start.plus(Duration.ofDays(14))));
    }
    ConceptTestRule rule = new ConceptTestRule(0.05, 10, 0.05, 1);
    List<ConceptTestRule.Verdict> verdicts = c2m.conceptTest(rule, start,
        Map.of(new DesignId("tea-mint"), group(0, 100)));
    assertEquals(1, verdicts.size());
    assertEquals(100, verdicts.get(0).evidence().offered());
    assertEquals(3, verdicts.get(0).evidence().ordered());
    assertEquals(false, verdicts.get(0).winner());
  }

  private static Set<ConsumerId> group(int from, int to) {
    Set<ConsumerId> out = new HashSet<>();
    for (int c = from; c < to; c++) {
      out.add(ConsumerId.of("c" + c));
    }
    return out;
  }
}
