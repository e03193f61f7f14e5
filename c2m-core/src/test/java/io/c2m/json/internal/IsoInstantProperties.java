package io.c2m.json.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The fast timestamp path agrees with the JDK's parser wherever it answers. */
class IsoInstantProperties {
  private static final DateTimeFormatter WITH_SECONDS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss[.SSSSSSSSS]xxx");

  @Provide
  Arbitrary<OffsetDateTime> times() {
    Arbitrary<Instant> instants = Combinators.combine(
        Arbitraries.longs().between(-62_000_000_000L, 253_000_000_000L),
        Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(0, 999_999_999)))
        .as(Instant::ofEpochSecond);
    Arbitrary<ZoneOffset> offsets = Arbitraries.oneOf(Arbitraries.just(ZoneOffset.UTC),
        Arbitraries.integers().between(-18 * 3600, 18 * 3600).map(s -> s / 60 * 60)
            .map(ZoneOffset::ofTotalSeconds));
    return Combinators.combine(instants, offsets).as((i, o) -> i.atOffset(o))
        .filter(t -> t.getYear() >= 0 && t.getYear() <= 9999);
  }

  @Property(tries = 500)
  void agreesWithTheJdkOnTheCommonShape(@ForAll("times") OffsetDateTime t) {
    String text = WITH_SECONDS.format(t).replace("+00:00", "Z");
    assertEquals(t.toInstant(), IsoInstant.parse(text), text);
    assertEquals(OffsetDateTime.parse(text).toInstant(), IsoInstant.parse(text), text);
  }

  @Property(tries = 500)
  void answersOnlyWhatTheJdkWouldAnswer(@ForAll("mutated") String text) {
    Instant fast = IsoInstant.parse(text);
    if (fast != null) {
      assertEquals(OffsetDateTime.parse(text).toInstant(), fast, text);
    }
  }

  @Property(tries = 500)
  void bytesParseExactlyAsText(@ForAll("mutatedOrShortened") String text) {
    byte[] line = ("xx" + text + "yy").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    assertEquals(IsoInstant.parse(text), IsoInstant.parse(line, 2, 2 + text.length()), text);
  }

  @Provide
  Arbitrary<String> mutatedOrShortened() {
    return Arbitraries.oneOf(mutated(), times().map(t -> WITH_SECONDS.format(t)),
        Combinators.combine(mutated(), Arbitraries.integers().between(0, 40))
            .as((s, n) -> s.substring(0, Math.min(n, s.length()))));
  }

  @Provide
  Arbitrary<String> mutated() {
    return Combinators.combine(times(), Arbitraries.integers().between(0, 34),
        Arbitraries.of('0', '9', '-', ':', 'T', 'Z', '+', '.', 'x', '3', '1'))
        .as((t, at, c) -> {
          String s = WITH_SECONDS.format(t).replace("+00:00", "Z");
          int i = Math.min(at, s.length() - 1);
          return s.substring(0, i) + c + s.substring(i + 1);
        });
  }

  @Example
  void rejectsImpossibleDatesAndOtherShapes() {
    assertNull(IsoInstant.parse("2026-02-30T10:00:00Z"));
    assertNull(IsoInstant.parse("2026-03-01T24:00:00Z"));
    assertNull(IsoInstant.parse("2026-03-01T10:00Z"));
    assertNull(IsoInstant.parse("2026-03-01 10:00:00Z"));
    assertNull(IsoInstant.parse("2026-03-01T10:00:00.Z"));
    assertNull(IsoInstant.parse("2026-03-01T10:00:00+19:00"));
    assertEquals(Instant.parse("2024-02-29T23:59:59.000000001Z"),
        IsoInstant.parse("2024-02-29T23:59:59.000000001Z"));
    assertEquals(Instant.parse("2026-03-01T09:00:00Z"),
        IsoInstant.parse("2026-03-01T10:00:00+01:00"));
  }

  @Example
  void theJdkRejectsWhatTheFastPathRejectsAsImpossible() {
    for (String s : new String[] {"2026-02-30T10:00:00Z", "2026-13-01T10:00:00Z"}) {
      try {
        OffsetDateTime.parse(s);
        throw new AssertionError("the JDK accepted " + s);
      } catch (DateTimeParseException expected) {
        assertNull(IsoInstant.parse(s));
      }
    }
  }
}
