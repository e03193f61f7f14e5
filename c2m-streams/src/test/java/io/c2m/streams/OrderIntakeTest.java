package io.c2m.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.ConsumerId;
import io.c2m.DesignId;
import io.c2m.OrderId;
import io.c2m.json.C2mJson;
import io.c2m.order.Offer;
import io.c2m.order.Order;
import io.c2m.order.OrderEvent;
import io.c2m.order.OrderReceipt;
import io.c2m.order.OrderState;
import io.c2m.streams.internal.DeadLetter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/** The order intake: core's order book on stream time, through the test driver. */
class OrderIntakeTest {
  static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
  static final Instant FAR = Instant.parse("2030-01-01T00:00:00Z");

  /** The intake in a test driver. */
  static final class Intake implements AutoCloseable {
    final TopologyTestDriver driver;
    final TestInputTopic<byte[], byte[]> orders;
    final TestInputTopic<byte[], byte[]> offers;
    final TestOutputTopic<String, OrderReceipt> acks;
    final TestOutputTopic<String, OrderEvent> events;
    final TestOutputTopic<byte[], byte[]> dead;
    final TestOutputTopic<String, DesignPlan> plans;
    private final Path dir;

    Intake() throws Exception {
      this("group-buy", Duration.ofHours(1));
    }

    Intake(String batching, Duration check) throws Exception {
      dir = Files.createTempDirectory("c2m-orders-test");
      Properties p = Driver.properties(dir);
      var topology = C2mStreams.builder()
          .ordersTopic("orders").offersTopic("offers").orderAcksTopic("acks")
          .orderEventsTopic("order-events").plansTopic("plans").deadLetterTopic("dead")
          .batching(batching)
          .campaignCheck(check)
          .persistentStores(false)
          .build(p);
      p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
      driver = new TopologyTestDriver(topology, p, T0);
      ByteArraySerializer b = new ByteArraySerializer();
      orders = driver.createInputTopic("orders", b, b);
      offers = driver.createInputTopic("offers", b, b);
      acks = driver.createOutputTopic("acks", new StringDeserializer(),
          C2mSerdes.json(OrderReceipt.class).deserializer());
      events = driver.createOutputTopic("order-events", new StringDeserializer(),
          C2mSerdes.json(OrderEvent.class).deserializer());
      dead = driver.createOutputTopic("dead", new ByteArrayDeserializer(),
          new ByteArrayDeserializer());
      plans = driver.createOutputTopic("plans", new StringDeserializer(),
          C2mSerdes.json(DesignPlan.class).deserializer());
    }

    /** The plans store: each design's latest plan. */
    Map<String, DesignPlan> storedPlans() {
      KeyValueStore<String, DesignPlan> store = driver.getKeyValueStore(C2mStreams.PLANS_STORE);
      Map<String, DesignPlan> out = new TreeMap<>();
      try (KeyValueIterator<String, DesignPlan> it = store.all()) {
        it.forEachRemaining(kv -> out.put(kv.key, kv.value));
      }
      return out;
    }

    void offer(Offer o, Instant at) {
      offers.pipeInput(utf8(o.design().value()), utf8(C2mJson.toJson(o)), at);
    }

    OrderReceipt place(Order o) {
      orders.pipeInput(utf8(o.id().value()), utf8(C2mJson.toJson(o)), o.placedAt());
      List<OrderReceipt> r = acks.readValuesToList();
      assertEquals(1, r.size(), "one receipt per order record");
      return r.get(0);
    }

    @Override
    public void close() {
      driver.close();
      EmbeddedBroker.delete(dir);
    }
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static Offer offer(String design, int moq, Duration campaign) {
    return new Offer(new DesignId(design), 30.0, moq, 1, campaign, Duration.ofDays(7),
        Instant.parse("2026-01-01T00:00:00Z"), FAR, 0);
  }

  static Order order(String id, String design, int quantity, double price, Instant at) {
    return new Order(new OrderId(id), new ConsumerId("c-" + id), new DesignId(design), quantity,
        price, at, at.plus(Duration.ofDays(60)));
  }

