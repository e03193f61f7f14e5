package io.c2m.privacy;

import io.c2m.niche.Niche;
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
   * The documented floor of the minimum audience for anything exported: 5 consumers. A smaller
   * minimum releases preferences that a handful of people, or one, share; callers must opt in
   * explicitly (synthetic data only) to go below it ({@link #checkFloor(int, boolean)}).
   */
  public static final int FLOOR = 5;

  /**
   * Checks a minimum audience against the {@link #FLOOR}.
   *
   * @param minimumAudience the requested minimum
   * @param syntheticDataOptIn whether the caller declared that the data is synthetic, which alone
   *     allows a minimum below the floor
   * @return the minimum
   * @throws IllegalArgumentException if the minimum is below 1, or below the floor without the
   *     opt-in
   */
  public static int checkFloor(int minimumAudience, boolean syntheticDataOptIn) {
    if (minimumAudience < 1) {
      throw new IllegalArgumentException(
          "The minimum audience (" + minimumAudience + ") must be at least 1.");
    }
    if (minimumAudience < FLOOR && !syntheticDataOptIn) {
      throw new IllegalArgumentException("The minimum audience (" + minimumAudience
          + ") is below the floor of " + FLOOR + ": a niche that small could describe one "
          + "person's preferences.\nMaybe raise it, or opt in explicitly if the data is "
          + "synthetic (no real consumer in it).");
    }
    return minimumAudience;
  }
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
   * Keeps the niches with at least the minimum audience, in their order.
   *
   * @param niches the niches
   * @return those that may be released
   */
  public List<Niche> release(List<Niche> niches) {
    List<Niche> out = new ArrayList<>(niches.size());
    for (Niche n : niches) {
      if (n.audience() >= minimumAudience) {
        out.add(n);
      }
    }
    return List.copyOf(out);
  }
}
