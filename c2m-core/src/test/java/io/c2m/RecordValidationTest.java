package io.c2m;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.demand.DemandForecast;
import io.c2m.demand.DemandSeries;
import io.c2m.demand.ForecastPoint;
import io.c2m.design.ProductDesign;
import io.c2m.niche.Niche;
import io.c2m.niche.Trend;
import io.c2m.niche.TrendDirection;
import io.c2m.order.Order;
import io.c2m.production.CostBreakdown;
import io.c2m.production.PendingOrder;
import io.c2m.production.PendingReason;
import io.c2m.production.ProductionBatch;
import io.c2m.production.ProductionConstraints;
import io.c2m.signal.ConsumerAccount;
import io.c2m.signal.Signal;
import io.c2m.signal.SignalType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Each domain record refuses bad values at construction with a message naming field and value. */
class RecordValidationTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static void refuses(Executable e, String... fragments) {
    IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
    for (String f : fragments) {
      assertTrue(ex.getMessage().contains(f), () -> "'" + ex.getMessage() + "' lacks '" + f + "'");
    }
  }

  @Test
  void idsMustNotBeBlank() {
    refuses(() -> new OrderId("  "), "order id", "blank");
    refuses(() -> new ConsumerId(""), "consumer id");
    assertThrows(NullPointerException.class, () -> new DesignId(null));
    assertEquals("d1", DesignId.of("d1").toString());
  }

  @Test
  void attributesAreNormalisedAndSorted() {
    Attributes a = Attributes.of("Color", " Sage ", "category", "Dress");
    assertEquals(List.of(AttributeValue.of("category", "dress"), AttributeValue.of("color", "sage")),
        a.pairs());
    assertEquals(a, Attributes.of(Map.of("COLOR", "SAGE", "Category", "DRESS")));
    assertTrue(a.matches(Attributes.of("color", "sage")));
    assertTrue(!a.matches(Attributes.of("color", "navy")));
    assertTrue(a.matches(Attributes.empty()));
  }

  @Test
  void attributesRefuseBadInput() {
    refuses(() -> Attributes.of("color"), "pairs");
    refuses(() -> Attributes.of("color", "sage", "COLOR", "navy"), "color", "twice");
    refuses(() -> Attributes.of("color", " "), "value of attribute color", "blank");
    refuses(() -> AttributeValue.parse("novalue"), "key=value");
    refuses(() -> AttributeValue.of("a=b", "c"), "must not contain '='");
    assertEquals(AttributeValue.of("size", "m"), AttributeValue.parse("Size=M"));
  }

  @Test
  void signalValueIsFiniteOrAbsent() {
    ConsumerId c = ConsumerId.of("c1");
    Signal s = Signal.of(c, SignalType.VIEW, T0, Attributes.of("category", "dress"), "web");
    assertTrue(s.optionalValue().isEmpty());
    assertEquals(s, Signal.of(c, SignalType.VIEW, T0, Attributes.of("category", "dress"), "web"));
    assertEquals(32.5, s.withValue(32.5).optionalValue().getAsDouble());
    refuses(() -> s.withValue(Double.POSITIVE_INFINITY), "Infinity", "finite");
    refuses(() -> Signal.of(c, SignalType.VIEW, T0, Attributes.empty(), " "), "source");
  }

  @Test
  void orderRefusesNonPositiveQuantityAndBrokenPromise() {
    refuses(() -> new Order(OrderId.of("o1"), ConsumerId.of("c"), DesignId.of("d"), 0, 10, T0,
        T0), "quantity (0)", "o1", "positive");
    refuses(() -> new Order(OrderId.of("o2"), ConsumerId.of("c"), DesignId.of("d"), 1, -1, T0,
        T0), "unit price of order o2", "-1.0");
    refuses(() -> new Order(OrderId.of("o3"), ConsumerId.of("c"), DesignId.of("d"), 1, 1, T0,
        T0.minusSeconds(1)), "latest delivery", "o3");
  }

  @Test
  void productionConstraintsRefuseImpossibleCombinations() {
    refuses(() -> new ProductionConstraints(100, 1, 50, 1000, 0, 0, 0, 0),
        "minimum order quantity (100)", "maximum batch (50)");
    refuses(() -> new ProductionConstraints(1, 1, 10, 0, 0, 0, 0, 0), "capacity per period (0)");
    refuses(() -> new ProductionConstraints(1, 1, 10, 10, -5, 0, 0, 0), "setup cost (-5.0)");
    refuses(() -> new ProductionConstraints(1, 1, 10, 10, 0, 0, Double.NaN, 0), "holding cost");
    refuses(() -> new ProductionConstraints(45, 20, 50, 100, 0, 0, 0, 0), "No batch can satisfy");
    ProductionConstraints c = new ProductionConstraints(50, 12, 200, 100, 0, 0, 0, 2);
    assertEquals(96, c.largestBatch());
    assertEquals(60, c.roundToMultiple(50));
    assertTrue(c.allows(60));
    assertTrue(!c.allows(48));
    assertTrue(!c.allows(108));
    assertTrue(!c.allows(61));
  }

  @Test
  void batchRefusesInconsistentQuantities() {
    refuses(() -> new ProductionBatch(BatchId.of("b"), DesignId.of("d"), 3, 2, 10, 5, List.of(),
        CostBreakdown.ZERO), "ready period (2)", "release period (3)");
    refuses(() -> new ProductionBatch(BatchId.of("b"), DesignId.of("d"), 0, 0, 10, 11, List.of(),
        CostBreakdown.ZERO), "ordered quantity (11)");
    refuses(() -> new ProductionBatch(BatchId.of("b"), DesignId.of("d"), 0, 0, 10, 2,
        List.of(OrderId.of("o"), OrderId.of("o")), CostBreakdown.ZERO), "twice");
    refuses(() -> new PendingOrder(OrderId.of("o"), DesignId.of("d"), 1, PendingReason.BELOW_MOQ,
        " "), "detail");
  }

  @Test
  void nicheDesignAndForecastValues() {
    NicheId id = NicheId.of("n");
    refuses(() -> new Niche(id, Attributes.empty(), 5, 0, 1, Trend.steady()), "definition");
    refuses(() -> new Niche(id, Attributes.of("category", "dress"), 0, 0, 1, Trend.steady()),
        "audience of niche n (0)");
    refuses(() -> new Trend(TrendDirection.FADING, -0.5, 3), "growth (-0.5)");
    refuses(() -> new ProductDesign(DesignId.of("d"), id, Attributes.of("a", "b"), 0),
        "unit price of design d (0.0)");
    refuses(() -> DemandSeries.of("s1", 1, -2), "series s1", "period 2", "-2.0");
    refuses(() -> DemandSeries.of("s2", 1, Double.NaN), "series s2", "NaN");
    refuses(() -> new ForecastPoint(1, 5, 6, 5, 7), "ordered");
    refuses(() -> new DemandForecast("s", "m", List.of(new ForecastPoint(2, 1, 1, 1, 1))),
        "index 0 has step 2");
    assertEquals(NicheId.of("category=dress;color=sage"),
        Niche.idFor(Attributes.of("color", "sage", "category", "dress")));
  }

  @Test
  void demandSeriesIsImmutable() {
    double[] values = {1, 2, 3};
    DemandSeries s = new DemandSeries("s", values);
    values[0] = 99;
    s.values()[1] = 99;
    assertEquals(DemandSeries.of("s", 1, 2, 3), s);
  }

  @Test
  void consumerAccountCopiesConsents() {
    ConsumerAccount a = ConsumerAccount.of(ConsumerId.of("c"));
    assertTrue(a.consents().isEmpty());
    assertThrows(UnsupportedOperationException.class,
        () -> a.consents().add(io.c2m.privacy.Consent.PROFILING));
    assertTrue(new ConsumerAccount(ConsumerId.of("c"), Set.of(io.c2m.privacy.Consent.PROFILING))
        .allows(io.c2m.privacy.Consent.PROFILING));
  }
}
