package io.c2m.niche;

import io.c2m.internal.Checks;

/**
 * How a niche's trend is read from its daily interest: a recent window is compared with the
 * baseline window just before it.
 *
 * @param recentDays the length of the recent window, in days; positive
 * @param baselineDays the length of the baseline window before it, in days; positive
 * @param emergingGrowth the growth (recent daily rate over baseline daily rate) from which a niche
 *     is emerging; its inverse is the growth up to which it is fading; above 1
 * @param minInterest the least total interest over both windows for a trend other than steady;
 *     zero or more
 */
public record TrendSettings(
    int recentDays, int baselineDays, double emergingGrowth, double minInterest) {
  /**
   * Validates.
   *
   * @throws IllegalArgumentException if a window is not positive or the growth threshold not above
   *     1
   */
  public TrendSettings {
    Checks.requirePositive(recentDays, "recent window in days");
    Checks.requirePositive(baselineDays, "baseline window in days");
    if (!(emergingGrowth > 1) || Double.isInfinite(emergingGrowth)) {
      throw new IllegalArgumentException(
          "The emerging growth (" + emergingGrowth + ") must be a finite number above 1.");
    }
    Checks.requireNonNegative(minInterest, "minimum interest");
  }

  /**
   * The defaults: the last 7 days against the 28 before, emerging from growth 1.5 (fading below
   * 1/1.5), and at least 10 units of interest (two purchases' worth) to call a trend.
   *
   * @return the default settings
   */
  public static TrendSettings defaults() {
    return new TrendSettings(7, 28, 1.5, 10.0);
  }

  /**
   * Returns the length of both windows together.
   *
   * @return recent plus baseline days
   */
  public int totalDays() {
    return recentDays + baselineDays;
  }
}
