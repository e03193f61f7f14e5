package io.c2m.ml;

import static java.util.Objects.requireNonNull;

import io.c2m.AttributeValue;
import io.c2m.Attributes;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Why a cluster of consumers is (or is not) a niche: the attribute values over-represented among
 * its members, with their shares.
 *
 * @param cluster the cluster's label
 * @param size how many consumers it holds
 * @param shares for each over-represented preferred value, the share of members who prefer it
 * @param definition the niche definition the shares explain, after its unproductive values are
 *     dropped (so it equals the definition of the niche the cluster becomes); empty when the
 *     cluster is not a niche (no category, a single value, or too small)
 */
public record ClusterExplanation(
    int cluster, int size, Map<AttributeValue, Double> shares, Attributes definition) {
  /** Validates and copies. */
  public ClusterExplanation {
    if (size < 0) {
      throw new IllegalArgumentException("The cluster size (" + size + ") must not be negative.");
    }
    requireNonNull(shares, "shares");
    shares.forEach((k, v) -> {
      requireNonNull(k, "shared value");
      if (!(v >= 0 && v <= 1)) {
        throw new IllegalArgumentException(
            "The share of " + k + " (" + v + ") must be between 0 and 1 inclusive.");
      }
    });
    shares = Collections.unmodifiableSortedMap(new TreeMap<>(shares));
    requireNonNull(definition, "definition");
  }
}
