package io.c2m;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.demand.DemandSeries;
import io.c2m.demand.ForecastPoint;
import io.c2m.design.ProductDesign;
import io.c2m.niche.Niche;
import io.c2m.order.Offer;
import io.c2m.order.Order;
import io.c2m.order.OrderReceipt;
import io.c2m.privacy.Consent;
import io.c2m.production.BatchPlan;
import io.c2m.production.NewsvendorTopUp;
import io.c2m.signal.ConsumerAccount;
import io.c2m.signal.Signal;
import io.c2m.signal.SignalType;
import io.c2m.testlog.CapturingLogs;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 13 part 7: what an engine logs and counts, and that no consumer data is in either. */
class C2mListenerTest {
  private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");
  /** Every consumer id of the test starts with this: it must never reach a log line. */
  private static final String SECRET = "shopper-7f3a";

  private static ConsumerId who(int i) {
    return ConsumerId.of(SECRET + i);
  }

  /** 40 consumers share a taste, 30 are diverse; 3 consumers have not consented. */
  private static List<Signal> signals(C2m c2m) {
    List<Signal> out = new ArrayList<>();
    for (int i = 0; i < 73; i++) {
      c2m.registerConsumer(i < 70 ? ConsumerAccount.of(who(i), Consent.PROFILING)
          : ConsumerAccount.of(who(i)));
      Attributes item = i < 40
          ? Attributes.of("category", "dress", "color", "sage", "material", "linen")
          : Attributes.of("category", "shirt", "color", "c" + i, "material", "m" + i % 7);
      out.add(new Signal(who(i), SignalType.CART_ADD, NOW.minusSeconds(60L * i), item, "web",
          34.0));
    }
    return out;
  }

  @Test
  void theEngineCountsAndLogsItsWorkWithoutAnyConsumerId() {
    C2mMetrics metrics = new C2mMetrics();
    List<String> progress = new ArrayList<>();
    C2mListener both = new C2mListener() {
      @Override
      public void progress(String task, long done, long total) {
        progress.add(task + " " + done + "/" + total);
      }

      @Override
      public void orderAnswered(OrderReceipt.Status status, String rule) {
        metrics.orderAnswered(status, rule);
      }

      @Override
      public void signalsIngested(long profiled, long skippedWithoutConsent) {
        metrics.signalsIngested(profiled, skippedWithoutConsent);
      }

      @Override
      public void nichesFound(String strategy, int profiles, int niches, Duration took) {
        metrics.nichesFound(strategy, profiles, niches, took);
      }

      @Override
      public void designsTailored(int niches, int designs) {
        metrics.designsTailored(niches, designs);
      }

      @Override
      public void planComputed(String strategy, int open, int batches, int pending,
          Duration took) {
        metrics.planComputed(strategy, open, batches, pending, took);
      }
    };
    CapturingLogs.start();
    List<String> lines;
    BatchPlan plan;
    try {
      C2m c2m = C2m.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).seed(7)
          .minimumAudience(25).listener(both)
          .forecaster(io.c2m.demand.DemandForecaster.holtWintersAdditive(7)).build();
      c2m.ingest(signals(c2m));
      List<Niche> niches = c2m.discoverNiches();
      List<ProductDesign> designs = c2m.tailorDesigns(niches);
      ProductDesign d = designs.get(0);
      for (int i = 0; i < 5; i++) {
        c2m.acceptOrder(order(i, d, d.unitPrice()));
      }
      c2m.acceptOrder(order(0, d, d.unitPrice()));                 // a retry: duplicate
      c2m.acceptOrder(order(1, d, d.unitPrice() + 1));             // same id, other content
      c2m.acceptOrder(new Order(OrderId.of("o-cheap"), who(9), d.id(), 1,
          d.unitPrice() / 2, NOW, NOW.plus(Duration.ofDays(21)))); // refused: price
      c2m.acceptOrder(new Order(OrderId.of("o-none"), who(9), DesignId.of("nothing"), 1, 1,
          NOW, NOW.plus(Duration.ofDays(21))));                    // refused: not on offer
      c2m.constraints(d.id(),
          io.c2m.production.ProductionConstraints.unconstrained().withCosts(10, 4, 0));
      c2m.topUp(d.id(), new NewsvendorTopUp(10, 1, new ForecastPoint(1, 0, 0, 0, 0)));
      c2m.demandHistory(d.id(), DemandSeries.of("h", 3, 4));      // too short: a fallback
      plan = c2m.planBatches();
    } finally {
      lines = CapturingLogs.stop();
    }
    String log = String.join("\n", lines);

