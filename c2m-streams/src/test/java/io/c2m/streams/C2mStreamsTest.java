package io.c2m.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.Attributes;
import io.c2m.ConsumerId;
import io.c2m.InvalidConfigurationException;
import io.c2m.json.C2mJson;
import io.c2m.json.EventReader;
import io.c2m.niche.Niche;
import io.c2m.privacy.Consent;
import io.c2m.signal.ConsumerAccount;
import io.c2m.streams.internal.DeadLetter;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

class C2mStreamsTest {

  @Test
  void plantedNichesAreFoundAndEqualTheEngines() {
    List<Workload.Op> ops = Workload.generate(7, 150, 4, 0.1, 0.1);
    Reference reference = new Reference(ops, 10);
    Instant end = Reference.end(ops);
    try (Driver d = new Driver(end, 10)) {
      d.pipe(ops);
      StreamsEquivalenceProperties.assertSameProfiles(reference.profiles(), d.profiles(end));
      NicheResult result = d.mine();
      List<Niche> expected = reference.niches();
      assertFalse(expected.isEmpty(), "the planted niches are found");
      StreamsEquivalenceProperties.assertSameNiches(expected, result.niches());
      assertEquals(end, result.asOf());
      assertTrue(result.consumers() > 0);
    }
  }

  private static final String VIEW = "{\"type\":\"track\",\"event\":\"Product Viewed\","
      + "\"userId\":\"u1\",\"timestamp\":\"2026-02-20T10:00:00Z\","
      + "\"properties\":{\"category\":\"dress\",\"color\":\"sage\"}}";

