package io.c2m.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.c2m.ConsumerId;
import io.c2m.signal.Signal;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Envelopes (issue 13): an element reads the same inside a batch, alone as a message and as a
 * line of a file; the per-message read equals the bulk read of the same events; the good records
 * are kept, with the same signals, whatever bad ones surround them, and each bad one is reported
 * at its index.
 */
class EnvelopeProperties {
  private static final EventReader FAST = EventReader.builder(ConsumerId::new).build();
  private static final EventReader JACKSON =
      EventReader.builder(ConsumerId::new).fastPath(false).build();
  private static final long MICROS = 1_772_359_200_000_000L;

  /** One element of an envelope, and whether it is good (gives signals or is skipped). */
  record Element(String json, boolean good) {}

  // ---- Segment

  @Provide
  Arbitrary<Element> segmentElements() {
    Arbitrary<String> user = Arbitraries.of("\"userId\":\"u1\"", "\"userId\":\"u2\"",
        "\"anonymousId\":\"a1\"", "\"userId\":7");
    Arbitrary<String> props = Combinators.combine(Arbitraries.of("dress", "shirt", "hat"),
        Arbitraries.of("sage", "red", "navy"), Arbitraries.integers().between(0, 500))
        .as((c, col, p) -> "{\"category\":\"" + c + "\",\"color\":\"" + col + "\",\"price\":"
            + p + "}");
    Arbitrary<Integer> second = Arbitraries.integers().between(0, 59);
    Arbitrary<Element> track = Combinators.combine(Arbitraries.of("Product Viewed",
        "Product Added", "Product Added to Wishlist", "Product Shared", "Cart Viewed"), user,
        second, props).as((e, u, s, p) -> new Element("{\"type\":\"track\",\"event\":\"" + e
            + "\"," + u + ",\"timestamp\":\"2026-03-01T10:00:" + (s < 10 ? "0" : "") + s
            + "Z\",\"properties\":" + p + "}", true));
    Arbitrary<Element> order = Combinators.combine(user, props, props).as((u, a, b) ->
        new Element("{\"type\":\"track\",\"event\":\"Order Completed\"," + u
            + ",\"timestamp\":\"2026-03-01T11:00:00.5Z\",\"properties\":{\"products\":[" + a
            + "," + b + "]}}", true));
    Arbitrary<Element> calls = Arbitraries.of(
        new Element("{\"type\":\"identify\",\"userId\":\"u1\",\"traits\":{\"plan\":\"x\"}}",
            true),
        new Element("{\"type\":\"page\",\"anonymousId\":\"a1\",\"name\":\"Home\"}", true));
    Arbitrary<Element> bad = Arbitraries.of(
        "\"Product Viewed\"", "7", "null", "[]", "[{\"event\":\"Product Viewed\"}]",
        "{\"type\":\"track\",\"event\":\"Teleported\",\"userId\":\"u\","
            + "\"timestamp\":\"2026-03-01T10:00:00Z\"}",
        "{\"type\":\"track\",\"event\":\"Product Viewed\",\"timestamp\":\"2026-03-01T10:00:00Z\"}",
        "{\"event\":\"Product Viewed\",\"userId\":\"u\",\"timestamp\":\"soon\"}",
        "{\"event\":\"Product Viewed\",\"userId\":\"u\",\"timestamp\":\"2026-03-01T10:00:00Z\","
            + "\"properties\":{\"price\":\"12\"}}",
        "{\"event\":\"Product Viewed\",\"event\":\"Product Added\",\"userId\":\"u\"}",
        "{\"type\":\"alias\",\"type\":\"track\"}",
        "{\"batch\":[]}", "{\"events\":[{\"name\":\"view_item\"}]}",
        "{\"event\":\"Product Viewed\",\"userId\":\"u\",\"timestamp\":\"2026-03-01T10:00:00Z\","
            + "\"properties\":{\"price\":1e400}}")
        .map(j -> new Element(j, false));
    return Arbitraries.oneOf(List.of(track, track, track, order, calls, bad, bad));
  }

