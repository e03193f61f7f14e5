package io.c2m.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.c2m.ConsumerId;
import io.c2m.signal.Signal;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The byte fast path ({@code io.c2m.json.internal.FastLineParser}) changes speed, never results: reading bytes with it
 * gives the same signals and the same report (counts, line numbers, kinds, reasons) as reading
 * them with Jackson alone, for well-formed lines of every shape the reader knows, for lines with
 * the values that the fast path hands to Jackson (non-ASCII, escapes, exponents, long numbers),
 * and for those lines mutated into every kind of malformed JSON.
 */
class FastLineParserProperties {
  private static final EventReader FAST = EventReader.builder(ConsumerId::new).build();
  private static final EventReader JACKSON =
      EventReader.builder(ConsumerId::new).fastPath(false).build();

  private static final String[] EVENTS = {"Product Viewed", "Order Completed", "Order Refunded",
      "Product Reviewed", "Products Searched", "Product Added", "product viewed", "Cart Viewed",
      "Made Up", "", "view_item", "purchase", "refund", "search", "share", "add_to_cart",
      "page_view", "nope"};
  private static final String[] VALUES = {"\"red\"", "\"sage\"", "\"M\"", "38", "-0", "0",
      "12.50", "-5", "true", "\"\"", "123456789012345678", "null", "\"caf\u00e9\"",
      "\"  \"", "\"a\\\"b\"", "\"\\u00e9t\u00e9\"", "\"x\\ny\"", "1e3", "1E-2",
      "12345678901234567890", "false", "{}", "{\"a\":[1,{\"b\":null}]}", "[]",
      "[1,\"x\",[true]]", "\"a=b\""};
  private static final String[] KEYS = {"category", "color", "size", "price", "rating",
      "brand", "material", "variant", "style", "Color", " size ", "item_category", "item_brand",
      "product_id", "name", "quantity", "a=b", "", "x"};
  private static final String[] TIMES = {"\"2026-03-01T10:00:00Z\"",
      "\"2026-03-01T10:00:00.123Z\"", "\"2026-03-01T10:00:00.1234567891Z\"",
      "\"2026-03-01T10:00:00+01:00\"", "\"2026-02-30T10:00:00Z\"", "\"2026-03-01t10:00:00z\"",
      "\"2026-03-01T10:00Z\"", "\"yesterday\"", "1772359200", "null", "\"\""};
  private static final String[] MICROS = {"1772359200000000", "\"1772359200000000\"",
      "-1", "1e400", "1772359200000000.5", "99999999999999999999", "\"abc\"", "null"};
  private static final char[] NOISE = {'"', '{', '}', '[', ']', ',', ':', ' ', '\\', 'x', '1',
      '.', '-', 'e', '\t', '\u0001', '\u00e9', 'n'};

  @Property(tries = 300)
  void fastAndJacksonReadTheSame(@ForAll("lineLists") List<String> lines) {
    assertSameReads(String.join("\n", lines));
  }

  @Property(tries = 200)
  void fastAndJacksonReadTheSameFromFragments(@ForAll("fragments") String text) {
    assertSameReads(text);
  }

  private static void assertSameReads(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    List<Signal> fast = new ArrayList<>();
    List<Signal> slow = new ArrayList<>();
    EventReport fastReport = FAST.read(new ByteArrayInputStream(bytes), fast::add);
    EventReport slowReport = JACKSON.read(new ByteArrayInputStream(bytes), slow::add);
    assertEquals(slowReport, fastReport, text);
    assertEquals(slow, fast, text);
    Statistics.label("lines with signals").collect(fastReport.accepted() > 0);
    Statistics.label("lines rejected").collect(fastReport.rejected() > 0);
  }

  @Provide
  Arbitrary<List<String>> lineLists() {
    return Arbitraries.longs().list().ofMinSize(1).ofMaxSize(12).map(seeds -> {
      List<String> lines = new ArrayList<>();
      for (long seed : seeds) {
        Random r = new Random(seed);
        String line = r.nextBoolean() ? segment(r) : ga4(r);
        if (r.nextInt(5) == 0) {
          line = mutate(line, r);
        }
        lines.add(line);
      }
      return lines;
    });
  }

  @Provide
  Arbitrary<String> fragments() {
    return Arbitraries.of("{", "}", "[", "]", ":", ",", "\"event\"", "\"event_name\"",
        "\"type\"", "\"track\"", "\"userId\"", "\"user_pseudo_id\"", "\"timestamp\"",
        "\"event_timestamp\"", "\"properties\"", "\"products\"", "\"items\"", "\"params\"",
        "\"event_params\"", "\"item_params\"", "\"filters\"", "\"key\"", "\"value\"",
        "\"string_value\"", "\"price\"", "\"category\"", "\"Order Completed\"",
        "\"Product Viewed\"", "\"purchase\"", "\"search\"", "\"2026-03-01T10:00:00Z\"",
        "1772359200000000", "1e400", "-1", "0", "12.5", "null", "true", "\"\"", " ", "\n",
        "\"u1\"", "\"\\u0000\"", "\"\u00e9\"")
        .list().ofMaxSize(40).map(l -> String.join("", l));
  }

