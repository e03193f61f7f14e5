package io.c2m.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.Attributes;
import io.c2m.ConsumerId;
import io.c2m.json.EventProblem.Kind;
import io.c2m.privacy.ConsentMapping;
import io.c2m.privacy.PersonalData;
import io.c2m.signal.ProfileSettings;
import io.c2m.signal.ProfileStore;
import io.c2m.signal.Signal;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 11: one hostile or broken line is refused with its line number and rule, the other lines
 * are kept; strict JSON and UTF-8; personal data never becomes an attribute nor appears in a
 * message; consent stated in the event is honoured. Every case runs through both the byte fast
 * path and Jackson's path.
 */
class EventReaderIssue11Test {
  private static final Instant NOW = Instant.parse("2026-03-02T00:00:00Z");
  private static final String GOOD = "{\"event\":\"Product Viewed\",\"userId\":\"u1\","
      + "\"timestamp\":\"2026-03-01T10:00:00Z\",\"properties\":{\"category\":\"dress\","
      + "\"color\":\"sage\",\"price\":10}}";

  private static String segment(String userId, String timestamp, String properties) {
    return "{\"event\":\"Product Viewed\",\"userId\":\"" + userId + "\",\"timestamp\":\""
        + timestamp + "\",\"properties\":" + properties + "}";
  }

  private record Read(List<Signal> signals, EventReport report) {}

  private static Read read(EventReader.Builder b, byte[] bytes) {
    Read fast = read(b.fastPath(true).build(), bytes);
    Read slow = read(b.fastPath(false).build(), bytes);
    assertEquals(fast.report(), slow.report(), "the fast path and Jackson read alike");
    assertEquals(fast.signals(), slow.signals());
    return fast;
  }

  private static Read read(EventReader r, byte[] bytes) {
    List<Signal> out = new ArrayList<>();
    EventReport report = r.read(new ByteArrayInputStream(bytes), out::add);
    return new Read(out, report);
  }

