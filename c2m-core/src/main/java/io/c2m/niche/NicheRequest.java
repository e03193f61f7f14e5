package io.c2m.niche;

import static java.util.Objects.requireNonNull;

import io.c2m.ConsumerId;
import io.c2m.internal.Checks;
import io.c2m.signal.ConsumerProfile;
import io.c2m.signal.InterestTimeline;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The input of a {@link NicheInference}: profiles of consenting consumers, the minimum audience a
 * niche must reach, the instant of inference, a seed for strategies that draw random numbers, and
 * the daily interest per item that trends are read from (profiles are decayed sums and carry no
 * history).
 *
 * @param profiles the consumer profiles, one per consumer
 * @param minAudience the minimum number of consumers in a niche; at least 1
 * @param asOf the instant of inference
 * @param seed the random seed
 * @param timeline the daily interest per item; {@link InterestTimeline#empty()} gives steady
 *     trends
 */
public record NicheRequest(
    List<ConsumerProfile> profiles,
    int minAudience,
    Instant asOf,
    long seed,
    InterestTimeline timeline) {
  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException if the minimum audience is not positive, or two profiles are
   *     of one consumer
   */
  public NicheRequest {
    profiles = List.copyOf(Checks.requireNoNulls(profiles, "profiles"));
    Set<ConsumerId> seen = new HashSet<>();
    for (int i = 0; i < profiles.size(); i++) {
      if (!seen.add(profiles.get(i).consumer())) {
        // No consumer id in the message: no consumer data in messages.
        throw new IllegalArgumentException("The profile at index " + i + " is of a consumer "
            + "already profiled earlier in the list; a request holds one profile per consumer, "
            + "or they would count twice in an audience.\nMaybe merge their profiles first.");
      }
    }
    Checks.requirePositive(minAudience, "minimum audience");
    requireNonNull(asOf, "asOf");
    requireNonNull(timeline, "timeline");
  }

  /**
   * A request without interest history: every niche's trend is steady.
   *
   * @param profiles the consumer profiles, one per consumer
   * @param minAudience the minimum number of consumers in a niche; at least 1
   * @param asOf the instant of inference
   * @param seed the random seed
   */
  public NicheRequest(List<ConsumerProfile> profiles, int minAudience, Instant asOf, long seed) {
    this(profiles, minAudience, asOf, seed, InterestTimeline.empty());
  }
}
