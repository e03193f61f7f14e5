package io.c2m.niche;

import static java.util.Objects.requireNonNull;

import io.c2m.Attributes;
import io.c2m.internal.Checks;
import io.c2m.signal.InterestTimeline;
import java.time.Instant;

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

  /**
   * Estimates the trend of a niche from the interest timeline: its daily interest over the
   * baseline and recent windows ending on the day of {@code asOf}, as in {@link
   * #estimate(double[], TrendSettings)}.
   *
   * @param timeline the daily interest per item
   * @param definition the niche's definition
   * @param asOf an instant in the last day of the recent window
   * @param settings the windows and thresholds
   * @return the trend
   */
  public static Trend of(
      InterestTimeline timeline, Attributes definition, Instant asOf, TrendSettings settings) {
    requireNonNull(timeline, "timeline");
    requireNonNull(settings, "settings");
    return estimate(timeline.dailyInterest(definition, asOf, settings.totalDays()), settings);
  }

  /**
   * Estimates a trend from daily interest.
   *
   * <p>Growth is the recent daily rate over the baseline daily rate, each smoothed by half a unit
   * of interest per day so that a niche without baseline gets a large but finite growth:
   * {@code (recent / recentDays + 0.5) / (baseline / baselineDays + 0.5)}. A niche is emerging from
   * {@link TrendSettings#emergingGrowth()}, fading up to its inverse, steady in between or when its
   * total interest is below {@link TrendSettings#minInterest()}.
   *
   * <p>The half-life of a fading niche is read from an exponential fitted to the days with
   * interest by weighted least squares of {@code ln(interest)} on the day (weights: the interest,
   * so quiet days count less): half-life {@code = ln 2 / -slope}.
   *
   * @param daily the interest per day, oldest first; its length must be {@link
   *     TrendSettings#totalDays()}, the baseline days first
   * @param settings the windows and thresholds
   * @return the trend
   * @throws IllegalArgumentException if the length is wrong or an interest is negative
   */
  public static Trend estimate(double[] daily, TrendSettings settings) {
    requireNonNull(daily, "daily");
    requireNonNull(settings, "settings");
    if (daily.length != settings.totalDays()) {
      throw new IllegalArgumentException("The daily interest has " + daily.length
          + " days; the trend settings need " + settings.totalDays() + ".");
    }
    double baseline = 0;
    double recent = 0;
    for (int d = 0; d < daily.length; d++) {
      Checks.requireNonNegative(daily[d], "interest on day " + d);
      if (d < settings.baselineDays()) {
        baseline += daily[d];
      } else {
        recent += daily[d];
      }
    }
    if (baseline + recent < settings.minInterest() || baseline + recent == 0) {
      return STEADY;
    }
    double growth = (recent / settings.recentDays() + 0.5)
        / (baseline / settings.baselineDays() + 0.5);
    if (growth >= settings.emergingGrowth()) {
      return new Trend(TrendDirection.EMERGING, growth, 0.0);
    }
    if (growth > 1 / settings.emergingGrowth()) {
      return new Trend(TrendDirection.STEADY, growth, 0.0);
    }
    return new Trend(TrendDirection.FADING, growth, halfLifeDays(daily));
  }

  private static double halfLifeDays(double[] daily) {
    double sw = 0;
    double sx = 0;
    double sy = 0;
    for (int d = 0; d < daily.length; d++) {
      if (daily[d] > 0) {
        double w = daily[d];
        sw += w;
        sx += w * d;
        sy += w * Math.log(daily[d]);
      }
    }
    double mx = sx / sw;
    double my = sy / sw;
    double sxx = 0;
    double sxy = 0;
    for (int d = 0; d < daily.length; d++) {
      if (daily[d] > 0) {
        double w = daily[d];
        sxx += w * (d - mx) * (d - mx);
        sxy += w * (d - mx) * (Math.log(daily[d]) - my);
      }
    }
    if (sxx == 0) {
      return 0.0;
    }
    double slope = sxy / sxx;
    return slope < 0 ? Math.log(2.0) / -slope : 0.0;
  }
}