  private static String batch(List<Element> elements) {
    return "{\"context\":{\"library\":{\"name\":\"x\"}},\"batch\":["
        + String.join(",", elements.stream().map(Element::json).toList())
        + "],\"sentAt\":\"2026-03-01T12:00:00Z\"}";
  }

  /** Lines whose problems stay on their own line: an element is written as a line. */
  private static String lines(List<Element> elements) {
    return String.join("\n", elements.stream().map(Element::json).toList());
  }

  @Property(tries = 60)
  void aSegmentBatchReadsAsItsMessagesReadAsLines(
      @ForAll("segmentBatches") List<Element> elements) {
    // Elements that can be lines: objects (a line that is not one is MALFORMED_JSON, an element
    // that is not one WRONG_TYPE) and no envelopes (a line may be one, an element may not).
    elements = elements.stream().filter(e -> e.json().startsWith("{")
        && !e.json().contains("\"batch\"") && !e.json().contains("\"events\"")).toList();
    if (elements.isEmpty()) {
      return;
    }
    String batch = batch(elements);
    EventReader.Result asLines = FAST.readAll(new StringReader(lines(elements)));
    for (EventReader reader : List.of(FAST, JACKSON)) {
      for (EventReader.Result r : List.of(reader.readMessage(batch),
          reader.readMessage(batch.getBytes(StandardCharsets.UTF_8)), bytes(reader, batch))) {
        assertEquals(asLines.signals(), r.signals());
        EventReport a = asLines.report();
        EventReport b = r.report();
        assertEquals(List.of(a.read(), a.accepted(), a.skipped(), a.rejected(), a.signals()),
            List.of(b.read(), b.accepted(), b.skipped(), b.rejected(), b.signals()));
        assertEquals(a.problems().stream().map(p -> (p.line() - 1) + " " + p.kind()).toList(),
            b.problems().stream().map(p -> p.index() + " " + p.kind()).toList());
      }
    }
  }

  @Provide
  Arbitrary<List<Element>> segmentBatches() {
    return segmentElements().list().ofMinSize(1).ofMaxSize(12);
  }

  // ---- GA4

  @Provide
  Arbitrary<Element> ga4Elements() {
    Arbitrary<String> item = Combinators.combine(Arbitraries.of("Dress", "Shirt", "Hat"),
        Arbitraries.of("Acme", "Brio"), Arbitraries.integers().between(0, 300))
        .as((c, b, p) -> "{\"item_id\":\"SKU_" + p + "\",\"item_category\":\"" + c
            + "\",\"item_brand\":\"" + b + "\",\"price\":" + p + ",\"quantity\":1}");
    Arbitrary<String> time = Arbitraries.of("", ",\"timestamp_micros\":" + (MICROS + 1_000_000),
        ",\"timestamp_micros\":\"" + (MICROS + 2_000_000) + "\"");
    Arbitrary<Element> withItems = Combinators.combine(Arbitraries.of("view_item",
        "add_to_cart", "remove_from_cart", "add_to_wishlist", "purchase", "share", "refund"),
        item.list().ofMinSize(1).ofMaxSize(3), time).as((n, items, t) -> new Element(
            "{\"name\":\"" + n + "\"" + t + ",\"params\":{\"currency\":\"EUR\",\"items\":["
                + String.join(",", items) + "]}}", true));
    Arbitrary<Element> other = Arbitraries.of(
        new Element("{\"name\":\"search\",\"params\":{\"search_term\":\"linen\","
            + "\"item_category\":\"dress\"}}", true),
        new Element("{\"name\":\"page_view\",\"params\":{\"page_location\":\"/\"}}", true),
        new Element("{\"name\":\"select_item\",\"params\":{\"items\":[{\"item_id\":\"x\"}]}}",
            true));
    Arbitrary<Element> bad = Arbitraries.of(
        "\"view_item\"", "1", "null", "{}", "{\"name\":\"teleport\"}",
        "{\"name\":\"view_item\",\"params\":{}}",
        "{\"name\":\"view_item\",\"params\":{\"items\":[{\"price\":\"9\"}]}}",
        "{\"name\":\"view_item\",\"params\":{\"items\":[{\"price\":-1}]}}",
        "{\"name\":\"view_item\",\"name\":\"purchase\"}",
        "{\"name\":\"view_item\",\"timestamp_micros\":-5,\"params\":{\"items\":[{}]}}",
        "{\"name\":7}", "{\"events\":[]}")
        .map(j -> new Element(j, false));
    return Arbitraries.oneOf(List.of(withItems, withItems, withItems, other, bad, bad));
  }

