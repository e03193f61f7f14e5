package io.c2m.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.Attributes;
import io.c2m.BatchId;
import io.c2m.ConsumerId;
import io.c2m.DesignId;
import io.c2m.OrderId;
import io.c2m.niche.Niche;
import io.c2m.niche.NicheInsight;
import io.c2m.niche.Trend;
import io.c2m.niche.TrendDirection;
import io.c2m.order.Order;
import io.c2m.production.CostBreakdown;
import io.c2m.production.ProductionBatch;
import io.c2m.signal.Signal;
import io.c2m.signal.SignalType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.RandomGenerator;

/**
 * Issue 11 part 7: fuzzing the JSON-lines reader and the Jackson module with jqwik generators
 * over mutated valid inputs (byte flips, hostile bytes such as ESC, NUL, overlong and surrogate
 * UTF-8 lead bytes, deleted and duplicated ranges, huge numbers, deep nesting). The only outcomes
 * allowed are the documented ones: the reader returns a report (never throws) whose reasons hold
 * no control character, and whose fast and Jackson paths agree; {@link C2mJson#fromJson} returns
 * a value or throws {@link IllegalArgumentException}. Each run is under a time limit, so a hang
 * fails.
 *
 * <p>{@value #DEFAULT_INPUTS} inputs per target in {@code mvn verify}; the longer run recorded in
 * docs/limits.md: {@code mvn -B -q -o -pl c2m-core -am test -Dtest=HostileInputFuzzProperties
 * -Dsurefire.failIfNoSpecifiedTests=false -Dc2m.fuzz.inputs=100000 -Dc2m.fuzz.seed=1}.
 */
class HostileInputFuzzProperties {
  static final int DEFAULT_INPUTS = 400;
  private static final int INPUTS = Integer.getInteger("c2m.fuzz.inputs", DEFAULT_INPUTS);
  private static final long SEED = Long.getLong("c2m.fuzz.seed", 42L);
  private static final Duration LIMIT = Duration.ofSeconds(
      Math.max(60, INPUTS / 100));

  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  private static final Attributes DRESS = Attributes.of("category", "dress", "color", "sage");

  private static final List<String> EVENT_LINES = List.of(
      "{\"type\":\"track\",\"event\":\"Product Viewed\",\"userId\":\"u1\",\"timestamp\":"
          + "\"2026-03-01T10:00:00.123Z\",\"properties\":{\"category\":\"dress\",\"color\":"
          + "\"sage\",\"price\":29.5,\"quantity\":1}}",
      "{\"event\":\"Order Completed\",\"anonymousId\":\"a\",\"timestamp\":\"2026-03-01T10:00:00"
          + "+01:00\",\"context\":{\"consent\":{\"categoryPreferences\":{\"Analytics\":true}}},"
          + "\"properties\":{\"products\":[{\"category\":\"shoe\",\"size\":38,\"price\":1e3},"
          + "{\"category\":\"hat\",\"filters\":[{\"type\":\"color\",\"value\":\"red\"}]}]}}",
      "{\"event_name\":\"purchase\",\"user_pseudo_id\":\"g1\",\"event_timestamp\":"
          + "1772359200000000,\"privacy_info\":{\"analytics_storage\":\"Yes\"},\"items\":"
          + "[{\"item_category\":\"dress\",\"item_params\":[{\"key\":\"color\",\"value\":"
          + "{\"string_value\":\"sage\"}}],\"quantity\":2,\"price\":10}]}",
      "{\"event_name\":\"search\",\"user_id\":\"x@y.com\",\"event_timestamp\":\"1772359200000000\","
          + "\"event_params\":[{\"key\":\"color\",\"value\":{\"string_value\":\"caf\u00e9\"}}]}",
      // Issue 13: a GA4 Measurement Protocol body and a Segment batch.
      "{\"client_id\":\"1.2\",\"user_id\":\"u@x.io\",\"timestamp_micros\":1772359200000000,"
          + "\"consent\":{\"ad_user_data\":\"GRANTED\"},\"events\":[{\"name\":\"view_item\","
          + "\"params\":{\"items\":[{\"item_category\":\"dress\",\"price\":9}]}},{\"name\":"
          + "\"purchase\",\"timestamp_micros\":\"1772359200000001\",\"params\":{\"items\":"
          + "[{\"item_category\":\"hat\"}]}}]}",
      "{\"batch\":[{\"type\":\"track\",\"event\":\"Product Added\",\"userId\":\"u1\","
          + "\"timestamp\":\"2026-03-01T10:00:00Z\",\"properties\":{\"color\":\"red\"}},"
          + "{\"type\":\"identify\",\"userId\":\"u1\"}],\"context\":{\"consent\":"
          + "{\"categoryPreferences\":{\"Analytics\":true}}}}");

