package io.c2m.testkit.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c2m.Attributes;
import io.c2m.ConsumerId;
import io.c2m.json.EventProblem;
import io.c2m.json.EventReader;
import io.c2m.json.EventReport;
import io.c2m.signal.Signal;
import io.c2m.signal.SignalType;
import io.c2m.testkit.DomainArbitraries;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The event reader never throws on bad input, reports every line once and keeps good lines. */
class EventReaderProperties {
  private static final EventReader READER = EventReader.trustingIds();
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A well-formed event line and the one signal it must give. */
  record Good(String line, Signal expected) {}

  // ---- generators ----

  @Provide
  Arbitrary<String> anyText() {
    return Arbitraries.strings().all().ofMaxLength(300);
  }

  @Provide
  Arbitrary<String> textWithoutSurrogates() {
    return Arbitraries.strings().withCharRange('\u0000', '\ud7ff')
        .withCharRange('\ue000', '\uffff').ofMaxLength(300);
  }

  /** Lines built from JSON fragments and event vocabulary, to reach deep into the parser. */
  @Provide
  Arbitrary<String> jsonishText() {
    Arbitrary<String> fragment = Arbitraries.of("{", "}", "[", "]", ":", ",", "\"event\"",
        "\"event_name\"", "\"type\"", "\"track\"", "\"userId\"", "\"anonymousId\"",
        "\"user_pseudo_id\"", "\"timestamp\"", "\"event_timestamp\"", "\"properties\"",
        "\"products\"", "\"items\"", "\"params\"", "\"event_params\"", "\"item_params\"",
        "\"filters\"", "\"key\"", "\"value\"", "\"string_value\"", "\"price\"", "\"rating\"",
        "\"category\"", "\"color\"", "\"Order Completed\"", "\"Product Viewed\"",
        "\"Product Reviewed\"", "\"purchase\"", "\"view_item\"", "\"search\"", "\"share\"",
        "\"refund\"", "\"2026-03-01T10:00:00Z\"", "1772359200000000", "1e400", "-1", "0", "12.5",
        "null", "true", "\"\"", " ", "\r", "\n", "\"u1\"", "\"\\u0000\"", "\"\\ud800\"");
    return fragment.list().ofMaxSize(40).map(l -> {
      StringBuilder sb = new StringBuilder();
      for (Object o : l) {
        sb.append(o);
      }
      return sb.toString();
    });
  }

  @Provide
  Arbitrary<List<Good>> goodLineLists() {
    return goodLines().list().ofMaxSize(12);
  }

  @Provide
  Arbitrary<List<String>> garbageLists() {
    return Arbitraries.oneOf(anyText(), jsonishText()).list().ofMaxSize(12);
  }

  @Provide
  Arbitrary<Good> goodLines() {
    return Arbitraries.oneOf(segmentLines(), ga4Lines());
  }

  private static Arbitrary<Attributes> productAttributes() {
    return Arbitraries.maps(Arbitraries.of("category", "brand", "color", "size", "material",
        "style", "fit", "pattern"), DomainArbitraries.attributeTexts()
        // values shaped like an e-mail or a phone number are dropped by the reader (privacy)
        .filter(v -> !io.c2m.privacy.PersonalData.looksPersonal(v))).ofMaxSize(5)
        .map(Attributes::of);
  }

  private static Arbitrary<Double> maybePrice() {
    return Arbitraries.oneOf(Arbitraries.just(Double.NaN), DomainArbitraries.finite(0, 1e5));
  }

  private static Arbitrary<Good> segmentLines() {
    Map<String, SignalType> events = Map.of(
        "Product Viewed", SignalType.VIEW,
        "Product Added", SignalType.CART_ADD,
        "Product Removed", SignalType.CART_REMOVE,
        "Product Added to Wishlist", SignalType.WISHLIST,
        "Product Shared", SignalType.SHARE,
        "Product Reviewed", SignalType.REVIEW,
        "Order Completed", SignalType.PURCHASE,
        "Order Refunded", SignalType.RETURN);
    return Combinators.combine(Arbitraries.of(events.keySet()), DomainArbitraries.nonBlankText(),
        Arbitraries.of(true, false), DomainArbitraries.instants(), productAttributes(),
        maybePrice()).as((event, user, anonymous, at, attrs, value) -> {
          SignalType type = events.get(event);
          ObjectNode line = JSON.createObjectNode();
          line.put("type", "track").put("event", event)
              .put(anonymous ? "anonymousId" : "userId", user).put("timestamp", at.toString());
          ObjectNode props = line.putObject("properties");
          ObjectNode product = props;
          if (type == SignalType.PURCHASE || type == SignalType.RETURN) {
            props.put("order_id", "o-1").put("currency", "EUR");
            product = props.putArray("products").addObject();
          }
          product.put("product_id", "p-1").put("name", "Some product").put("quantity", 2);
          attrs.values().forEach(product::put);
          if (!Double.isNaN(value)) {
            product.put(type == SignalType.REVIEW ? "rating" : "price", value);
          }
          return new Good(line.toString(), new Signal(new ConsumerId(user), type, at, attrs,
              "segment", value));
        });
  }

