package io.c2m.production;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;

/**
 * Dates for a plan's period indexes: period 0 starts at {@code firstPeriod} (midnight, the
 * factory's local time), each period lasts {@code periodLength}.
 *
 * @param firstPeriod the date period 0 starts
 * @param periodLength the length of a period, such as {@code P1D} or {@code P1W}
 */
public record PlanCalendar(LocalDate firstPeriod, Period periodLength) {
  /**
   * Validates.
   *
   * @throws IllegalArgumentException if the period length is not positive
   */
  public PlanCalendar {
    requireNonNull(firstPeriod, "firstPeriod");
    requireNonNull(periodLength, "periodLength");
    if (periodLength.isNegative() || periodLength.isZero()) {
      throw new IllegalArgumentException(
          "The period length (" + periodLength + ") must be positive, such as P1D or P1W.");
    }
  }

  /**
   * When a period starts.
   *
   * @param period the period index, 0 or more
   * @return midnight of its first day
   */
  public LocalDateTime start(int period) {
    if (period < 0) {
      throw new IllegalArgumentException("The period (" + period + ") must not be negative.");
    }
    return firstPeriod.plus(periodLength.multipliedBy(period)).atStartOfDay();
  }
}
