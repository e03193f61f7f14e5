package io.c2m.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.C2m;
import io.c2m.ConsumerId;
import io.c2m.DesignId;
import io.c2m.OrderId;
import io.c2m.json.C2mJson;
import io.c2m.niche.Niche;
import io.c2m.order.Offer;
import io.c2m.order.Order;
import io.c2m.order.OrderBook;
import io.c2m.order.OrderReceipt;
import io.c2m.order.OrderStore;
import io.c2m.production.BatchingStrategies;
import io.c2m.signal.ConsumerAccount;
import io.c2m.signal.ConsumerProfile;
import io.c2m.signal.ProfileSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two application instances against a real single-node KRaft broker (127.0.0.1 only) and topics
 * of 4 partitions; one instance runs in its own JVM and is killed (SIGKILL) mid-stream. The
 * survivor takes over its partitions from the changelogs; with exactly-once no signal is lost or
 * counted twice: every profile equals the in-process engine's on the same input, and the niches
 * published (read with read_committed) equal the engine's. Orders (with retries and conflicting
 * retries) sent before and after the kill are each answered exactly once, as core's order book
 * answers them. After the kill, a stream-time check in every partition (tick orders a day later)
 * plans the orders with the engine's strategy; the plans published (read_committed) equal the
 * engine's for the designs without a campaign and for the campaign that stays open, and every
 * accepted order of the campaign design that reached its minimum is in exactly one batch or
 * pending (when that campaign is released depends on when the checks ran, so its batches' dates
 * may differ from one run to the next). If the broker cannot start here, the test is skipped with
 * a notice on standard error, never faked.
 */
class StreamsFailoverIT {
  static final int PARTITIONS = 4;
  static final int K = 10;
  private static EmbeddedBroker broker;

  @BeforeAll
  static void startBroker() {
    try {
      broker = EmbeddedBroker.start(PARTITIONS);
    } catch (RuntimeException | LinkageError e) {
      System.err.println("NOTICE: c2m-streams integration tests SKIPPED: the in-process Kafka "
          + "broker could not start on this machine: " + e);
      Assumptions.abort("the in-process Kafka broker could not start: " + e);
    }
  }

  @AfterAll
  static void stopBroker() {
    if (broker != null) {
      broker.close();
    }
  }