  private static Arbitrary<Good> ga4Lines() {
    Map<String, SignalType> events = Map.of(
        "view_item", SignalType.VIEW,
        "add_to_cart", SignalType.CART_ADD,
        "remove_from_cart", SignalType.CART_REMOVE,
        "add_to_wishlist", SignalType.WISHLIST,
        "share", SignalType.SHARE,
        "purchase", SignalType.PURCHASE,
        "refund", SignalType.RETURN);
    return Combinators.combine(Arbitraries.of(events.keySet()), DomainArbitraries.nonBlankText(),
        Arbitraries.of(true, false), DomainArbitraries.instants(), productAttributes(),
        maybePrice()).as((event, user, exportForm, instant, attrs, value) -> {
          Instant at = instant.truncatedTo(ChronoUnit.MICROS);
          long micros = at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000;
          ObjectNode line = JSON.createObjectNode();
          line.put("event_name", event).put("user_pseudo_id", user);
          if (exportForm) {
            line.put("event_timestamp", micros);
          } else {
            line.put("event_timestamp", Long.toString(micros));
          }
          ObjectNode item = line.putArray("items").addObject();
          item.put("item_id", "SKU-1").put("item_name", "Some product").put("quantity", 1);
          ArrayNode itemParams = exportForm ? item.putArray("item_params") : null;
          attrs.values().forEach((k, v) -> {
            switch (k) {
              case "category" -> item.put("item_category", v);
              case "brand" -> item.put("item_brand", v);
              default -> {
                if (itemParams != null) {
                  ObjectNode p = itemParams.addObject();
                  p.put("key", k);
                  p.putObject("value").put("string_value", v);
                } else {
                  item.put(k, v);
                }
              }
            }
          });
          if (!Double.isNaN(value)) {
            item.put("price", value);
          }
          return new Good(line.toString(), new Signal(new ConsumerId(user), events.get(event), at,
              attrs, "ga4", value));
        });
  }

  // ---- properties ----

  private static long lineCount(String text) {
    long n = text.chars().filter(c -> c == '\n').count();
    return text.isEmpty() || text.endsWith("\n") ? n : n + 1;
  }

  private static void assertConsistent(String text, EventReport r, List<EventProblem> seen) {
    assertEquals(lineCount(text), r.read(), "every line is read once");
    assertEquals(r.read(), r.accepted() + r.skipped() + r.rejected());
    assertEquals(r.rejected(), r.problems().size());
    assertEquals(r.problems(), seen, "the listener sees the same problems");
    long previous = 0;
    for (EventProblem p : r.problems()) {
      assertTrue(p.line() > previous && p.line() <= r.read(), p.toString());
      previous = p.line();
    }
  }

  @Property(tries = 300)
  void neverThrowsOnArbitraryTextAndCountsEveryLine(
      @ForAll("anyText") String a, @ForAll("anyText") String b, @ForAll("anyText") String c) {
    String text = a + "\n" + b + "\r\n" + c;
    List<EventProblem> seen = new ArrayList<>();
    EventReport r = READER.read(new StringReader(text), s -> { }, seen::add);
    assertConsistent(text, r, seen);
  }

  @Property(tries = 300)
  void neverThrowsOnJsonishText(@ForAll("jsonishText") String text) {
    List<EventProblem> seen = new ArrayList<>();
    EventReport r = READER.read(new StringReader(text), s -> { }, seen::add);
    assertConsistent(text, r, seen);
  }

