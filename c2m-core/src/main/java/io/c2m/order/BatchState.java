package io.c2m.order;

/**
 * Where a production batch stands. A plan's batches are {@link #PLANNED} (re-planned freely); a
 * batch whose release period has come is {@link #RELEASED} and frozen (later plans keep it and its
 * orders); then {@link #IN_PRODUCTION}, then {@link #DONE} once its goods are made and shipped.
 */
public enum BatchState {
  /** In a plan only; its orders are still open and may be re-planned. */
  PLANNED,
  /** Released to the factory and frozen; its orders are {@link OrderState#RELEASED}. */
  RELEASED,
  /** On the line; its orders can no longer be cancelled. */
  IN_PRODUCTION,
  /** Made; its orders are shipped. Final. */
  DONE;

  /**
   * Tells whether the transition to {@code to} is legal: one step forward.
   *
   * @param to the next state
   * @return true if {@code to} directly follows this state
   */
  public boolean canMoveTo(BatchState to) {
    return to.ordinal() == ordinal() + 1;
  }
}
