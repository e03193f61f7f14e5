package io.c2m.signal;

/**
 * The kinds of behaviour a marketplace records, each with a default weight of evidence for a
 * preference: a purchase says more than a view; a return or refund counts against.
 */
public enum SignalType {
  /** A product page was viewed. */
  VIEW(1.0),
  /** A search whose terms name attributes. */
  SEARCH(0.5),
  /** A like or a favourite. */
  LIKE(2.0),
  /** Added to a wish list. */
  WISHLIST(2.0),
  /** Shared with others. */
  SHARE(2.0),
  /** A review was written; the value, if any, is the rating. */
  REVIEW(1.5),
  /** A social-media mention of the item. */
  SOCIAL_MENTION(1.0),
  /** Added to the cart. */
  CART_ADD(3.0),
  /** Removed from the cart. */
  CART_REMOVE(-1.0),
  /** Bought; the value, if any, is the unit price paid. */
  PURCHASE(5.0),
  /** Returned or refunded. */
  RETURN(-4.0);

  private final double defaultWeight;

  SignalType(double defaultWeight) {
    this.defaultWeight = defaultWeight;
  }

  /**
   * Returns the default weight of this kind of evidence.
   *
   * @return the weight, negative for evidence against
   */
  public double defaultWeight() {
    return defaultWeight;
  }
}