  @Test
  void aRetryIsOneOrderAndConflictingContentIsRefusedWithAReason() throws Exception {
    try (Intake in = new Intake()) {
      in.offer(offer("d1", 100, Duration.ofDays(3)), T0);
      in.offer(offer("d2", 100, Duration.ofDays(3)), T0);
      Order o1 = order("o1", "d1", 1, 30.0, T0.plusSeconds(10));
      assertEquals(OrderReceipt.Status.ACCEPTED, in.place(o1).status());
      assertEquals(OrderReceipt.Status.DUPLICATE, in.place(o1).status(), "a retry");
      OrderReceipt more = in.place(o1.withQuantity(2));
      assertEquals(OrderReceipt.Status.REJECTED, more.status());
      assertTrue(more.reason().contains("already taken"), more.reason());
      OrderReceipt other = in.place(order("o1", "d2", 1, 30.0, T0.plusSeconds(20)));
      assertEquals(OrderReceipt.Status.REJECTED, other.status(), "another design, same id");
      assertTrue(other.reason().contains("already taken"), other.reason());
      OrderReceipt price = in.place(order("o2", "d1", 1, 25.0, T0.plusSeconds(30)));
      assertEquals(OrderReceipt.Status.REJECTED, price.status());
      assertTrue(price.reason().contains("price rule"), price.reason());
      OrderReceipt unknown = in.place(order("o3", "nope", 1, 30.0, T0.plusSeconds(40)));
      assertTrue(unknown.reason().contains("offer rule"), unknown.reason());

      List<OrderEvent> ev = in.events.readValuesToList();
      assertEquals(1, ev.size(), "one acceptance, nothing else");
      assertEquals(OrderState.IN_CAMPAIGN, ev.get(0).to());
    }
  }

  @Test
  void badOrdersGoToTheDeadLetterTopic() throws Exception {
    try (Intake in = new Intake()) {
      in.orders.pipeInput(utf8("o1"), utf8("{\"id\":\"o1\"}"), T0);
      in.orders.pipeInput(utf8("o9"), utf8(C2mJson.toJson(order("o1", "d1", 1, 30, T0))), T0);
      List<TestRecord<byte[], byte[]>> dead = in.dead.readRecordsToList();
      assertEquals(2, dead.size());
      assertTrue(DeadLetter.reasonOf(dead.get(0).headers()).orElseThrow()
          .startsWith("topic orders partition 0 offset 0: the value is not an order"));
      assertTrue(DeadLetter.reasonOf(dead.get(1).headers()).orElseThrow()
          .contains("differs from the record's key"));
      assertTrue(in.acks.isEmpty());
    }
  }

  @Test
  void campaignsAreReleasedOrExpireOnStreamTime() throws Exception {
    try (Intake in = new Intake()) {
      in.offer(offer("hit", 3, Duration.ofDays(2)), T0);
      in.offer(offer("miss", 5, Duration.ofDays(2)), T0);
      in.offer(offer("other", 1, Duration.ZERO), T0);
      for (int i = 0; i < 3; i++) {
        in.place(order("h" + i, "hit", 1, 30.0, T0.plusSeconds(60 + i)));
      }
      in.place(order("m0", "miss", 2, 30.0, T0.plusSeconds(90)));
      in.events.readValuesToList();
      // Stream time moves on with an order three days later: the punctuation advances.
      in.place(order("late", "other", 1, 30.0, T0.plus(Duration.ofDays(3))));
      Map<String, OrderState> last = in.events.readValuesToList().stream().collect(
          Collectors.toMap(e -> e.order().value(), OrderEvent::to, (a, b) -> b));
      assertEquals(OrderState.RELEASED, last.get("h0"));
      assertEquals(OrderState.RELEASED, last.get("h2"));
      assertEquals(OrderState.EXPIRED, last.get("m0"), "window closed below the MOQ");
    }
  }