  static void createTopics(String bootstrap, String... names) throws Exception {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
        bootstrap))) {
      List<NewTopic> topics = new ArrayList<>();
      for (String n : names) {
        topics.add(keptForever(
            new NewTopic(n, n.equals(Instance.NICHES) ? 1 : PARTITIONS, (short) 1)));
      }
      admin.createTopics(topics).all().get();
    }
  }

  /**
   * No time retention: the test events are months old, and the broker's default retention (7
   * days, checked every 5 minutes) would delete them from under the application mid-run.
   */
  static NewTopic keptForever(NewTopic topic) {
    return topic.configs(Map.of("retention.ms", "-1"));
  }

  static KafkaProducer<byte[], byte[]> producer(String bootstrap) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
  }

  static void send(KafkaProducer<byte[], byte[]> producer, List<Workload.Op> ops) {
    for (Workload.Op op : ops) {
      producer.send(new ProducerRecord<>(op.topic(), null, op.timestamp().toEpochMilli(),
          op.key().getBytes(StandardCharsets.UTF_8),
          op.value() == null ? null : op.value().getBytes(StandardCharsets.UTF_8)));
    }
    producer.flush();
  }

  /**
   * One consent record per partition of the repartition topic, at the latest instant, so that
   * every partition's stream time (the instant its profiles are counted at) reaches it.
   */
  static List<Workload.Op> ticks(Instant end) {
    List<Workload.Op> ticks = new ArrayList<>();
    for (int p = 0, i = 0; p < PARTITIONS; i++) {
      String id = "tick-" + i;
      if (Utils.toPositive(Utils.murmur2(id.getBytes(StandardCharsets.UTF_8))) % PARTITIONS
          == p) {
        ticks.add(new Workload.Op(Workload.CONSENTS, id,
            C2mJson.toJson(ConsumerAccount.of(new ConsumerId(id))), end));
        p++;
      }
    }
    return ticks;
  }

  static Process startInJvm(String bootstrap, Path stateDir, Instant epoch, Path log)
      throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-Xmx384m", "-cp",
        System.getProperty("java.class.path"), Instance.class.getName(), bootstrap,
        stateDir.toString(), epoch.toString(), Integer.toString(K), "1000");
    pb.redirectErrorStream(true).redirectOutput(log.toFile());
    return pb.start();
  }

  static KafkaConsumer<String, String> committedReader(String bootstrap, String topic) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "c2m-it-reader-" + topic);
    KafkaConsumer<String, String> c =
        new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
    c.subscribe(List.of(topic));
    return c;
  }

  @Test
  void twoInstancesOneKilledMidStreamLoseAndDoubleNothing() throws Exception {
    String bootstrap = broker.bootstrapServers();
    createTopics(bootstrap, Workload.EVENTS, Workload.CONSENTS, Instance.NICHES, Instance.DEAD,
        Instance.ORDERS, Instance.OFFERS, Instance.ACKS, Instance.ORDER_EVENTS, Instance.PLANS);
    List<Offer> offers = List.of(OrderIntakeTest.offer("d1", 5, Duration.ofDays(2)),
        OrderIntakeTest.offer("d2", 3, Duration.ZERO),
        OrderIntakeTest.offer("d3", 1000, Duration.ofDays(30)));
    List<Order> orders = orders(300);
    OrderBook book = OrderBook.of(OrderStore.inMemory(),
        Clock.fixed(OrderIntakeTest.T0, ZoneOffset.UTC), c -> true);
    offers.forEach(book::offer);
    Map<String, List<OrderReceipt.Status>> expectedAcks = new TreeMap<>();
    for (Order o : orders) {
      expectedAcks.computeIfAbsent(o.id().value(), k -> new ArrayList<>())
          .add(book.accept(o).status());
    }
    List<Workload.Op> ops = Workload.generate(11, 400, 3, 0.05, 0);
    Instant end = Reference.end(ops);
    List<Workload.Op> consents = ops.stream().filter(o -> !o.isEvent()).toList();
    List<Workload.Op> events = ops.stream().filter(Workload.Op::isEvent).toList();
    List<Workload.Op> all = new ArrayList<>(consents);
    all.addAll(events);
    all.addAll(ticks(end));
    Reference reference = new Reference(all, K);
    List<Niche> expected = reference.niches();
    assertFalse(expected.isEmpty(), "the workload has niches to find");

    Path work = Files.createTempDirectory("c2m-it");
    Process other = null;
    KafkaStreams local = null;
    try (KafkaProducer<byte[], byte[]> producer = producer(bootstrap);
        KafkaConsumer<String, String> niches = committedReader(bootstrap, Instance.NICHES);
        KafkaConsumer<String, String> acks = committedReader(bootstrap, Instance.ACKS);
        KafkaConsumer<String, String> plans = committedReader(bootstrap, Instance.PLANS)) {
      send(producer, consents);
      for (Offer o : offers) {
        producer.send(new ProducerRecord<>(Instance.OFFERS, null,
            OrderIntakeTest.T0.toEpochMilli(), utf8(o.design().value()),
            utf8(C2mJson.toJson(o))));
      }
      other = startInJvm(bootstrap, work.resolve("b"), end, work.resolve("b.log"));
      local = Instance.start(bootstrap, work.resolve("a"), end, K, Duration.ofSeconds(1));
      waitFor(local, KafkaStreams.State.RUNNING, Duration.ofSeconds(90));

      int half = events.size() / 2;
      send(producer, events.subList(0, half));
      sendOrders(producer, orders.subList(0, orders.size() / 2));
      Thread.sleep(4000); // both instances are processing
      assertTrue(other.isAlive(), "instance B runs until it is killed");
      other.destroyForcibly().waitFor(); // SIGKILL: no clean shutdown, a transaction open
      send(producer, events.subList(half, events.size()));
      sendOrders(producer, orders.subList(orders.size() / 2, orders.size()));
      send(producer, ticks(end));

      NicheResult last = null;
      long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
      while (System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> r : niches.poll(Duration.ofMillis(500))) {
          last = C2mJson.fromJson(r.value(), NicheResult.class);
        }
        if (last != null && last.asOf().equals(end) && last.partitions() == PARTITIONS
            && sameNiches(expected, last.niches())) {
          break;
        }
      }
      if (last == null) {
        throw new AssertionError("No niche result was published; instance B's log: "
            + work.resolve("b.log"));
      }
      assertEquals(end, last.asOf());
      StreamsEquivalenceProperties.assertSameNiches(expected, last.niches());
      assertSameProfiles(reference.profiles(), local, end);
      assertSameAcks(expectedAcks, acks, orders.size());
      assertSamePlans(offers, orders, producer, plans);
    } finally {
      if (other != null) {
        other.destroyForcibly();
      }
      if (local != null) {
        local.close(Duration.ofSeconds(20));
      }
      EmbeddedBroker.delete(work);
    }
  }

  /**
   * Sends a tick order (for a design not on offer) to every partition of the orders-by-design
   * topic a day after the orders, so every task checks its book at that stream time, and waits
   * until the plans published equal the engine's after its own advance at that instant.
   */
  static void assertSamePlans(List<Offer> offers, List<Order> orders,
      KafkaProducer<byte[], byte[]> producer, KafkaConsumer<String, String> plans) {
    Instant day = OrderIntakeTest.T0.plus(Duration.ofDays(1));
    MovingClock clock = new MovingClock(OrderIntakeTest.T0);
    C2m engine = C2m.builder().clock(clock)
        .batching(BatchingStrategies.byName(Instance.BATCHING)).build();
    offers.forEach(engine::offer);
    orders.forEach(engine::acceptOrder);
    clock.now = day;
    Map<DesignId, DesignPlan> expected = DesignPlan.of(engine.advance().schedule());
    List<Order> ticks = new ArrayList<>();
    for (int p = 0, i = 0; p < PARTITIONS; i++) {
      String design = "tick-" + i;
      if (Utils.toPositive(Utils.murmur2(utf8(design))) % PARTITIONS == p) {
        ticks.add(OrderIntakeTest.order("tick-order-" + i, design, 1, 30.0, day));
        p++;
      }
    }
    sendOrders(producer, ticks);
    Set<OrderId> reached = new HashSet<>();
    for (Order o : orders) {
      if (o.design().value().equals("d1")) {
        reached.add(o.id());
      }
    }
    reached.retainAll(engine.orderBook().ids());
    Map<String, DesignPlan> latest = new TreeMap<>();
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < deadline && !samePlans(expected, latest, reached)) {
      for (ConsumerRecord<String, String> r : plans.poll(Duration.ofMillis(500))) {
        latest.put(r.key(), C2mJson.fromJson(r.value(), DesignPlan.class));
      }
    }
    for (String d : List.of("d2", "d3")) {
      DesignPlan want = expected.get(new DesignId(d));
      assertEquals(want.batches(), latest.get(d).batches(), "batches of " + d);
      assertEquals(want.pending(), latest.get(d).pending(), "pending of " + d);
    }
    assertEquals(reached, servedOnce(latest.get("d1")), "every order of d1 once");
  }

  private static boolean samePlans(Map<DesignId, DesignPlan> expected,
      Map<String, DesignPlan> latest, Set<OrderId> reached) {
    for (String d : List.of("d2", "d3")) {
      DesignPlan got = latest.get(d);
      if (got == null || !got.samePlan(expected.get(new DesignId(d)))) {
        return false;
      }
    }
    return latest.containsKey("d1") && reached.equals(servedOnce(latest.get("d1")));
  }

  /** The orders of a plan's batches and pending orders; fails if one is there twice. */
  private static Set<OrderId> servedOnce(DesignPlan plan) {
    Set<OrderId> out = new HashSet<>();
    List<OrderId> all = new ArrayList<>();
    plan.batches().forEach(b -> all.addAll(b.orders()));
    plan.pending().forEach(p -> all.add(p.order()));
    for (OrderId id : all) {
      assertTrue(out.add(id), () -> "order " + id + " twice in the plan of " + plan.design());
    }
    return out;
  }

  /** A clock the test moves. */
  private static final class MovingClock extends Clock {
    private Instant now;

    MovingClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  /** Orders with retries of the same order and retries with other content, in input order. */
  static List<Order> orders(int n) {
    java.util.Random r = new java.util.Random(5);
    List<Order> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Order o = OrderIntakeTest.order("o" + i, "d" + (1 + r.nextInt(3)), 1 + r.nextInt(3),
          30.0, OrderIntakeTest.T0.plusSeconds(60L * i));
      out.add(o);
      if (r.nextDouble() < 0.2) {
        out.add(o);
      }
      if (r.nextDouble() < 0.1) {
        out.add(o.withQuantity(o.quantity() + 1));
      }
    }
    return out;
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static void sendOrders(KafkaProducer<byte[], byte[]> producer, List<Order> orders) {
    for (Order o : orders) {
      producer.send(new ProducerRecord<>(Instance.ORDERS, null, o.placedAt().toEpochMilli(),
          utf8(o.id().value()), utf8(C2mJson.toJson(o))));
    }
    producer.flush();
  }

  /**
   * Every order record is answered exactly once (read_committed), as core's order book answers
   * it: one ACCEPTED per order id, DUPLICATE for each retry, REJECTED for other content.
   */
  static void assertSameAcks(Map<String, List<OrderReceipt.Status>> expected,
      KafkaConsumer<String, String> acks, int records) {
    Map<String, List<OrderReceipt.Status>> actual = new TreeMap<>();
    int seen = 0;
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < deadline && seen < records) {
      for (ConsumerRecord<String, String> r : acks.poll(Duration.ofMillis(500))) {
        OrderReceipt receipt = C2mJson.fromJson(r.value(), OrderReceipt.class);
        actual.computeIfAbsent(receipt.order().value(), k -> new ArrayList<>())
            .add(receipt.status());
        seen++;
      }
    }
    for (ConsumerRecord<String, String> r : acks.poll(Duration.ofSeconds(2))) {
      seen++; // nothing more may come: a receipt twice would show here
    }
    assertEquals(records, seen, "one receipt per order record, none lost, none twice");
    assertEquals(expected, actual);
  }

  static boolean sameNiches(List<Niche> expected, List<Niche> actual) {
    try {
      StreamsEquivalenceProperties.assertSameNiches(expected, actual);
      return true;
    } catch (AssertionError e) {
      return false;
    }
  }

  static void assertSameProfiles(List<ConsumerProfile> expected, KafkaStreams streams,
      Instant end) throws InterruptedException {
    // An interactive query fails with InvalidStateStoreException while the instance rebalances
    // (a thread PARTITIONS_ASSIGNED after the other instance's death): Kafka's documented answer
    // is to retry until the store is queryable again.
    List<ConsumerProfile> actual = new ArrayList<>();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      actual.clear();
      try {
        ReadOnlyKeyValueStore<String, ProfileEvidence> store = streams.store(
            StoreQueryParameters.fromNameAndType(C2mStreams.PROFILES_STORE,
                QueryableStoreTypes.<String, ProfileEvidence>keyValueStore()));
        try (KeyValueIterator<String, ProfileEvidence> it = store.all()) {
          it.forEachRemaining(kv -> actual.add(
              kv.value.profile(end, ProfileSettings.defaults().halfLife())));
        }
        break;
      } catch (org.apache.kafka.streams.errors.InvalidStateStoreException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(200);
      }
    }
    actual.sort((a, b) -> a.consumer().compareTo(b.consumer()));
    long expectedSignals = expected.stream().mapToLong(ConsumerProfile::signalCount).sum();
    long actualSignals = actual.stream().mapToLong(ConsumerProfile::signalCount).sum();
    assertEquals(expectedSignals, actualSignals, "signals profiled: none lost, none twice");
    StreamsEquivalenceProperties.assertSameProfiles(expected, actual);
  }

  static void waitFor(KafkaStreams streams, KafkaStreams.State state, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (streams.state() != state) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("The instance is " + streams.state() + ", not " + state);
      }
      Thread.sleep(100);
    }
  }

}
