package io.c2m.production;

/** Why an order is not in any batch of a plan. */
public enum PendingReason {
  /** The design's committed quantity has not reached the minimum order quantity yet. */
  BELOW_MOQ(false),
  /**
   * The order is larger than the largest batch (the maximum batch, the capacity per period or the
   * shared line's capacity, whichever is smallest: the detail says which).
   */
  EXCEEDS_MAX_BATCH(false),
  /**
   * Waiting for the next scheduled release: the next window of {@code time-window}, or the next
   * reorder of {@code test-and-reorder} (its batches are sized by the previous sell-through).
   */
  AWAITING_RELEASE(false),
  /** The campaign window closed below the MOQ: cancelled, to be refunded. */
  CANCELLED_WINDOW_CLOSED(true),
  /** The promise cannot be met whatever is produced now. */
  DEADLINE_INFEASIBLE(false),
  /** The line has no capacity left for the order's batch within the horizon. */
  NO_CAPACITY(false),
  /**
   * The order fits a batch alone, but its release period's batch is already at the largest batch
   * (strategies that make one batch per design and period: wagner-whitin, silver-meal).
   */
  BATCH_FULL(false),
  /**
   * The capacitated heuristic found no room for the order before its promise; a feasible plan may
   * still exist (the heuristic is not exact).
   */
  NO_ROOM_FOUND(false);

  private final boolean cancellation;

  PendingReason(boolean cancellation) {
    this.cancellation = cancellation;
  }

  /**
   * Tells whether the order leaves the plan for good (to be refunded) rather than waiting.
   *
   * @return true for a cancellation
   */
  public boolean isCancellation() {
    return cancellation;
  }
}
