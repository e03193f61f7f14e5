package io.c2m.production;

import static java.util.Objects.requireNonNull;

import io.c2m.internal.Checks;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Production as of an instant, in calendar dates: the frozen batches (released, in production,
 * done), then the batches planned for the open orders, and the open orders no batch serves yet.
 *
 * @param asOf the instant (the engine's now)
 * @param firstDay the start of the current planning period: period 0 of {@code plan}
 * @param period the length of a planning period
 * @param batches frozen batches first (in the order they were released), then planned ones
 * @param pending open orders in no batch, with the reason (campaigns still collecting orders,
 *     orders below a minimum order quantity, ...)
 * @param plan the strategy's plan of the open orders, period 0 = {@code firstDay}
 */
public record Schedule(Instant asOf, Instant firstDay, Duration period,
    List<ScheduledBatch> batches, List<PendingOrder> pending, BatchPlan plan) {
  /**
   * Validates and copies.
   */
  public Schedule {
    requireNonNull(asOf, "asOf");
    requireNonNull(firstDay, "firstDay");
    requireNonNull(period, "period");
    batches = List.copyOf(Checks.requireNoNulls(batches, "batches"));
    pending = List.copyOf(Checks.requireNoNulls(pending, "pending"));
    requireNonNull(plan, "plan");
  }
}
