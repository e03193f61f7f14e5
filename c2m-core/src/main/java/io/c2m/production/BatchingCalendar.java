package io.c2m.production;

import io.c2m.order.Order;
import java.time.Duration;
import java.time.Instant;

/**
 * The planning calendar of a {@link BatchingProblem} ({@link BatchingProblem#calendar()}): which
 * period an instant, an order's placement or its due date falls in, and which campaign windows
 * have closed as of the problem's {@code asOf}. Period 0 starts at the problem's {@code start};
 * each period lasts its {@code period}. Immutable; the queries allocate nothing.
 */
public final class BatchingCalendar {
  private final Instant start;
  private final Duration period;
  private final int horizon;
  private final Instant asOf;

  BatchingCalendar(Instant start, Duration period, int horizon, Instant asOf) {
    this.start = start;
    this.period = period;
    this.horizon = horizon;
    this.asOf = asOf;
  }

  /**
   * Returns the signed index of the period an instant falls in: negative before {@code start}
   * (unlike {@link #periodOf(Instant)}, which counts such instants in period 0), clamped to the
   * range of an int.
   *
   * @param instant the instant
   * @return the signed period index
   */
  public long signedPeriodOf(Instant instant) {
    long secs = instant.getEpochSecond() - start.getEpochSecond();
    long pm = period.toMillis();
    if (Math.abs(secs) > Long.MAX_VALUE / 2000) {
      return secs < 0 ? Integer.MIN_VALUE : Integer.MAX_VALUE;
    }
    long ms = secs * 1000 + ((long) instant.getNano() - start.getNano()) / 1_000_000;
    return Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, Math.floorDiv(ms, pm)));
  }

  /**
   * Returns the number of periods known to be over for campaign windows: a window closing at the
   * start of period {@code c} has closed when {@code c <= closedThrough()}. The horizon when the
   * orders are final ({@code asOf} = {@link Instant#MAX}); else the signed period of {@code asOf},
   * at most the horizon.
   *
   * @return the period index up to which windows have closed
   */
  public long closedThrough() {
    return asOf.equals(Instant.MAX) ? horizon : Math.min(horizon, signedPeriodOf(asOf));
  }

  /**
   * Returns the period an order was placed in.
   *
   * @param order the order
   * @return the period
   */
  public int placedPeriod(Order order) {
    return periodOf(order.placedAt());
  }

  /**
   * Returns the period an order is due in (the period of its latest delivery).
   *
   * @param order the order
   * @return the period
   */
  public int duePeriod(Order order) {
    return periodOf(order.latestDelivery());
  }

  /**
   * Returns the period an instant falls in.
   *
   * @param instant an instant not before the start
   * @return the 0-based period index
   */
  public int periodOf(Instant instant) {
    long p = periodIndex(start, period.toMillis(), instant);
    return (int) Math.min(Integer.MAX_VALUE - 1L, p);
  }

  /**
   * Returns the start of a period.
   *
   * @param index the 0-based period index
   * @return its first instant
   */
  public Instant startOf(int index) {
    return start.plus(period.multipliedBy(index));
  }

  static long periodIndex(Instant start, long periodMillis, Instant instant) {
    return Math.max(0, Math.floorDiv(millisBetween(start, instant), Math.max(1, periodMillis)));
  }

  /**
   * {@code Duration.between(start, instant).toMillis()} (truncated toward zero), or
   * {@link Long#MAX_VALUE} where that overflows, computed without allocating: strategies ask it
   * twice per order.
   */
  private static long millisBetween(Instant start, Instant instant) {
    // Instant seconds are within +-3.2e16, so the difference cannot overflow
    long secs = instant.getEpochSecond() - start.getEpochSecond();
    long nanos = (long) instant.getNano() - start.getNano();
    if (nanos < 0) {
      nanos += 1_000_000_000L;
      secs--;
    }
    // as Duration.toMillis: a negative duration counts its nanoseconds toward zero
    if (secs < 0 && nanos > 0) {
      secs++;
      nanos -= 1_000_000_000L;
    }
    long ms = secs * 1000;
    if (Math.abs(secs) > Long.MAX_VALUE / 1000 - 1) {
      return Long.MAX_VALUE;
    }
    return ms + nanos / 1_000_000;
  }
}
