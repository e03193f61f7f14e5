package io.c2m.order;

import static java.util.Objects.requireNonNull;

import io.c2m.DesignId;
import io.c2m.OrderId;
import io.c2m.internal.Checks;
import java.time.Instant;
import java.util.List;

/**
 * A group-buy campaign of one design as the book sees it at an instant: opened by its first order,
 * collecting orders until {@code closes}.
 *
 * @param design the design
 * @param opened when its first order was placed
 * @param closes when its window closes (opened plus the offer's campaign)
 * @param units the units its orders commit to
 * @param minimumOrderQuantity the units it needs
 * @param orders its orders, by placement
 * @param status where it stands at the instant it was read
 */
public record Campaign(DesignId design, Instant opened, Instant closes, long units,
    int minimumOrderQuantity, List<OrderId> orders, Status status) {
  /** Where a campaign stands. */
  public enum Status {
    /** Below the MOQ, window open: more orders may come. */
    OPEN,
    /** At or above the MOQ: released as a batch at the next advance. */
    REACHED,
    /** Window closed below the MOQ: its orders expire at the next advance (refund due). */
    FAILED
  }

  /**
   * Validates and copies.
   */
  public Campaign {
    requireNonNull(design, "design");
    requireNonNull(opened, "opened");
    requireNonNull(closes, "closes");
    requireNonNull(status, "status");
    orders = List.copyOf(Checks.requireNoNulls(orders, "orders"));
  }
}
