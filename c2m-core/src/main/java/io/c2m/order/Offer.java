package io.c2m.order;

import static java.util.Objects.requireNonNull;

import io.c2m.DesignId;
import io.c2m.internal.Checks;
import java.time.Duration;
import java.time.Instant;

/**
 * A design on offer and the terms orders for it are accepted on.
 *
 * <p>Price rule: an order is accepted at the offer's unit price only; a price that differs by
 * more than {@link #PRICE_TOLERANCE} (relative, at least 0.000001 absolute) is refused.
 *
 * <p>Group buying: with a positive {@code campaign}, the first order of a design opens a campaign
 * that collects orders ({@link OrderState#IN_CAMPAIGN}) for that long. The campaign is released as
 * one batch once its orders reach the minimum order quantity; if its window closes below it, its
 * orders expire ({@link OrderState#EXPIRED}, refund due). With no campaign ({@link Duration#ZERO})
 * orders are {@link OrderState#PLACED} and batched by the engine's batching strategy.
 *
 * @param design the design
 * @param unitPrice the price per unit; positive and finite
 * @param minimumOrderQuantity the units a campaign needs to be produced (MOQ); at least 1
 * @param orderMultiple batches are a multiple of this many units; at least 1
 * @param campaign how long a group-buy campaign collects orders; zero for none
 * @param leadTime from a batch's release until its goods can ship; zero or more
 * @param salesFrom the first instant orders are accepted ({@link Instant#MIN} for no bound)
 * @param salesUntil the instant from which orders are refused ({@link Instant#MAX} for no bound)
 * @param maxPerOrder the most units one order may ask for; 0 for no cap
 */
public record Offer(DesignId design, double unitPrice, int minimumOrderQuantity,
    int orderMultiple, Duration campaign, Duration leadTime, Instant salesFrom,
    Instant salesUntil, int maxPerOrder) {
  /** The relative tolerance of the price rule. */
  public static final double PRICE_TOLERANCE = 1e-9;
  /** The longest campaign or lead time accepted: ten years. */
  public static final Duration MAX_DURATION = Duration.ofDays(3660);

  /**
   * Validates.
   *
   * @throws IllegalArgumentException naming the field, the value and the rule
   */
  public Offer {
    requireNonNull(design, "design");
    if (!(unitPrice > 0) || !Double.isFinite(unitPrice)) {
      throw new IllegalArgumentException("The unit price (" + unitPrice + ") of offer " + design
          + " must be positive and finite.");
    }
    Checks.requirePositive(minimumOrderQuantity, "minimum order quantity of offer " + design);
    Checks.requirePositive(orderMultiple, "order multiple of offer " + design);
    requireDuration(campaign, "campaign", design);
    requireDuration(leadTime, "lead time", design);
    requireNonNull(salesFrom, "salesFrom");
    requireNonNull(salesUntil, "salesUntil");
    if (!salesFrom.isBefore(salesUntil)) {
      throw new IllegalArgumentException("The sales window of offer " + design + " (from "
          + salesFrom + " until " + salesUntil + ") is empty; salesFrom must be before salesUntil.");
    }
    if (maxPerOrder < 0) {
      throw new IllegalArgumentException("The cap per order (" + maxPerOrder + ") of offer "
          + design + " must not be negative (0 for no cap).");
    }
  }

  private static void requireDuration(Duration d, String what, DesignId design) {
    requireNonNull(d, what);
    if (d.isNegative() || d.compareTo(MAX_DURATION) > 0) {
      throw new IllegalArgumentException("The " + what + " (" + d + ") of offer " + design
          + " must be from zero to " + MAX_DURATION.toDays() + " days.");
    }
  }

  /**
   * An offer with no campaign, no sales window, no cap, an MOQ and multiple of 1 and no lead time.
   *
   * @param design the design
   * @param unitPrice the price
   * @return the offer
   */
  public static Offer of(DesignId design, double unitPrice) {
    return new Offer(design, unitPrice, 1, 1, Duration.ZERO, Duration.ZERO, Instant.MIN,
        Instant.MAX, 0);
  }

  /**
   * Returns a copy with a group-buy campaign.
   *
   * @param moq the units the campaign needs
   * @param window how long it collects orders; positive
   * @return the offer
   */
  public Offer withCampaign(int moq, Duration window) {
    return new Offer(design, unitPrice, moq, orderMultiple, window, leadTime, salesFrom,
        salesUntil, maxPerOrder);
  }

  /**
   * Returns a copy with a sales window.
   *
   * @param from the first instant orders are accepted
   * @param until the instant from which they are refused
   * @return the offer
   */
  public Offer withSalesWindow(Instant from, Instant until) {
    return new Offer(design, unitPrice, minimumOrderQuantity, orderMultiple, campaign, leadTime,
        from, until, maxPerOrder);
  }

  /**
   * Tells whether orders are collected in group-buy campaigns.
   *
   * @return true if the campaign is positive
   */
  public boolean hasCampaign() {
    return !campaign.isZero();
  }

  /**
   * Tells whether the sales window is open at an instant.
   *
   * @param at the instant
   * @return true if {@code salesFrom <= at < salesUntil}
   */
  public boolean onSaleAt(Instant at) {
    return !at.isBefore(salesFrom) && at.isBefore(salesUntil);
  }

  /**
   * Tells whether a price meets the price rule.
   *
   * @param price the order's unit price
   * @return true if within the tolerance of the offer's price
   */
  public boolean priceMatches(double price) {
    return Math.abs(price - unitPrice) <= Math.max(1e-6, PRICE_TOLERANCE * unitPrice);
  }
}