  @Property(tries = 200)
  void bytesAndCharactersGiveTheSameReport(@ForAll("textWithoutSurrogates") String a,
      @ForAll("jsonishText") String b) {
    String text = a + "\n" + b;
    List<Signal> fromChars = new ArrayList<>();
    List<Signal> fromBytes = new ArrayList<>();
    EventReport chars = READER.read(new StringReader(text), fromChars::add);
    EventReport bytes = READER.read(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), fromBytes::add);
    // Reasons may differ in wording and column (bytes against chars); the outcome may not.
    assertEquals(chars.read(), bytes.read());
    assertEquals(chars.accepted(), bytes.accepted());
    assertEquals(chars.skipped(), bytes.skipped());
    assertEquals(chars.rejected(), bytes.rejected());
    assertEquals(outcomes(chars), outcomes(bytes));
    assertEquals(fromChars, fromBytes);
  }

  private static List<String> outcomes(EventReport r) {
    return r.problems().stream().map(p -> p.line() + ":" + p.kind()).toList();
  }

  @Property(tries = 300)
  void aGoodLineGivesExactlyItsSignal(@ForAll("goodLines") Good good) {
    EventReader.Result r = READER.readAll(new StringReader(good.line()));
    assertEquals(List.of(), r.report().problems(), good.line());
    assertEquals(List.of(good.expected()), r.signals(), good.line());
  }

  @Property(tries = 100)
  void cachingIdsAndAttributesChangesNothing(@ForAll("goodLineLists") List<Good> goods,
      @ForAll("goodLineLists") List<Good> more) {
    List<String> lines = new ArrayList<>();
    goods.forEach(g -> lines.add(g.line()));
    more.forEach(g -> lines.add(g.line()));
    goods.forEach(g -> lines.add(g.line())); // repeats hit the caches
    String text = String.join("\n", lines);
    EventReader cached = EventReader.builder(raw -> new ConsumerId("p-" + raw)).build();
    EventReader uncached =
        EventReader.builder(raw -> new ConsumerId("p-" + raw)).idCacheSize(0).build();
    EventReader.Result a = cached.readAll(new StringReader(text));
    EventReader.Result b = uncached.readAll(new StringReader(text));
    assertEquals(b, a);
    assertEquals(lines.size(), a.signals().size());
  }

  @Property(tries = 100)
  void aParallelReadEqualsASequentialOne(@ForAll("goodLineLists") List<Good> goods,
      @ForAll("garbageLists") List<String> garbage,
      @ForAll @IntRange(min = 1, max = 6) int partitions) throws IOException {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < Math.max(goods.size(), garbage.size()); i++) {
      if (i < goods.size()) {
        lines.add(goods.get(i).line());
      }
      if (i < garbage.size()) {
        lines.add(garbage.get(i));
      }
    }
    Path file = Files.createTempFile("c2m-events", ".jsonl");
    try {
      Files.write(file, String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
      List<Signal> sequential = new ArrayList<>();
      EventReport expected = READER.read(file, sequential::add);
      List<List<Signal>> parts = new ArrayList<>();
      for (int i = 0; i < partitions; i++) {
        parts.add(new ArrayList<>());
      }
      EventReport actual = READER.readParallel(file, partitions, i -> parts.get(i)::add);
      assertEquals(expected, actual);
      List<Signal> concatenated = new ArrayList<>();
      parts.forEach(concatenated::addAll);
      assertEquals(sequential, concatenated);
    } finally {
      Files.delete(file);
    }
  }

  @Property(tries = 100)
  void goodLinesAreKeptAmongBadOnes(@ForAll("goodLineLists") List<Good> goods,
      @ForAll("garbageLists") List<String> garbage, @ForAll long seed) {
    java.util.Random random = new java.util.Random(seed);
    List<String> lines = new ArrayList<>();
    List<Signal> expected = new ArrayList<>();
    int g = 0;
    int b = 0;
    while (g < goods.size() || b < garbage.size()) {
      boolean takeGood = b >= garbage.size() || (g < goods.size() && random.nextBoolean());
      if (takeGood) {
        lines.add(goods.get(g).line());
        expected.add(goods.get(g++).expected());
      } else {
        // A garbage line stays one line: no newline inside, and never a JSON object.
        lines.add("#" + garbage.get(b++).replace('\n', ' ').replace('\r', ' '));
      }
    }
    String text = String.join("\n", lines);
    List<EventProblem> seen = new ArrayList<>();
    List<Signal> signals = new ArrayList<>();
    EventReport r = READER.read(new StringReader(text), signals::add, seen::add);
    assertEquals(expected, signals);
    assertEquals(goods.size(), r.accepted());
    assertEquals(garbage.size(), r.rejected());
    assertConsistent(text, r, seen);
  }
}
