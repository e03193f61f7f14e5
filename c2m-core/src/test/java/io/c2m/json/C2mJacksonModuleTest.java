package io.c2m.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.c2m.AttributeValue;
import io.c2m.Attributes;
import io.c2m.BatchId;
import io.c2m.ConsumerId;
import io.c2m.DesignId;
import io.c2m.NicheId;
import io.c2m.OrderId;
import io.c2m.Provenance;
import io.c2m.demand.DemandForecast;
import io.c2m.demand.DemandSeries;
import io.c2m.demand.ForecastPoint;
import io.c2m.design.ProductDesign;
import io.c2m.design.TailorRequest;
import io.c2m.niche.Niche;
import io.c2m.niche.NicheRequest;
import io.c2m.niche.Trend;
import io.c2m.niche.TrendDirection;
import io.c2m.order.Order;
import io.c2m.order.OrderReceipt;
import io.c2m.privacy.Consent;
import io.c2m.production.BatchPlan;
import io.c2m.production.BatchingProblem;
import io.c2m.production.CostBreakdown;
import io.c2m.production.PendingOrder;
import io.c2m.production.PendingReason;
import io.c2m.production.ProductionBatch;
import io.c2m.production.ProductionConstraints;
import io.c2m.signal.ConsumerAccount;
import io.c2m.signal.ConsumerProfile;
import io.c2m.signal.IngestReport;
import io.c2m.signal.ProfileSettings;
import io.c2m.signal.Signal;
import io.c2m.signal.SignalType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class C2mJacksonModuleTest {
  private static final ObjectMapper MAPPER = C2mJson.mapper();
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  private static final Attributes DRESS =
      Attributes.of("category", "dress", "color", "sage", "material", "linen");

  private static final ProductionConstraints LINE =
      new ProductionConstraints(50, 10, 500, 1_000, 120.0, 8.5, 0.2, 2);
  private static final Order ORDER = new Order(OrderId.of("o-1"), ConsumerId.of("c-1"),
      DesignId.of("d-1"), 3, 29.5, T0, T0.plus(Duration.ofDays(21)));
  private static final ProductionBatch BATCH = new ProductionBatch(BatchId.of("b-1"),
      DesignId.of("d-1"), 0, 2, 60, 53, List.of(OrderId.of("o-1"), OrderId.of("o-2")),
      new CostBreakdown(120, 0, 510));
  private static final Niche NICHE = new Niche(Niche.idFor(DRESS), DRESS, 240, 31.5, 3.2,
      new Trend(TrendDirection.FADING, 0.6, 12.5));
  private static final ConsumerProfile PROFILE = new ConsumerProfile(ConsumerId.of("c-1"),
      Map.of(AttributeValue.of("color", "sage"), 2.5, AttributeValue.of("size", "m"), -1.0),
      T0, 7, 3.0, 90.0);

  static Stream<Object> records() {
    return Stream.of(
        ConsumerId.of("c-1"), DesignId.of("d-1"), OrderId.of("o-1"), NicheId.of("n-1"),
        BatchId.of("b-1"),
        DRESS,
        Attributes.empty(),
        AttributeValue.of("color", "sage"),
        new Provenance("group-buy", "0.1.0", 42, Map.of("moq", "50", "window", "P7D")),
        new Signal(ConsumerId.of("c-1"), SignalType.PURCHASE, T0, DRESS, "segment", 29.5),
        Signal.of(ConsumerId.of("c-1"), SignalType.VIEW, T0, DRESS, "ga4"),
        ConsumerAccount.of(ConsumerId.of("c-1"), Consent.PROFILING, Consent.TAILORED_OFFERS),
        ConsumerAccount.of(ConsumerId.of("c-2")),
        PROFILE,
        ProfileSettings.defaults(),
        new IngestReport(10, 2),
        NICHE,
        new Trend(TrendDirection.EMERGING, 2.5, 0),
        new ProductDesign(DesignId.of("d-1"), NICHE.id(), DRESS.with("size", "m"), 34.9),
        DemandSeries.of("d-1", 0, 3, 7.5, 2),
        new ForecastPoint(1, 5.0, 2.0, 5.0, 8.0),
        new DemandForecast("d-1", "moving-average",
            List.of(new ForecastPoint(1, 5, 2, 5, 8), new ForecastPoint(2, 5, 1, 5, 9))),
        ORDER,
        new OrderReceipt(OrderId.of("o-1"), OrderReceipt.Status.REJECTED, "different content"),
        LINE,
        ProductionConstraints.unconstrained(),
        new CostBreakdown(120, 3.5, 510),
        BATCH,
        new PendingOrder(OrderId.of("o-3"), DesignId.of("d-2"), 2, PendingReason.BELOW_MOQ,
            "12 of 50 committed"),
        new BatchPlan(List.of(BATCH), List.of(new PendingOrder(OrderId.of("o-3"),
            DesignId.of("d-2"), 2, PendingReason.BELOW_MOQ, "12 of 50 committed")),
            BATCH.cost(), Provenance.builtIn("group-buy", 0, Map.of())),
        new BatchingProblem(List.of(ORDER), Map.of(DesignId.of("d-1"), LINE),
            ProductionConstraints.unconstrained(), T0, Duration.ofDays(1)),
        new NicheRequest(List.of(PROFILE), 20, T0, 7),
        new TailorRequest(NICHE, List.of(PROFILE), 7),
        new EventProblem(3, EventProblem.Kind.UNKNOWN_EVENT, "unknown event"),
        new EventReport(4, 2, 1, 1, 3,
            List.of(new EventProblem(3, EventProblem.Kind.UNKNOWN_EVENT, "unknown event"))));
  }

  @ParameterizedTest
  @MethodSource("records")
  void everyRecordRoundTrips(Object value) throws Exception {
    String json = MAPPER.writeValueAsString(value);
    Object back = MAPPER.readValue(json, value.getClass());
    assertEquals(value, back, json);
    assertEquals(json, MAPPER.writeValueAsString(back), "writing is deterministic");
  }

  @Test
  void idsAreStringsAndAttributesAFlatObject() throws Exception {
    JsonNode n = MAPPER.valueToTree(ORDER);
    assertEquals("o-1", n.get("id").textValue());
    assertEquals("c-1", n.get("consumer").textValue());
    assertEquals("2026-03-01T10:00:00Z", n.get("placedAt").textValue());
    assertEquals("{\"category\":\"dress\",\"color\":\"sage\",\"material\":\"linen\"}",
        MAPPER.writeValueAsString(DRESS));
  }

  @Test
  void signalLeavesOutAnAbsentValueAndReadsItBackAsNaN() throws Exception {
    Signal view = Signal.of(ConsumerId.of("c-1"), SignalType.VIEW, T0, DRESS, "ga4");
    String json = MAPPER.writeValueAsString(view);
    assertEquals("{\"consumer\":\"c-1\",\"type\":\"VIEW\",\"at\":\"2026-03-01T10:00:00Z\","
        + "\"item\":{\"category\":\"dress\",\"color\":\"sage\",\"material\":\"linen\"},"
        + "\"source\":\"ga4\"}", json);
    Signal back = MAPPER.readValue(json, Signal.class);
    assertTrue(Double.isNaN(back.value()));
    Signal withNull = MAPPER.readValue(
        json.substring(0, json.length() - 1) + ",\"value\":null}", Signal.class);
    assertTrue(Double.isNaN(withNull.value()));
    Signal priced = MAPPER.readValue(json.substring(0, json.length() - 1) + ",\"value\":12.5}",
        Signal.class);
    assertEquals(12.5, priced.value());
  }

  @Test
  void profileAffinitiesAreKeyedByKeyEqualsValue() {
    JsonNode n = MAPPER.valueToTree(PROFILE);
    assertEquals(2.5, n.get("affinities").get("color=sage").doubleValue());
    assertEquals(-1.0, n.get("affinities").get("size=m").doubleValue());
  }

  @Test
  void seriesValuesAreAnArrayAndEnumsTheirNames() {
    JsonNode n = MAPPER.valueToTree(DemandSeries.of("d-1", 1, 2.5));
    assertTrue(n.get("values").isArray());
    assertEquals(2.5, n.get("values").get(1).doubleValue());
    JsonNode r = MAPPER.valueToTree(
        new OrderReceipt(OrderId.of("o-1"), OrderReceipt.Status.ACCEPTED, ""));
    assertEquals("ACCEPTED", r.get("status").textValue());
    assertEquals(Set.of("order", "status", "reason"), fieldNames(r), "no derived isOnBook");
  }

  @Test
  void aBadValueFailsWithTheConstructorsMessageAndThePath() {
    String json = C2mJson.toJson(BATCH).replace("\"quantity\":60", "\"quantity\":-4");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> C2mJson.fromJson(json, ProductionBatch.class));
    assertTrue(e.getMessage().contains("quantity of batch b-1 (-4) must be positive"),
        e.getMessage());

    String plan = C2mJson.toJson(new BatchPlan(List.of(BATCH), List.of(), BATCH.cost(),
        Provenance.builtIn("group-buy", 0, Map.of()))).replace("\"quantity\":60",
        "\"quantity\":-4");
    IllegalArgumentException nested = assertThrows(IllegalArgumentException.class,
        () -> C2mJson.fromJson(plan, BatchPlan.class));
    assertTrue(nested.getMessage().contains("at batches[0]"), nested.getMessage());
    IllegalArgumentException missingUnit = assertThrows(IllegalArgumentException.class,
        () -> C2mJson.fromJson(plan.replace(",\"unit\":510.0}}],", "}}],"),
            BatchPlan.class));
    assertTrue(missingUnit.getMessage().contains("at batches[0].cost.unit"),
        missingUnit.getMessage());
    assertTrue(nested.getMessage().contains("must be positive"), nested.getMessage());
  }

  @Test
  void missingUnknownAndMistypedFieldsAreNamed() {
    String order = C2mJson.toJson(ORDER);
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> C2mJson.fromJson(order.replace("\"quantity\":3,", ""), Order.class));
    assertTrue(missing.getMessage().contains("quantity"), missing.getMessage());
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> C2mJson.fromJson(order.replace("{", "{\"colour\":1,"), Order.class));
    assertTrue(unknown.getMessage().contains("colour"), unknown.getMessage());
    IllegalArgumentException blankId = assertThrows(IllegalArgumentException.class,
        () -> C2mJson.fromJson(order.replace("\"o-1\"", "\" \""), Order.class));
    assertTrue(blankId.getMessage().contains("order id"), blankId.getMessage());
    IllegalArgumentException badTime = assertThrows(IllegalArgumentException.class,
        () -> C2mJson.fromJson(order.replace("2026-03-01T10:00:00Z", "tomorrow"),
            Order.class));
    assertTrue(badTime.getMessage().contains("ISO-8601"), badTime.getMessage());
    IllegalArgumentException badEnum = assertThrows(IllegalArgumentException.class,
        () -> C2mJson.fromJson("{\"consumer\":\"c\",\"type\":\"STARE\",\"at\":"
            + "\"2026-03-01T10:00:00Z\",\"item\":{},\"source\":\"s\"}", Signal.class));
    assertTrue(badEnum.getMessage().contains("STARE"), badEnum.getMessage());
    IllegalArgumentException noSource = assertThrows(IllegalArgumentException.class,
        () -> C2mJson.fromJson("{\"consumer\":\"c\",\"type\":\"VIEW\",\"at\":"
            + "\"2026-03-01T10:00:00Z\",\"item\":{}}", Signal.class));
    assertTrue(noSource.getMessage().contains("source"), noSource.getMessage());
    IllegalArgumentException nestedAttr = assertThrows(IllegalArgumentException.class,
        () -> C2mJson.fromJson("{\"color\":{\"r\":1}}", Attributes.class));
    assertTrue(nestedAttr.getMessage().contains("color"), nestedAttr.getMessage());
  }

  @Test
  void jacksonFindsTheModuleThroughTheServiceLoader() throws Exception {
    ObjectMapper found = com.fasterxml.jackson.databind.json.JsonMapper.builder()
        .findAndAddModules().build();
    assertEquals("\"2026-03-01T10:00:00Z\"", found.writeValueAsString(T0));
    assertEquals(PROFILE, found.readValue(found.writeValueAsString(PROFILE),
        ConsumerProfile.class));
  }

  @Test
  void attributeValuesMayBeNumbersAndAreNormalised() {
    assertEquals(Attributes.of("size", "38", "color", "sage"),
        C2mJson.fromJson("{\"size\":38,\"Color\":\" Sage\"}", Attributes.class));
  }

  private static Set<String> fieldNames(JsonNode n) {
    java.util.Set<String> names = new java.util.HashSet<>();
    n.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
