package io.c2m.design;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.c2m.DesignId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ConceptTestRuleTest {
  @Test
  void wilsonLowerBoundMatchesNewcombesWorkedExample() {
    // Newcombe (1998), Statistics in Medicine 17:857-872, example 81/263: Wilson 95% interval
    // 0.2553 to 0.3662.
    assertEquals(0.2553, ConceptTestRule.wilsonLowerBound(81, 263, 1.959964), 1e-4);
    assertEquals(0.0, ConceptTestRule.wilsonLowerBound(0, 10, 1.96));
  }

  @Test
  void twoFlavoursOutOfTwentyGoToProductionNotTwenty() {
    // Two candidates convert at 10%, eighteen at 1%; each is offered to 400 consumers.
    SplittableRandom random = new SplittableRandom(2026);
    List<ConceptTestRule.Evidence> evidence = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      double rate = i == 4 || i == 13 ? 0.10 : 0.01;
      int orders = 0;
      for (int k = 0; k < 400; k++) {
        if (random.nextDouble() < rate) {
          orders++;
        }
      }
      evidence.add(new ConceptTestRule.Evidence(new DesignId("d" + i), 400, orders));
    }
    ConceptTestRule rule = new ConceptTestRule(0.03, 5, 0.05, 5);
    List<DesignId> winners = rule.winners(evidence);
    assertEquals(2, winners.size(), winners::toString);
    assertEquals(List.of("d13", "d4"), winners.stream().map(DesignId::value).sorted().toList());
  }

  @Test
  void aFewLuckyOrdersAreNotEnoughEvidence() {
    // 3 of 10 is a 30% rate, but with two candidates the level is 0.025 and the exact lower
    // bound is the 0.025 quantile of Beta(3, 8), about 0.067 (R: qbeta(0.025, 3, 8)) < 15%.
    ConceptTestRule rule = new ConceptTestRule(0.15, 3, 0.05, 2);
    assertEquals(List.of(), rule.winners(List.of(
        new ConceptTestRule.Evidence(new DesignId("a"), 10, 3),
        new ConceptTestRule.Evidence(new DesignId("b"), 10, 2))));
    // The same rate over 300 offers is: qbeta(0.025, 90, 211) is about 0.25.
    assertEquals(List.of(new DesignId("a")), rule.winners(List.of(
        new ConceptTestRule.Evidence(new DesignId("a"), 300, 90),
        new ConceptTestRule.Evidence(new DesignId("b"), 10, 2))));
  }

  @Test
  void theWinnerCapAndBadEvidenceAreEnforced() {
    ConceptTestRule rule = new ConceptTestRule(0.0, 0, 0.05, 1);
    assertEquals(1, rule.winners(List.of(
        new ConceptTestRule.Evidence(new DesignId("a"), 100, 50),
        new ConceptTestRule.Evidence(new DesignId("b"), 100, 40))).size());
    assertThrows(IllegalArgumentException.class,
        () -> new ConceptTestRule.Evidence(new DesignId("a"), 10, 11));
    assertThrows(IllegalArgumentException.class, () -> new ConceptTestRule(0.1, 1, 0, 1));
  }
}
