package io.c2m.demand;

import io.c2m.internal.Checks;
import java.util.List;
import java.util.Objects;

/**
 * A forecast with prediction intervals at chosen coverage levels, e.g. 80% and 95%.
 *
 * @param forecast the point forecast (its p10 and p90 are the 80% interval of the same method)
 * @param intervals the intervals, step by step and, within a step, in the order the levels were
 *     asked for
 */
public record IntervalForecast(DemandForecast forecast, List<Interval> intervals) {
  /**
   * A central prediction interval of one step.
   *
   * @param step how many periods ahead, from 1
   * @param level the nominal coverage, in (0, 1)
   * @param lower the lower bound, zero or more
   * @param upper the upper bound, at least the lower one
   */
  public record Interval(int step, double level, double lower, double upper) {
    /**
     * Validates.
     *
     * @throws IllegalArgumentException if a bound is not finite, negative or out of order, or the
     *     level outside (0, 1)
     */
    public Interval {
      Checks.requirePositive(step, "step");
      if (!(level > 0 && level < 1)) {
        throw new IllegalArgumentException(
            "The level (" + level + ") of the interval of step " + step + " must be in (0, 1).");
      }
      Checks.requireFinite(lower, "lower");
      Checks.requireFinite(upper, "upper");
      if (!(0 <= lower && lower <= upper)) {
        throw new IllegalArgumentException("The interval of step " + step + " must have 0 <= "
            + "lower <= upper, got [" + lower + ", " + upper + "].");
      }
    }
  }

  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException if an interval's step is beyond the forecast's horizon
   */
  public IntervalForecast {
    Objects.requireNonNull(forecast, "forecast");
    intervals = List.copyOf(Checks.requireNoNulls(intervals, "intervals"));
    for (Interval i : intervals) {
      if (i.step() > forecast.horizon()) {
        throw new IllegalArgumentException("The interval of step " + i.step()
            + " is beyond the horizon (" + forecast.horizon() + ") of series "
            + forecast.seriesId() + ".");
      }
    }
  }

  /**
   * Returns the interval of a step and level.
   *
   * @param step the step, from 1
   * @param level the level, as asked for
   * @return the interval
   * @throws IllegalArgumentException if there is none for that step and level
   */
  public Interval interval(int step, double level) {
    for (Interval i : intervals) {
      if (i.step() == step && i.level() == level) {
        return i;
      }
    }
    throw new IllegalArgumentException("The forecast of series " + forecast.seriesId()
        + " has no " + level + " interval at step " + step + ".");
  }
}
