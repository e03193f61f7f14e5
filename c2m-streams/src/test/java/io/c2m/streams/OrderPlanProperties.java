package io.c2m.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.C2m;
import io.c2m.DesignId;
import io.c2m.order.Offer;
import io.c2m.order.Order;
import io.c2m.order.OrderEvent;
import io.c2m.order.OrderReceipt;
import io.c2m.production.Advance;
import io.c2m.production.BatchingStrategies;
import io.c2m.production.ScheduledBatch;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * The streams order intake plans as the in-process engine does: the same offers (with and
 * without group-buy campaigns, several MOQs, multiples and lead times) and orders (some arriving
 * out of time order, retried, or retried with other content), the same batching strategy, and the
 * engine's {@code advance()} at each stream-time check. After every check each design's plan in
 * the plans store (and the latest on the plans topic) equals the engine's schedule of that design:
 * frozen and planned batches (id, state, quantity, start and ready dates, orders) and the pending
 * orders with their reasons; so do the receipts and the order events. Every built-in strategy
 * plans each design alone: two engines with half the designs each (two partitions) plan each
 * design as the whole engine does, so the plans do not depend on how designs are partitioned.
 *
 * <p>Stream time is driven by tick orders (for a design not on offer, refused alike by both) at
 * whole multiples of the check interval; the orders between two ticks lie within one interval, so
 * a check runs at each tick and only there, as Kafka Streams aligns stream-time punctuation to
 * multiples of its interval.
 */
class OrderPlanProperties {
  private static final Duration CHECK = Duration.ofHours(6);
  private static final Instant T0 = OrderIntakeTest.T0;

  /** The engine's clock, moved by the test. */
  private static final class MovingClock extends Clock {
    private Instant now = T0;

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

