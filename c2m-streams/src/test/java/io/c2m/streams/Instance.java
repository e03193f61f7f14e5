package io.c2m.streams;

import io.c2m.json.EventReader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * One application instance of the integration tests: the c2m topology in a {@link KafkaStreams}
 * against a real broker. {@link #main} runs one in its own JVM, so a test can kill it for real.
 */
final class Instance {
  static final String APP = "c2m-it";
  static final String NICHES = "niches";
  static final String DEAD = "dead-letters";
  static final String ORDERS = "orders";
  static final String OFFERS = "offers";
  static final String ACKS = "order-acks";
  static final String ORDER_EVENTS = "order-events";
  static final String PLANS = "plans";
  /** Plans orders as late as their promise allows: nothing of the first days is frozen. */
  static final String BATCHING = "deadline";

  private Instance() {}

  static Properties properties(String bootstrap, Path stateDir) {
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, APP);
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "200");
    p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, "1");
    p.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), "6000");
    p.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), "1000");
    p.put(StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG), "10000");
    return p;
  }

  static KafkaStreams start(String bootstrap, Path stateDir, Instant epoch, int minimumAudience,
      Duration nicheInterval) {
    Properties p = properties(bootstrap, stateDir);
    KafkaStreams streams = new KafkaStreams(C2mStreams.builder()
        .signalsTopic(Workload.EVENTS).consentsTopic(Workload.CONSENTS)
        .nichesTopic(NICHES).deadLetterTopic(DEAD)
        .ordersTopic(ORDERS).offersTopic(OFFERS).orderAcksTopic(ACKS)
        .orderEventsTopic(ORDER_EVENTS).plansTopic(PLANS).batching(BATCHING)
        .eventReader(EventReader.trustingIds())
        .minimumAudience(minimumAudience)
        .profileEpoch(epoch)
        .nicheInterval(nicheInterval)
        .build(p), p);
    streams.start();
    return streams;
  }

  /**
   * Runs an instance until killed.
   *
   * @param args bootstrap servers, state directory, epoch, minimum audience, interval in ms
   * @throws InterruptedException never, in practice
   */
  public static void main(String[] args) throws InterruptedException {
    KafkaStreams streams = start(args[0], Path.of(args[1]), Instant.parse(args[2]),
        Integer.parseInt(args[3]), Duration.ofMillis(Long.parseLong(args[4])));
    Runtime.getRuntime().addShutdownHook(new Thread(streams::close));
    System.out.println("instance started");
    new CountDownLatch(1).await();
  }
}
