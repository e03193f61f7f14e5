package io.c2m.streams;

import static java.util.Objects.requireNonNull;

import io.c2m.niche.Niche;
import java.time.Instant;
import java.util.List;

/**
 * The niches over every partition, as published to the niches topic and kept for interactive
 * queries.
 *
 * @param asOf the instant the profiles were decayed to (the latest of the partitions')
 * @param partitions how many partitions' counts were merged
 * @param consumers how many consenting consumers with a preferred category were counted
 * @param niches the niches, best first; none below the minimum audience
 */
public record NicheResult(Instant asOf, int partitions, long consumers, List<Niche> niches) {
  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException if a count is negative
   */
  public NicheResult {
    requireNonNull(asOf, "asOf");
    if (partitions < 0 || consumers < 0) {
      throw new IllegalArgumentException("The partitions (" + partitions + ") and consumers ("
          + consumers + ") must not be negative.");
    }
    niches = List.copyOf(requireNonNull(niches, "niches"));
  }
}