  private static byte[] utf8(String s) {
    return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void badEventsGoToTheDeadLetterTopicWithTheReasonAndTheStreamGoesOn() {
    try (Driver d = new Driver(Workload.END, 1)) {
      d.consents.pipeInput(utf8("u1"), utf8(C2mJson.toJson(
          ConsumerAccount.of(new ConsumerId("u1"), Consent.PROFILING))), Workload.END);
      d.events.pipeInput(utf8("k"), utf8("{not json"), Workload.END);
      d.events.pipeInput(utf8("k"), utf8("{\"event\":\"Teleported\",\"userId\":\"u1\","
          + "\"timestamp\":\"2026-02-20T10:00:00Z\"}"), Workload.END);
      d.events.pipeInput(utf8("k"), null, Workload.END);
      d.consents.pipeInput(utf8("u2"), utf8("{\"id\":\"u2\",\"consents\":[\"NOSUCH\"]}"),
          Workload.END);
      d.events.pipeInput(utf8("k"), utf8(VIEW), Workload.END);

      List<TestRecord<byte[], byte[]>> dead = d.deadLetters.readRecordsToList();
      assertEquals(4, dead.size());
      String first = DeadLetter.reasonOf(dead.get(0).headers()).orElseThrow();
      assertTrue(first.startsWith("topic events partition 0 offset 0: line 1: "), first);
      assertTrue(DeadLetter.reasonOf(dead.get(1).headers()).orElseThrow()
          .contains("offset 1"));
      assertTrue(DeadLetter.reasonOf(dead.get(3).headers()).orElseThrow()
          .startsWith("topic consents partition 0 offset 1: "));
      assertEquals("{not json", new String(dead.get(0).value(), StandardCharsets.UTF_8),
          "the original bytes, for a replay");
      assertEquals(1, d.profiles(Workload.END).size(), "the good event after them is profiled");
    }
  }

  @Test
  void aConsentWithdrawalErasesTheProfileWithATombstoneInTheChangelog() {
    try (Driver d = new Driver(Workload.END, 1)) {
      TestOutputTopic<String, byte[]> changelog = d.driver.createOutputTopic(
          "c2m-test-" + C2mStreams.PROFILES_STORE + "-changelog", new StringDeserializer(),
          new ByteArrayDeserializer());
      d.consents.pipeInput(utf8("u1"), utf8(C2mJson.toJson(
          ConsumerAccount.of(new ConsumerId("u1"), Consent.PROFILING))), Workload.END);
      d.events.pipeInput(utf8("k"), utf8(VIEW), Workload.END);
      assertEquals(1, d.profiles(Workload.END).size());
      d.consents.pipeInput(utf8("u1"), utf8(C2mJson.toJson(
          ConsumerAccount.of(new ConsumerId("u1"), Consent.TAILORED_OFFERS))), Workload.END);
      assertEquals(0, d.profiles(Workload.END).size());
      d.events.pipeInput(utf8("k"), utf8(VIEW), Workload.END);
      assertEquals(0, d.profiles(Workload.END).size(), "not profiled without consent");

      List<TestRecord<String, byte[]>> log = changelog.readRecordsToList();
      assertEquals("u1", log.get(log.size() - 1).key());
      assertNull(log.get(log.size() - 1).value(), "a tombstone");
    }
  }

  @Test
  void interestOfDaysNoTrendReadsIsDeleted() {
    try (Driver d = new Driver(Workload.END, 1)) {
      d.consents.pipeInput(utf8("u1"), utf8(C2mJson.toJson(
          ConsumerAccount.of(new ConsumerId("u1"), Consent.PROFILING))), Workload.END);
      d.events.pipeInput(utf8("k"), utf8(VIEW), Instant.parse("2026-02-20T10:00:00Z"));
      KeyValueStore<String, Double> interest =
          d.driver.getKeyValueStore(C2mStreams.INTEREST_STORE);
      d.mine();
      assertEquals(1, count(interest), "a day within the trend window is kept");
      String later = VIEW.replace("2026-02-20", "2026-06-20");
      d.events.pipeInput(utf8("k"), utf8(later), Instant.parse("2026-06-20T10:00:00Z"));
      d.mine();
      assertEquals(1, count(interest), "the February day is gone, the June day kept");
    }
  }

  private static int count(KeyValueStore<String, Double> store) {
    int n = 0;
    try (KeyValueIterator<String, Double> it = store.all()) {
      while (it.hasNext()) {
        it.next();
        n++;
      }
    }
    return n;
  }

  @Test
  void buildRefusesAtLeastOnceAndMissingTopics() {
    Properties p = new Properties();
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
    C2mStreams.Builder b = C2mStreams.builder().signalsTopic("e").consentsTopic("c")
        .nichesTopic("n").deadLetterTopic("d").eventReader(EventReader.trustingIds());
    InvalidConfigurationException e =
        assertThrows(InvalidConfigurationException.class, () -> b.build(p));
    assertTrue(e.getMessage().contains("exactly_once_v2"), e.getMessage());
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    assertNotNull(b.build(p));
    InvalidConfigurationException missing = assertThrows(InvalidConfigurationException.class,
        () -> C2mStreams.builder().signalsTopic("e").build(p));
    assertTrue(missing.getMessage().contains("Topic is not set"), missing.getMessage());
    assertThrows(InvalidConfigurationException.class,
        () -> C2mStreams.builder().minimumAudience(4), "below the floor of 5");
    assertNotNull(C2mStreams.builder().syntheticData().minimumAudience(2));
  }

  @Test
  void theSerdesRoundTripC2msRecordsAndNameTheTopicOnError() {
    ProfileEvidence e = ProfileEvidence.empty(new ConsumerId("u1"), Workload.END)
        .plus(Attributes.of("category", "dress", "color", "sage").pairs(), 0.1 + 0.2, 30);
    Serde<ProfileEvidence> serde = C2mSerdes.json(ProfileEvidence.class);
    assertEquals(e, serde.deserializer().deserialize("t",
        serde.serializer().serialize("t", e)));
    SerializationException bad = assertThrows(SerializationException.class,
        () -> serde.deserializer().deserialize("profiles", utf8("{\"consumer\":1}")));
    assertTrue(bad.getMessage().startsWith("A record of topic profiles is not a ProfileEvidence"),
        bad.getMessage());
  }
}
