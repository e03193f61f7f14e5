package io.c2m.production.internal;

import io.c2m.DesignId;
import io.c2m.order.Order;
import io.c2m.production.BatchPlan;
import io.c2m.production.BatchingProblem;
import io.c2m.production.BatchingStrategy;
import io.c2m.production.PendingReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Releases as late as possible ({@code deadline}): each order in the period of its due period
 * minus the lead time, so that it is ready exactly when promised and never held. The orders of one
 * design and one release period form one batch (split first-fit when above the largest batch),
 * raised to the MOQ and the multiple. When capacity binds, batches are scheduled backward: latest
 * release first, each in the latest period with room between its last order's placement and its
 * release period, and later (late, flagged) only when no such period has room. Orders that no
 * release can keep (due before placed plus lead
 * time) are pending {@link PendingReason#DEADLINE_INFEASIBLE}.
 */
public final class Deadline implements BatchingStrategy {
  /** The stable name. */
  public static final String NAME = "deadline";

  /** Creates the strategy. */
  public Deadline() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public BatchPlan plan(BatchingProblem problem) {
    PlanBuilder builder = new PlanBuilder(problem);
    builder.backward();
    for (Map.Entry<DesignId, List<Order>> e : problem.ordersByDesign().entrySet()) {
      DesignId design = e.getKey();
      int lead = problem.constraintsFor(design).leadTimePeriods();
      List<Order> orders = PlanBuilder.sortedByPlaced(e.getValue());
      Map<Integer, List<Order>> byRelease = new TreeMap<>();
      for (Order o : orders) {
        int release = problem.calendar().duePeriod(o) - lead;
        int placed = problem.calendar().placedPeriod(o);
        if (release < placed) {
          builder.pending(o, PendingReason.DEADLINE_INFEASIBLE, "Order placed in period "
              + placed + " and due in period " + problem.calendar().duePeriod(o)
              + " cannot be made in "
              + "time with a lead time of " + lead + " periods.");
        } else {
          byRelease.computeIfAbsent(release, r -> new ArrayList<>()).add(o);
        }
      }
      builder.batchByRelease(design, byRelease, true);
    }
    return builder.build(NAME, Map.of());
  }
}
