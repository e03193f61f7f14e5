package io.c2m.design;

import static java.util.Objects.requireNonNull;

import io.c2m.DesignId;
import io.c2m.internal.Checks;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.math3.distribution.BetaDistribution;

/**
 * The minimum-evidence rule of a concept test: several candidate designs are offered to a niche,
 * consumers order first, and only the candidates with enough early orders go to production. The
 * rule is stated up front, so that two flavours out of twenty go to production, not twenty.
 *
 * <p><b>The rule.</b> Each candidate {@code i} was offered to {@code n_i} consumers and {@code k_i}
 * of them ordered; its order rate is modelled as binomial. A candidate is judged at each of up to
 * {@code looks} pre-announced looks at the orders (for example after 100, 200, ... offers), and
 * wins when
 * <ol>
 *   <li>it has at least one order and at least {@code minOrders} orders, and
 *   <li>an exact one-sided binomial test rejects "its order rate is at most {@code minOrderRate}"
 *       at level {@code alpha / (m * looks)}, for {@code m} candidates: {@code P(X >= k_i | n_i,
 *       minOrderRate) <= alpha / (m * looks)}. Equivalently, its Clopper-Pearson lower confidence
 *       bound (Clopper and Pearson 1934, "The use of confidence or fiducial limits illustrated in
 *       the case of the binomial", Biometrika 26:404-413) at one-sided confidence
 *       {@code 1 - alpha / (m * looks)} is at least {@code minOrderRate}.
 * </ol>
 * The division by {@code m * looks} is the Bonferroni correction over every test made: whatever
 * the number of candidates, the probability that <em>any</em> candidate whose true rate is at most
 * {@code minOrderRate} wins at <em>any</em> of the looks (the family-wise error rate) is at most
 * {@code alpha}; the exact test keeps that bound for small counts too, where normal approximations
 * do not. <b>The bound holds only for at most {@code looks} looks:</b> judging the same test more
 * often (re-running {@link #judge} on every new order with {@code looks = 1}) inflates the error,
 * to about 0.18 with 20 looks at alpha 0.05. Fix the number of looks, or the one number of offers
 * to judge at, before the test starts. Winners are ranked by their lower bound, ties by design
 * id, and at most {@code maxWinners} are kept. Set {@code minOrderRate} to the rate a design must
 * beat to be worth a run, e.g. its break-even rate. Deterministic; draws no random numbers.
 *
 * @param minOrderRate the order rate a design must be shown to beat, e.g. its break-even rate; in
 *     [0, 1]
 * @param minOrders the least orders of a winner; zero or more (a winner always has at least one)
 * @param alpha the family-wise error rate over all the looks, in (0, 1)
 * @param maxWinners the most winners; at least 1
 * @param looks the most times the test will be judged, each time on the orders so far; at least 1
 */
