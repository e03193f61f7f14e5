package io.c2m.sim;

/**
 * Where a simulated order is in its life. The simulator keeps its own states until the engine's
 * order lifecycle is driven directly; the names follow the engine's. Final: {@link #DELIVERED},
 * {@link #CANCELLED}, {@link #EXPIRED}.
 */
public enum OrderFate {
  /** Placed, waiting for a batch (C2M) or for stock to be picked (make-to-stock). */
  PLACED,
  /** In a released batch that is being made. */
  IN_PRODUCTION,
  /** On its way to the consumer. */
  SHIPPED,
  /** Delivered and paid for: final. */
  DELIVERED,
  /** Cancelled by the consumer before production, refunded: final. */
  CANCELLED,
  /** Its campaign closed before a batch took it, refunded: final. */
  EXPIRED;

  /**
   * Returns whether the state is final.
   *
   * @return true for delivered, cancelled and expired
   */
  public boolean isFinal() {
    return this == DELIVERED || this == CANCELLED || this == EXPIRED;
  }
}
