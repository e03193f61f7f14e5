package io.c2m.niche;

import static java.util.Objects.requireNonNull;

import io.c2m.internal.Checks;

/**
 * The trend of interest in a niche.
 *
 * @param direction emerging, steady or fading
 * @param growth recent signal mass over baseline signal mass (1 = flat); zero or more
 * @param halfLifeDays the estimated half-life of interest in days, for a fading niche; 0 when not
 *     estimated (steady or emerging niches, or too little data)
 */
public record Trend(TrendDirection direction, double growth, double halfLifeDays) {
  private static final Trend STEADY = new Trend(TrendDirection.STEADY, 1.0, 0.0);

  /**
   * Validates.
   *
   * @throws IllegalArgumentException if growth or half-life is negative or not finite
   */
  public Trend {
    requireNonNull(direction, "direction");
    Checks.requireNonNegative(growth, "growth");
    Checks.requireNonNegative(halfLifeDays, "half-life in days");
  }

  /**
   * A steady trend with growth 1, for inference that does not look at time.
   *
   * @return the steady trend
   */
  public static Trend steady() {
    return STEADY;
  }
}