public record ConceptTestRule(
    double minOrderRate, int minOrders, double alpha, int maxWinners, int looks) {
  /**
   * Validates.
   *
   * @throws IllegalArgumentException if a value is out of its range
   */
  public ConceptTestRule {
    Checks.requireProbability(minOrderRate, "minimum order rate");
    Checks.requireNonNegative(minOrders, "minimum orders");
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException(
          "The error rate alpha (" + alpha + ") must be strictly between 0 and 1.");
    }
    Checks.requirePositive(maxWinners, "maximum winners");
    Checks.requirePositive(looks, "looks");
  }

  /**
   * A rule judged once, at a number of offers fixed before the test starts ({@code looks = 1}).
   *
   * @param minOrderRate the order rate a design must be shown to beat; in [0, 1]
   * @param minOrders the least orders of a winner; zero or more
   * @param alpha the family-wise error rate, in (0, 1)
   * @param maxWinners the most winners; at least 1
   */
  public ConceptTestRule(double minOrderRate, int minOrders, double alpha, int maxWinners) {
    this(minOrderRate, minOrders, alpha, maxWinners, 1);
  }

  /**
   * The early evidence of one candidate.
   *
   * @param design the candidate design
   * @param offered how many consumers were offered it; positive
   * @param ordered how many of them ordered; at most {@code offered}
   */
  public record Evidence(DesignId design, long offered, long ordered) {
    /**
     * Validates.
     *
     * @throws IllegalArgumentException if a count is out of range
     */
    public Evidence {
      requireNonNull(design, "design");
      if (offered <= 0 || ordered < 0 || ordered > offered) {
        throw new IllegalArgumentException("The evidence of design " + design + " (" + ordered
            + " orders of " + offered + " offers) must have 0 <= orders <= offers and offers > 0.");
      }
    }
  }

  /**
   * A candidate's verdict.
   *
   * @param evidence the evidence
   * @param lowerBound the Clopper-Pearson lower bound of its order rate at the corrected one-sided
   *     confidence {@code 1 - alpha / (m * looks)}
   * @param winner whether it goes to production
   */
  public record Verdict(Evidence evidence, double lowerBound, boolean winner) {}

  /**
   * Judges the candidates.
   *
   * @param candidates the evidence of each candidate; design ids distinct
   * @return one verdict per candidate: winners first (best first), then the others by lower bound
   *     and id
   * @throws IllegalArgumentException if a design appears twice
   */
  public List<Verdict> judge(List<Evidence> candidates) {
    Checks.requireNoNulls(candidates, "candidates");
    if (candidates.stream().map(Evidence::design).distinct().count() != candidates.size()) {
      throw new IllegalArgumentException("Each candidate design must appear once.");
    }
    if (candidates.isEmpty()) {
      return List.of();
    }
    double level = alpha / ((double) candidates.size() * looks);
    List<Verdict> all = new ArrayList<>();
    for (Evidence e : candidates) {
      all.add(new Verdict(e, clopperPearsonLowerBound(e.ordered(), e.offered(), level), false));
    }
    all.sort(Comparator.comparingDouble((Verdict v) -> -v.lowerBound())
        .thenComparing(v -> v.evidence().design()));
    List<Verdict> out = new ArrayList<>(all.size());
    int winners = 0;
    for (Verdict v : all) {
      // At least one order: with minOrderRate 0 the bound 0 of no order would otherwise win.
      boolean wins = winners < maxWinners && v.evidence().ordered() > 0
          && v.evidence().ordered() >= minOrders && v.lowerBound() >= minOrderRate;
      if (wins) {
        winners++;
      }
      out.add(new Verdict(v.evidence(), v.lowerBound(), wins));
    }
    out.sort(Comparator.comparing((Verdict v) -> !v.winner()));
    return List.copyOf(out);
  }

  /**
   * Returns the designs that go to production.
   *
   * @param candidates the evidence of each candidate
   * @return the winners, best first
   */
  public List<DesignId> winners(List<Evidence> candidates) {
    return judge(candidates).stream()
        .filter(Verdict::winner)
        .map(v -> v.evidence().design())
        .toList();
  }

  /**
   * The exact (Clopper-Pearson) one-sided lower confidence bound of a binomial proportion: the
   * {@code level} quantile of the Beta({@code successes}, {@code trials - successes + 1})
   * distribution, 0 when there is no success. It is the smallest rate {@code p} for which
   * {@code P(X >= successes | trials, p) >= level}.
   *
   * @param successes the successes; zero or more, at most {@code trials}
   * @param trials the trials; positive
   * @param level the one-sided error level, in (0, 1); the bound holds with confidence
   *     {@code 1 - level}
   * @return the lower bound, in [0, 1]
   */
  public static double clopperPearsonLowerBound(long successes, long trials, double level) {
    if (trials <= 0 || successes < 0 || successes > trials) {
      throw new IllegalArgumentException("The successes (" + successes + ") and trials ("
          + trials + ") must have 0 <= successes <= trials and trials > 0.");
    }
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("The level (" + level + ") must be in (0, 1).");
    }
    if (successes == 0) {
      return 0.0;
    }
    return new BetaDistribution(null, successes, trials - successes + 1.0, 1e-12)
        .inverseCumulativeProbability(level);
  }

  /**
   * The Wilson score interval's lower bound of a proportion (Wilson 1927, "Probable inference, the
   * law of succession, and statistical inference", JASA 22:209-212): a normal approximation, kept
   * for callers who rank by it; the rule itself uses the exact {@link #clopperPearsonLowerBound}.
   *
   * @param successes the successes
   * @param trials the trials; positive
   * @param z the standard normal quantile (1.96 for a two-sided 95% interval)
   * @return the lower bound, in [0, 1]
   */
  public static double wilsonLowerBound(long successes, long trials, double z) {
    double n = trials;
    double p = successes / n;
    double z2 = z * z;
    double centre = p + z2 / (2 * n);
    double spread = z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
    return Math.max(0.0, (centre - spread) / (1 + z2 / n));
  }
}