  private static String ga4Body(String user, List<Element> elements) {
    return "{\"client_id\":\"123.456\"," + user + "\"timestamp_micros\":" + MICROS
        + ",\"user_data\":{\"sha256_email_address\":[\"x\"]},\"events\":["
        + String.join(",", elements.stream().map(Element::json).toList()) + "]}";
  }

  @Property(tries = 60)
  void goodRecordsAreKeptWhateverBadOnesSurroundThem(
      @ForAll("ga4Lists") List<Element> elements,
      @ForAll("segmentBatches") List<Element> messages) {
    List<Element> good = elements.stream().filter(Element::good).toList();
    if (!good.isEmpty()) {
      EventReader.Result all = FAST.readMessage(ga4Body("", elements));
      EventReader.Result onlyGood = FAST.readMessage(ga4Body("", good));
      assertEquals(onlyGood.signals(), all.signals());
      assertEquals(elements.size(), all.report().read());
      assertEquals(badIndices(elements),
          all.report().problems().stream().map(EventProblem::index).toList());
    }
    List<Element> goodMessages = messages.stream().filter(Element::good).toList();
    if (!goodMessages.isEmpty()) {
      EventReader.Result all = FAST.readMessage(batch(messages));
      assertEquals(FAST.readMessage(batch(goodMessages)).signals(), all.signals());
      assertEquals(badIndices(messages),
          all.report().problems().stream().map(EventProblem::index).toList());
    }
  }

  private static List<Integer> badIndices(List<Element> elements) {
    return IntStream.range(0, elements.size()).filter(i -> !elements.get(i).good()).boxed()
        .toList();
  }

  @Provide
  Arbitrary<List<Element>> ga4Lists() {
    return ga4Elements().list().ofMinSize(1).ofMaxSize(25);
  }

  @Property(tries = 40)
  void aFileOfEnvelopesReadsAsItsMessagesOneByOne(
      @ForAll("ga4Lists") List<Element> a, @ForAll("segmentBatches") List<Element> b,
      @ForAll("ga4Lists") List<Element> c) {
    List<String> documents = List.of(ga4Body("\"user_id\":\"u9\",", a), batch(b),
        ga4Body("", c), "{\"event\":\"Product Viewed\",\"userId\":\"u\","
            + "\"timestamp\":\"2026-03-01T10:00:00Z\"}");
    List<Signal> signals = new ArrayList<>();
    List<String> places = new ArrayList<>();
    long read = 0;
    for (int k = 0; k < documents.size(); k++) {
      EventReader.Result r = FAST.readMessage(documents.get(k));
      signals.addAll(r.signals());
      read += r.report().read();
      for (EventProblem p : r.report().problems()) {
        places.add((k + 1) + "/" + p.index() + " " + p.kind() + " " + p.reason());
      }
    }
    for (EventReader reader : List.of(FAST, JACKSON)) {
      EventReader.Result file = bytes(reader, String.join("\n", documents));
      assertEquals(signals, file.signals());
      assertEquals(read, file.report().read());
      assertEquals(places, file.report().problems().stream()
          .map(p -> p.line() + "/" + p.index() + " " + p.kind() + " " + p.reason()).toList());
    }
  }

  private static EventReader.Result bytes(EventReader reader, String text) {
    List<Signal> out = new ArrayList<>();
    EventReport report = reader.read(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), out::add);
    return new EventReader.Result(out, report);
  }
}