    assertEquals(70, metrics.signalsProfiled());
    assertEquals(3, metrics.signalsSkippedWithoutConsent());
    assertEquals(5, metrics.ordersAccepted());
    assertEquals(1, metrics.ordersDuplicate());
    assertEquals(3, metrics.ordersRejected());
    assertEquals(1, metrics.ordersRejected("price"));
    assertEquals(1, metrics.ordersRejected("offer"));
    assertEquals(1, metrics.ordersRejected("id-conflict"));
    assertEquals(1, metrics.nicheSearches());
    assertTrue(metrics.nichesFound() >= 1, metrics.toString());
    assertTrue(metrics.designsTailored() >= 1, metrics.toString());
    assertEquals(1, metrics.plansComputed());
    assertEquals(1L, metrics.snapshot().get("c2m.orders.rejected.price"));
    assertTrue(progress.contains("ingest 73/73"), progress.toString());
    assertTrue(progress.contains("niches 1/1"), progress.toString());

    assertTrue(log.contains("INFO io.c2m.C2m: c2m engine built: "), log);
    assertTrue(log.contains("batching=group-buy"), log);
    assertTrue(log.contains("Niche search by attribute-miner: "), log);
    assertTrue(log.contains("Tailored " + metrics.designsTailored() + " new designs"), log);
    assertTrue(log.contains("DEBUG io.c2m.C2m: An order was refused by the price rule"), log);
    assertTrue(log.contains("Plan by group-buy: 5 open orders, " + plan.batches().size()
        + " batches"), log);
    assertTrue(log.contains("by rule: {id-conflict=1, offer=1, price=1}"), log);
    assertTrue(log.contains("Forecasts of 1 designs fell back to a simpler method: ["), log);
    assertFalse(log.contains(SECRET), "a consumer id in the log:\n" + log);
    assertFalse(log.contains("o-cheap"), "an order id in the log:\n" + log);
  }

  private static Order order(int i, ProductDesign d, double price) {
    return new Order(OrderId.of("o" + i), who(i), d.id(), 1, price, NOW,
        NOW.plus(Duration.ofDays(21)));
  }

  @Test
  void aFailingListenerIsLoggedAndTheWorkGoesOn() {
    CapturingLogs.start();
    List<String> lines;
    C2m c2m = C2m.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .listener(new C2mListener() {
          @Override
          public void signalsIngested(long profiled, long skipped) {
            throw new IllegalStateException("dashboard down for " + SECRET);
          }
        }).build();
    try {
      assertEquals(70, c2m.ingest(signals(c2m)).profiled());
    } finally {
      lines = CapturingLogs.stop();
    }
    String log = String.join("\n", lines);
    assertTrue(log.contains("WARN io.c2m.C2m: The c2m listener"), log);
    assertFalse(log.contains(SECRET), log);
  }

  @Test
  void eventsReadAreCountedByRule() {
    C2mMetrics m = new C2mMetrics();
    C2m c2m = C2m.builder().listener(m).build();
    CapturingLogs.start();
    List<String> lines;
    try {
      c2m.eventsRead(new io.c2m.json.EventReport(4, 1, 1, 2, 1, List.of(
          new io.c2m.json.EventProblem(2, io.c2m.json.EventProblem.Kind.MALFORMED_JSON,
              "not JSON: " + SECRET))));
    } finally {
      lines = CapturingLogs.stop();
    }
    assertEquals(List.of("INFO io.c2m.C2m: Read 4 events: 1 accepted, 1 skipped, 2 rejected, by "
        + "rule: {MALFORMED_JSON=1, UNLISTED=1}"), lines);
    assertEquals(1, m.eventsRejected("UNLISTED"));
    m = new C2mMetrics();
    m.eventsRead(10, Map.of("MALFORMED", 2L, "TOO_OLD", 1L));
    m.eventsRead(5, Map.of("MALFORMED", 1L));
    assertEquals(15, m.eventsRead());
    assertEquals(4, m.eventsRejected());
    assertEquals(3, m.eventsRejected("MALFORMED"));
    assertEquals(0, m.eventsRejected("UNKNOWN"));
    assertEquals(3L, m.snapshot().get("c2m.events.rejected.MALFORMED"));
  }
}
