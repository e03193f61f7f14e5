package io.c2m.niche;

import io.c2m.niche.internal.AttributeMiner;
import io.c2m.niche.internal.CheckedNicheInference;
import io.c2m.signal.ProfileStore;
import java.time.Instant;
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
   * Finds niches end to end from a profile store, as {@link #infer(NicheRequest)} of a request of
   * the store's profiles decayed to {@code asOf} and its interest timeline. The default does just
   * that; a strategy may read the store's arrays directly (the attribute-miner does, with the
   * same result).
   *
   * @param store the profiles (of consenting consumers: consent is asked at ingestion)
   * @param minAudience the minimum number of consumers in a niche; at least 1
   * @param asOf the instant of inference
   * @param seed the random seed
   * @return the niches, best first
   */
  default List<Niche> infer(ProfileStore store, int minAudience, Instant asOf, long seed) {
    return infer(new NicheRequest(store.profiles(asOf), minAudience, asOf, seed,
        store.timeline()));
  }

  /**
   * Finds niches among preferred values read out of a profile store: the same niches as {@link
   * #infer(NicheRequest)} of {@link PreferenceRequest#request()}. The default does just that,
   * building the request's profiles; a strategy that needs only the consumers' preferred values
   * may read them from the request instead, with the same result (the attribute miner does:
   * issue 15, a profile per consumer per discovery was much of a simulation's time).
   *
   * @param request preferred values, minimum audience, instant, seed and timeline
   * @return the niches, best first
   */
  default List<Niche> infer(PreferenceRequest request) {
    return infer(request.request());
  }

  /**
   * Describes the budget that cut this strategy's last inference short, if it has budgets and the
   * last one hit one, for a caller that reports it (the command line does). The default has none.
   *
   * @return the description of the budget and the counts (never consumer data), or empty
   */
  default java.util.Optional<String> lastCap() {
    return java.util.Optional.empty();
  }

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

  /**
   * Wraps an inference so that every niche it returns is checked against the request: each
   * niche's audience is recounted (the request's profiles whose preferences match its definition)
   * and a niche below the request's minimum audience is withheld, so no niche fewer than k
   * consumers match is ever released. A reported audience other than the recount, a demand score
   * above the audience, a repeated id, a null result, and anything the inference throws raise an
   * {@link io.c2m.StrategyException} naming the inference, with the cause kept.
   *
   * @param inference the inference to check
   * @return the checking inference, with the same name
   */
  static NicheInference checked(NicheInference inference) {
    return CheckedNicheInference.wrap(inference);
  }
}
