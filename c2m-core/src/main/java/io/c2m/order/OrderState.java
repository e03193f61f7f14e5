package io.c2m.order;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an order stands in its lifecycle. Every accepted order is in exactly one state; it moves
 * only along the legal transitions of {@link #canMoveTo(OrderState)}:
 *
 * <pre>
 * PLACED ──► IN_CAMPAIGN ──► RELEASED ──► IN_PRODUCTION ──► SHIPPED ──► DELIVERED
 *   │            │  │            │
 *   │            │  └► EXPIRED   │         (campaign window closed below the MOQ; refund due)
 *   └──► RELEASED│               │
 *   └────────────┴───────────────┴──► CANCELLED   (by the consumer or the business)
 * </pre>
 *
 * <p>An order is accepted into {@link #PLACED} (no campaign) or {@link #IN_CAMPAIGN} (a group-buy
 * campaign of its design is collecting orders towards the minimum order quantity). Cancellation is
 * allowed until production starts; {@link #DELIVERED}, {@link #CANCELLED} and {@link #EXPIRED} are
 * final.
 */
public enum OrderState {
  /** Accepted, durable, waiting to be planned into a batch. */
  PLACED,
  /** Accepted into an open group-buy campaign that has not reached its minimum order quantity. */
  IN_CAMPAIGN,
  /** In a released (frozen) batch: the factory will make it. */
  RELEASED,
  /** Its batch is on the line; it can no longer be cancelled. */
  IN_PRODUCTION,
  /** Handed to the carrier. */
  SHIPPED,
  /** Received by the consumer. Final. */
  DELIVERED,
  /** Cancelled by the consumer or the business before production started; refund due. Final. */
  CANCELLED,
  /** Its campaign's window closed below the minimum order quantity; refund due. Final. */
  EXPIRED;

  /**
   * Tells whether no transition leaves this state.
   *
   * @return true for {@link #DELIVERED}, {@link #CANCELLED} and {@link #EXPIRED}
   */
  public boolean isFinal() {
    return this == DELIVERED || this == CANCELLED || this == EXPIRED;
  }

  /**
   * Tells whether the order still waits for a batch (it is "open" for planning).
   *
   * @return true for {@link #PLACED} and {@link #IN_CAMPAIGN}
   */
  public boolean isOpen() {
    return this == PLACED || this == IN_CAMPAIGN;
  }

  /**
   * Tells whether an order may be accepted straight into this state.
   *
   * @return true for {@link #PLACED} and {@link #IN_CAMPAIGN}
   */
  public boolean isInitial() {
    return isOpen();
  }

  /**
   * Returns the states an order in this state may move to.
   *
   * @return the legal next states; empty for a final state
   */
  public Set<OrderState> next() {
    return switch (this) {
      case PLACED -> EnumSet.of(IN_CAMPAIGN, RELEASED, CANCELLED);
      case IN_CAMPAIGN -> EnumSet.of(RELEASED, CANCELLED, EXPIRED);
      case RELEASED -> EnumSet.of(IN_PRODUCTION, CANCELLED);
      case IN_PRODUCTION -> EnumSet.of(SHIPPED);
      case SHIPPED -> EnumSet.of(DELIVERED);
      case DELIVERED, CANCELLED, EXPIRED -> EnumSet.noneOf(OrderState.class);
    };
  }

  /**
   * Tells whether the transition from this state to {@code to} is legal.
   *
   * @param to the next state
   * @return true if legal
   */
  public boolean canMoveTo(OrderState to) {
    return next().contains(to);
  }

  /**
   * States the rule that governs leaving this state, for error messages.
   *
   * @return a sentence naming the legal next states
   */
  public String rule() {
    Set<OrderState> n = next();
    return n.isEmpty()
        ? name() + " is final: no transition leaves it."
        : "from " + name() + " an order may move only to " + n + ".";
  }
}