  private static final List<String> RECORD_JSON = List.of(
      C2mJson.toJson(new Order(OrderId.of("o-1"), ConsumerId.of("c-1"), DesignId.of("d-1"), 3,
          29.5, T0, T0.plus(Duration.ofDays(21)))),
      C2mJson.toJson(new ProductionBatch(BatchId.of("b-1"), DesignId.of("d-1"), 0, 2, 60, 53,
          List.of(OrderId.of("o-1"), OrderId.of("o-2")), new CostBreakdown(120, 0, 510))),
      C2mJson.toJson(new Niche(Niche.idFor(DRESS), DRESS, 240, 31.5, 3.2,
          new Trend(TrendDirection.FADING, 0.6, 12.5))),
      C2mJson.toJson(new NicheInsight(Niche.idFor(DRESS), DRESS, 240, 10, 3.2, 31,
          TrendDirection.FADING, 0.6)),
      C2mJson.toJson(new Signal(ConsumerId.of("c-1"), SignalType.PURCHASE, T0, DRESS, "web",
          29.5)));

  /** Bytes that break parsers: controls, UTF-8 lead bytes of overlong and surrogate forms. */
  private static final byte[] HOSTILE = {0, 0x1b, 0x07, '\r', '\n', '"', '\\', '{', '}', '[',
      ']', ':', ',', '-', '.', 'e', '9', (byte) 0xC0, (byte) 0xC1, (byte) 0xE0, (byte) 0xED,
      (byte) 0xF4, (byte) 0xF5, (byte) 0xFF, (byte) 0x80, (byte) 0xBF};
  private static final String[] TOKENS = {"1e400", "-0", "99999999999999999999999",
      "1.7e308", "\\ud800", "\\u0000", "\\u001b", "\"+999999999-01-01T00:00:00Z\"",
      "\"1940-01-01T00:00:00Z\"", "[".repeat(200), "{\"a\":".repeat(100), "null", "true",
      "\"userId\":\"dup\",", "\"email\":\"a@b.co\",", "NaN", "\"" + "x".repeat(5000) + "\""};

  /** A mutation of one of the seeds: 1 to 6 edits. */
  static Arbitrary<byte[]> mutated(List<String> seeds) {
    Arbitrary<byte[]> seed = Arbitraries.of(seeds).map(s -> s.getBytes(StandardCharsets.UTF_8));
    Arbitrary<int[]> edit = Combinators.combine(Arbitraries.integers().between(0, 5),
        Arbitraries.integers().between(0, 1 << 20), Arbitraries.integers().between(0, 1 << 20),
        Arbitraries.integers().between(0, 255)).as((kind, a, b, c) -> new int[] {kind, a, b, c});
    return Combinators.combine(seed, edit.list().ofMinSize(1).ofMaxSize(6))
        .as(HostileInputFuzzProperties::apply);
  }

  private static byte[] apply(byte[] seed, List<int[]> edits) {
    byte[] s = seed;
    for (int[] e : edits) {
      int n = s.length;
      int at = n == 0 ? 0 : e[1] % n;
      ByteArrayOutputStream out = new ByteArrayOutputStream(n + 64);
      switch (e[0]) {
        case 0 -> { // flip a byte to a hostile one
          out.write(s, 0, at);
          out.write(HOSTILE[e[3] % HOSTILE.length]);
          out.write(s, Math.min(n, at + 1), n - Math.min(n, at + 1));
        }
        case 1 -> { // insert a hostile byte
          out.write(s, 0, at);
          out.write(HOSTILE[e[3] % HOSTILE.length]);
          out.write(s, at, n - at);
        }
        case 2 -> { // delete a range
          int len = Math.min(n - at, 1 + e[2] % 16);
          out.write(s, 0, at);
          out.write(s, at + len, n - at - len);
        }
        case 3 -> { // duplicate a range (duplicate keys, repeated objects)
          int len = Math.min(n - at, 1 + e[2] % 64);
          out.write(s, 0, at + len);
          out.write(s, at, n - at);
        }
        case 4 -> { // insert a hostile token
          out.write(s, 0, at);
          out.writeBytes(TOKENS[e[3] % TOKENS.length].getBytes(StandardCharsets.UTF_8));
          out.write(s, at, n - at);
        }
        default -> { // random byte
          out.write(s, 0, at);
          out.write(e[3]);
          out.write(s, Math.min(n, at + 1), n - Math.min(n, at + 1));
        }
      }
      s = out.toByteArray();
    }
    return s;
  }

