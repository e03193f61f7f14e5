package io.c2m.niche;

import io.c2m.niche.internal.AttributeMiner;
import java.util.List;

/**
 * Decides which niches exist among consumer profiles.
 *
 * <p>Implementations are pure and thread-safe: the same request gives the same niches, in the same
 * order. Every returned niche has an audience of at least {@link NicheRequest#minAudience()}.
 */
@FunctionalInterface
public interface NicheInference {
  /**
   * Finds niches.
   *
   * @param request profiles, minimum audience, instant and seed
   * @return the niches, best first
   */
  List<Niche> infer(NicheRequest request);

  /**
   * Returns the stable name of this strategy.
   *
   * @return the name
   */
  default String name() {
    return getClass().getSimpleName();
  }

  /**
   * The built-in attribute-combination miner: the narrowest attribute combinations within a
   * category that at least the minimum audience prefers, found by FP-growth over each consumer's
   * preferred values, each of whose values is significantly over-represented (lift at least 1.5,
   * z-score at least 5), ranked by audience times lift, with demand score and trend.
   *
   * @return the strategy named {@code "attribute-miner"}
   */
  static NicheInference attributeMiner() {
    return new AttributeMiner(
        AttributeMiner.DEFAULT_MAX_ATTRIBUTES, AttributeMiner.DEFAULT_MIN_LIFT);
  }
}
