package io.c2m.streams;

import io.c2m.ConsumerId;
import io.c2m.json.C2mJson;
import io.c2m.json.EventReader;
import io.c2m.privacy.Consent;
import io.c2m.signal.ConsumerAccount;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Signals-to-profiles throughput through a real broker, with one and with two application
 * instances in the same run over the same generated events (4 partitions, produced once the
 * instances run): the rate is the input records committed per second between the first and the
 * last commit. Off by default; run with {@code -Dc2m.bench=true} (see BENCHMARKS.md).
 */
@EnabledIfSystemProperty(named = "c2m.bench", matches = "true")
class StreamsThroughputIT {
  static final int PARTITIONS = 4;
  static final String EVENTS = "bench-events";
  static final String CONSENTS = "bench-consents";

  @Test
  void oneAndTwoInstances() throws Exception {
    int events = Integer.getInteger("c2m.bench.events", 200_000);
    int consumers = Integer.getInteger("c2m.bench.consumers", 20_000);
    // Broker defaults (transactions v2); -Dc2m.bench.tx=transaction.version=1 for v1.
    String tx = System.getProperty("c2m.bench.tx", "");
    try (EmbeddedBroker broker = tx.isEmpty() ? EmbeddedBroker.start(PARTITIONS)
        : EmbeddedBroker.start(PARTITIONS, tx);
        Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
            broker.bootstrapServers()))) {
      String bootstrap = broker.bootstrapServers();
      double one = run(admin, bootstrap, "bench-one", 1, events, consumers);
      double two = run(admin, bootstrap, "bench-two", 2, events, consumers);
      System.out.printf("c2m-streams throughput: %d events + %d consents, %d partitions%n"
          + "  1 instance : %.0f records/s (%.0f per instance)%n"
          + "  2 instances: %.0f records/s (%.0f per instance)%n"
          + "  ratio 2/1  : %.2f; available processors %d; load average %.1f%n",
          events, consumers, PARTITIONS, one, one, two, two / 2, two / one,
          Runtime.getRuntime().availableProcessors(),
          java.lang.management.ManagementFactory.getOperatingSystemMXBean()
              .getSystemLoadAverage());
    }
  }

  static void produce(String bootstrap, String prefix, int events, int consumers) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
    Random r = new Random(1);
    Instant start = Instant.parse("2026-02-01T00:00:00Z");
    String[] cats = {"dress", "shirt", "jacket", "jeans"};
    String[] colors = {"sage", "navy", "black", "red", "white"};
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
      for (int c = 0; c < consumers; c++) {
        String id = "u" + c;
        producer.send(new ProducerRecord<>(prefix + CONSENTS, null, start.toEpochMilli(), utf8(id),
            utf8(C2mJson.toJson(ConsumerAccount.of(new ConsumerId(id), Consent.PROFILING)))));
      }
      for (int e = 0; e < events; e++) {
        String id = "u" + r.nextInt(consumers);
        Instant at = start.plusSeconds(e);
        String line = "{\"type\":\"track\",\"event\":\"Product Viewed\",\"userId\":\"" + id
            + "\",\"timestamp\":\"" + at + "\",\"properties\":{\"category\":\""
            + cats[r.nextInt(cats.length)] + "\",\"color\":\"" + colors[r.nextInt(colors.length)]
            + "\",\"size\":\"M\",\"price\":" + (20 + r.nextInt(30)) + "}}";
        producer.send(new ProducerRecord<>(prefix + EVENTS, null, at.toEpochMilli(), utf8(id),
            utf8(line)));
      }
      producer.flush();
    }
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Runs {@code instances} instances of a new application on topics of its own: they start on
   * empty topics and are all RUNNING (tasks spread, no state to move) before the input is
   * produced; the rate is measured from the first to the last commit of the input offsets.
   */
  static double run(Admin admin, String bootstrap, String app, int instances, int events,
      int consumers) throws Exception {
    String prefix = app + "-";
    List<NewTopic> topics = new ArrayList<>();
    for (String t : List.of(EVENTS, CONSENTS, "niches", "dead")) {
      topics.add(StreamsFailoverIT.keptForever(new NewTopic(prefix + t, PARTITIONS, (short) 1)));
    }
    admin.createTopics(topics).all().get();
    long total = events + (long) consumers;
    Path dir = Files.createTempDirectory("c2m-bench");
    List<KafkaStreams> running = new ArrayList<>();
    try {
      for (int i = 0; i < instances; i++) {
        Properties p = Instance.properties(bootstrap, dir.resolve("i" + i));
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, app);
        KafkaStreams s = new KafkaStreams(C2mStreams.builder()
            .signalsTopic(prefix + EVENTS).consentsTopic(prefix + CONSENTS)
            .nichesTopic(prefix + "niches").deadLetterTopic(prefix + "dead")
            .eventReader(EventReader.trustingIds())
            .profileEpoch(Instant.parse("2026-02-01T00:00:00Z"))
            .nicheInterval(Duration.ofMinutes(10))
            .build(p), p);
        s.start();
        running.add(s);
      }
      for (KafkaStreams s : running) {
        StreamsFailoverIT.waitFor(s, KafkaStreams.State.RUNNING, Duration.ofMinutes(3));
      }
      Thread.sleep(5000); // a late rebalance settles
      produce(bootstrap, prefix, events, consumers);
      Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
      for (int q = 0; q < PARTITIONS; q++) {
        latest.put(new TopicPartition(prefix + EVENTS, q), OffsetSpec.latest());
        latest.put(new TopicPartition(prefix + CONSENTS, q), OffsetSpec.latest());
      }
      long firstAt = 0;
      long firstCommitted = 0;
      long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
      while (System.nanoTime() < deadline) {
        Map<TopicPartition, OffsetAndMetadata> committed =
            admin.listConsumerGroupOffsets(app).partitionsToOffsetAndMetadata().get();
        long sum = 0;
        for (Map.Entry<TopicPartition, OffsetAndMetadata> e : committed.entrySet()) {
          if (latest.containsKey(e.getKey()) && e.getValue() != null) {
            sum += e.getValue().offset();
          }
        }
        long now = System.nanoTime();
        if (firstAt == 0 && sum > 0) {
          firstAt = now;
          firstCommitted = sum;
        }
        if (sum >= total) {
          return (sum - firstCommitted) / ((now - firstAt) / 1e9);
        }
        Thread.sleep(100);
      }
      throw new AssertionError(app + " did not catch up within 15 minutes");
    } finally {
      for (KafkaStreams s : running) {
        s.close(Duration.ofSeconds(30));
      }
      EmbeddedBroker.delete(dir);
    }
  }
}
