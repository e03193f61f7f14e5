package io.c2m.design;

import static java.util.Objects.requireNonNull;

import io.c2m.DesignId;
import io.c2m.internal.Checks;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The minimum-evidence rule of a concept test: several candidate designs are offered to a niche, consumers order first, and
 * only the candidates with enough early orders go to production. The minimum-evidence rule is
 * stated up front, so that two flavours out of twenty go to production, not twenty:
 *
 * <p>A candidate wins when (1) it has at least {@code minOrders} orders, and (2) the Wilson score
 * lower bound (Wilson 1927, "Probable inference, the law of succession, and statistical
 * inference", JASA 22:209-212) of its order rate (orders over offers) is at least {@code
 * minOrderRate}, at one-sided confidence {@code 1 - alpha / m} for {@code m} candidates (a
 * Bonferroni correction, so testing many candidates does not manufacture winners by luck). Winners
 * are ranked by that lower bound, ties by design id, and at most {@code maxWinners} are kept.
 *
 * @param minOrderRate the order rate a design must be shown to beat, e.g. its break-even rate; in
 *     [0, 1]
 * @param minOrders the least orders of a winner; zero or more
 * @param alpha the family-wise error rate, in (0, 1)
 * @param maxWinners the most winners; at least 1
 */
public record ConceptTestRule(double minOrderRate, int minOrders, double alpha, int maxWinners) {
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
   * @param lowerBound the Wilson lower bound of its order rate at the corrected confidence
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
    double z = new NormalDistribution(0, 1)
        .inverseCumulativeProbability(1 - alpha / candidates.size());
    List<Verdict> all = new ArrayList<>();
    for (Evidence e : candidates) {
      all.add(new Verdict(e, wilsonLowerBound(e.ordered(), e.offered(), z), false));
    }
    all.sort(Comparator.comparingDouble((Verdict v) -> -v.lowerBound())
        .thenComparing(v -> v.evidence().design()));
    List<Verdict> out = new ArrayList<>(all.size());
    int winners = 0;
    for (Verdict v : all) {
      boolean wins = winners < maxWinners && v.evidence().ordered() >= minOrders
          && v.lowerBound() >= minOrderRate;
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
   * The Wilson score interval's lower bound of a proportion.
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
