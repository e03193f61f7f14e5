package io.c2m;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.order.BatchState;
import io.c2m.order.BookedOrder;
import io.c2m.order.Offer;
import io.c2m.order.Order;
import io.c2m.order.OrderEvent;
import io.c2m.order.OrderReceipt;
import io.c2m.order.OrderState;
import io.c2m.order.OrderStore;
import io.c2m.production.Advance;
import io.c2m.production.BatchPlan;
import io.c2m.production.BatchingStrategy;
import io.c2m.production.PendingReason;
import io.c2m.production.ProductionBatch;
import io.c2m.production.ProductionConstraints;
import io.c2m.production.Schedule;
import io.c2m.production.ScheduledBatch;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scenarios of issue 10: an engine that runs over time, with an order lifecycle. */
class OrdersOverTimeIssue10Test {
  private static final Instant MARCH_1 = Instant.parse("2026-03-01T09:00:00Z");
  private static final Instant MARCH_11 = Instant.parse("2026-03-11T09:00:00Z");
  private static final DesignId D = DesignId.of("linen-dress");

  /** A clock the test moves. */
  private static final class MovingClock extends Clock {
    Instant now;

    MovingClock(Instant now) {
      this.now = now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private static Order order(String id, String consumer, int qty, double price, Instant at) {
    return new Order(OrderId.of(id), ConsumerId.of(consumer), D, qty, price, at,
        at.plus(Duration.ofDays(30)));
  }

  @Test
  void aGroupBuyCampaignThatOpenedNowIsOpenNotCancelled() {
    MovingClock clock = new MovingClock(MARCH_1);
    C2m c2m = C2m.builder().clock(clock).batching(BatchingStrategy.groupBuy(7))
        .defaultConstraints(ProductionConstraints.unconstrained().withMaximumBatch(1000)
            .withMinimumOrderQuantity(30))
        .build();
    c2m.offer(Offer.of(D, 30));
    assertEquals(OrderReceipt.Status.ACCEPTED,
        c2m.acceptOrder(order("o1", "c1", 2, 30, MARCH_1)).status());
    BatchPlan plan = c2m.planBatches();
    assertEquals(1, plan.pending().size());
    assertEquals(PendingReason.BELOW_MOQ, plan.pending().get(0).reason(),
        plan.pending().get(0).detail());
    assertTrue(plan.pending().get(0).detail().contains("open until 2026-03-08"),
        plan.pending().get(0).detail());
    // an advance now expires nothing
    assertTrue(c2m.advance().events().isEmpty());
    assertEquals(OrderState.PLACED, c2m.orderBook().find(OrderId.of("o1")).orElseThrow().state());
    // eight days later the window has really closed: the order expires, refund due
    clock.now = MARCH_1.plus(Duration.ofDays(8));
    Advance later = c2m.advance();
    assertEquals(OrderState.EXPIRED,
        c2m.orderBook().find(OrderId.of("o1")).orElseThrow().state());
    assertEquals(OrderState.EXPIRED, later.events().get(later.events().size() - 1).to());
  }

  @Test
  void nothingIsScheduledBeforeNow() {
    MovingClock clock = new MovingClock(MARCH_11);
    C2m c2m = C2m.builder().clock(clock).build();
    c2m.offer(Offer.of(D, 30));
    for (int i = 0; i < 3; i++) {
      c2m.acceptOrder(order("o" + i, "c" + i, 1, 30, MARCH_1));
    }
    BatchPlan plan = c2m.planBatches();
    assertEquals(Instant.parse("2026-03-11T00:00:00Z"), c2m.planningStart());
    assertEquals(1, plan.batches().size());
    assertEquals(0, plan.batches().get(0).period());
    Schedule s = c2m.schedule();
    assertEquals(Instant.parse("2026-03-11T00:00:00Z"), s.firstDay());
    assertEquals(Instant.parse("2026-03-11T00:00:00Z"), s.batches().get(0).start());
  }

  @Test
  void anOrderAfterTheSalesWindowOrAtTheWrongPriceIsRefusedNamingTheRule() {
    C2m c2m = C2m.builder().clock(Clock.fixed(MARCH_11, ZoneOffset.UTC)).build();
    c2m.offer(Offer.of(D, 30).withSalesWindow(MARCH_1, MARCH_1.plus(Duration.ofDays(7))));
    OrderReceipt late = c2m.acceptOrder(order("late", "c1", 1, 30, MARCH_11));
    assertEquals(OrderReceipt.Status.REJECTED, late.status());
    assertTrue(late.reason().contains("sales-window"), late.reason());
    OrderReceipt cheap = c2m.acceptOrder(order("cheap", "c1", 1, 0.01, MARCH_1.plusSeconds(60)));
    assertEquals(OrderReceipt.Status.REJECTED, cheap.status());
    assertTrue(cheap.reason().contains("price rule"), cheap.reason());
    OrderReceipt unknown = c2m.acceptOrder(new Order(OrderId.of("u"), ConsumerId.of("c"),
        DesignId.of("nope"), 1, 30, MARCH_1, MARCH_11));
    assertTrue(unknown.reason().contains("offer rule"), unknown.reason());
    assertEquals(0, c2m.orders().size());
  }

  @Test
  void aCapPerOrderAndUnknownConsumersAreRefused() {
    C2m c2m = C2m.builder().clock(Clock.fixed(MARCH_1, ZoneOffset.UTC))
        .requireKnownConsumers(true).build();
    c2m.offer(new Offer(D, 30, 1, 1, Duration.ZERO, Duration.ZERO, Instant.MIN, Instant.MAX, 5));
    OrderReceipt big = c2m.acceptOrder(order("big", "c1", 6, 30, MARCH_1));
    assertTrue(big.reason().contains("cap-per-order"), big.reason());
    OrderReceipt stranger = c2m.acceptOrder(order("s", "c1", 1, 30, MARCH_1));
    assertTrue(stranger.reason().contains("known-consumer"), stranger.reason());
    c2m.registerConsumer(io.c2m.signal.ConsumerAccount.of(ConsumerId.of("c1"),
        io.c2m.privacy.Consent.PROFILING));
    assertTrue(c2m.acceptOrder(order("s", "c1", 1, 30, MARCH_1)).isOnBook());
  }

  @Test
  void aResentOrderIsADuplicateAndOtherContentUnderItsIdIsRejected() {
    C2m c2m = C2m.builder().clock(Clock.fixed(MARCH_1, ZoneOffset.UTC)).build();
    c2m.offer(Offer.of(D, 30));
    assertEquals(OrderReceipt.Status.ACCEPTED,
        c2m.acceptOrder(order("o1", "c1", 2, 30, MARCH_1)).status());
    assertEquals(OrderReceipt.Status.DUPLICATE,
        c2m.acceptOrder(order("o1", "c1", 2, 30, MARCH_1.plusSeconds(1))).status());
    OrderReceipt other = c2m.acceptOrder(order("o1", "c1", 3, 30, MARCH_1));
    assertEquals(OrderReceipt.Status.REJECTED, other.status());
    BookedOrder kept = c2m.orderBook().find(OrderId.of("o1")).orElseThrow();
    assertEquals(2, kept.order().quantity());
    assertEquals(MARCH_1, kept.order().placedAt());
  }

  @Test
  void ordersMoveThroughTheirLifecycleAndListenersSeeEveryStep() {
    MovingClock clock = new MovingClock(MARCH_1);
    C2m c2m = C2m.builder().clock(clock).build();
    List<OrderEvent> seen = new ArrayList<>();
    c2m.addOrderListener(seen::add);
    c2m.offer(Offer.of(D, 30));
    c2m.acceptOrder(order("a", "c1", 1, 30, MARCH_1));
    c2m.acceptOrder(order("b", "c2", 1, 30, MARCH_1));
    c2m.acceptOrder(order("c", "c3", 1, 30, MARCH_1));
    c2m.cancelOrder(OrderId.of("c"), "consumer changed their mind");
    Advance step = c2m.advance();
    ScheduledBatch batch = step.schedule().batches().get(0);
    assertEquals(BatchState.RELEASED, batch.state());
    assertEquals(List.of(OrderId.of("a"), OrderId.of("b")), batch.orders());
    // frozen: the next plan has nothing left to plan
    assertTrue(c2m.planBatches().batches().isEmpty());
    // ship before production is refused, naming the order, its state and the rule
    IllegalStateException early = assertThrows(IllegalStateException.class,
        () -> c2m.orderBook().ship(OrderId.of("a")));
    assertTrue(early.getMessage().contains("(a) is RELEASED"), early.getMessage());
    c2m.startProduction(batch.id());
    IllegalStateException tooLate = assertThrows(IllegalStateException.class,
        () -> c2m.cancelOrder(OrderId.of("a"), "please"));
    assertTrue(tooLate.getMessage().contains("IN_PRODUCTION")
        && tooLate.getMessage().contains("until production starts"), tooLate.getMessage());
    c2m.ship(batch.id());
    c2m.deliver(batch.id());
    assertEquals(OrderState.DELIVERED, c2m.orderBook().find(OrderId.of("a")).orElseThrow().state());
    assertEquals(OrderState.CANCELLED, c2m.orderBook().find(OrderId.of("c")).orElseThrow().state());
    assertEquals(BatchState.DONE, c2m.orderBook().batches().get(0).state());
    // 3 acceptances, 1 cancel, 2 releases, 2 x (production, shipped, delivered)
    assertEquals(12, seen.size());
    assertEquals(List.of(OrderState.PLACED, OrderState.RELEASED, OrderState.IN_PRODUCTION,
        OrderState.SHIPPED, OrderState.DELIVERED),
        c2m.orderBook().store().history(OrderId.of("a")).stream().map(OrderEvent::to).toList());
  }

  @Test
  void anOfferCampaignIsReleasedAtItsMinimumAndExpiresBelowItOnceClosed() {
    MovingClock clock = new MovingClock(MARCH_1);
    C2m c2m = C2m.builder().clock(clock).build();
    DesignId other = DesignId.of("wool-coat");
    c2m.offer(Offer.of(D, 30).withCampaign(3, Duration.ofDays(7)));
    c2m.offer(Offer.of(other, 90).withCampaign(10, Duration.ofDays(7)));
    for (int i = 0; i < 3; i++) {
      assertTrue(c2m.acceptOrder(order("d" + i, "c" + i, 1, 30, MARCH_1)).isOnBook());
    }
    c2m.acceptOrder(new Order(OrderId.of("coat"), ConsumerId.of("c9"), other, 2, 90, MARCH_1,
        MARCH_1.plus(Duration.ofDays(40))));
    assertEquals(OrderState.IN_CAMPAIGN,
        c2m.orderBook().find(OrderId.of("d0")).orElseThrow().state());
    Schedule before = c2m.schedule();
    assertTrue(before.pending().stream().anyMatch(p -> p.detail().contains("collects orders until")));
    clock.now = MARCH_1.plus(Duration.ofHours(1));
    Advance a = c2m.advance();
    assertEquals(3, a.events().size());
    assertEquals(OrderState.RELEASED, c2m.orderBook().find(OrderId.of("d2")).orElseThrow().state());
    assertEquals(OrderState.IN_CAMPAIGN,
        c2m.orderBook().find(OrderId.of("coat")).orElseThrow().state());
    clock.now = MARCH_1.plus(Duration.ofDays(7));
    c2m.advance();
    assertEquals(OrderState.EXPIRED, c2m.orderBook().find(OrderId.of("coat")).orElseThrow().state());
  }

  @Test
  void aSecondEngineOnTheSameStoreSeesEveryOrderAndFrozenBatch() {
    OrderStore store = OrderStore.inMemory();
    C2m first = C2m.builder().clock(Clock.fixed(MARCH_1, ZoneOffset.UTC)).orderStore(store).build();
    first.offer(Offer.of(D, 30));
    first.acceptOrder(order("a", "c1", 4, 30, MARCH_1));
    first.advance();
    C2m second = C2m.builder().clock(Clock.fixed(MARCH_11, ZoneOffset.UTC)).orderStore(store)
        .build();
    assertEquals(OrderReceipt.Status.DUPLICATE,
        second.acceptOrder(order("a", "c1", 4, 30, MARCH_1)).status());
    assertEquals(1, second.schedule().batches().size());
    assertEquals(BatchState.RELEASED, second.schedule().batches().get(0).state());
    assertFalse(second.offerOf(D).isEmpty());
    List<ProductionBatch> none = second.planBatches().batches();
    assertTrue(none.isEmpty());
  }
}
