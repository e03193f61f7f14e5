package io.c2m.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.c2m.examples.cli.C2mCommandTest.Outcome;
import io.c2m.examples.demo.NicheEventLines;
import io.c2m.json.JsonEnvelope;
import io.c2m.sim.MarketplaceSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 (one JSON contract): every {@code --json} output of the command line is an envelope
 * valid against its schema in {@code docs/schemas}, with the build's c2m version.
 */
class JsonSchemasTest {
  private static final Path SCHEMAS = Path.of("..", "docs", "schemas");
  private static final Path EXAMPLES = Path.of("..", "examples");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir
  Path dir;

  /** Validates a document against docs/schemas/KIND.schema.json and the envelope schema. */
  private static JsonNode valid(String kind, String json) throws IOException {
    JsonNode doc = MAPPER.readTree(json);
    for (String name : new String[] {kind, "envelope"}) {
      JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
      JsonSchema schema;
      try (InputStream in = Files.newInputStream(SCHEMAS.resolve(name + ".schema.json"))) {
        schema = factory.getSchema(in);
      }
      Set<ValidationMessage> errors = schema.validate(doc);
      assertEquals(Set.of(), errors, name + " schema:\n" + json);
    }
    assertEquals(kind, doc.get("kind").asText());
    assertEquals(JsonEnvelope.SCHEMA_VERSION, doc.get("schemaVersion").asText());
    assertEquals(JsonEnvelope.currentVersion(), doc.get("c2mVersion").asText());
    assertTrue(!doc.get("c2mVersion").asText().contains("${"), "version not filtered");
    return doc;
  }

  private static Outcome ok(String... args) {
    Outcome o = C2mCommandTest.run(args);
    assertEquals(0, o.code(), o.err());
    return o;
  }

  @Test
  void nichesJsonMatchesItsSchemaWithEnumsAsC2mSpellsThem() throws IOException {
    Path events = dir.resolve("events.jsonl");
    try (Writer w = Files.newBufferedWriter(events, StandardCharsets.UTF_8)) {
      NicheEventLines.write(MarketplaceSpec.fashion().withConsumers(1500), 7, w);
    }
    JsonNode doc = valid("niches", ok("niches", "--events", events.toString(),
        "--min-audience", "20", "--json").out());
    assertTrue(doc.get("data").size() > 0, doc::toString);
    for (JsonNode n : doc.get("data")) {
      String direction = n.get("trend").get("direction").asText();
      assertEquals(direction.toUpperCase(java.util.Locale.ROOT), direction);
    }
  }

  @Test
  void nicheInsightsJsonMatchesItsSchemaWithNoConsumerId() throws IOException {
    Path events = dir.resolve("events.jsonl");
    try (Writer w = Files.newBufferedWriter(events, StandardCharsets.UTF_8)) {
      NicheEventLines.write(MarketplaceSpec.fashion().withConsumers(1500), 7, w);
    }
    Path key = dir.resolve("marketplace.key");
    Files.write(key, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16});
    String out = ok("niches", "--events", events.toString(), "--min-audience", "20",
        "--insights", key.toString(), "--json").out();
    JsonNode doc = valid("niche-insights", out);
    assertTrue(doc.get("data").size() > 0, doc::toString);
    for (JsonNode n : doc.get("data")) {
      assertEquals(0, n.get("audience").asInt() % n.get("audienceBand").asInt(), n::toString);
    }
    assertFalse(out.contains("\"consumer"), out);
  }

  @Test
  void forecastAndEvaluationJsonMatchTheirSchemas() throws IOException {
    String series = EXAMPLES.resolve("airpassengers.csv").toString();
    JsonNode doc = valid("forecast", ok("forecast", "--series", series, "--horizon", "3",
        "--method", "naive", "--json").out());
    assertEquals(3, doc.get("data").get(0).get("points").size());
    valid("forecast-evaluation", ok("forecast", "--series", series, "--evaluate",
        "--holdout", "6", "--method", "naive", "--json").out());
  }

  @Test
  void planJsonMatchesItsSchemaWithMoneyAsDecimalsWithACurrency() throws IOException {
    JsonNode doc = valid("plan", ok("plan", "--strategy", "wagner-whitin", "--setup-cost",
        "100", "--holding-cost", "1", "--currency", "EUR", "--json",
        EXAMPLES.resolve("wagner-whitin-1958.csv").toString()).out());
    JsonNode total = doc.get("data").get("totalCost");
    assertEquals("EUR", total.get("currency").asText());
    assertEquals(0, total.get("amount").decimalValue().compareTo(new java.math.BigDecimal("864")));
    assertTrue(total.get("amount").isBigDecimal() || total.get("amount").isNumber());
  }

  @Test
  void theSchemaRejectsABareDoubleAsMoneyAndAnUnknownEnvelopeField() throws IOException {
    String json = ok("plan", "--strategy", "wagner-whitin", "--setup-cost", "100",
        "--holding-cost", "1", "--json",
        EXAMPLES.resolve("wagner-whitin-1958.csv").toString()).out();
    com.fasterxml.jackson.databind.node.ObjectNode doc =
        (com.fasterxml.jackson.databind.node.ObjectNode) MAPPER.readTree(json);
    ((com.fasterxml.jackson.databind.node.ObjectNode) doc.get("data"))
        .put("totalCost", 27.200000000000014);
    assertTrue(invalid("plan", doc));
    doc = (com.fasterxml.jackson.databind.node.ObjectNode) MAPPER.readTree(json);
    doc.put("extra", 1);
    assertTrue(invalid("envelope", doc));
  }

  private static boolean invalid(String name, JsonNode doc) throws IOException {
    try (InputStream in = Files.newInputStream(SCHEMAS.resolve(name + ".schema.json"))) {
      return !JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in)
          .validate(doc).isEmpty();
    }
  }

  @Test
  void productionOrdersJsonMatchesItsSchema() throws IOException {
    JsonNode doc = valid("production-orders", ok("plan", "--strategy", "wagner-whitin",
        "--setup-cost", "100", "--holding-cost", "1", "--format", "json",
        "--products", EXAMPLES.resolve("products.csv").toString(), "--start", "2027-01-04",
        EXAMPLES.resolve("wagner-whitin-1958.csv").toString()).out());
    JsonNode first = doc.get("data").get(0);
    assertEquals("SHIRT-NAVY-M", first.get("sku").asText());
    assertEquals("2027-01-04T00:00:00", first.get("plannedStart").asText());
  }
}