  private static Read read(String... lines) {
    return read(EventReader.builder(ConsumerId::new),
        String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
  }

  private static EventProblem onlyProblem(Read r) {
    assertEquals(1, r.report().rejected(), () -> r.report().toString());
    return r.report().problems().get(0);
  }

  @Test
  void aTimestampBeyondYear9999IsRefusedAtItsLineAndTheOthersKept() {
    Read r = read(GOOD, segment("u2", "+999999999-01-01T00:00:00Z", "{\"category\":\"x\"}"),
        GOOD);
    EventProblem p = onlyProblem(r);
    assertEquals(2, p.line());
    assertEquals(Kind.OUT_OF_WINDOW, p.kind());
    assertEquals(2, r.report().accepted());
  }

  @Test
  void aReceiverOverflowRejectsOnlyItsLine() {
    // A store whose epoch is near year 9999: an instant near year 0 overflows its arithmetic.
    ProfileStore store = new ProfileStore(ProfileSettings.defaults(), c -> true,
        Instant.parse("2026-03-01T00:00:00Z"));
    EventReport report = EventReader.trustingIds().read(new ByteArrayInputStream(
        String.join("\n", GOOD, segment("u2", "0001-01-01T00:00:00Z", "{\"category\":\"x\"}"),
            GOOD).getBytes(StandardCharsets.UTF_8)), store::add);
    assertEquals(2, report.accepted());
    assertEquals(1, report.rejected());
    assertEquals(2, report.problems().get(0).line());
  }

  @Test
  void eventsOutsideTheWindowAroundTheClockAreRefusedPerLine() {
    EventReader.Builder b = EventReader.builder(ConsumerId::new)
        .window(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofDays(3650), Duration.ofDays(1));
    byte[] in = String.join("\n",
        segment("u0", "1940-01-01T00:00:00Z", "{\"category\":\"x\"}"), GOOD,
        segment("u2", "2027-03-01T00:00:00Z", "{\"category\":\"x\"}"),
        "{\"event_name\":\"view_item\",\"user_pseudo_id\":\"g\",\"event_timestamp\":"
            + "1000000,\"items\":[{\"item_category\":\"x\"}]}")
        .getBytes(StandardCharsets.UTF_8);
    Read r = read(b, in);
    assertEquals(1, r.report().accepted());
    assertEquals(3, r.report().rejected());
    for (EventProblem p : r.report().problems()) {
      assertEquals(Kind.OUT_OF_WINDOW, p.kind(), p.reason());
      assertTrue(p.reason().contains("window"), p.reason());
    }
    assertEquals(List.of(1L, 3L, 4L), r.report().problems().stream().map(EventProblem::line)
        .toList());
  }

  @Test
  void aTopLevelFieldGivenTwiceRejectsTheLine() {
    Read r = read(GOOD, "{\"event\":\"Product Viewed\",\"userId\":\"victim\",\"timestamp\":"
        + "\"2026-03-01T10:00:00Z\",\"properties\":{\"category\":\"x\"},\"userId\":\"attacker\"}",
        "{\"event\":\"Product Viewed\",\"userId\":\"u\",\"timestamp\":\"2026-03-01T10:00:00Z\","
            + "\"timestamp\":\"2020-01-01T00:00:00Z\",\"properties\":{\"category\":\"x\"}}",
        "{\"event\":\"Product Viewed\",\"userId\":\"u\",\"x\":1,\"x\":2,\"timestamp\":"
            + "\"2026-03-01T10:00:00Z\",\"properties\":{\"category\":\"x\"}}");
    assertEquals(1, r.report().accepted());
    assertEquals(3, r.report().rejected());
    assertTrue(r.report().problems().get(0).reason().contains("given twice"),
        r.report().problems().get(0).reason());
    assertFalse(r.report().problems().get(0).reason().contains("attacker"));
  }

  @Test
  void overlongUtf8EncodedSurrogatesAndLoneSurrogatesAreRefused() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] prefix = "{\"event\":\"Product Viewed\",\"userId\":\"u\",\"timestamp\":\"2026-03-01T10:00:00Z\",\"properties\":{\"category\":\"x\",\"color\":\"".getBytes(StandardCharsets.UTF_8);
    byte[] suffix = "\"}}\n".getBytes(StandardCharsets.UTF_8);
    byte[][] bad = {
        {(byte) 0xC0, (byte) 0xAF},               // overlong '/'
        {(byte) 0xE0, (byte) 0x80, (byte) 0xAF},  // overlong '/', three bytes
        {(byte) 0xED, (byte) 0xA0, (byte) 0x80},  // U+D800 encoded
        {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},  // above U+10FFFF
        "\\ud800".getBytes(StandardCharsets.US_ASCII),  // escaped lone surrogate
        "\\udc00x".getBytes(StandardCharsets.US_ASCII)};
    for (byte[] b : bad) {
      out.write(prefix);
      out.write(b);
      out.write(suffix);
    }
    out.write(prefix);
    out.write("caf\u00e9 \ud83d\ude00".getBytes(StandardCharsets.UTF_8)); // well-formed
    out.write(suffix);
    Read r = read(EventReader.builder(ConsumerId::new), out.toByteArray());
    assertEquals(bad.length, r.report().rejected(), r.report().toString());
    assertEquals(1, r.report().accepted());
    for (EventProblem p : r.report().problems()) {
      assertEquals(Kind.MALFORMED_JSON, p.kind());
    }
  }

  @Test
  void quantitiesAreValidated() {
    Read r = read(
        segment("u", "2026-03-01T10:00:00Z", "{\"category\":\"x\",\"quantity\":-1}"),
        segment("u", "2026-03-01T10:00:00Z", "{\"category\":\"x\",\"quantity\":99999999999999999999}"),
        segment("u", "2026-03-01T10:00:00Z", "{\"category\":\"x\",\"quantity\":1.5}"),
        segment("u", "2026-03-01T10:00:00Z", "{\"category\":\"x\",\"quantity\":\"2\"}"),
        "{\"event_name\":\"purchase\",\"user_pseudo_id\":\"g\",\"event_timestamp\":"
            + "1772359200000000,\"items\":[{\"item_category\":\"x\",\"quantity\":-3}]}",
        segment("u", "2026-03-01T10:00:00Z", "{\"category\":\"x\",\"quantity\":2}"));
    assertEquals(5, r.report().rejected(), r.report().toString());
    assertEquals(1, r.report().accepted());
  }

  @Test
  void hugePricesAreRefusedSoSumsStayFinite() {
    Read r = read(segment("u", "2026-03-01T10:00:00Z", "{\"category\":\"x\",\"price\":1.7e308}"),
        segment("u", "2026-03-01T10:00:00Z", "{\"category\":\"x\",\"price\":1.7e308}"), GOOD);
    assertEquals(2, r.report().rejected());
    assertEquals(Kind.OUT_OF_RANGE, r.report().problems().get(0).kind());
    assertEquals(1, r.report().accepted());
  }

  @Test
  void controlCharactersFromTheInputAreEscapedInMessages() {
    Read r = read("{\"event\":\"Evil\\u001b[31m\\u0007\",\"userId\":\"u\",\"timestamp\":"
        + "\"2026-03-01T10:00:00Z\"}", "{\"event\":\"x\u001b]0;pwned\u0007\",\"userId\":\"u\"}");
    assertEquals(2, r.report().rejected());
    for (EventProblem p : r.report().problems()) {
      for (char c : p.reason().toCharArray()) {
        assertTrue(c >= 0x20 || c == '\n', "control character " + (int) c + " in " + p);
      }
    }
  }

  @Test
  void personalDataNeverBecomesAnAttribute() {
    Read r = read(segment("u", "2026-03-01T10:00:00Z", "{\"category\":\"dress\",\"email\":"
        + "\"jane@example.com\",\"phone\":\"+44 20 7946 0958\",\"billing_email\":\"x\","
        + "\"note\":\"jane.doe@example.org\",\"contact\":\"(555) 123-4567\",\"color\":\"sage\","
        + "\"Full-Name\":\"Jane Doe\",\"ip\":\"10.0.0.1\"}"));
    assertEquals(1, r.signals().size());
    assertEquals(Attributes.of("category", "dress", "color", "sage"), r.signals().get(0).item());
  }

  @Test
  void messagesNeverQuotePersonalLookingText() {
    Read r = read("{\"event\":\"jane.doe@example.com\",\"userId\":\"u\",\"timestamp\":"
        + "\"2026-03-01T10:00:00Z\"}", "{\"event\":\"Product Viewed\",\"userId\":\"u\","
        + "\"timestamp\":\"+1 555 123 4567\"}");
    assertEquals(2, r.report().rejected());
    for (EventProblem p : r.report().problems()) {
      assertFalse(p.reason().contains("jane"), p.reason());
      assertFalse(p.reason().contains("555"), p.reason());
      assertTrue(p.reason().contains(PersonalData.WITHHELD), p.reason());
    }
  }

  @Test
  void segmentConsentIsHonoured() {
    String denied = "{\"event\":\"Product Viewed\",\"userId\":\"denied\",\"context\":{\"ip\":\"1.2.3.4\","
        + "\"consent\":{\"categoryPreferences\":{\"Advertising\":false,\"Analytics\":false,"
        + "\"Functional\":false}}},\"timestamp\":\"2026-03-01T10:00:00Z\",\"properties\":"
        + "{\"category\":\"x\"}}";
    String granted = denied.replace("\"denied\"", "\"u2\"").replace("false", "true");
    String noConsent = GOOD;
    Read r = read(denied, granted, noConsent);
    assertEquals(2, r.report().accepted());
    assertEquals(1, r.report().skipped());
    assertEquals(Set.of("u2", "u1"), Set.of(r.signals().get(0).consumer().value(),
        r.signals().get(1).consumer().value()));
    assertFalse(r.signals().stream().anyMatch(s -> s.consumer().value().equals("denied")));
    Read strict = read(EventReader.builder(ConsumerId::new)
            .consent(ConsentMapping.defaults().withRequireStated(true)),
        String.join("\n", denied, granted, noConsent).getBytes(StandardCharsets.UTF_8));
    assertEquals(1, strict.report().accepted());
    assertEquals("u2", strict.signals().get(0).consumer().value());
  }

  @Test
  void ga4ConsentIsHonoured() {
    String base = "{\"event_name\":\"view_item\",\"user_pseudo_id\":\"g\",\"event_timestamp\":"
        + "1772359200000000,\"items\":[{\"item_category\":\"x\"}]";
    Read r = read(base + ",\"consent\":{\"ad_user_data\":\"DENIED\",\"ad_personalization\":"
            + "\"GRANTED\"}}",
        base + ",\"privacy_info\":{\"analytics_storage\":\"No\"}}",
        base + ",\"privacy_info\":{\"analytics_storage\":\"Yes\",\"ads_storage\":\"No\"}}",
        base + "}");
    assertEquals(2, r.report().accepted(), r.report().toString());
    assertEquals(2, r.report().skipped());
  }
}
