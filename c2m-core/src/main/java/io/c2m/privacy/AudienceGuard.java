package io.c2m.privacy;

import java.util.ArrayList;
import java.util.List;

/**
 * Enforces k-anonymity on what leaves for a manufacturer: a niche whose audience is below the
 * minimum is never released, whatever the inference strategy returned.
 *
 * @param minimumAudience the smallest audience that may be released (k); at least 1
 */
public record AudienceGuard(int minimumAudience) {
  /**
   * Validates.
   *
   * @throws IllegalArgumentException if the minimum is not positive
   */
  public AudienceGuard {
    if (minimumAudience < 1) {
      throw new IllegalArgumentException(
          "The minimum audience (" + minimumAudience + ") must be at least 1.");
    }
  }

  /**
   * Keeps the niches (or other aggregates) with at least the minimum audience, in their order.
   *
   * @param niches the niches
   * @param <T> the type of the aggregates, e.g. {@code io.c2m.niche.Niche}
   * @return those that may be released
   */
  public <T extends Releasable> List<T> release(List<T> niches) {
    List<T> out = new ArrayList<>(niches.size());
    for (T n : niches) {
      if (n.audience() >= minimumAudience) {
        out.add(n);
      }
    }
    return List.copyOf(out);
  }
}
