package io.c2m.niche;

import static java.util.Objects.requireNonNull;

import io.c2m.AttributeValue;
import io.c2m.Attributes;
import io.c2m.signal.ConsumerProfile;

/**
 * The heuristic that turns a niche member's signal strength into a probability to order, shared by
 * the built-in inferences so that their demand scores compare: with {@code s} the member's mean
 * positive affinity for the definition's values, the probability is {@code 1 - exp(-s / 5)}, so
 * one recent purchase-equivalent of evidence (weight 5) gives about 0.63. A trained model (c2m-ml's
 * propensity) replaces it when labelled outcomes exist.
 */
public final class DemandScore {
  /** The evidence at which the probability is {@code 1 - 1/e}: one purchase by default weights. */
  public static final double PURCHASE_EQUIVALENT = 5.0;

  private DemandScore() {}

  /**
   * Returns a member's probability to order a product of the definition.
   *
   * @param member the member's profile
   * @param definition the niche definition; not empty
   * @return the probability, in [0, 1)
   */
  public static double orderProbability(ConsumerProfile member, Attributes definition) {
    requireNonNull(member, "member");
    requireNonNull(definition, "definition");
    if (definition.isEmpty()) {
      return 0.0;
    }
    double s = 0;
    for (AttributeValue av : definition.pairs()) {
      s += Math.max(0, member.affinity(av));
    }
    return orderProbability(s, definition.size());
  }

  /**
   * Returns the probability to order from a member's summed evidence: the same figure as {@link
   * #orderProbability(ConsumerProfile, Attributes)} given the sum, in the order of the
   * definition's pairs, of the member's positive affinities for its values.
   *
   * @param positiveAffinitySum the summed positive affinities for the definition's values
   * @param definitionSize the number of values in the definition; positive
   * @return the probability, in [0, 1)
   */
  public static double orderProbability(double positiveAffinitySum, int definitionSize) {
    return 1 - Math.exp(-positiveAffinitySum / definitionSize / PURCHASE_EQUIVALENT);
  }
}
