package io.c2m.design;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

  @Test
  void clopperPearsonMatchesPublishedAndClosedFormValues() {
    // 3 of 10 at one-sided level 0.025: the lower end of the exact two-sided 95% interval,
    // 0.0667395 (Clopper and Pearson 1934; standard tables, e.g. R binom.test(3, 10)).
    assertEquals(0.0667395, ConceptTestRule.clopperPearsonLowerBound(3, 10, 0.025), 1e-7);
    // n of n: P(X >= n | n, p) = p^n = level gives the bound level^(1/n) in closed form.
    for (int n : new int[] {1, 2, 7, 40}) {
      for (double a : new double[] {0.001, 0.025, 0.05, 0.2}) {
        assertEquals(Math.pow(a, 1.0 / n), ConceptTestRule.clopperPearsonLowerBound(n, n, a),
            1e-9, () -> n + " of " + n + " at " + a);
      }
    }
  }

  @Test
  void aCandidateWithoutOrdersNeverWins() {
    // Issue 4 review: with minOrderRate 0 and minOrders 0 the lower bound 0 of 0 of 10 was
    // "at least 0" and won.
    ConceptTestRule rule = new ConceptTestRule(0.0, 0, 0.05, 1);
    assertEquals(List.of(), rule.winners(List.of(
        new ConceptTestRule.Evidence(new DesignId("z"), 10, 0))));
    assertEquals(List.of(new DesignId("y")), rule.winners(List.of(
        new ConceptTestRule.Evidence(new DesignId("z"), 10, 0),
        new ConceptTestRule.Evidence(new DesignId("y"), 10, 1))));
  }

  @Test
  void repeatedLooksNeedTheLooksParameter() {
    // One candidate at exactly the threshold rate 0.1, judged after 10, 20, ..., 200 offers. The
    // chance that some look declares it a winner is computed exactly over the binomial paths
    // (ConceptTestRuleProperties.falseWinnerRate). Judged 20 times with looks = 1 it exceeds
    // alpha; with looks = 20 it stays within.
    int[] offers = new int[20];
    for (int j = 0; j < offers.length; j++) {
      offers[j] = 10 * (j + 1);
    }
    double once = ConceptTestRuleProperties.falseWinnerRate(
        new ConceptTestRule(0.1, 0, 0.05, 1), 1, 0.1, offers);
    double corrected = ConceptTestRuleProperties.falseWinnerRate(
        new ConceptTestRule(0.1, 0, 0.05, 1, 20), 1, 0.1, offers);
    assertTrue(once > 0.05, () -> "20 looks at level alpha: " + once);
    assertTrue(corrected <= 0.05, () -> "20 looks with looks = 20: " + corrected);
    assertThrows(IllegalArgumentException.class, () -> new ConceptTestRule(0.1, 0, 0.05, 1, 0));
  }
}
