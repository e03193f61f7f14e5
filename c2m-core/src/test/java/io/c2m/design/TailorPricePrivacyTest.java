package io.c2m.design;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.Attributes;
import io.c2m.C2m;
import io.c2m.ConsumerId;
import io.c2m.niche.Niche;
import io.c2m.niche.Trend;
import io.c2m.privacy.Consent;
import io.c2m.signal.ConsumerAccount;
import io.c2m.signal.Signal;
import io.c2m.signal.SignalType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 4, part 5 review: a design's price is an aggregate of at least the minimum audience of
 * members' prices within the niche's category, never one consumer's price, and never a price
 * from other categories unless the engine is told to allow it.
 */
class TailorPricePrivacyTest {
  private static final Instant NOW = Instant.parse("2026-05-01T00:00:00Z");
  private static final Attributes SHOE =
      Attributes.of("category", "shoes", "color", "black", "heel", "flat");
  private static final Attributes COAT =
      Attributes.of("category", "coat", "color", "camel", "sleeve", "long");
  private static final Attributes DEFINITION = Attributes.of("category", "shoes", "color", "black");
  private static final Niche NICHE =
      new Niche(Niche.idFor(DEFINITION), DEFINITION, 20, 10, 3, Trend.steady());

  /**
   * Twenty members (k = 5) who all view black flat shoes eight times and put a coat at 400 + i in
   * their cart; the first {@code buyers} buy shoes at 123.45.
   */
  private static C2m engine(int buyers, boolean fallback) {
    C2m c2m = C2m.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).minimumAudience(5)
        .profilePriceFallback(fallback).build();
    List<Signal> out = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      ConsumerId c = ConsumerId.of("m" + i);
      c2m.registerConsumer(ConsumerAccount.of(c, Consent.PROFILING));
      for (int v = 0; v < 8; v++) {
        out.add(Signal.of(c, SignalType.VIEW, NOW.minusSeconds(3600 + v), SHOE, "web"));
      }
      if (i < buyers) {
        out.add(new Signal(c, SignalType.PURCHASE, NOW.minusSeconds(60), SHOE, "web", 123.45));
      }
      out.add(new Signal(c, SignalType.CART_ADD, NOW.minusSeconds(60), COAT, "web", 400 + i));
    }
    c2m.ingest(out);
    return c2m;
  }

  @Test
  void fewerCategoryPricesThanTheMinimumAudienceGiveNoDesign() {
    // Before the fix: one shoe buyer of 20 members priced the design at her exact 123.45.
    assertEquals(List.of(), engine(1, false).tailorDesigns(List.of(NICHE)));
    assertEquals(List.of(), engine(4, false).tailorDesigns(List.of(NICHE)));
    List<ProductDesign> five = engine(5, false).tailorDesigns(List.of(NICHE));
    assertEquals(1, five.size());
    assertEquals(123.45, five.get(0).unitPrice());
  }

  @Test
  void noCategoryPriceGivesNoDesignByDefault() {
    // Before the fix: the shoe design was priced 409 from the members' coats.
    assertEquals(List.of(), engine(0, false).tailorDesigns(List.of(NICHE)));
  }

  @Test
  void theOptInFallbackPricesFromTheWholeProfiles() {
    List<ProductDesign> designs = engine(0, true).tailorDesigns(List.of(NICHE));
    assertEquals(1, designs.size());
    // Coats at 400..419 are the only prices: lower median index floor(0.5 * 19) = 9, 409.
    assertEquals(409.0, designs.get(0).unitPrice());
    // The fallback with a single shoe buyer still never prices from her alone.
    List<ProductDesign> one = engine(1, true).tailorDesigns(List.of(NICHE));
    assertEquals(1, one.size());
    assertTrue(one.get(0).unitPrice() > 300, () -> "price " + one.get(0).unitPrice());
  }

  @Test
  void aCategoryScopedRequestWithoutPricesGivesNoDesign() {
    C2m c2m = engine(0, false);
    assertEquals(List.of(), DesignTailor.modal().tailor(
        TailorRequest.withinCategory(NICHE, c2m.profiles(), 0, Map.of(), Set.of())));
    assertEquals(List.of(), DesignTailor.modal().tailor(
        new TailorRequest(NICHE, c2m.profiles(), 0, Map.of(), Set.of())));
    // Without category scoping the whole profiles price it (documented on the constructor).
    assertEquals(409.0, DesignTailor.modal().tailor(
        new TailorRequest(NICHE, c2m.profiles(), 0)).get(0).unitPrice());
  }
}
