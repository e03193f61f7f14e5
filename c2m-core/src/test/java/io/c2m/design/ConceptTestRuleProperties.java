package io.c2m.design;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.DesignId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;
import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * The concept test's minimum-evidence rule: its false-winner rate stays below the stated level,
 * a clearly better candidate wins, and the verdicts depend on the evidence only.
 */
class ConceptTestRuleProperties {
  private static final double ALPHA = 0.05;

  private static long binomial(SplittableRandom random, int n, double p) {
    long k = 0;
    for (int i = 0; i < n; i++) {
      if (random.nextDouble() < p) {
        k++;
      }
    }
    return k;
  }

  /**
   * Twenty identical candidates whose true order rate is exactly the threshold (the worst case of
   * the null hypothesis): the share of concept tests that declare any winner stays at or below
   * alpha. Over 200 tests that share is binomial; the bound allowed is its 99.9% quantile at
   * alpha, so a correct rule fails this by chance at most once in a thousand tries.
   */
  @Property(tries = 12)
  void twentyIdenticalCandidatesRarelyGiveAWinner(
      @ForAll long seed,
      @ForAll @IntRange(min = 20, max = 400) int offers,
      @ForAll @DoubleRange(min = 0.01, max = 0.3) double rate) {
    ConceptTestRule rule = new ConceptTestRule(rate, 0, ALPHA, 20);
    SplittableRandom random = new SplittableRandom(seed);
    int experiments = 200;
    int withWinner = 0;
    for (int e = 0; e < experiments; e++) {
      List<ConceptTestRule.Evidence> evidence = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        evidence.add(new ConceptTestRule.Evidence(new DesignId("d" + i), offers,
            binomial(random, offers, rate)));
      }
      if (!rule.winners(evidence).isEmpty()) {
        withWinner++;
      }
    }
    int allowed = new BinomialDistribution(null, experiments, ALPHA)
        .inverseCumulativeProbability(0.999);
    assertTrue(withWinner <= allowed, withWinner + " of " + experiments
        + " concept tests of identical candidates declared a winner; at most " + allowed);
  }

  /**
   * One candidate orders at four times the threshold, nineteen at the threshold, 400 offers each:
   * it has about 0.2 x 400 = 80 orders, while its exact bound reaches the 5% threshold at about 33
   * (mean 20 plus 2.8 standard deviations of 4.4 at level 0.05 / 20), so it wins every test.
   */
  @Property(tries = 30)
  void aClearlyBetterCandidateWins(@ForAll long seed,
      @ForAll @IntRange(min = 0, max = 19) int better) {
    ConceptTestRule rule = new ConceptTestRule(0.05, 10, ALPHA, 2);
    SplittableRandom random = new SplittableRandom(seed);
    List<ConceptTestRule.Evidence> evidence = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      evidence.add(new ConceptTestRule.Evidence(new DesignId("d" + i), 400,
          binomial(random, 400, i == better ? 0.20 : 0.05)));
    }
    List<DesignId> winners = rule.winners(evidence);
    assertEquals(new DesignId("d" + better), winners.get(0), winners::toString);
    assertTrue(winners.size() <= 2);
  }

  /** The verdicts depend on the evidence, not on the order it is given in. */
  @Property(tries = 100)
  void verdictsAreDeterministicAndOrderFree(@ForAll long seed,
      @ForAll @IntRange(min = 1, max = 25) int candidates) {
    SplittableRandom random = new SplittableRandom(seed);
    List<ConceptTestRule.Evidence> evidence = new ArrayList<>();
    for (int i = 0; i < candidates; i++) {
      int offers = 1 + random.nextInt(300);
      evidence.add(new ConceptTestRule.Evidence(new DesignId("d" + i), offers,
          random.nextInt(offers + 1)));
    }
    ConceptTestRule rule = new ConceptTestRule(random.nextDouble() * 0.3, random.nextInt(5),
        0.01 + random.nextDouble() * 0.2, 1 + random.nextInt(5));
    List<ConceptTestRule.Verdict> first = rule.judge(evidence);
    List<ConceptTestRule.Evidence> shuffled = new ArrayList<>(evidence);
    Collections.shuffle(shuffled, new Random(seed));
    assertEquals(first, rule.judge(shuffled));
    long winners = first.stream().filter(ConceptTestRule.Verdict::winner).count();
    assertTrue(winners <= rule.maxWinners());
    for (ConceptTestRule.Verdict v : first) {
      if (v.winner()) {
        assertTrue(v.evidence().ordered() >= rule.minOrders());
        assertTrue(v.lowerBound() >= rule.minOrderRate());
      }
    }
  }

  /**
   * The exact bound is where the binomial upper tail equals the level: {@code P(X >= k | n, L) =
   * level}, checked with Commons Math's binomial distribution.
   */
  @Property(tries = 200)
  void theExactBoundIsWhereTheUpperTailEqualsTheLevel(
      @ForAll @IntRange(min = 1, max = 500) int trials,
      @ForAll @DoubleRange(min = 0.0, max = 1.0) double share,
      @ForAll @DoubleRange(min = 0.001, max = 0.3) @Scale(6) double level) {
    int successes = Math.max(1, (int) Math.round(share * trials));
    double bound = ConceptTestRule.clopperPearsonLowerBound(successes, trials, level);
    BinomialDistribution b = new BinomialDistribution(null, trials, bound);
    double tail = 1 - b.cumulativeProbability(successes - 1);
    assertEquals(level, tail, 1e-6 + 1e-6 * level,
        () -> successes + " of " + trials + " at level " + level + ": bound " + bound);
  }

  /**
   * The exact probability that a candidate whose true order rate is {@code rate} is declared a
   * winner at some look, when {@code m} candidates are judged after {@code offers[0] < offers[1]
   * < ...} offers each: a dynamic programme over the candidate's order count, stopping the paths
   * that win. The rule's verdict for a count is read from {@link ConceptTestRule#judge} with the
   * other m - 1 candidates at no order (their evidence does not change its bound).
   */
  static double falseWinnerRate(ConceptTestRule rule, int m, double rate, int[] offers) {
    double[] alive = {1.0}; // P(count = k and no win yet), k = 0..n
    int n = 0;
    double won = 0;
    for (int look : offers) {
      int step = look - n;
      BinomialDistribution b = new BinomialDistribution(null, step, rate);
      double[] next = new double[look + 1];
      for (int k = 0; k < alive.length; k++) {
        if (alive[k] == 0) {
          continue;
        }
        for (int d = 0; d <= step; d++) {
          next[k + d] += alive[k] * b.probability(d);
        }
      }
      n = look;
      int critical = critical(rule, m, n);
      for (int k = critical; k <= n; k++) {
        won += next[k];
        next[k] = 0;
      }
      alive = next;
    }
    return won;
  }

  /** The least order count that wins after n offers (n + 1 if none), by bisection. */
  private static int critical(ConceptTestRule rule, int m, int n) {
    int lo = 0;
    int hi = n + 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (wins(rule, m, n, mid)) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  private static boolean wins(ConceptTestRule rule, int m, int n, int k) {
    List<ConceptTestRule.Evidence> evidence = new ArrayList<>();
    evidence.add(new ConceptTestRule.Evidence(new DesignId("a"), n, k));
    for (int i = 1; i < m; i++) {
      evidence.add(new ConceptTestRule.Evidence(new DesignId("z" + i), n, 0));
    }
    return rule.winners(evidence).contains(new DesignId("a"));
  }

  /**
   * With {@code looks} set to the number of looks, the family-wise error stays at or below alpha
   * however often (up to {@code looks}) the test is judged: for m independent candidates at the
   * threshold rate, 1 - (1 - q)^m with q the exact chance one of them wins at some look.
   */
  @Property(tries = 25)
  void repeatedLooksKeepTheFamilyWiseErrorWithinAlpha(
      @ForAll @IntRange(min = 1, max = 5) int m,
      @ForAll @IntRange(min = 1, max = 20) int looks,
      @ForAll @IntRange(min = 5, max = 40) int step,
      @ForAll @DoubleRange(min = 0.01, max = 0.3) double rate,
      @ForAll @IntRange(min = 0, max = 5) int minOrders) {
    int[] offers = new int[looks];
    for (int j = 0; j < looks; j++) {
      offers[j] = step * (j + 1);
    }
    ConceptTestRule rule = new ConceptTestRule(rate, minOrders, ALPHA, m, looks);
    double q = falseWinnerRate(rule, m, rate, offers);
    double family = 1 - Math.pow(1 - q, m);
    assertTrue(family <= ALPHA + 1e-9,
        () -> m + " candidates, " + looks + " looks every " + step + " offers at rate " + rate
            + ": family-wise error " + family);
  }
}