  private static <T> List<T> samples(Arbitrary<T> arbitrary, long seed, int count) {
    RandomGenerator<T> g = arbitrary.generator(1000);
    Random random = new Random(seed);
    List<T> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(g.next(random).value());
    }
    return out;
  }

  private static final EventReader FAST = EventReader.builder(ConsumerId::new).build();
  private static final EventReader JACKSON =
      EventReader.builder(ConsumerId::new).fastPath(false).build();

  @Example
  void theEventReaderOnlyEverReportsAndBothPathsAgree() {
    // Generated on the jqwik thread, checked under the time limit (on another thread).
    int batch = 50;
    List<List<byte[]>> batches = new ArrayList<>();
    for (int done = 0; done < INPUTS; done += batch) {
      batches.add(samples(mutated(EVENT_LINES), SEED + done, Math.min(batch, INPUTS - done)));
    }
    assertTimeoutPreemptively(LIMIT, () -> {
      for (int k = 0; k < batches.size(); k++) {
        List<byte[]> lines = batches.get(k);
        int done = k * batch;
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        for (byte[] l : lines) {
          file.writeBytes(l);
          file.write('\n');
        }
        byte[] bytes = file.toByteArray();
        List<Signal> a = new ArrayList<>();
        List<Signal> b = new ArrayList<>();
        EventReport fast = FAST.read(new ByteArrayInputStream(bytes), a::add);
        EventReport slow = JACKSON.read(new ByteArrayInputStream(bytes), b::add);
        assertEquals(slow, fast, "seed " + (SEED + done));
        assertEquals(b, a);
        for (EventProblem p : fast.problems()) {
          for (char c : p.reason().toCharArray()) {
            assertTrue(c >= 0x20 || c == '\n', () -> "control character in " + p);
          }
          assertTrue(p.reason().indexOf('@') < 0, p::toString);
        }
      }
    });
  }

  /** Issue 13: a document read on its own only ever gives a report, whatever its bytes. */
  @Example
  void aMessageReadOnlyEverReports() {
    List<byte[]> docs = samples(mutated(EVENT_LINES), SEED + 7, INPUTS);
    assertTimeoutPreemptively(LIMIT, () -> {
      for (byte[] doc : docs) {
        EventReader.Result bytes = FAST.readMessage(doc);
        EventReader.Result chars = FAST.readMessage(new String(doc, StandardCharsets.UTF_8));
        for (EventReader.Result r : List.of(bytes, chars)) {
          assertTrue(r.report().read() >= 1);
          for (EventProblem p : r.report().problems()) {
            assertEquals(1, p.line());
            for (char c : p.reason().toCharArray()) {
              assertTrue(c >= 0x20 || c == '\n', () -> "control character in " + p);
            }
            assertTrue(p.reason().indexOf('@') < 0, p::toString);
          }
        }
      }
    });
  }

  @Example
  void theJacksonModuleOnlyEverReturnsOrThrowsIllegalArgument() {
    Class<?>[] types = {Order.class, ProductionBatch.class, Niche.class, NicheInsight.class,
        Signal.class};
    List<byte[]> inputs = samples(mutated(RECORD_JSON), SEED, INPUTS);
    assertTimeoutPreemptively(LIMIT, () -> {
      for (int i = 0; i < inputs.size(); i++) {
        String json = new String(inputs.get(i), StandardCharsets.UTF_8);
        Class<?> type = types[i % types.length];
        try {
          C2mJson.fromJson(json, type);
        } catch (IllegalArgumentException expected) {
          for (char c : String.valueOf(expected.getMessage()).toCharArray()) {
            assertTrue(c >= 0x20 || c == '\n', () -> "control character in "
                + expected.getMessage());
          }
        }
      }
    });
  }
}