  private static String pick(String[] a, Random r) {
    return a[r.nextInt(a.length)];
  }

  /** Mostly one of the first {@code good} entries (lines that give signals), else any. */
  private static String mostly(String[] a, int good, Random r) {
    return r.nextInt(5) > 0 ? a[r.nextInt(good)] : pick(a, r);
  }

  private static String product(Random r) {
    StringBuilder sb = new StringBuilder("{");
    int n = r.nextInt(6);
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append('"').append(mostly(KEYS, 7, r)).append("\":").append(mostly(VALUES, 13, r));
    }
    if (r.nextInt(4) == 0) {
      sb.append(n > 0 ? "," : "").append("\"filters\":[{\"type\":\"color\",\"value\":")
          .append(pick(VALUES, r)).append("},").append(pick(VALUES, r)).append(']');
      n++;
    }
    if (r.nextInt(4) == 0) {
      sb.append(n > 0 ? "," : "").append("\"item_params\":[{\"key\":\"")
          .append(pick(KEYS, r)).append("\",\"value\":{\"string_value\":")
          .append(pick(VALUES, r)).append(",\"int_value\":null}}]");
    }
    return sb.append('}').toString();
  }

  private static String products(Random r) {
    if (r.nextInt(8) == 0) {
      return pick(VALUES, r);
    }
    StringBuilder sb = new StringBuilder("[");
    int n = r.nextInt(4);
    for (int i = 0; i < n; i++) {
      sb.append(i > 0 ? "," : "").append(r.nextInt(10) == 0 ? pick(VALUES, r) : product(r));
    }
    return sb.append(']').toString();
  }

  static String segment(Random r) {
    StringBuilder sb = new StringBuilder("{");
    if (r.nextInt(5) > 0) {
      sb.append("\"type\":").append(r.nextInt(6) > 0 ? "\"track\"" : "\"identify\"").append(',');
    }
    sb.append("\"event\":\"").append(mostly(EVENTS, 6, r)).append("\",");
    sb.append(r.nextBoolean() ? "\"userId\":" : "\"anonymousId\":")
        .append(r.nextInt(6) > 0 ? "\"u" + r.nextInt(5) + "\"" : pick(VALUES, r)).append(',');
    sb.append("\"timestamp\":").append(mostly(TIMES, 4, r)).append(',');
    String product = product(r);
    if (r.nextBoolean()) {
      String inner = product.length() > 2 ? product.substring(1, product.length() - 1) + ","
          : "";
      product = "{" + inner + "\"products\":" + products(r) + "}";
    }
    sb.append("\"properties\":").append(r.nextInt(12) > 0 ? product : pick(VALUES, r));
    if (r.nextInt(4) == 0) {
      sb.append(",\"context\":{\"ip\":\"1.2.3.4\",\"n\":[1,2,{\"x\":null}]}");
    }
    return sb.append('}').toString();
  }

  static String ga4(Random r) {
    StringBuilder sb = new StringBuilder("{\"event_name\":\"")
        .append(r.nextInt(5) > 0 ? EVENTS[10 + r.nextInt(6)] : pick(EVENTS, r))
        .append("\",");
    sb.append(r.nextBoolean() ? "\"user_id\":" : "\"user_pseudo_id\":")
        .append(r.nextInt(6) > 0 ? "\"p" + r.nextInt(5) + "\"" : pick(VALUES, r)).append(',');
    sb.append("\"event_timestamp\":").append(mostly(MICROS, 2, r));
    switch (r.nextInt(4)) {
      case 0 -> sb.append(",\"event_params\":[{\"key\":\"color\",\"value\":{\"string_value\":")
          .append(pick(VALUES, r)).append("}},{\"key\":\"page_location\",\"value\":")
          .append("{\"string_value\":\"https://x/\"}}]");
      case 1 -> sb.append(",\"params\":").append(product(r));
      case 2 -> sb.append(",\"event_params\":").append(product(r)).append(",\"params\":")
          .append(product(r));
      default -> { }
    }
    if (r.nextInt(5) > 0) {
      sb.append(",\"items\":").append(products(r));
    }
    return sb.append('}').toString();
  }

  static String mutate(String line, Random r) {
    StringBuilder sb = new StringBuilder(line);
    int edits = 1 + r.nextInt(2);
    for (int k = 0; k < edits && sb.length() > 0; k++) {
      int at = r.nextInt(sb.length());
      switch (r.nextInt(3)) {
        case 0 -> sb.deleteCharAt(at);
        case 1 -> sb.insert(at, NOISE[r.nextInt(NOISE.length)]);
        default -> sb.setCharAt(at, NOISE[r.nextInt(NOISE.length)]);
      }
    }
    return sb.toString();
  }
}
