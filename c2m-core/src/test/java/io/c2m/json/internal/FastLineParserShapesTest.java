package io.c2m.json.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which lines {@link FastLineParser} takes itself and which it hands to Jackson; that both paths
 * read the same is {@code io.c2m.json.FastLineParserProperties}.
 */
class FastLineParserShapesTest {
  @Test
  void theFastPathTakesTheCommonShapes() {
    RawEvent e = new RawEvent();
    FastLineParser p = new FastLineParser();
    for (String line : List.of(
        "{\"type\":\"track\",\"event\":\"Product Viewed\",\"userId\":\"c1\",\"timestamp\":"
            + "\"2026-01-25T15:38:04.674Z\",\"properties\":{\"category\":\"dress\","
            + "\"color\":\"sage\",\"price\":12.5}}",
        "{\"event_name\":\"add_to_cart\",\"user_pseudo_id\":\"u1\",\"event_timestamp\":"
            + "1772359200000000,\"event_params\":[{\"key\":\"page_location\",\"value\":"
            + "{\"string_value\":\"https://shop.example/\"}}],\"items\":[{\"item_id\":\"SKU1\","
            + "\"item_category\":\"dress\",\"price\":10.0,\"quantity\":1}]}")) {
      byte[] b = line.getBytes(StandardCharsets.UTF_8);
      assertTrue(p.parse(b, 0, b.length, e), line);
    }
    // Non-ASCII, escapes, exponents and syntax errors go to Jackson.
    for (String line : List.of("{\"event\":\"caf\u00e9\"}", "{\"event\":\"a\\\"b\"}",
        "{\"price\":1e3}", "{\"event\":\"x\"", "{\"event\":\"x\"} {}", "[1]", "{\"a\":01}")) {
      byte[] b = line.getBytes(StandardCharsets.UTF_8);
      assertFalse(p.parse(b, 0, b.length, e), line);
    }
  }
}
