package io.c2m.production;

/** Why an order is not in any batch of a plan. */
public enum PendingReason {
  /** The design's committed quantity has not reached the minimum order quantity yet. */
  BELOW_MOQ(false),
  /** The order is larger than the largest batch the line can make. */
  EXCEEDS_MAX_BATCH(false),
  /** Waiting for the next scheduled release (time window or deadline strategies). */
  AWAITING_RELEASE(false),
  /** The campaign window closed below the MOQ: cancelled, to be refunded. */
  CANCELLED_WINDOW_CLOSED(true),
  /** The promise cannot be met whatever is produced now. */
  DEADLINE_INFEASIBLE(false),
  /** The line has no capacity left before the order's promise. */
  NO_CAPACITY(false);

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