  @Test
  void ordersOutsideCampaignsAreBatchedByTheStrategyAndThePlanIsPublished() throws Exception {
    try (Intake in = new Intake("group-buy", Duration.ofHours(1))) {
      Offer plain = new Offer(new DesignId("plain"), 30.0, 3, 1, Duration.ZERO,
          Duration.ofDays(2), Instant.parse("2026-01-01T00:00:00Z"), FAR, 0);
      in.offer(plain, T0);
      in.place(order("p1", "plain", 2, 30.0, T0.plusSeconds(60)));
      in.place(order("tick1", "none", 1, 30.0, T0.plus(Duration.ofHours(2))));
      DesignPlan waiting = in.storedPlans().get("plain");
      assertEquals(List.of(), waiting.batches(), "2 of the 3 units of the MOQ");
      assertEquals(1, waiting.pending().size());
      in.place(order("p2", "plain", 1, 30.0, T0.plus(Duration.ofHours(2)).plusSeconds(1)));
      in.place(order("tick2", "none", 1, 30.0, T0.plus(Duration.ofHours(4))));
      DesignPlan released = in.storedPlans().get("plain");
      assertEquals(1, released.batches().size(), () -> released.toString());
      var batch = released.batches().get(0);
      assertEquals(io.c2m.order.BatchState.RELEASED, batch.state(), "frozen once released");
      assertEquals(T0, batch.start(), "the current period");
      assertEquals(T0.plus(Duration.ofDays(2)), batch.ready(), "after the lead time");
      assertEquals(List.of(new OrderId("p1"), new OrderId("p2")), batch.orders());
      assertEquals(List.of(), released.pending());
      Map<String, OrderState> last = in.events.readValuesToList().stream().collect(
          Collectors.toMap(e -> e.order().value(), OrderEvent::to, (a, b) -> b));
      assertEquals(OrderState.RELEASED, last.get("p1"));
      assertEquals(OrderState.RELEASED, last.get("p2"));
      List<TestRecord<String, DesignPlan>> published = in.plans.readRecordsToList();
      assertEquals("plain", published.get(published.size() - 1).key());
      assertEquals(released, published.get(published.size() - 1).value());
      String json = C2mJson.toJson(released);
      assertTrue(json.contains("\"start\":\"2026-03-01T00:00:00Z\""), json);
      // A check that changes nothing publishes nothing.
      in.place(order("tick3", "none", 1, 30.0, T0.plus(Duration.ofHours(6))));
      assertTrue(in.plans.isEmpty(), "an unchanged plan is not published again");
    }
  }

  @Test
  void anUnknownStrategyIsRefusedAtOnceAndAPlanHoldsOneDesign() {
    io.c2m.InvalidConfigurationException e = org.junit.jupiter.api.Assertions.assertThrows(
        io.c2m.InvalidConfigurationException.class,
        () -> C2mStreams.builder().batching("no-such-strategy"));
    assertTrue(e.getMessage().contains("no-such-strategy"), e.getMessage());
    var b1 = new io.c2m.production.ScheduledBatch(new io.c2m.BatchId("d1#1"), new DesignId("d1"),
        io.c2m.order.BatchState.PLANNED, T0, T0, 3, List.of(new OrderId("o1")));
    var p2 = new io.c2m.production.PendingOrder(new OrderId("o2"), new DesignId("d2"), 1,
        io.c2m.production.PendingReason.BELOW_MOQ, "waits");
    IllegalArgumentException other = org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class,
        () -> new DesignPlan(new DesignId("d2"), T0, List.of(b1), List.of()));
    assertTrue(other.getMessage().contains("of design d1, not of the plan's design d2"),
        other.getMessage());
    var schedule = new io.c2m.production.Schedule(T0, T0, Duration.ofDays(1), List.of(b1),
        List.of(p2), new io.c2m.production.BatchPlan(List.of(), List.of(),
            io.c2m.production.CostBreakdown.ZERO, new io.c2m.Provenance("test", "1", 0,
                Map.of())));
    Map<DesignId, DesignPlan> split = DesignPlan.of(schedule);
    assertEquals(List.of(new DesignId("d1"), new DesignId("d2")), List.copyOf(split.keySet()));
    assertEquals(List.of(b1), split.get(new DesignId("d1")).batches());
    assertEquals(List.of(p2), split.get(new DesignId("d2")).pending());
    assertEquals(List.of(), split.get(new DesignId("d2")).batches());
  }
}
