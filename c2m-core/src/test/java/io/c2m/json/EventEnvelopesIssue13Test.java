package io.c2m.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.Attributes;
import io.c2m.ConsumerId;
import io.c2m.json.EventProblem.Kind;
import io.c2m.privacy.ConsentMapping;
import io.c2m.signal.Signal;
import io.c2m.signal.SignalType;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 part 6: GA4 Measurement Protocol bodies and Segment batches, in files of JSON lines and
 * one by one ({@link EventReader#readMessage}); every bad element reported with its index, the
 * good ones kept; body-level consent honoured; nothing personal in a problem.
 */
class EventEnvelopesIssue13Test {
  private static final EventReader READER = EventReader.trustingIds();
  private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");
  private static final long AT_MICROS = AT.getEpochSecond() * 1_000_000L;

  /**
   * A GA4 Measurement Protocol body as a server sends it to /mp/collect: the shape of Google's
   * e-commerce examples (view_item, add_to_cart, purchase with items[] in params), with the
   * fields c2m must never read (user_data, user_properties, device) present.
   */
  private static final String GA4_BODY = """
      {
        "client_id": "123456789.1234567890",
        "user_id": "u-42",
        "timestamp_micros": %d,
        "non_personalized_ads": false,
        "user_properties": {"customer_tier": {"value": "premium"}},
        "user_data": {"sha256_email_address": ["a1b2c3"], "address": [{"city": "x"}]},
        "device": {"category": "mobile", "language": "en"},
        "consent": {"ad_user_data": "GRANTED", "ad_personalization": "GRANTED"},
        "events": [
          {"name": "view_item",
           "params": {"currency": "EUR", "value": 29.5, "session_id": "1700", \
      "engagement_time_msec": 100,
             "items": [{"item_id": "SKU_1", "item_name": "Linen dress", \
      "item_category": "Dress", "item_brand": "Acme", "item_variant": "sage", "price": 29.5, \
      "quantity": 1, "size": "M"}]}},
          {"name": "add_to_cart", "timestamp_micros": %d,
           "params": {"currency": "EUR", "value": 29.5,
             "items": [{"item_id": "SKU_1", "item_category": "Dress", "price": 29.5, \
      "quantity": 1}]}},
          {"name": "purchase",
           "params": {"transaction_id": "T_1", "currency": "EUR", "value": 49.5, "tax": 1, \
      "shipping": 2,
             "items": [{"item_id": "SKU_1", "item_category": "Dress", "price": 29.5, \
      "quantity": 1},
                       {"item_id": "SKU_2", "item_category": "Shirt", "price": 20, \
      "quantity": 1}]}},
          {"name": "page_view", "params": {"page_location": "https://x.example/?email=a@b.c"}}
        ]
      }""".formatted(AT_MICROS, AT_MICROS + 5_000_000L);

  /** A Segment /v1/batch body: track, identify and page calls, with a batch-level context. */
  private static final String SEGMENT_BATCH = """
      {
        "batch": [
          {"type": "identify", "userId": "u-7", "traits": {"email": "ann@example.com"},
           "timestamp": "2026-03-01T10:00:00Z"},
          {"type": "track", "event": "Product Viewed", "userId": "u-7",
           "timestamp": "2026-03-01T10:00:00Z", "messageId": "m1",
           "properties": {"product_id": "p1", "category": "Dress", "color": "sage", \
      "price": 30}},
          {"type": "page", "name": "Home", "anonymousId": "a-1",
           "timestamp": "2026-03-01T10:00:01Z"},
          {"type": "track", "event": "Order Completed", "anonymousId": "a-1",
           "timestamp": "2026-03-01T10:00:02Z",
           "properties": {"order_id": "o1", "products": [{"product_id": "p2", \
      "category": "Shirt", "price": 20, "quantity": 2}]}}
        ],
        "context": {"library": {"name": "analytics-java"}},
        "integrations": {"All": true},
        "sentAt": "2026-03-01T10:00:03Z"
      }""";

  private static String oneLine(String json) {
    return json.replace("\n", " ");
  }

  private static EventReader.Result lines(String... lines) {
    return READER.readAll(new StringReader(String.join("\n", lines)));
  }

  private static EventReader.Result bytes(EventReader reader, String text) {
    List<Signal> out = new ArrayList<>();
    EventReport report = reader.read(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), out::add);
    return new EventReader.Result(out, report);
  }

  // ---- GA4 Measurement Protocol

  @Test
  void theReadmeExampleGivesOneViewAndOneProblem() {
    EventReader.Result r = READER.readMessage("""
        {"client_id": "123.456", "timestamp_micros": 1772359200000000,
         "consent": {"ad_user_data": "GRANTED", "ad_personalization": "GRANTED"},
         "events": [
           {"name": "view_item", "params": {"items": [
             {"item_id": "SKU_1", "item_category": "Dress", "color": "sage", "price": 29.5}]}},
           {"name": "teleport"}]}""");
    assertEquals(1, r.signals().size());
    assertEquals(SignalType.VIEW, r.signals().get(0).type());
    assertEquals(Attributes.of("category", "dress", "color", "sage"), r.signals().get(0).item());
    assertEquals("line 1, element 1: The GA4 event (\"teleport\") is not a known e-commerce"
        + " event.", r.report().problems().get(0).toString());
  }

  @Test
  void ga4BodyGivesTheSignalsOfItsEcommerceEventsWithTheBodysUserAndTime() {
    EventReader.Result r = READER.readMessage(GA4_BODY);
    assertEquals(new EventReport(4, 3, 1, 0, 4, List.of()), r.report());
    List<Signal> s = r.signals();
    ConsumerId user = new ConsumerId("u-42");
    assertEquals(List.of(SignalType.VIEW, SignalType.CART_ADD, SignalType.PURCHASE,
        SignalType.PURCHASE), s.stream().map(Signal::type).toList());
    assertTrue(s.stream().allMatch(x -> x.consumer().equals(user) && x.source().equals("ga4")));
    assertEquals(AT, s.get(0).at());
    assertEquals(AT.plusSeconds(5), s.get(1).at(), "an event's own timestamp_micros wins");
    assertEquals(Attributes.of("category", "dress", "brand", "acme", "variant", "sage",
        "size", "m"), s.get(0).item());
    assertEquals(29.5, s.get(0).value());
    assertEquals(Attributes.of("category", "shirt"), s.get(3).item());
    assertEquals(20.0, s.get(3).value());
  }

  @Test
  void ga4BodyWithoutUserIdTakesTheClientIdElseTheAppInstanceId() {
    String web = "{\"client_id\":\"c-1\",\"timestamp_micros\":" + AT_MICROS + ",\"events\":["
        + "{\"name\":\"view_item\",\"params\":{\"items\":[{\"item_category\":\"dress\"}]}}]}";
    assertEquals(new ConsumerId("c-1"), READER.readMessage(web).signals().get(0).consumer());
    String app = web.replace("client_id", "app_instance_id");
    assertEquals(new ConsumerId("c-1"), READER.readMessage(app).signals().get(0).consumer());
    EventReader.Result none = READER.readMessage(web.replace("\"client_id\":\"c-1\",", ""));
    assertEquals(Kind.MISSING_FIELD, none.report().problems().get(0).kind());
    assertTrue(none.report().problems().get(0).reason().contains("client_id"));
  }

  @Test
  void ga4BodyConsentDeniedSkipsEveryEventAndIsNoProblem() {
    String denied = GA4_BODY.replace("\"ad_user_data\": \"GRANTED\"",
        "\"ad_user_data\": \"DENIED\"");
    EventReader.Result r = READER.readMessage(denied);
    assertEquals(List.of(), r.signals());
    assertEquals(new EventReport(4, 0, 4, 0, 0, List.of()), r.report());

    String personalisation = GA4_BODY.replace("\"ad_personalization\": \"GRANTED\"",
        "\"ad_personalization\": \"DENIED\"");
    assertEquals(List.of(), READER.readMessage(personalisation).signals());

    String oldFlag = GA4_BODY.replace("\"non_personalized_ads\": false",
        "\"non_personalized_ads\": true").replace(
        "\"consent\": {\"ad_user_data\": \"GRANTED\", \"ad_personalization\": \"GRANTED\"},", "");
    assertEquals(List.of(), READER.readMessage(oldFlag).signals(),
        "non_personalized_ads: true is ad_personalization denied");

    String unstated = GA4_BODY.replace(
        "\"consent\": {\"ad_user_data\": \"GRANTED\", \"ad_personalization\": \"GRANTED\"},", "");
    assertEquals(4, READER.readMessage(unstated).signals().size());
    EventReader strict = EventReader.builder(ConsumerId::new)
        .consent(ConsentMapping.defaults().withRequireStated(true)).build();
    assertEquals(0, strict.readMessage(unstated).signals().size());
    assertEquals(4, strict.readMessage(GA4_BODY).signals().size());
  }

  @Test
  void ga4BodyKeepsItsGoodEventsAndReportsEachBadOneWithItsIndex() {
    String body = "{\"client_id\":\"c-1\",\"timestamp_micros\":" + AT_MICROS + ",\"events\":["
        + "{\"name\":\"view_item\",\"params\":{\"items\":[{\"item_category\":\"dress\"}]}},"
        + "{\"name\":\"teleport\"},"
        + "\"view_item\","
        + "{\"name\":\"add_to_cart\",\"params\":{\"items\":[{\"price\":\"12\"}]}},"
        + "{\"name\":\"view_item\",\"name\":\"purchase\"},"
        + "{\"params\":{}},"
        + "{\"name\":\"add_to_cart\",\"params\":{\"items\":[{\"item_category\":\"shirt\"}]}}]}";
    EventReader.Result r = READER.readMessage(body);
    assertEquals(List.of(Attributes.of("category", "dress"), Attributes.of("category", "shirt")),
        r.signals().stream().map(Signal::item).toList());
    EventReport report = r.report();
    assertEquals(7, report.read());
    assertEquals(2, report.accepted());
    assertEquals(5, report.rejected());
    assertEquals(List.of(1, 2, 3, 4, 5),
        report.problems().stream().map(EventProblem::index).toList());
    assertEquals(List.of(Kind.UNKNOWN_EVENT, Kind.WRONG_TYPE, Kind.WRONG_TYPE,
        Kind.MALFORMED_JSON, Kind.MISSING_FIELD),
        report.problems().stream().map(EventProblem::kind).toList());
    assertTrue(report.problems().stream().allMatch(p -> p.line() == 1));
    assertEquals("line 1, element 2: The element events[2] must be an object, not a string.",
        report.problems().get(1).toString());
    assertTrue(report.problems().get(3).reason().contains("given twice"),
        report.problems().get(3).reason());
    assertTrue(report.problems().get(4).reason().contains("field name"),
        report.problems().get(4).reason());
  }

  @Test
  void ga4BodyWithoutATimestampRejectsItsEventsNamingTimestampMicros() {
    EventReader.Result r = READER.readMessage("{\"client_id\":\"c\",\"events\":[{\"name\":"
        + "\"view_item\",\"params\":{\"items\":[{\"item_category\":\"dress\"}]}}]}");
    EventProblem p = r.report().problems().get(0);
    assertEquals(Kind.MISSING_FIELD, p.kind());
    assertEquals(0, p.index());
    assertTrue(p.reason().startsWith("The field timestamp_micros is missing"), p.reason());
  }

  @Test
  void aMessageReadWithItsReceiveTimeGivesItToEventsWithoutATime() {
    Instant received = AT.plusMillis(1_500);
    String body = "{\"client_id\":\"c\",\"events\":[{\"name\":\"view_item\",\"params\":"
        + "{\"items\":[{\"item_category\":\"dress\"}]}},{\"name\":\"add_to_cart\","
        + "\"timestamp_micros\":" + AT_MICROS + ",\"params\":{\"items\":[{\"price\":1}]}}]}";
    for (EventReader.Result r : List.of(READER.readMessage(body, received),
        READER.readMessage(body.getBytes(StandardCharsets.UTF_8), received))) {
      assertTrue(r.report().isClean(), r.report()::toString);
      assertEquals(List.of(received, AT), r.signals().stream().map(Signal::at).toList());
    }
    String withBodyTime = body.replace("{\"client_id\":\"c\",",
        "{\"client_id\":\"c\",\"timestamp_micros\":" + (AT_MICROS + 7_000_000L) + ",");
    assertEquals(AT.plusSeconds(7),
        READER.readMessage(withBodyTime, received).signals().get(0).at(), "the body's time wins");
    String segment = "{\"batch\":[{\"event\":\"Product Viewed\",\"userId\":\"u\"},"
        + "{\"event\":\"Product Viewed\",\"userId\":\"u\",\"timestamp\":"
        + "\"2026-03-01T10:00:00Z\"}]}";
    assertEquals(List.of(received, AT), READER.readMessage(segment, received).signals().stream()
        .map(Signal::at).toList());
    assertEquals(1, READER.readMessage(segment).report().rejected(), "no receive time, no time");

    EventReader windowed = EventReader.builder(ConsumerId::new)
        .window(java.time.Clock.fixed(AT, java.time.ZoneOffset.UTC), java.time.Duration.ofDays(1),
            java.time.Duration.ofDays(1)).build();
    EventProblem late = windowed.readMessage(segment, AT.plusSeconds(86_400L * 30))
        .report().problems().get(0);
    assertEquals(Kind.OUT_OF_WINDOW, late.kind(), "the receive time is checked like any time");
    assertEquals(0, late.index());
  }

  @Test
  void aBrokenEnvelopeIsOneRejectedRecordOfItsLine() {
    EventReader.Result r = lines(
        "{\"client_id\":\"c\",\"events\":[]}",
        "{\"batch\":[]}",
        "{\"client_id\":\"c\",\"events\":{\"name\":\"view_item\"}}",
        "{\"batch\":[{\"event\":\"Product Viewed\"}],\"events\":[{}]}",
        "{\"client_id\":\"c\",\"client_id\":\"d\",\"events\":[{\"name\":\"view_item\"}]}",
        "{\"batch\":[{\"event\":\"Product Viewed\"}] ");
    EventReport report = r.report();
    assertEquals(6, report.read());
    assertEquals(6, report.rejected());
    assertEquals(List.of(Kind.MISSING_FIELD, Kind.MISSING_FIELD, Kind.WRONG_TYPE,
        Kind.MALFORMED_JSON, Kind.MALFORMED_JSON, Kind.MALFORMED_JSON),
        report.problems().stream().map(EventProblem::kind).toList());
    assertTrue(report.problems().stream().allMatch(p -> p.index() == EventProblem.WHOLE_LINE));
    assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L),
        report.problems().stream().map(EventProblem::line).toList());
  }

  // ---- Segment batch

  @Test
  void segmentBatchGivesItsTrackSignalsAndSkipsIdentifyAndPage() {
    EventReader.Result r = READER.readMessage(SEGMENT_BATCH);
    assertEquals(new EventReport(4, 2, 2, 0, 2, List.of()), r.report());
    Signal view = r.signals().get(0);
    assertEquals(SignalType.VIEW, view.type());
    assertEquals(new ConsumerId("u-7"), view.consumer());
    assertEquals(Attributes.of("category", "dress", "color", "sage"), view.item());
    Signal order = r.signals().get(1);
    assertEquals(SignalType.PURCHASE, order.type());
    assertEquals(new ConsumerId("a-1"), order.consumer());
    assertEquals(AT.plusSeconds(2), order.at());
    assertEquals("segment", order.source());
  }

  @Test
  void segmentBatchReadsItsMessagesExactlyAsLines() {
    List<String> messages = List.of(
        "{\"type\":\"track\",\"event\":\"Product Added\",\"userId\":\"u1\","
            + "\"timestamp\":\"2026-03-01T10:00:00Z\",\"properties\":{\"category\":\"dress\","
            + "\"price\":10}}",
        "{\"type\":\"track\",\"event\":\"Product Added\",\"userId\":\"u1\","
            + "\"timestamp\":\"yesterday\",\"properties\":{\"category\":\"dress\"}}",
        "{\"type\":\"track\",\"event\":\"Product Added\",\"userId\":\"u1\",\"userId\":\"u2\","
            + "\"timestamp\":\"2026-03-01T10:00:00Z\"}",
        "{\"type\":\"track\",\"event\":\"Product Shared\",\"anonymousId\":\"a\","
            + "\"timestamp\":\"2026-03-01T10:00:00Z\",\"properties\":{\"brand\":\"acme\"}}");
    EventReader.Result asLines = lines(messages.toArray(String[]::new));
    String batch = "{\"batch\":[" + String.join(",", messages) + "]}";
    for (EventReader reader : List.of(READER,
        EventReader.builder(ConsumerId::new).fastPath(false).build())) {
      for (EventReader.Result asBatch : List.of(reader.readMessage(batch),
          reader.readMessage(batch.getBytes(StandardCharsets.UTF_8)), bytes(reader, batch))) {
        assertEquals(asLines.signals(), asBatch.signals());
        assertEquals(asLines.report().read(), asBatch.report().read());
        assertEquals(asLines.report().accepted(), asBatch.report().accepted());
        assertEquals(asLines.report().problems().stream()
                .map(p -> (p.line() - 1) + " " + p.kind() + " " + p.reason()).toList(),
            asBatch.report().problems().stream()
                .map(p -> p.index() + " " + p.kind() + " " + p.reason()).toList());
      }
    }
  }

  @Test
  void segmentBatchContextConsentAppliesToMessagesThatStateNone() {
    String denied = SEGMENT_BATCH.replace(
        "\"context\": {\"library\": {\"name\": \"analytics-java\"}}",
        "\"context\": {\"consent\": {\"categoryPreferences\": {\"Analytics\": false}}}");
    EventReader.Result r = READER.readMessage(denied);
    assertEquals(List.of(), r.signals());
    assertEquals(4, r.report().skipped());
    String ownConsent = denied.replace("\"messageId\": \"m1\",",
        "\"messageId\": \"m1\", \"context\": {\"consent\": {\"categoryPreferences\": "
            + "{\"Analytics\": true}}},");
    EventReader.Result own = READER.readMessage(ownConsent);
    assertEquals(1, own.signals().size(), "a message's own consent wins over the batch's");
    assertEquals(SignalType.VIEW, own.signals().get(0).type());
  }

  @Test
  void anEnvelopeInsideAnEnvelopeIsARejectedElement() {
    EventReader.Result r = READER.readMessage("{\"batch\":[{\"batch\":[]},"
        + "{\"event\":\"Product Viewed\",\"userId\":\"u\",\"timestamp\":\"2026-03-01T10:00:00Z\"}"
        + "]}");
    assertEquals(1, r.signals().size());
    assertEquals(0, r.report().problems().get(0).index());
    assertEquals(Kind.MALFORMED_JSON, r.report().problems().get(0).kind());
  }

  // ---- files of envelopes

  @Test
  void aFileOfEnvelopesAndEventsReportsLineAndIndexAndKeepsTheGoodRecords(@TempDir Path dir)
      throws Exception {
    String plain = "{\"event\":\"Product Viewed\",\"userId\":\"u1\",\"timestamp\":"
        + "\"2026-03-01T10:00:00Z\",\"properties\":{\"category\":\"hat\"}}";
    String badBatch = "{\"batch\":[" + plain + ",{\"event\":\"Product Viewed\"}," + plain + "]}";
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      text.append(i % 4 == 0 ? oneLine(GA4_BODY) : i % 4 == 1 ? badBatch : plain).append('\n');
    }
    Path file = dir.resolve("events.jsonl");
    Files.writeString(file, text);
    EventReader.Result whole = READER.readAll(file);
    // 10 GA4 bodies (4 records, 4 signals), 10 batches (3 records, 2 good), 20 plain lines.
    assertEquals(10 * 4 + 10 * 3 + 20, whole.report().read());
    assertEquals(10 * 4 + 10 * 2 + 20, whole.signals().size());
    assertEquals(10, whole.report().rejected());
    for (int k = 0; k < 10; k++) {
      EventProblem p = whole.report().problems().get(k);
      assertEquals(4L * k + 2, p.line());
      assertEquals(1, p.index());
      assertEquals(Kind.MISSING_FIELD, p.kind());
    }
    for (int parts : new int[] {2, 3, 7}) {
      List<List<Signal>> sinks = new ArrayList<>();
      for (int i = 0; i < parts; i++) {
        sinks.add(new ArrayList<>());
      }
      EventReport parallel = READER.readParallel(file, parts, i -> sinks.get(i)::add);
      assertEquals(whole.report(), parallel, "line numbers stay absolute with envelopes");
      assertEquals(whole.signals(), sinks.stream().flatMap(List::stream).toList());
    }
  }

  // ---- per-message read: limits and privacy

  @Test
  void aMessageMaySpanLinesAndEqualsTheSameDocumentReadAsALine() {
    EventReader.Result message = READER.readMessage(GA4_BODY);
    EventReader.Result line = lines(oneLine(GA4_BODY));
    assertEquals(line, message);
    assertEquals(message, READER.readMessage(GA4_BODY.getBytes(StandardCharsets.UTF_8)));
    String single = "{\n \"event\": \"Product Viewed\",\n \"userId\": \"u1\",\n"
        + " \"timestamp\": \"2026-03-01T10:00:00Z\"\n}\n";
    assertEquals(1, READER.readMessage(single).signals().size());
  }

  @Test
  void aMessageIsBoundedAndAnEmptyOneIsRejected() {
    EventReader small = EventReader.builder(ConsumerId::new).maxLineLength(64).build();
    EventReader.Result tooLong = small.readMessage(GA4_BODY);
    assertEquals(new EventReport(1, 0, 0, 1, 0, tooLong.report().problems()),
        tooLong.report());
    assertEquals(Kind.LINE_TOO_LONG, tooLong.report().problems().get(0).kind());

    for (String empty : List.of("", "  \n\t ")) {
      EventProblem p = READER.readMessage(empty).report().problems().get(0);
      assertEquals(Kind.MALFORMED_JSON, p.kind());
    }
    String deep = "{\"batch\":[" + "[".repeat(5_000) + "]".repeat(5_000) + "]}";
    EventReader.Result r = READER.readMessage(deep);
    assertEquals(1, r.report().rejected());
    assertEquals(Kind.MALFORMED_JSON, r.report().problems().get(0).kind());
    String twoDocuments = "{\"batch\":[]} {\"batch\":[]}";
    assertEquals(Kind.MALFORMED_JSON,
        READER.readMessage(twoDocuments).report().problems().get(0).kind());
  }

  @Test
  void problemsOfEnvelopesQuoteNoUserIdsOrUserData() {
    String email = "ann.smith@example.com";
    String body = "{\"user_id\":\"" + email + "\",\"user_data\":{\"email\":\"" + email + "\"},"
        + "\"timestamp_micros\":\"soon\",\"events\":[{\"name\":\"view_item\",\"params\":{"
        + "\"items\":[{\"item_category\":\"dress\"}]}},{\"name\":\"" + email + "\"}]}";
    EventReader.Result r = READER.readMessage(body);
    assertEquals(2, r.report().rejected());
    for (EventProblem p : r.report().problems()) {
      assertFalse(p.reason().contains(email), p.reason());
      assertFalse(p.reason().contains("ann"), p.reason());
    }
  }
}
