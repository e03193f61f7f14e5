package io.c2m.streams;

import io.c2m.json.EventReader;
import io.c2m.signal.ConsumerProfile;
import io.c2m.signal.ProfileSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/** The c2m topology in a {@link TopologyTestDriver}, fed {@link Workload.Op}s. */
final class Driver implements AutoCloseable {
  static final Duration INTERVAL = Duration.ofSeconds(10);
  final TopologyTestDriver driver;
  final TestInputTopic<byte[], byte[]> events;
  final TestInputTopic<byte[], byte[]> consents;
  final TestOutputTopic<String, NicheResult> niches;
  final TestOutputTopic<byte[], byte[]> deadLetters;
  final Instant epoch;
  private final Path stateDir;

  Driver(Instant epoch, int minimumAudience) {
    this(epoch, minimumAudience, false);
  }

  Driver(Instant epoch, int minimumAudience, boolean persistent) {
    this.epoch = epoch;
    try {
      stateDir = Files.createTempDirectory("c2m-streams-test");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    Properties p = properties(stateDir);
    var topology = C2mStreams.builder()
        .signalsTopic(Workload.EVENTS).consentsTopic(Workload.CONSENTS)
        .nichesTopic("niches").deadLetterTopic("dead-letters")
        .eventReader(EventReader.trustingIds())
        .syntheticData()
        .minimumAudience(minimumAudience)
        .profileEpoch(epoch)
        .nicheInterval(INTERVAL)
        .persistentStores(persistent)
        .build(p);
    // The driver itself runs at-least-once: it is single-threaded and never fails, and with
    // exactly-once it commits (and flushes every store) after each record, 100 times slower.
    Properties run = properties(stateDir);
    run.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
    driver = new TopologyTestDriver(topology, run, Instant.EPOCH);
    ByteArraySerializer b = new ByteArraySerializer();
    events = driver.createInputTopic(Workload.EVENTS, b, b);
    consents = driver.createInputTopic(Workload.CONSENTS, b, b);
    niches = driver.createOutputTopic("niches", new StringDeserializer(),
        C2mSerdes.json(NicheResult.class).deserializer());
    deadLetters = driver.createOutputTopic("dead-letters", new ByteArrayDeserializer(),
        new ByteArrayDeserializer());
  }

  static Properties properties(Path stateDir) {
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, "c2m-test");
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    return p;
  }

  void pipe(List<Workload.Op> ops) {
    for (Workload.Op op : ops) {
      TestInputTopic<byte[], byte[]> t = op.isEvent() ? events : consents;
      t.pipeInput(bytes(op.key()), bytes(op.value()), op.timestamp());
    }
  }

  private static byte[] bytes(String s) {
    return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
  }

  /** Lets the niche punctuation run and returns the latest result published. */
  NicheResult mine() {
    driver.advanceWallClockTime(INTERVAL);
    List<NicheResult> all = niches.readValuesToList();
    if (all.isEmpty()) {
      throw new AssertionError("No niche result was published.");
    }
    return all.get(all.size() - 1);
  }

  List<ConsumerProfile> profiles(Instant asOf) {
    KeyValueStore<String, ProfileEvidence> store =
        driver.getKeyValueStore(C2mStreams.PROFILES_STORE);
    List<ConsumerProfile> out = new ArrayList<>();
    try (KeyValueIterator<String, ProfileEvidence> it = store.all()) {
      while (it.hasNext()) {
        KeyValue<String, ProfileEvidence> kv = it.next();
        out.add(kv.value.profile(asOf, ProfileSettings.defaults().halfLife()));
      }
    }
    out.sort((a, b) -> a.consumer().compareTo(b.consumer()));
    return out;
  }

  @Override
  public void close() {
    driver.close();
    try (var walk = Files.walk(stateDir)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (java.io.IOException e) {
      // a temporary directory left behind is harmless
    }
  }
}
