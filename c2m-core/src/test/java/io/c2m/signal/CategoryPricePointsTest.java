package io.c2m.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.Attributes;
import io.c2m.ConsumerId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Issue 4 review: merging category price points. */
class CategoryPricePointsTest {
  private static final Instant NOW = Instant.parse("2026-05-01T00:00:00Z");
  private static final Attributes SHOE = Attributes.of("category", "shoes", "color", "black");
  private static final ConsumerId C = ConsumerId.of("c1");

  private static CategoryPricePoints withPurchase(ProfileSettings settings, double price) {
    CategoryPricePoints p = new CategoryPricePoints(settings);
    p.add(new Signal(C, SignalType.PURCHASE, NOW, SHOE, "web", price));
    return p;
  }

  @Test
  void aggregatesWithOtherWeightsOrHalfLifeAreRefused() {
    ProfileSettings d = ProfileSettings.defaults();
    CategoryPricePoints a = withPurchase(d, 10);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> a.merge(withPurchase(d.withHalfLife(d.halfLife().plus(Duration.ofDays(1))), 20)));
    assertTrue(e.getMessage().contains("half-li"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> a.merge(withPurchase(d.withWeight(SignalType.PURCHASE, 2 * d.weight(
            SignalType.PURCHASE)), 20)));
    assertThrows(IllegalArgumentException.class, () -> a.merge(a));
    // Nothing was merged: still the one price of 10.
    assertEquals(10.0, a.pricePoint(C, "shoes").getAsDouble(), 1e-12);
    // Same settings merge: two purchases at the same instant and weight average to 15.
    assertEquals(15.0, a.merge(withPurchase(d, 20)).pricePoint(C, "shoes").getAsDouble(), 1e-12);
  }

  @Test
  void erasureIsNotRememberedAcrossAMerge() {
    // Documented on merge: erase a consumer from every partial aggregate.
    ProfileSettings d = ProfileSettings.defaults();
    CategoryPricePoints a = withPurchase(d, 10);
    assertTrue(a.erase(C));
    assertFalse(a.pricePoint(C, "shoes").isPresent());
    a.merge(withPurchase(d, 20));
    assertEquals(20.0, a.pricePoint(C, "shoes").getAsDouble(), 1e-12);
  }
}
