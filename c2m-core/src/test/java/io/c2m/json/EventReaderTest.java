package io.c2m.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.Attributes;
import io.c2m.ConsumerId;
import io.c2m.json.EventProblem.Kind;
import io.c2m.privacy.Pseudonymizer;
import io.c2m.signal.Signal;
import io.c2m.signal.SignalType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventReaderTest {
  private static final EventReader READER = EventReader.trustingIds();
  private static final String TS = "\"timestamp\":\"2026-03-01T10:00:00Z\"";
  private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");
  /** 2026-03-01T10:00:00Z in microseconds since the epoch. */
  private static final long AT_MICROS = AT.getEpochSecond() * 1_000_000L;

  private static EventReader.Result read(String text) {
    return READER.readAll(new StringReader(text));
  }

  private static Signal only(String line) {
    EventReader.Result r = read(line);
    assertEquals(List.of(), r.report().problems(), "problems");
    assertEquals(1, r.signals().size(), "signals");
    return r.signals().get(0);
  }

  private static EventProblem problem(String line) {
    EventReader.Result r = read(line);
    assertEquals(1, r.report().rejected(), "rejected");
    assertEquals(0, r.signals().size(), "signals");
    return r.report().problems().get(0);
  }

  // ---- Segment ----

  @ParameterizedTest
  @CsvSource({
      "Product Viewed, VIEW",
      "Product Added, CART_ADD",
      "Product Removed, CART_REMOVE",
      "Product Added to Wishlist, WISHLIST",
      "Product Shared, SHARE",
      "product viewed, VIEW"})
  void segmentProductEventsGiveOneSignalWithTheProductsAttributes(String event, SignalType type) {
    Signal s = only("{\"type\":\"track\",\"event\":\"" + event + "\",\"userId\":\"u1\"," + TS
        + ",\"properties\":{\"product_id\":\"507f\",\"sku\":\"G-32\",\"name\":\"Linen dress\","
        + "\"category\":\"Dress\",\"brand\":\"Acme\",\"variant\":\"Sage\",\"price\":29.5,"
        + "\"quantity\":1,\"color\":\"sage\",\"size\":\"M\",\"material\":\"linen\","
        + "\"url\":\"https://x.example/p/507f\",\"extra\":{\"nested\":1}}}");
    assertEquals(new ConsumerId("u1"), s.consumer());
    assertEquals(type, s.type());
    assertEquals(AT, s.at());
    assertEquals(Attributes.of("category", "dress", "brand", "acme", "variant", "sage",
        "color", "sage", "size", "m", "material", "linen"), s.item());
    assertEquals("segment", s.source());
    assertEquals(29.5, s.value());
  }

  @Test
  void segmentReviewTakesTheRatingAsValueAndDropsTheReviewText() {
    Signal s = only("{\"type\":\"track\",\"event\":\"Product Reviewed\",\"userId\":\"u1\"," + TS
        + ",\"properties\":{\"product_id\":\"507f\",\"review_id\":\"r9\","
        + "\"review_body\":\"Lovely, my name is Ann\",\"rating\":4,\"category\":\"dress\"}}");
    assertEquals(SignalType.REVIEW, s.type());
    assertEquals(4.0, s.value());
    assertEquals(Attributes.of("category", "dress"), s.item());
  }

  @Test
  void segmentSearchKeepsFiltersNotTheQueryText() {
    Signal s = only("{\"type\":\"track\",\"event\":\"Products Searched\",\"anonymousId\":\"a7\","
        + TS + ",\"properties\":{\"query\":\"blue linen dress for Ann\"}}");
    assertEquals(SignalType.SEARCH, s.type());
    assertEquals(new ConsumerId("a7"), s.consumer());
    assertTrue(s.item().isEmpty());
    assertTrue(Double.isNaN(s.value()));

    Signal f = only("{\"event\":\"Product List Filtered\",\"userId\":\"u1\"," + TS
        + ",\"properties\":{\"list_id\":\"l1\",\"category\":\"dress\",\"filters\":["
        + "{\"type\":\"color\",\"value\":\"blue\"},{\"type\":\"size\",\"value\":\"S\"}]}}");
    assertEquals(SignalType.SEARCH, f.type());
    assertEquals(Attributes.of("category", "dress", "color", "blue", "size", "s"), f.item());
  }

  @Test
  void segmentOrderCompletedGivesOneSignalPerProduct() {
    EventReader.Result r = read("{\"type\":\"track\",\"event\":\"Order Completed\","
        + "\"userId\":\"u1\"," + TS + ",\"properties\":{\"order_id\":\"o1\",\"total\":70,"
        + "\"currency\":\"EUR\",\"products\":["
        + "{\"product_id\":\"p1\",\"category\":\"dress\",\"color\":\"sage\",\"price\":30},"
        + "{\"product_id\":\"p2\",\"category\":\"shirt\",\"size\":38,\"price\":20,"
        + "\"quantity\":2}]}}");
    assertEquals(1, r.report().accepted());
    assertEquals(2, r.report().signals());
    assertEquals(2, r.signals().size());
    Signal a = r.signals().get(0);
    Signal b = r.signals().get(1);
    assertEquals(SignalType.PURCHASE, a.type());
    assertEquals(Attributes.of("category", "dress", "color", "sage"), a.item());
    assertEquals(30.0, a.value());
    assertEquals(Attributes.of("category", "shirt", "size", "38"), b.item());
    assertEquals(20.0, b.value());
  }

  @Test
  void segmentOrderRefundedGivesReturnsOrIsSkippedWithoutProducts() {
    EventReader.Result r = read("{\"event\":\"Order Refunded\",\"userId\":\"u1\"," + TS
        + ",\"properties\":{\"order_id\":\"o1\",\"products\":[{\"category\":\"dress\"}]}}\n"
        + "{\"event\":\"Order Refunded\",\"userId\":\"u1\"," + TS
        + ",\"properties\":{\"order_id\":\"o2\"}}\n");
    assertEquals(1, r.signals().size());
    assertEquals(SignalType.RETURN, r.signals().get(0).type());
    assertEquals(new EventReport(2, 1, 1, 0, 1, List.of()), r.report());
  }

  @Test
  void segmentOrderCompletedWithoutProductsIsRejected() {
    EventProblem p = problem("{\"event\":\"Order Completed\",\"userId\":\"u1\"," + TS
        + ",\"properties\":{\"order_id\":\"o1\"}}");
    assertEquals(Kind.MISSING_FIELD, p.kind());
    assertTrue(p.reason().contains("properties.products"), p.reason());
  }

  @Test
  void segmentTimestampWithOffsetIsConvertedToUtc() {
    Signal s = only("{\"event\":\"Product Viewed\",\"userId\":\"u1\","
        + "\"timestamp\":\"2026-03-01T11:00:00.250+01:00\",\"properties\":{}}");
    assertEquals(AT.plusMillis(250), s.at());
  }

  @Test
  void nonCommerceCallsAndEventsAreSkippedNotRejected() {
    EventReader.Result r = read(String.join("\n",
        "{\"type\":\"identify\",\"userId\":\"u1\",\"traits\":{\"email\":\"a@b.c\"}}",
        "{\"type\":\"page\",\"userId\":\"u1\",\"name\":\"Home\"}",
        "{\"type\":\"track\",\"event\":\"Checkout Started\",\"userId\":\"u1\"," + TS + "}",
        "{\"event_name\":\"page_view\",\"user_pseudo_id\":\"p1\",\"event_timestamp\":1}",
        "{\"event_name\":\"session_start\",\"user_pseudo_id\":\"p1\",\"event_timestamp\":1}"));
    assertEquals(new EventReport(5, 0, 5, 0, 0, List.of()), r.report());
  }

  // ---- GA4 ----

  @ParameterizedTest
  @CsvSource({
      "view_item, VIEW",
      "add_to_cart, CART_ADD",
      "remove_from_cart, CART_REMOVE",
      "add_to_wishlist, WISHLIST",
      "share, SHARE",
      "purchase, PURCHASE",
      "refund, RETURN"})
  void ga4ItemEventsGiveOneSignalPerItem(String event, SignalType type) {
    EventReader.Result r = read("{\"event_name\":\"" + event + "\",\"user_pseudo_id\":\"p1\","
        + "\"event_timestamp\":" + AT_MICROS + ",\"event_params\":[{\"key\":\"page_location\","
        + "\"value\":{\"string_value\":\"https://x.example/?email=a@b.c\"}}],\"items\":["
        + "{\"item_id\":\"SKU1\",\"item_name\":\"Dress\",\"item_category\":\"Dress\","
        + "\"item_category2\":\"Summer\",\"item_brand\":\"Acme\",\"item_variant\":\"sage\","
        + "\"price\":29.5,\"quantity\":1,\"item_params\":[{\"key\":\"material\","
        + "\"value\":{\"string_value\":\"linen\"}},{\"key\":\"size\",\"value\":{\"int_value\":38}}]},"
        + "{\"item_id\":\"SKU2\",\"item_category\":\"shirt\",\"color\":\"white\"}]}");
    assertEquals(List.of(), r.report().problems());
    assertEquals(2, r.signals().size());
    Signal a = r.signals().get(0);
    assertEquals(type, a.type());
    assertEquals(new ConsumerId("p1"), a.consumer());
    assertEquals(AT, a.at());
    assertEquals("ga4", a.source());
    assertEquals(Attributes.of("category", "dress", "category2", "summer", "brand", "acme",
        "variant", "sage", "material", "linen", "size", "38"), a.item());
    assertEquals(29.5, a.value());
    Signal b = r.signals().get(1);
    assertEquals(Attributes.of("category", "shirt", "color", "white"), b.item());
    assertTrue(Double.isNaN(b.value()));
  }

  @Test
  void ga4UserIdWinsOverPseudoIdAndParamsItemsAndStringTimestampsAreRead() {
    Signal s = only("{\"event_name\":\"add_to_cart\",\"user_id\":\"u9\",\"user_pseudo_id\":\"p1\","
        + "\"event_timestamp\":\"" + (AT_MICROS + 1) + "\",\"params\":{\"currency\":\"EUR\","
        + "\"items\":[{\"item_id\":\"S\",\"item_category\":\"dress\",\"price\":10}]}}");
    assertEquals(new ConsumerId("u9"), s.consumer());
    assertEquals(AT.plusNanos(1_000), s.at());
    assertEquals(Attributes.of("category", "dress"), s.item());
    assertEquals(10.0, s.value());
  }

  @Test
  void ga4SearchTakesOnlyProductParamsNotTheSearchTerm() {
    Signal s = only("{\"event_name\":\"search\",\"user_pseudo_id\":\"p1\",\"event_timestamp\":"
        + AT_MICROS + ",\"event_params\":[{\"key\":\"search_term\",\"value\":{\"string_value\":"
        + "\"red dress Ann Smith\"}},{\"key\":\"color\",\"value\":{\"string_value\":\"red\"}},"
        + "{\"key\":\"ga_session_id\",\"value\":{\"int_value\":123}}]}");
    assertEquals(SignalType.SEARCH, s.type());
    assertEquals(Attributes.of("color", "red"), s.item());
  }

  @Test
  void ga4ShareWithoutItemsTakesProductParamsOnly() {
    Signal s = only("{\"event_name\":\"share\",\"user_pseudo_id\":\"p1\",\"event_timestamp\":"
        + AT_MICROS + ",\"params\":{\"method\":\"Twitter\",\"content_type\":\"product\","
        + "\"item_id\":\"SKU1\",\"page_location\":\"https://x.example/?u=ann\","
        + "\"item_category\":\"coat\",\"material\":\"wool\"}}");
    assertEquals(SignalType.SHARE, s.type());
    assertEquals(Attributes.of("category", "coat", "material", "wool"), s.item());
    assertTrue(Double.isNaN(s.value()));
  }

  @Test
  void ga4ItemEventWithoutItemsIsRejectedAndRefundWithoutItemsSkipped() {
    EventProblem p = problem("{\"event_name\":\"purchase\",\"user_pseudo_id\":\"p1\","
        + "\"event_timestamp\":1,\"params\":{\"transaction_id\":\"t1\"}}");
    assertEquals(Kind.MISSING_FIELD, p.kind());
    assertTrue(p.reason().contains("items"), p.reason());
    EventReport r = read("{\"event_name\":\"refund\",\"user_pseudo_id\":\"p1\","
        + "\"event_timestamp\":1,\"params\":{\"transaction_id\":\"t1\"}}").report();
    assertEquals(new EventReport(1, 0, 1, 0, 0, List.of()), r);
  }

  // ---- problems ----

  @Test
  void malformedJsonIsRejectedWithoutQuotingTheLine() {
    EventProblem p = problem("{\"event\":\"Product Viewed\",\"userId\":\"secret-user\"," + TS);
    assertEquals(Kind.MALFORMED_JSON, p.kind());
    assertEquals(1, p.line());
    assertFalse(p.reason().contains("secret-user"), p.reason());

    EventProblem q = problem("{\"event\":\"Product Viewed\",\"userId\":secret-user}");
    assertEquals(Kind.MALFORMED_JSON, q.kind());
    assertFalse(q.reason().contains("secret"), q.reason());

    assertEquals(Kind.MALFORMED_JSON, problem("[1,2]").kind());
    assertEquals(Kind.MALFORMED_JSON, problem("{\"event\":\"Product Viewed\"} {}").kind());
    assertEquals(Kind.MALFORMED_JSON, problem("not json").kind());
  }

  @Test
  void unknownEventsAreRejected() {
    EventProblem p = problem("{\"event\":\"Spaceship Launched\",\"userId\":\"u1\"," + TS + "}");
    assertEquals(Kind.UNKNOWN_EVENT, p.kind());
    assertTrue(p.reason().contains("Spaceship Launched"), p.reason());
    assertEquals(Kind.UNKNOWN_EVENT,
        problem("{\"event_name\":\"launch\",\"user_pseudo_id\":\"p\",\"event_timestamp\":1}")
            .kind());
    assertEquals(Kind.UNKNOWN_EVENT, problem("{\"type\":\"teleport\",\"userId\":\"u\"}").kind());
  }

  @Test
  void missingFieldsAreRejectedNamingTheField() {
    EventProblem noUser = problem("{\"event\":\"Product Viewed\"," + TS + "}");
    assertEquals(Kind.MISSING_FIELD, noUser.kind());
    assertTrue(noUser.reason().contains("userId"), noUser.reason());
    EventProblem noTime = problem("{\"event\":\"Product Viewed\",\"userId\":\"u\"}");
    assertEquals(Kind.MISSING_FIELD, noTime.kind());
    assertTrue(noTime.reason().contains("timestamp"), noTime.reason());
    EventProblem noEvent = problem("{\"type\":\"track\",\"userId\":\"u\"," + TS + "}");
    assertEquals(Kind.MISSING_FIELD, noEvent.kind());
    assertTrue(noEvent.reason().contains("event"), noEvent.reason());
    assertEquals(Kind.MISSING_FIELD, problem("{\"userId\":\"u\"}").kind());
    assertEquals(Kind.MISSING_FIELD,
        problem("{\"event_name\":\"view_item\",\"event_timestamp\":1,\"items\":[{}]}").kind());
  }

  @Test
  void wrongTypesAreRejectedNamingTheField() {
    EventProblem price = problem("{\"event\":\"Product Added\",\"userId\":\"u\"," + TS
        + ",\"properties\":{\"price\":\"12.99\"}}");
    assertEquals(Kind.WRONG_TYPE, price.kind());
    assertTrue(price.reason().contains("properties.price"), price.reason());
    EventProblem products = problem("{\"event\":\"Order Completed\",\"userId\":\"u\"," + TS
        + ",\"properties\":{\"products\":[{\"price\":1},\"p2\"]}}");
    assertEquals(Kind.WRONG_TYPE, products.kind());
    assertTrue(products.reason().contains("properties.products[1]"), products.reason());
    assertEquals(Kind.WRONG_TYPE, problem("{\"event\":\"Product Viewed\",\"userId\":{\"a\":1},"
        + TS + "}").kind());
    assertEquals(Kind.WRONG_TYPE, problem("{\"event\":7,\"userId\":\"u\"," + TS + "}").kind());
    assertEquals(Kind.WRONG_TYPE, problem("{\"event\":\"Product Viewed\",\"userId\":\"u\","
        + "\"timestamp\":1700000000}").kind());
    assertEquals(Kind.WRONG_TYPE, problem("{\"event\":\"Product Viewed\",\"userId\":\"u\","
        + TS + ",\"properties\":[]}").kind());
    assertEquals(Kind.WRONG_TYPE, problem("{\"event\":\"Product Viewed\",\"userId\":\"u\","
        + TS + ",\"properties\":{\"category\":{\"x\":1}}}").kind());
  }

  @Test
  void numbersOutOfRangeAreRejected() {
    EventProblem huge = problem("{\"event\":\"Product Added\",\"userId\":\"u\"," + TS
        + ",\"properties\":{\"price\":1e400}}");
    assertEquals(Kind.OUT_OF_RANGE, huge.kind());
    assertTrue(huge.reason().contains("properties.price"), huge.reason());
    EventProblem negative = problem("{\"event_name\":\"purchase\",\"user_pseudo_id\":\"p\","
        + "\"event_timestamp\":1,\"items\":[{\"item_category\":\"dress\",\"price\":-5}]}");
    assertEquals(Kind.OUT_OF_RANGE, negative.kind());
    assertTrue(negative.reason().contains("items[0].price"), negative.reason());
    assertEquals(Kind.OUT_OF_RANGE, problem("{\"event_name\":\"view_item\","
        + "\"user_pseudo_id\":\"p\",\"event_timestamp\":99999999999999999999999,"
        + "\"items\":[{}]}").kind());
    assertEquals(Kind.OUT_OF_RANGE, problem("{\"event_name\":\"view_item\","
        + "\"user_pseudo_id\":\"p\",\"event_timestamp\":-5,\"items\":[{}]}").kind());
  }

  @Test
  void badTimestampsAreRejected() {
    EventProblem p = problem("{\"event\":\"Product Viewed\",\"userId\":\"u\","
        + "\"timestamp\":\"yesterday\"}");
    assertEquals(Kind.BAD_TIMESTAMP, p.kind());
    assertTrue(p.reason().contains("timestamp"), p.reason());
    assertEquals(Kind.BAD_TIMESTAMP, problem("{\"event\":\"Product Viewed\",\"userId\":\"u\","
        + "\"timestamp\":\"2026-02-30T10:00:00Z\"}").kind());
    assertEquals(Kind.BAD_TIMESTAMP, problem("{\"event_name\":\"view_item\","
        + "\"user_pseudo_id\":\"p\",\"event_timestamp\":1.5,\"items\":[{}]}").kind());
    assertEquals(Kind.BAD_TIMESTAMP, problem("{\"event_name\":\"view_item\","
        + "\"user_pseudo_id\":\"p\",\"event_timestamp\":\"soon\",\"items\":[{}]}").kind());
  }

  @Test
  void anAttributeGivenTwiceIsRejected() {
    EventProblem p = problem("{\"event\":\"Product Viewed\",\"userId\":\"u\"," + TS
        + ",\"properties\":{\"Color\":\"red\",\"color\":\"blue\"}}");
    assertEquals(Kind.BAD_VALUE, p.kind());
    assertTrue(p.reason().contains("color"), p.reason());
  }

  // ---- files and lines ----

  @Test
  void emptyInputGivesAnEmptyReport() {
    EventReader.Result r = read("");
    assertEquals(new EventReport(0, 0, 0, 0, 0, List.of()), r.report());
    assertEquals(List.of(), r.signals());
  }

  @Test
  void blankLinesAreSkippedAndCrlfIsAccepted() {
    String good = "{\"event\":\"Product Viewed\",\"userId\":\"u\"," + TS + "}";
    EventReader.Result r = read("\r\n" + good + "\r\n   \r\n\t\n" + good + "\r\n");
    assertEquals(new EventReport(5, 2, 3, 0, 2, List.of()), r.report());
  }

  @Test
  void aFileMixingGoodAndBadLinesKeepsEveryGoodLineAndReportsEveryBadOne(@TempDir Path dir)
      throws IOException {
    String good = "{\"event\":\"Product Viewed\",\"userId\":\"u%d\"," + TS
        + ",\"properties\":{\"category\":\"dress\"}}";
    List<String> lines = new ArrayList<>();
    List<Long> badLines = new ArrayList<>();
    for (int i = 1; i <= 30; i++) {
      if (i % 7 == 0) {
        lines.add("{\"event\":\"Product Viewed\",\"userId\":");
        badLines.add((long) i);
      } else if (i % 11 == 0) {
        lines.add("{\"event\":\"Nonsense\",\"userId\":\"u\"," + TS + "}");
        badLines.add((long) i);
      } else {
        lines.add(good.formatted(i));
      }
    }
    Path file = dir.resolve("events.jsonl");
    Files.writeString(file, "\uFEFF" + String.join("\r\n", lines), StandardCharsets.UTF_8);
    List<EventProblem> seen = new ArrayList<>();
    List<Signal> signals = new ArrayList<>();
    EventReport report = READER.read(file, signals::add, seen::add);
    assertEquals(30, report.read());
    assertEquals(30 - badLines.size(), report.accepted());
    assertEquals(badLines.size(), report.rejected());
    assertEquals(badLines, report.problems().stream().map(EventProblem::line).toList());
    assertEquals(report.problems(), seen);
    List<String> users = signals.stream().map(s -> s.consumer().value()).toList();
    List<String> expected = new ArrayList<>();
    for (int i = 1; i <= 30; i++) {
      if (!badLines.contains((long) i)) {
        expected.add("u" + i);
      }
    }
    assertEquals(expected, users);
    // The same bytes through an InputStream give the same report.
    EventReport fromStream = READER.read(
        new ByteArrayInputStream(Files.readAllBytes(file)), s -> {});
    assertEquals(report, fromStream);
  }

  @Test
  void tooLongLinesAreRejectedAndTheNextLinesStillRead() {
    EventReader small = EventReader.builder(ConsumerId::new).maxLineLength(120).build();
    String good = "{\"event\":\"Product Viewed\",\"userId\":\"u\"," + TS + "}";
    String longLine = "{\"event\":\"Product Viewed\",\"pad\":\"" + "x".repeat(100_000) + "\"}";
    String text = good + "\n" + longLine + "\n" + good;
    EventReport fromChars = small.read(new StringReader(text), s -> {});
    EventReport fromBytes = small.read(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), s -> {});
    assertEquals(3, fromChars.read());
    assertEquals(2, fromChars.accepted());
    assertEquals(List.of(new EventProblem(2, Kind.LINE_TOO_LONG,
        fromChars.problems().get(0).reason())), fromChars.problems());
    assertEquals(fromChars, fromBytes);
  }

  @Test
  void theProblemLimitKeepsCountingRejectedLines() {
    EventReader limited = EventReader.builder(ConsumerId::new).maxProblemsKept(2).build();
    EventReport r = limited.read(new StringReader("x\ny\nz\n"), s -> {});
    assertEquals(3, r.rejected());
    assertEquals(2, r.problems().size());
    assertEquals(1, r.problemsOmitted());
  }

  @Test
  void invalidUtf8IsRejectedAsMalformed() {
    byte[] bad = "{\"event\":\"Product Viewed\",\"userId\":\"\u00ff\"}"
        .getBytes(StandardCharsets.ISO_8859_1);
    EventReport r = READER.read(new ByteArrayInputStream(bad), s -> {});
    assertEquals(1, r.rejected());
    assertEquals(Kind.MALFORMED_JSON, r.problems().get(0).kind());
  }

  // ---- ids ----

  @Test
  void pseudonymizingReaderNeverLetsRawIdsThrough() {
    Pseudonymizer p = new Pseudonymizer("0123456789abcdef0123".getBytes(StandardCharsets.UTF_8));
    EventReader reader = EventReader.pseudonymizing(p);
    EventReader.Result r = reader.readAll(new StringReader(
        "{\"event\":\"Product Viewed\",\"userId\":\"ann@example.com\"," + TS + "}"));
    assertEquals(p.pseudonymize("ann@example.com"), r.signals().get(0).consumer());
    assertFalse(r.signals().get(0).consumer().value().contains("ann"));
  }

  @Test
  void anIdMappingThatThrowsRejectsTheLineWithoutQuotingTheId() {
    EventReader reader = EventReader.builder(raw -> {
      throw new IllegalArgumentException("bad id " + raw);
    }).build();
    EventReport r = reader.read(new StringReader(
        "{\"event\":\"Product Viewed\",\"userId\":\"ann@example.com\"," + TS + "}"), s -> {});
    assertEquals(Kind.ID_REJECTED, r.problems().get(0).kind());
    assertFalse(r.problems().get(0).reason().contains("ann"), r.problems().get(0).reason());
  }

  @Test
  void aCostlyIdMappingRunsOncePerUserWithinARead() {
    List<String> calls = new ArrayList<>();
    EventReader reader = EventReader.builder(raw -> {
      calls.add(raw);
      return new ConsumerId("c-" + raw.length());
    }).build();
    String line = "{\"event\":\"Product Viewed\",\"userId\":\"%s\"," + TS + "}";
    EventReader.Result r = reader.readAll(new StringReader(String.join("\n",
        line.formatted("ann"), line.formatted("bob"), line.formatted("ann"),
        line.formatted("carla"))));
    assertEquals(List.of("ann", "bob", "carla"), calls);
    assertEquals(List.of("c-3", "c-3", "c-3", "c-5"),
        r.signals().stream().map(s -> s.consumer().value()).toList());

    List<String> uncached = new ArrayList<>();
    EventReader.builder(raw -> {
      uncached.add(raw);
      return new ConsumerId(raw);
    }).idCacheSize(0).build().readAll(new StringReader(
        line.formatted("ann") + "\n" + line.formatted("ann")));
    assertEquals(List.of("ann", "ann"), uncached);
  }

  @Test
  void builderRefusesNegativeLimits() {
    EventReader.Builder b = EventReader.builder(ConsumerId::new);
    assertThrows(IllegalArgumentException.class, () -> b.maxLineLength(0));
    assertThrows(IllegalArgumentException.class, () -> b.maxProblemsKept(-1));
    assertThrows(IllegalArgumentException.class, () -> b.idCacheSize(-1));
  }

  /**
   * A fixture in the shapes Segment's analytics.js and GA4's BigQuery export produce, with the
   * context, device and session fields around the commerce data; the expectations are read off
   * the fixture by hand.
   */
  @Test
  void aRealisticMixedFileGivesTheExpectedSignals() throws Exception {
    Path file = Path.of(EventReaderTest.class.getResource("marketplace-events.jsonl").toURI());
    List<EventProblem> problems = new ArrayList<>();
    List<Signal> signals = new ArrayList<>();
    EventReport report = READER.read(file, signals::add, problems::add);
    assertEquals(12, report.read());
    assertEquals(6, report.accepted());
    assertEquals(4, report.skipped(), "page call, Checkout Started, blank line, session_start");
    assertEquals(2, report.rejected());
    assertEquals(7, report.signals());
    assertEquals(List.of(10L, 12L), problems.stream().map(EventProblem::line).toList());
    assertEquals(Kind.WRONG_TYPE, problems.get(0).kind());
    assertTrue(problems.get(0).reason().contains("items[0].price"), problems.get(0).reason());
    assertEquals(Kind.MALFORMED_JSON, problems.get(1).kind());

    Attributes dress = Attributes.of("category", "dresses", "brand", "acme", "variant", "sage",
        "color", "sage", "size", "m", "material", "linen");
    ConsumerId user = new ConsumerId("user-1001");
    ConsumerId pseudo = new ConsumerId("1234567890.1772359000");
    ConsumerId member = new ConsumerId("member-77");
    Attributes coat = Attributes.of("category", "coats", "brand", "nordic", "variant", "navy",
        "material", "wool");
    assertEquals(List.of(
        new Signal(user, SignalType.VIEW, Instant.parse("2026-03-01T10:00:00Z"), dress,
            "segment", 29.5),
        new Signal(user, SignalType.CART_ADD, Instant.parse("2026-03-01T10:02:00Z"), dress,
            "segment", 29.5),
        new Signal(user, SignalType.PURCHASE, Instant.parse("2026-03-01T10:05:00Z"), dress,
            "segment", 29.5),
        new Signal(user, SignalType.PURCHASE, Instant.parse("2026-03-01T10:05:00Z"),
            Attributes.of("category", "tops", "color", "white", "size", "m"), "segment", 14.75),
        new Signal(pseudo, SignalType.VIEW, Instant.parse("2026-03-01T10:00:00Z"),
            coat.with("category2", "winter").with("size", "l"), "ga4", 120.0),
        new Signal(member, SignalType.PURCHASE, Instant.parse("2026-03-01T10:01:00Z"), coat,
            "ga4", 120.0),
        new Signal(user, SignalType.REVIEW, Instant.parse("2026-03-02T07:00:00Z"),
            Attributes.of("category", "dresses"), "segment", 5.0)), signals);
  }

  @Test
  void aParallelReadOfTheFixtureReportsAbsoluteLineNumbers() throws Exception {
    Path file = Path.of(EventReaderTest.class.getResource("marketplace-events.jsonl").toURI());
    List<Signal> sequential = new ArrayList<>();
    EventReport expected = READER.read(file, sequential::add);
    for (int partitions = 1; partitions <= 5; partitions++) {
      List<List<Signal>> parts = new ArrayList<>();
      for (int i = 0; i < partitions; i++) {
        parts.add(new ArrayList<>());
      }
      EventReport actual = READER.readParallel(file, partitions, i -> parts.get(i)::add);
      assertEquals(expected, actual, partitions + " partitions");
      assertEquals(List.of(10L, 12L), actual.problems().stream().map(EventProblem::line).toList());
      assertEquals(sequential, parts.stream().flatMap(List::stream).toList());
    }
    assertThrows(IllegalArgumentException.class, () -> READER.readParallel(file, 0, i -> s -> { }));
  }

  @Test
  void aParallelReadPassesOnASinksException(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("e.jsonl");
    Files.writeString(file, ("{\"event\":\"Product Viewed\",\"userId\":\"u\"," + TS + "}\n")
        .repeat(100));
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> READER.readParallel(file, 3, i -> s -> {
          throw new IllegalStateException("sink full");
        }));
    assertEquals("sink full", e.getMessage());
  }

  @Test
  void aMissingFileIsAnUncheckedIoError(@TempDir Path dir) {
    assertThrows(UncheckedIOException.class,
        () -> READER.read(dir.resolve("absent.jsonl"), s -> {}));
  }
}
