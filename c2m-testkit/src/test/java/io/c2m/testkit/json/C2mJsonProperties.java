package io.c2m.testkit.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.c2m.json.C2mJson;
import io.c2m.signal.Signal;
import io.c2m.testkit.DomainArbitraries;
import java.lang.reflect.RecordComponent;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** JSON round trip of every public record of c2m-core, through {@link C2mJson#mapper()}. */
class C2mJsonProperties {
  private static final ObjectMapper MAPPER = C2mJson.mapper();

  @Provide
  Arbitrary<Object> anyRecord() {
    return DomainArbitraries.anyRecord();
  }

  @Provide
  Arbitrary<Signal> signals() {
    return DomainArbitraries.signals();
  }

  /** Writing then reading gives an equal record, and writing it again gives the same text. */
  @Property(tries = 1000)
  void everyRecordRoundTrips(@ForAll("anyRecord") Object value) throws Exception {
    String json = MAPPER.writeValueAsString(value);
    Object back = MAPPER.readValue(json, value.getClass());
    assertEquals(value, back, json);
    assertEquals(json, MAPPER.writeValueAsString(back));
  }

  /** A record is written as its components, by name, and nothing else. */
  @Property(tries = 300)
  void aRecordIsWrittenAsItsComponents(@ForAll("anyRecord") Object value) {
    JsonNode node = MAPPER.valueToTree(value);
    RecordComponent[] rc = value.getClass().getRecordComponents();
    if (rc.length == 1 && rc[0].getName().equals("value") && rc[0].getType() == String.class) {
      assertTrue(node.isTextual(), "an id is a plain string: " + node);
      return;
    }
    if (!node.isObject()) {
      return; // Attributes: a flat object checked below
    }
    Set<String> names = new HashSet<>();
    node.fieldNames().forEachRemaining(names::add);
    Set<String> components = new HashSet<>();
    for (RecordComponent c : rc) {
      components.add(c.getName());
    }
    if (value instanceof Signal s && Double.isNaN(s.value())) {
      components.remove("value");
    }
    if (value instanceof io.c2m.Attributes a) {
      components = a.values().keySet();
    }
    assertEquals(components, names, node.toString());
  }

  /** A signal's absent value is left out, a present one written as a number. */
  @Property(tries = 200)
  void signalValueIsOmittedExactlyWhenAbsent(@ForAll("signals") Signal signal) {
    JsonNode node = MAPPER.valueToTree(signal);
    assertEquals(!Double.isNaN(signal.value()), node.has("value"), node.toString());
    if (node.has("value")) {
      assertEquals(signal.value(), node.get("value").doubleValue());
    }
    assertEquals(signal.item().size(), node.get("item").size());
  }

  /** Every public record type of c2m-core has an arbitrary (the list is kept complete). */
  @Example
  void everyPublicRecordHasAnArbitrary() {
    Map<Class<?>, Arbitrary<?>> all = DomainArbitraries.allRecords();
    for (Class<?> type : all.keySet()) {
      assertTrue(type.isRecord(), type.getName());
    }
    assertFalse(all.isEmpty());
    // The records of the foundation; later records add themselves to allRecords().
    for (String name : new String[] {"io.c2m.ConsumerId", "io.c2m.DesignId", "io.c2m.OrderId",
        "io.c2m.NicheId", "io.c2m.BatchId", "io.c2m.Attributes", "io.c2m.AttributeValue",
        "io.c2m.Provenance", "io.c2m.signal.Signal", "io.c2m.signal.ConsumerAccount",
        "io.c2m.signal.ConsumerProfile", "io.c2m.signal.ProfileSettings",
        "io.c2m.signal.IngestReport", "io.c2m.niche.Niche", "io.c2m.niche.Trend",
        "io.c2m.niche.NicheRequest", "io.c2m.design.ProductDesign",
        "io.c2m.design.TailorRequest", "io.c2m.demand.DemandSeries",
        "io.c2m.demand.ForecastPoint", "io.c2m.demand.DemandForecast", "io.c2m.order.Order",
        "io.c2m.order.OrderReceipt", "io.c2m.production.ProductionConstraints",
        "io.c2m.production.CostBreakdown", "io.c2m.production.ProductionBatch",
        "io.c2m.production.PendingOrder", "io.c2m.production.BatchPlan",
        "io.c2m.production.BatchingProblem", "io.c2m.json.EventProblem",
        "io.c2m.json.EventReport"}) {
      assertTrue(all.keySet().stream().anyMatch(c -> c.getName().equals(name)), name);
    }
  }
}
