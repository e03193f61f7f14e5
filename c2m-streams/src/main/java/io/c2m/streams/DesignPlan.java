package io.c2m.streams;

import static java.util.Objects.requireNonNull;

import io.c2m.DesignId;
import io.c2m.production.PendingOrder;
import io.c2m.production.Schedule;
import io.c2m.production.ScheduledBatch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One design's share of the engine's {@link Schedule}, as the order intake publishes it to the
 * plans topic (keyed by design id) and keeps it for interactive queries: the frozen batches
 * (released and later, in release order), then the batches the batching strategy plans for the
 * open orders, with calendar dates (ISO-8601 in JSON), and the open orders no batch serves yet,
 * with the reason. A design whose orders were all refunded has an empty plan.
 *
 * @param design the design
 * @param asOf the stream time of the check that made it (the engine's now); a plan is published
 *     only when its batches or pending orders change
 * @param batches frozen batches first, then planned ones
 * @param pending open orders in no batch, with the reason
 */
public record DesignPlan(DesignId design, Instant asOf, List<ScheduledBatch> batches,
    List<PendingOrder> pending) {
  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException if a batch or pending order is of another design
   */
  public DesignPlan {
    requireNonNull(design, "design");
    requireNonNull(asOf, "asOf");
    batches = List.copyOf(requireNonNull(batches, "batches"));
    pending = List.copyOf(requireNonNull(pending, "pending"));
    for (ScheduledBatch b : batches) {
      if (!b.design().equals(design)) {
        throw new IllegalArgumentException("Batch " + b.id() + " is of design " + b.design()
            + ", not of the plan's design " + design + ".");
      }
    }
    for (PendingOrder p : pending) {
      if (!p.design().equals(design)) {
        throw new IllegalArgumentException("Pending order (" + p.order() + ") is of design "
            + p.design() + ", not of the plan's design " + design + ".");
      }
    }
  }

  /**
   * Splits a schedule by design, keeping its order within each design.
   *
   * @param schedule the schedule
   * @return the plan of each design with a batch or a pending order, by first appearance
   */
  public static Map<DesignId, DesignPlan> of(Schedule schedule) {
    requireNonNull(schedule, "schedule");
    Map<DesignId, List<ScheduledBatch>> batches = new LinkedHashMap<>();
    Map<DesignId, List<PendingOrder>> pending = new LinkedHashMap<>();
    for (ScheduledBatch b : schedule.batches()) {
      batches.computeIfAbsent(b.design(), d -> new ArrayList<>()).add(b);
      pending.computeIfAbsent(b.design(), d -> new ArrayList<>());
    }
    for (PendingOrder p : schedule.pending()) {
      batches.computeIfAbsent(p.design(), d -> new ArrayList<>());
      pending.computeIfAbsent(p.design(), d -> new ArrayList<>()).add(p);
    }
    Map<DesignId, DesignPlan> out = new LinkedHashMap<>();
    for (DesignId d : batches.keySet()) {
      out.put(d, new DesignPlan(d, schedule.asOf(), batches.get(d), pending.get(d)));
    }
    return out;
  }

  /**
   * Returns whether this plan has the same batches and pending orders as another, whatever the
   * instant each was made at.
   *
   * @param other the other plan
   * @return true if the batches and pending orders are equal
   */
  public boolean samePlan(DesignPlan other) {
    requireNonNull(other, "other");
    return design.equals(other.design) && batches.equals(other.batches)
        && pending.equals(other.pending);
  }
}
