package io.c2m;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.design.ProductDesign;
import io.c2m.niche.Niche;
import io.c2m.niche.Trend;
import io.c2m.order.Order;
import io.c2m.order.OrderReceipt;
import io.c2m.privacy.Consent;
import io.c2m.signal.ConsumerAccount;
import io.c2m.signal.Signal;
import io.c2m.signal.SignalType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Regression tests for the engine's concurrency, atomicity and privacy guarantees. */
class C2mEngineSafetyTest {
  private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");
  private static final ProductDesign DESIGN = new ProductDesign(DesignId.of("d1"),
      NicheId.of("n1"), Attributes.of("category", "dress"), 30);

  private static C2m engine(int k) {
    return C2m.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).syntheticData().minimumAudience(k).build();
  }

  private static Order order(int i) {
    return new Order(OrderId.of("o" + i), ConsumerId.of("c" + i), DESIGN.id(), 1, 30,
        NOW.plusSeconds(i), NOW.plusSeconds(86_400L + i));
  }

  @Test
  void acceptingOrdersWhilePlanningDoesNotDeadlock() throws Exception {
    C2m c2m = engine(1);
    c2m.offer(DESIGN);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<?> accepting = pool.submit(() -> {
        for (int i = 0; i < 2_000; i++) {
          assertEquals(OrderReceipt.Status.ACCEPTED, c2m.acceptOrder(order(i)).status());
        }
      });
      Future<?> planning = pool.submit(() -> {
        for (int i = 0; i < 200; i++) {
          c2m.planBatches();
        }
      });
      accepting.get(60, TimeUnit.SECONDS);
      planning.get(60, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }
    assertEquals(2_000, c2m.orders().size());
    var plan = c2m.planBatches();
    int planned = plan.pending().size();
    for (var b : plan.batches()) {
      planned += b.orders().size();
    }
    assertEquals(2_000, planned);
  }

  @Test
  void aBatchWithANullSignalProfilesNothing() {
    C2m c2m = engine(1);
    ConsumerId c = ConsumerId.of("c1");
    c2m.registerConsumer(ConsumerAccount.of(c, Consent.PROFILING));
    Signal good = Signal.of(c, SignalType.VIEW, NOW, Attributes.of("category", "dress"), "web");
    NullPointerException e = assertThrows(NullPointerException.class,
        () -> c2m.ingest(Arrays.asList(good, null)));
    assertTrue(e.getMessage().contains("index 1"), e.getMessage());
    assertTrue(c2m.profiles().isEmpty(), "a failed ingest must change nothing");
  }

  @Test
  void aBatchWithASignalTooFarFromTheEpochProfilesNothing() {
    C2m c2m = engine(1);
    ConsumerId c = ConsumerId.of("c1");
    c2m.registerConsumer(ConsumerAccount.of(c, Consent.PROFILING));
    Attributes dress = Attributes.of("category", "dress");
    Signal good = Signal.of(c, SignalType.VIEW, NOW, dress, "web");
    Instant far = NOW.plus(io.c2m.signal.ProfileSettings.defaults().halfLife()
        .multipliedBy(io.c2m.signal.ProfileStore.MAX_HALF_LIVES + 1L));
    Signal bad = Signal.of(c, SignalType.VIEW, far, dress, "web");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> c2m.ingest(List.of(good, bad)));
    assertTrue(e.getMessage().contains("index 1"), e.getMessage());
    assertTrue(c2m.profiles().isEmpty(), "a failed ingest must change nothing");
  }

  @Test
  void nichesAndDesignsUseOnlyConsentingConsumersProfiles() {
    Attributes sage = Attributes.of("category", "dress", "color", "sage", "material", "linen");
    C2m c2m = C2m.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).syntheticData().minimumAudience(3)
        .inference(request -> request.profiles().size() >= 3
            ? List.of(new Niche(NicheId.of("sage"), sage, request.profiles().size(), 1, 2,
                Trend.steady()))
            : List.of())
        .build();
    List<Signal> signals = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ConsumerId c = ConsumerId.of("c" + i);
      c2m.registerConsumer(ConsumerAccount.of(c, Consent.PROFILING));
      signals.add(new Signal(c, SignalType.PURCHASE, NOW, sage, "web", 30));
    }
    c2m.ingest(signals);
    assertEquals(1, c2m.discoverNiches().size());
    // One withdraws consent: two consenting consumers remain, fewer than k = 3.
    c2m.registerConsumer(ConsumerAccount.of(ConsumerId.of("c0")));
    assertEquals(List.of(), c2m.discoverNiches());
    Niche stale = new Niche(NicheId.of("sage"), sage, 3, 1, 2, Trend.steady());
    assertEquals(List.of(), c2m.tailorDesigns(List.of(stale)));
  }

  @Test
  void aStrategyThatOverReportsTheAudienceCannotReleaseASmallNiche() {
    Niche lie = new Niche(NicheId.of("lie"), Attributes.of("category", "dress", "color", "sage"),
        1_000, 1, 10, Trend.steady());
    C2m c2m = C2m.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).syntheticData().minimumAudience(3)
        .inference(request -> List.of(lie)).build();
    List<Signal> signals = new ArrayList<>();
    for (int i = 0; i < 2; i++) {                 // only two consumers match
      ConsumerId c = ConsumerId.of("c" + i);
      c2m.registerConsumer(ConsumerAccount.of(c, Consent.PROFILING));
      signals.add(new Signal(c, SignalType.PURCHASE, NOW, lie.definition(), "web", 30));
    }
    c2m.ingest(signals);
    assertEquals(List.of(), c2m.discoverNiches());
    assertEquals(List.of(), c2m.tailorDesigns(List.of(lie)),
        "no design may be tailored from fewer than k consumers");
  }

  @Test
  void aForgottenConsumerLeavesNoProfileAndIsNotProfiledAgain() {
    C2m c2m = engine(1);
    ConsumerId c = ConsumerId.of("c1");
    ConsumerId other = ConsumerId.of("c2");
    Attributes dress = Attributes.of("category", "dress");
    c2m.registerConsumer(ConsumerAccount.of(c, Consent.PROFILING));
    c2m.registerConsumer(ConsumerAccount.of(other, Consent.PROFILING));
    c2m.ingest(List.of(Signal.of(c, SignalType.VIEW, NOW, dress, "web"),
        Signal.of(other, SignalType.VIEW, NOW, dress, "web")));
    assertTrue(c2m.forgetConsumer(c));
    assertEquals(List.of(other), c2m.profiles().stream().map(p -> p.consumer()).toList());
    assertEquals(new io.c2m.signal.IngestReport(0, 1),
        c2m.ingest(List.of(Signal.of(c, SignalType.VIEW, NOW, dress, "web"))));
    assertTrue(!c2m.forgetConsumer(c), "nothing left to forget");

    c2m.registerConsumer(ConsumerAccount.of(c, Consent.PROFILING));
    c2m.ingest(List.of(Signal.of(c, SignalType.PURCHASE, NOW, dress, "web")));
    var again = c2m.profiles().stream().filter(p -> p.consumer().equals(c)).findFirst()
        .orElseThrow();
    assertEquals(1, again.signalCount(), "a consumer who comes back starts from nothing");
  }

  @Test
  void withdrawingProfilingConsentErasesTheProfile() {
    C2m c2m = engine(1);
    ConsumerId c = ConsumerId.of("c1");
    c2m.registerConsumer(ConsumerAccount.of(c, Consent.PROFILING));
    c2m.ingest(List.of(Signal.of(c, SignalType.VIEW, NOW, Attributes.of("category", "dress"),
        "web")));
    c2m.registerConsumer(ConsumerAccount.of(c, Consent.TAILORED_OFFERS));
    assertTrue(c2m.profiles().isEmpty());
  }

  @Test
  void anotherDesignUnderATakenIdIsRefused() {
    C2m c2m = engine(1);
    c2m.offer(DESIGN);
    c2m.offer(DESIGN);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> c2m.offer(DESIGN.withUnitPrice(31)));
    assertTrue(e.getMessage().contains("d1"), e.getMessage());
    assertEquals(List.of(DESIGN), c2m.designs());
  }

  @Test
  void constraintsNeedADesignOnOffer() {
    C2m c2m = engine(1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> c2m.constraints(DesignId.of("ghost"),
            io.c2m.production.ProductionConstraints.unconstrained()));
    assertTrue(e.getMessage().contains("ghost"), e.getMessage());
  }

  @Test
  void receiptsCarryAReasonExactlyWhenRejected() {
    assertThrows(IllegalArgumentException.class,
        () -> new OrderReceipt(OrderId.of("o"), OrderReceipt.Status.REJECTED, " "));
    assertThrows(IllegalArgumentException.class,
        () -> new OrderReceipt(OrderId.of("o"), OrderReceipt.Status.ACCEPTED, "why"));
  }

  @Test
  void hugePeriodsAreAConfigurationError() {
    assertThrows(InvalidConfigurationException.class,
        () -> C2m.builder().period(java.time.Duration.ofSeconds(Long.MAX_VALUE)));
    assertThrows(InvalidConfigurationException.class,
        () -> C2m.builder().period(java.time.Duration.ofNanos(1_500_000)));
  }

  private static final Attributes SHOE =
      Attributes.of("category", "shoes", "color", "black", "heel", "flat");
  private static final Attributes SHOE_DEFINITION =
      Attributes.of("category", "shoes", "color", "black");
  private static final Niche SHOE_NICHE =
      new Niche(Niche.idFor(SHOE_DEFINITION), SHOE_DEFINITION, 20, 10, 3, Trend.steady());

  /** Twenty members view black flat shoes eight times and buy a pair at {@code price}. */
  private static void shop(C2m c2m, double price, long secondsAgo) {
    List<Signal> out = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      ConsumerId c = ConsumerId.of("m" + i);
      for (int v = 0; v < 8; v++) {
        out.add(Signal.of(c, SignalType.VIEW, NOW.minusSeconds(3600 + v), SHOE, "web"));
      }
      out.add(new Signal(c, SignalType.PURCHASE, NOW.minusSeconds(secondsAgo), SHOE, "web",
          price));
    }
    c2m.ingest(out);
  }

  private static void registerAll(C2m c2m, Consent consent) {
    for (int i = 0; i < 20; i++) {
      c2m.registerConsumer(ConsumerAccount.of(ConsumerId.of("m" + i), consent));
    }
  }

  @Test
  void forgettingAConsumerErasesTheirCategoryPrices() {
    C2m c2m = engine(5);
    registerAll(c2m, Consent.PROFILING);
    shop(c2m, 500, 60);
    for (int i = 0; i < 20; i++) {
      assertTrue(c2m.forgetConsumer(ConsumerId.of("m" + i)));
      // Nothing is left of them, category prices included.
      assertEquals(false, c2m.forgetConsumer(ConsumerId.of("m" + i)));
    }
    registerAll(c2m, Consent.PROFILING);
    shop(c2m, 10, 30);
    List<ProductDesign> designs = c2m.tailorDesigns(List.of(SHOE_NICHE));
    assertEquals(1, designs.size());
    // Kept prices would give a mean of 500 and 10 per member, about 255.
    assertEquals(10.0, designs.get(0).unitPrice());
  }

  @Test
  void withdrawingProfilingConsentErasesTheirCategoryPrices() {
    C2m c2m = engine(5);
    registerAll(c2m, Consent.PROFILING);
    shop(c2m, 500, 60);
    registerAll(c2m, Consent.TAILORED_OFFERS);
    registerAll(c2m, Consent.PROFILING);
    shop(c2m, 10, 30);
    List<ProductDesign> designs = c2m.tailorDesigns(List.of(SHOE_NICHE));
    assertEquals(1, designs.size());
    assertEquals(10.0, designs.get(0).unitPrice());
  }
}