  @Property(tries = 10)
  void theStreamsPlansEqualTheEngines(@ForAll long seed,
      @ForAll @IntRange(min = 2, max = 5) int designs,
      @ForAll @IntRange(min = 3, max = 9) int checks) throws Exception {
    Random r = new Random(seed);
    List<String> names = new ArrayList<>(BatchingStrategies.names());
    String strategy = names.get(r.nextInt(names.size()));
    Statistics.label("strategy").collect(strategy);
    List<Offer> offers = new ArrayList<>();
    for (int d = 0; d < designs; d++) {
      Duration campaign = r.nextInt(3) == 0 ? Duration.ofDays(1 + r.nextInt(3)) : Duration.ZERO;
      offers.add(new Offer(new DesignId("d" + d), 30.0, 1 + r.nextInt(8), 1 + r.nextInt(3),
          campaign, Duration.ofDays(r.nextInt(4)), Instant.parse("2026-01-01T00:00:00Z"),
          OrderIntakeTest.FAR, 0));
    }

    MovingClock clock = new MovingClock();
    C2m engine = C2m.builder().clock(clock).batching(BatchingStrategies.byName(strategy))
        .build();
    offers.forEach(engine::offer);
    // Two engines with half the designs each, as two partitions of the orders-by-design topic
    // would hold them: their plans must be the whole engine's, design by design.
    List<C2m> halves = List.of(
        C2m.builder().clock(clock).batching(BatchingStrategies.byName(strategy)).build(),
        C2m.builder().clock(clock).batching(BatchingStrategies.byName(strategy)).build());
    for (int d = 0; d < designs; d++) {
      halves.get(d % 2).offer(offers.get(d));
    }
    List<OrderEvent> engineEvents = new ArrayList<>();
    engine.addOrderListener(engineEvents::add);

    try (OrderIntakeTest.Intake in = new OrderIntakeTest.Intake(strategy, CHECK)) {
      for (Offer o : offers) {
        in.offer(o, T0);
      }
      Instant tick = T0;
      Instant streamTime = T0;
      int n = 0;
      int batches = 0;
      for (int k = 0; k <= checks; k++) {
        if (k > 0) {
          // Orders within one check interval after the last tick, some from before it.
          List<Order> input = new ArrayList<>();
          int count = r.nextInt(6 * designs);
          for (int i = 0; i < count; i++) {
            long offset = r.nextInt(10) == 0 ? -r.nextInt(86_400) : r.nextInt(6 * 3600);
            Instant at = tick.plusSeconds(offset);
            Order o = new Order(new io.c2m.OrderId("o" + n++),
                new io.c2m.ConsumerId("c" + r.nextInt(50)), offers.get(r.nextInt(designs))
                .design(), 1 + r.nextInt(4), 30.0, at,
                at.plus(Duration.ofDays(2 + r.nextInt(20))));
            input.add(o);
            if (r.nextInt(5) == 0) {
              input.add(o); // a retry
            }
            if (r.nextInt(12) == 0) {
              input.add(o.withQuantity(o.quantity() + 1)); // same id, other content
            }
          }
          Collections.shuffle(input, r);
          for (Order o : input) {
            streamTime = o.placedAt().isAfter(streamTime) ? o.placedAt() : streamTime;
            clock.now = streamTime;
            OrderReceipt expected = engine.acceptOrder(o);
            halves.forEach(h -> h.acceptOrder(o));
            assertEquals(expected, in.place(o), () -> "receipt of " + o.id());
          }
          tick = tick.plus(CHECK.multipliedBy(1 + r.nextInt(4)));
        }
        // The tick: stream time reaches a multiple of the check interval; the engine advances.
        streamTime = tick;
        clock.now = tick;
        Order t = OrderIntakeTest.order("tick" + k, "not-on-offer", 1, 30.0, tick);
        assertEquals(engine.acceptOrder(t), in.place(t));
        Advance step = engine.advance();
        Map<DesignId, DesignPlan> expected = DesignPlan.of(step.schedule());
        Map<DesignId, DesignPlan> split = new TreeMap<>();
        for (C2m h : halves) {
          split.putAll(DesignPlan.of(h.advance().schedule()));
        }
        for (DesignPlan want : expected.values()) {
          DesignPlan part = split.get(want.design());
          assertTrue(part != null && part.samePlan(want), () -> strategy + " plans design "
              + want.design() + " alone otherwise than among all designs: " + part + " vs "
              + want);
        }
        batches += step.schedule().batches().size();
        assertSamePlans(expected, in, "check " + k + " at " + tick);
      }
      assertEquals(engineEvents, in.events.readValuesToList(), "order events");
      Statistics.label("batches").collect(batches == 0 ? "none" : "some");
    }
  }

  private static void assertSamePlans(Map<DesignId, DesignPlan> expected,
      OrderIntakeTest.Intake in, String when) {
    Map<String, DesignPlan> stored = in.storedPlans();
    Map<String, DesignPlan> published = new TreeMap<>();
    in.plans.readKeyValuesToList().forEach(kv -> published.put(kv.key, kv.value));
    for (Map.Entry<String, DesignPlan> e : published.entrySet()) {
      assertEquals(stored.get(e.getKey()), e.getValue(), "published plan of " + e.getKey());
    }
    for (DesignPlan want : expected.values()) {
      DesignPlan got = stored.get(want.design().value());
      assertTrue(got != null, () -> when + ": no plan of " + want.design());
      assertEquals(describe(want), describe(got), when + ": plan of " + want.design());
      assertEquals(want.pending(), got.pending(), when + ": pending of " + want.design());
    }
    for (Map.Entry<String, DesignPlan> e : stored.entrySet()) {
      if (!expected.containsKey(new DesignId(e.getKey()))) {
        assertEquals(List.of(), e.getValue().batches(), when + ": " + e.getKey());
        assertEquals(List.of(), e.getValue().pending(), when + ": " + e.getKey());
      }
    }
  }

  /** The batches field by field, so that a difference shows where. */
  private static List<String> describe(DesignPlan p) {
    List<String> out = new ArrayList<>();
    for (ScheduledBatch b : p.batches()) {
      out.add(b.id() + " " + b.state() + " " + b.quantity() + " " + b.start() + " " + b.ready()
          + " " + b.orders());
    }
    return out;
  }
}
