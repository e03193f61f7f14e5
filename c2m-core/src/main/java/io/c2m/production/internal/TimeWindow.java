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
 * Releases every {@code every} periods ({@code time-window}): periods 0, N, 2N, ... Each order goes
 * to the first release at or after the period it was placed in; the orders of one design and one
 * release form one batch (split first-fit when above the largest batch), raised to the MOQ and the
 * multiple. Orders whose release falls beyond the horizon stay pending
 * {@link PendingReason#AWAITING_RELEASE}; batches ready after a promise flag it late.
 */
public final class TimeWindow implements BatchingStrategy {
  /** The stable name. */
  public static final String NAME = "time-window";

  private final int every;

  /**
   * Creates the strategy.
   *
   * @param every periods between releases; positive
   */
  public TimeWindow(int every) {
    if (every < 1) {
      throw new IllegalArgumentException("The release interval (" + every
          + " periods) must be positive.");
    }
    this.every = every;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public BatchPlan plan(BatchingProblem problem) {
    PlanBuilder builder = new PlanBuilder(problem);
    for (Map.Entry<DesignId, List<Order>> e : problem.ordersByDesign().entrySet()) {
      DesignId design = e.getKey();
      List<Order> orders = PlanBuilder.sortedByPlaced(e.getValue());
      Map<Integer, List<Order>> byRelease = new TreeMap<>();
      for (Order o : orders) {
        long release = ((long) problem.calendar().placedPeriod(o) + every - 1) / every * every;
        if (release >= problem.horizon()) {
          builder.pending(o, PendingReason.AWAITING_RELEASE, "The next release of design "
              + design + " is in period " + release + ", after the horizon.");
        } else {
          byRelease.computeIfAbsent((int) release, r -> new ArrayList<>()).add(o);
        }
      }
      builder.batchByRelease(design, byRelease, false);
    }
    return builder.build(NAME, Map.of("every", Integer.toString(every)));
  }
}
