package io.c2m.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.AttributeValue;
import io.c2m.ConsumerId;
import io.c2m.signal.ConsumerProfile;
import io.c2m.signal.ProfileSettings;
import io.c2m.signal.ProfileStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * JSON lines to profiles: a {@link ProfileSink} builds the same store as {@code store::add}, and
 * {@link ProfileSink#readParallel} over any number of parts gives the profiles and the report of
 * one sequential pass (same counts, same problems with the same line numbers).
 */
class ProfileSinkProperties {
  private static final Instant EPOCH = Instant.parse("2026-03-01T00:00:00Z");
  private static final Instant AS_OF = EPOCH.plus(Duration.ofDays(30));
  /** 4 days: a timestamp of 2026 and one of 1970 (a GA4 "1772359200" read as micros) differ. */
  private static final ProfileSettings SETTINGS =
      new ProfileSettings(ProfileSettings.defaults().weights(), Duration.ofDays(4));
  /** Consent is refused to one user of each format, so skipped signals are counted too. */
  private static final Predicate<ConsumerId> CONSENT =
      c -> !c.value().equals("u3") && !c.value().equals("p3");
  private static final EventReader READER = EventReader.builder(ConsumerId::new).build();

  @Provide
  Arbitrary<String> files() {
    return Arbitraries.longs().list().ofMinSize(0).ofMaxSize(30).map(seeds -> {
      StringBuilder sb = new StringBuilder();
      for (long seed : seeds) {
        Random r = new Random(seed);
        String line = r.nextBoolean() ? FastLineParserProperties.segment(r)
            : FastLineParserProperties.ga4(r);
        if (r.nextInt(8) == 0) {
          line = FastLineParserProperties.mutate(line, r);
        }
        if (r.nextInt(10) == 0) {
          line = "{\"type\":\"track\",\"event\":\"Product Viewed\",\"userId\":\"u1\","
              + "\"timestamp\":\"1900-01-01T00:00:00Z\",\"properties\":{\"color\":\"red\"}}";
        }
        sb.append(line).append('\n');
      }
      return sb.toString();
    });
  }

  @Property(tries = 150)
  void aSinkBuildsWhatStoreAddBuilds(@ForAll("files") String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    ProfileStore viaAdd = new ProfileStore(SETTINGS, CONSENT, EPOCH);
    ProfileStore viaSink = new ProfileStore(SETTINGS, CONSENT, EPOCH);
    EventReport a = READER.read(new ByteArrayInputStream(bytes), viaAdd::add);
    EventReport b = READER.read(new ByteArrayInputStream(bytes), new ProfileSink(viaSink));
    assertEquals(a, b);
    assertSameStores(viaAdd, viaSink, 0);
  }

  @Property(tries = 100)
  void partsMergedAreOnePass(@ForAll("files") String text,
      @ForAll @IntRange(min = 1, max = 6) int partitions) {
    ProfileStore sequential = new ProfileStore(SETTINGS, CONSENT, EPOCH);
    EventReport one = READER.read(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), sequential::add);
    Path file = write(text);
    try {
      ProfileSink.Result parts = ProfileSink.readParallel(READER, file, partitions,
          () -> new ProfileStore(SETTINGS, CONSENT, EPOCH));
      assertEquals(one, parts.report(), "the same counts and problems, with file line numbers");
      assertSameStores(sequential, parts.store(), 1e-9);
    } finally {
      delete(file);
    }
  }

  @Example
  void aRefusedInstantRejectsItsLineAndLeavesNoTrace() {
    String text = "{\"type\":\"track\",\"event\":\"Product Viewed\",\"userId\":\"u1\","
        + "\"timestamp\":\"2026-03-02T00:00:00Z\",\"properties\":{\"color\":\"red\"}}\n"
        + "{\"type\":\"track\",\"event\":\"Product Viewed\",\"userId\":\"u2\","
        + "\"timestamp\":\"1900-01-01T00:00:00Z\",\"properties\":{\"color\":\"blue\"}}\n";
    ProfileStore store = new ProfileStore(SETTINGS, CONSENT, EPOCH);
    EventReport r = READER.read(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), new ProfileSink(store));
    assertEquals(1, r.accepted());
    assertEquals(1, r.rejected());
    assertEquals(2, r.problems().get(0).line());
    assertEquals(EventProblem.Kind.BAD_VALUE, r.problems().get(0).kind());
    assertTrue(store.profile(ConsumerId.of("u2"), AS_OF).isEmpty(), "no trace of u2");
    assertEquals(1, store.consumers());
  }

  /**
   * The sink checks a line's epoch milliseconds against the store's window without an Instant:
   * at the window's edges (900 half-lives either side of the epoch), a millisecond and a
   * fraction of one either way, it accepts and refuses exactly what {@code store::add} does.
   */
  @Example
  void theSinkAcceptsExactlyTheStoresWindow() {
    Duration edge = SETTINGS.halfLife().multipliedBy(ProfileStore.MAX_HALF_LIVES);
    StringBuilder sb = new StringBuilder();
    int lines = 0;
    for (Instant side : List.of(EPOCH.plus(edge), EPOCH.minus(edge))) {
      for (Duration d : List.of(Duration.ZERO, Duration.ofMillis(1), Duration.ofMillis(-1),
          Duration.ofNanos(500_000), Duration.ofNanos(-500_000), Duration.ofNanos(999_999))) {
        Instant at = side.plus(d);
        sb.append("{\"type\":\"track\",\"event\":\"Product Viewed\",\"userId\":\"u")
            .append(lines).append("\",\"timestamp\":\"").append(at)
            .append("\",\"properties\":{\"color\":\"red\"}}\n");
        lines++;
        long micros = Math.max(0, at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000);
        sb.append("{\"event_name\":\"view_item\",\"user_pseudo_id\":\"p").append(lines)
            .append("\",\"event_timestamp\":").append(micros)
            .append(",\"items\":[{\"item_category\":\"shoes\"}]}\n");
        lines++;
      }
    }
    byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
    ProfileStore viaAdd = new ProfileStore(SETTINGS, CONSENT, EPOCH);
    ProfileStore viaSink = new ProfileStore(SETTINGS, CONSENT, EPOCH);
    EventReport a = READER.read(new ByteArrayInputStream(bytes), viaAdd::add);
    EventReport b = READER.read(new ByteArrayInputStream(bytes), new ProfileSink(viaSink));
    assertEquals(lines, a.read());
    assertTrue(a.accepted() > 0 && a.rejected() > 0, "both sides of the edge are present: " + a);
    assertEquals(a, b);
    assertSameStores(viaAdd, viaSink, 0);
  }

  private static void assertSameStores(ProfileStore a, ProfileStore b, double tolerance) {
    assertEquals(a.accepted(), b.accepted());
    assertEquals(a.skippedWithoutConsent(), b.skippedWithoutConsent());
    assertEquals(a.consumers(), b.consumers());
    List<ConsumerProfile> x = a.profiles(AS_OF);
    List<ConsumerProfile> y = b.profiles(AS_OF);
    assertEquals(x.stream().map(ConsumerProfile::consumer).toList(),
        y.stream().map(ConsumerProfile::consumer).toList());
    for (int i = 0; i < x.size(); i++) {
      ConsumerProfile p = x.get(i);
      ConsumerProfile q = y.get(i);
      assertEquals(p.affinities().keySet(), q.affinities().keySet());
      for (AttributeValue k : p.affinities().keySet()) {
        assertEquals(p.affinity(k), q.affinity(k), tolerance * (1 + Math.abs(p.affinity(k))));
      }
      assertEquals(p.signalCount(), q.signalCount());
      assertEquals(p.priceWeight(), q.priceWeight(), tolerance * (1 + p.priceWeight()));
      assertEquals(p.priceSum(), q.priceSum(), tolerance * (1 + p.priceSum()));
    }
  }

  private static Path write(String text) {
    try {
      Path file = Files.createTempFile("c2m-profile-sink", ".jsonl");
      Files.writeString(file, text, StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
