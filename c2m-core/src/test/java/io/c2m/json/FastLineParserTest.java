package io.c2m.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.c2m.ConsumerId;
import io.c2m.signal.Signal;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Inputs a review found where the byte fast path and the Jackson path could disagree. */
class FastLineParserTest {
  private static final EventReader FAST = EventReader.builder(ConsumerId::new).build();
  private static final EventReader JACKSON =
      EventReader.builder(ConsumerId::new).fastPath(false).build();

  private record Outcome(List<Signal> signals, EventReport report) {}

  private static Outcome read(EventReader reader, String lines) {
    List<Signal> out = new ArrayList<>();
    EventReport report = reader.read(
        new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)), out::add);
    return new Outcome(out, report);
  }

  private static String nestedProducts(int depth) {
    StringBuilder sb = new StringBuilder("{\"type\":\"track\",\"event\":\"Product Viewed\","
        + "\"userId\":\"u1\",\"timestamp\":\"2026-03-01T10:00:00Z\","
        + "\"properties\":{\"category\":\"a\"");
    sb.append(",\"products\":[{\"category\":\"a\"".repeat(depth));
    sb.append("}]".repeat(depth));
    return sb.append("}}").toString();
  }

  private static final String GOOD = "{\"type\":\"track\",\"event\":\"Product Viewed\","
      + "\"userId\":\"u2\",\"timestamp\":\"2026-03-01T10:00:00Z\","
      + "\"properties\":{\"category\":\"shoes\",\"color\":\"red\"}}";

  @ParameterizedTest
  @ValueSource(ints = {3, 40, 600, 5000})
  void deeplyNestedProductsReadAsJacksonReadsThemAndNeverEndTheRead(int depth) {
    String lines = nestedProducts(depth) + "\n" + GOOD + "\n";
    Outcome fast = read(FAST, lines);
    Outcome jackson = read(JACKSON, lines);
    assertEquals(jackson.report(), fast.report());
    assertEquals(jackson.signals(), fast.signals());
    // The good line after the hostile one is kept either way.
    assertEquals(2, fast.report().read());
    assertEquals(true, fast.signals().stream()
        .anyMatch(s -> s.consumer().value().equals("u2")));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"params\":{\"color\":\"red\"},\"event_params\":null}",
      "{\"event_params\":null,\"params\":{\"color\":\"red\"}}"})
  void aNullEventParamsDropsNoParams(String params) {
    String line = "{\"event_name\":\"share\",\"user_id\":\"u3\","
        + "\"event_timestamp\":1772359200000000," + params.substring(1, params.length() - 1)
        + "}";
    Outcome fast = read(FAST, line + "\n");
    Outcome jackson = read(JACKSON, line + "\n");
    assertEquals(jackson.signals(), fast.signals());
    assertEquals(1, fast.signals().size(), () -> fast.report().toString());
    assertEquals("red", fast.signals().get(0).item().get("color").orElseThrow());
  }
}
