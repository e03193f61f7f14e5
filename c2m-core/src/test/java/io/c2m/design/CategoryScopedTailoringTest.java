package io.c2m.design;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.AttributeValue;
import io.c2m.Attributes;
import io.c2m.C2m;
import io.c2m.ConsumerId;
import io.c2m.niche.Niche;
import io.c2m.niche.Trend;
import io.c2m.privacy.Consent;
import io.c2m.signal.CategoryPricePoints;
import io.c2m.signal.ConsumerAccount;
import io.c2m.signal.ProfileSettings;
import io.c2m.signal.Signal;
import io.c2m.signal.SignalType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 4, part 5: a niche's design is priced from the price points its members paid within the
 * niche's category, and filled only with values that exist in that category, even when the
 * members also buy, more dearly, in another category.
 */
class CategoryScopedTailoringTest {
  private static final Instant NOW = Instant.parse("2026-05-01T00:00:00Z");
  private static final Attributes SHOE =
      Attributes.of("category", "shoes", "color", "black", "heel", "flat");
  private static final Attributes COAT =
      Attributes.of("category", "coat", "color", "camel", "sleeve", "long");
  private static final Attributes DEFINITION = Attributes.of("category", "shoes", "color", "black");
  private static final Niche NICHE =
      new Niche(Niche.idFor(DEFINITION), DEFINITION, 20, 10, 3, Trend.steady());

  /**
   * Twenty consumers: member i views black flat shoes eight times and buys a pair at 40 + i, and
   * buys two camel coats at 250 + i. Shoes draw weight 8 x 1 + 5 = 13 against the coats'
   * 2 x 5 = 10, so every member prefers shoes and matches the niche; their whole-profile price
   * point is the weighted mean (5 (40 + i) + 10 (250 + i)) / 15, about 180.
   */
  private static List<Signal> signals() {
    List<Signal> out = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      ConsumerId c = ConsumerId.of("m" + i);
      for (int v = 0; v < 8; v++) {
        out.add(Signal.of(c, SignalType.VIEW, NOW.minusSeconds(3600 + v), SHOE, "web"));
      }
      out.add(new Signal(c, SignalType.PURCHASE, NOW.minusSeconds(60), SHOE, "web", 40 + i));
      out.add(new Signal(c, SignalType.PURCHASE, NOW.minusSeconds(60), COAT, "web", 250 + i));
      out.add(new Signal(c, SignalType.PURCHASE, NOW.minusSeconds(30), COAT, "web", 250 + i));
    }
    return out;
  }

  private static C2m engine() {
    C2m c2m = C2m.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).minimumAudience(5).build();
    for (int i = 0; i < 20; i++) {
      c2m.registerConsumer(ConsumerAccount.of(ConsumerId.of("m" + i), Consent.PROFILING));
    }
    c2m.ingest(signals());
    return c2m;
  }

  @Test
  void theEnginePricesAndFillsADesignWithinItsNichesCategory() {
    List<ProductDesign> designs = engine().tailorDesigns(List.of(NICHE));
    assertEquals(1, designs.size());
    ProductDesign d = designs.get(0);
    // Shoe prices 40..59: the lower median is index floor(0.5 * 19) = 9, i.e. 49.
    assertEquals(49.0, d.unitPrice());
    assertEquals(SHOE, d.spec(), "a shoe design must not get the coats' sleeve");
  }

  @Test
  void withoutCategoryEvidenceTheProfilesMixCategories() {
    // The contrast the scoping removes: the whole-profile price points and preferences.
    C2m c2m = engine();
    List<ProductDesign> designs =
        DesignTailor.modal().tailor(new TailorRequest(NICHE, c2m.profiles(), 0));
    assertEquals(1, designs.size());
    assertTrue(designs.get(0).unitPrice() > 150, () -> "price " + designs.get(0).unitPrice());
    assertTrue(designs.get(0).spec().has(new AttributeValue("sleeve", "long")));
  }

  @Test
  void categoryPricePointsAreTheWeightedMeanWithinEachCategory() {
    CategoryPricePoints points = new CategoryPricePoints(ProfileSettings.defaults());
    signals().forEach(points::add);
    ConsumerId m3 = ConsumerId.of("m3");
    assertEquals(43.0, points.pricePoint(m3, "shoes").getAsDouble(), 1e-9);
    // Two coat purchases at the same price, whatever their decay, average to that price.
    assertEquals(253.0, points.pricePoint(m3, "coat").getAsDouble(), 1e-9);
    assertFalse(points.pricePoint(m3, "hats").isPresent());
    assertTrue(points.erase(m3));
    assertFalse(points.pricePoint(m3, "shoes").isPresent());
  }

  @Test
  void aConsumerWithoutAPriceInTheCategoryIsLeftOutOfThePrice() {
    // Half the members bought no shoes (only viewed them): the price comes from the other half.
    List<Signal> signals = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      ConsumerId c = ConsumerId.of("m" + i);
      for (int v = 0; v < 8; v++) {
        signals.add(Signal.of(c, SignalType.VIEW, NOW.minusSeconds(3600 + v), SHOE, "web"));
      }
      if (i % 2 == 0) {
        signals.add(new Signal(c, SignalType.PURCHASE, NOW.minusSeconds(60), SHOE, "web", 30 + i));
      }
      signals.add(new Signal(c, SignalType.CART_ADD, NOW.minusSeconds(60), COAT, "web", 400));
    }
    C2m c2m = C2m.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).minimumAudience(5).build();
    for (int i = 0; i < 20; i++) {
      c2m.registerConsumer(ConsumerAccount.of(ConsumerId.of("m" + i), Consent.PROFILING));
    }
    c2m.ingest(signals);
    List<ProductDesign> designs = c2m.tailorDesigns(List.of(NICHE));
    assertEquals(1, designs.size());
    // Shoe prices 30, 32, ..., 48 (ten): lower median index floor(0.5 * 9) = 4, i.e. 38.
    assertEquals(38.0, designs.get(0).unitPrice());
  }
}
