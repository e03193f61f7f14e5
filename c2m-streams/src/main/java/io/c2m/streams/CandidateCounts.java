package io.c2m.streams;

import static java.util.Objects.requireNonNull;

import io.c2m.Attributes;
import io.c2m.signal.InterestTimeline;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one partition contributes to niche discovery: its consenting consumers' preferred-value
 * combinations with counts, the demand evidence of each sub-combination a niche could have, and
 * the recent daily interest per item. Counts of all partitions add up
 * ({@link NicheCandidates#mine}), so the minimum audience is applied to counts over every
 * partition. Holds no consumer id: an audience below k is never released, but these counts are
 * internal to the application (a repartition topic) and must stay so.
 *
 * @param partition the partition counted
 * @param asOf the instant profiles were decayed to
 * @param patterns the distinct preferred-value combinations that include a category, sorted by
 *     their text
 * @param interest the partition's daily interest per item over the trend window
 */
public record CandidateCounts(
    int partition, Instant asOf, List<Pattern> patterns, InterestTimeline interest) {
  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException if the partition is negative
   */
  public CandidateCounts {
    if (partition < 0) {
      throw new IllegalArgumentException(
          "The partition (" + partition + ") must not be negative.");
    }
    requireNonNull(asOf, "asOf");
    patterns = List.copyOf(requireNonNull(patterns, "patterns"));
    requireNonNull(interest, "interest");
  }

  /**
   * One combination of preferred values (one value per attribute key) and how many consumers of
   * the partition have exactly it.
   *
   * @param preferred the preferred values, including a category
   * @param count how many consumers; positive
   * @param demand per sub-combination that includes the category and has 3 to 5 values (keyed by
   *     its niche id), the summed probability to order of those consumers ({@link
   *     io.c2m.niche.DemandScore})
   */
  public record Pattern(Attributes preferred, long count, Map<String, Double> demand) {
    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException if the count is not positive or a demand not finite
     */
    public Pattern {
      requireNonNull(preferred, "preferred");
      if (count <= 0) {
        throw new IllegalArgumentException(
            "The count (" + count + ") of a pattern must be positive.");
      }
      requireNonNull(demand, "demand");
      for (Map.Entry<String, Double> e : demand.entrySet()) {
        if (e.getValue() == null || !(e.getValue() >= 0) || e.getValue().isInfinite()) {
          throw new IllegalArgumentException("The demand (" + e.getValue() + ") of "
              + e.getKey() + " must be finite and not negative.");
        }
      }
      demand = Collections.unmodifiableSortedMap(new TreeMap<>(demand));
    }
  }
}
