package io.c2m;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.design.ProductDesign;
import io.c2m.niche.Niche;
import io.c2m.order.Order;
import io.c2m.order.OrderReceipt;
import io.c2m.privacy.Consent;
import io.c2m.production.BatchPlan;
import io.c2m.production.BatchPlanChecks;
import io.c2m.production.BatchingProblem;
import io.c2m.production.ProductionConstraints;
import io.c2m.signal.ConsumerAccount;
import io.c2m.signal.ConsumerProfile;
import io.c2m.signal.IngestReport;
import io.c2m.signal.Signal;
import io.c2m.sim.MarketplaceSpec;
import io.c2m.sim.PlantedNiche;
import io.c2m.sim.Population;
import io.c2m.sim.SyntheticMarketplace;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The walking skeleton: signals to batches through the engine facade. */
class C2mEngineTest {
  private static final MarketplaceSpec SPEC = MarketplaceSpec.fashion().withConsumers(2500);
  private static Population population;

  @BeforeAll
  static void draw() {
    population = SyntheticMarketplace.generate(SPEC, 7);
  }

  private static C2m engine(int minimumAudience) {
    C2m c2m = C2m.builder()
        .clock(Clock.fixed(SPEC.end(), ZoneOffset.UTC))
        .seed(7)
        .minimumAudience(minimumAudience)
        .defaultConstraints(new ProductionConstraints(30, 5, 200, 300, 100, 10, 0.1, 3))
        .build();
    population.accounts().forEach(c2m::registerConsumer);
    c2m.ingest(population.signals());
    return c2m;
  }

  @Test
  void signalsWithoutConsentAreCountedButNotProfiled() {
    C2m c2m = C2m.builder().clock(Clock.fixed(SPEC.end(), ZoneOffset.UTC)).build();
    population.accounts().forEach(c2m::registerConsumer);
    IngestReport report = c2m.ingest(population.signals());
    Set<ConsumerId> refused = new HashSet<>();
    for (ConsumerAccount a : population.accounts()) {
      if (!a.allows(Consent.PROFILING)) {
        refused.add(a.id());
      }
    }
    long expectedSkipped = population.signals().stream()
        .filter(s -> refused.contains(s.consumer())).count();
    assertTrue(expectedSkipped > 0, "the population has consumers without consent");
    assertEquals(expectedSkipped, report.withoutConsent());
    assertEquals(population.signals().size(), report.total());
    for (ConsumerProfile p : c2m.profiles()) {
      assertFalse(refused.contains(p.consumer()), "profiled without consent: " + p.consumer());
    }
  }

  @Test
  void unregisteredConsumersAreNotProfiled() {
    C2m c2m = C2m.builder().clock(Clock.fixed(SPEC.end(), ZoneOffset.UTC)).build();
    Signal s = population.signals().get(0);
    assertEquals(new IngestReport(0, 1), c2m.ingest(List.of(s)));
    assertTrue(c2m.profiles().isEmpty());
  }

  @Test
  void plantedNichesAreFoundAndNoneBelowTheMinimumAudience() {
    List<Niche> niches = engine(20).discoverNiches();
    Set<Attributes> found = new HashSet<>();
    niches.forEach(n -> found.add(n.definition()));
    for (PlantedNiche p : SPEC.niches()) {
      assertTrue(found.contains(p.definition()), "planted niche not found: " + p.definition());
    }
    niches.forEach(n -> assertTrue(n.audience() >= 20, n::toString));
  }

  @Test
  void minimumAudienceWithholdsSmallNiches() {
    int k = 200;
    List<Niche> niches = engine(k).discoverNiches();
    assertFalse(niches.isEmpty());
    niches.forEach(n -> assertTrue(n.audience() >= k, n::toString));
    assertTrue(engine(100_000).discoverNiches().isEmpty());
  }

  @Test
  void designsFitTheirNicheAndAreNotOfferedTwice() {
    C2m c2m = engine(20);
    List<Niche> niches = c2m.discoverNiches();
    List<ProductDesign> designs = c2m.tailorDesigns(niches);
    assertFalse(designs.isEmpty());
    Set<Attributes> specs = new HashSet<>();
    for (ProductDesign d : designs) {
      Niche niche = niches.stream().filter(n -> n.id().equals(d.niche())).findFirst().orElseThrow();
      assertTrue(d.spec().matches(niche.definition()), d::toString);
      assertTrue(specs.add(d.spec()), "spec offered twice: " + d.spec());
    }
    assertEquals(List.of(), c2m.tailorDesigns(niches), "a second tailoring offers nothing new");
    assertEquals(designs, c2m.designs());
  }

  @Test
  void ordersAreIdempotentAndEveryAcceptedOrderIsPlanned() {
    C2m c2m = engine(20);
    List<ProductDesign> designs = c2m.tailorDesigns(c2m.discoverNiches());
    List<Order> orders = SyntheticMarketplace.orders(population, designs, SPEC.end(),
        Duration.ofDays(10), Duration.ofDays(20), 0.4, 11);
    for (Order o : orders) {
      assertEquals(OrderReceipt.Status.ACCEPTED, c2m.acceptOrder(o).status());
    }
    assertEquals(OrderReceipt.Status.DUPLICATE, c2m.acceptOrder(orders.get(0)).status());
    Order unknown = new Order(OrderId.of("x"), ConsumerId.of("c"), DesignId.of("nope"), 1, 1,
        SPEC.end(), SPEC.end());
    assertEquals(OrderReceipt.Status.REJECTED, c2m.acceptOrder(unknown).status());
    assertEquals(orders.size(), c2m.orders().size());

    BatchPlan plan = c2m.planBatches();
    assertFalse(plan.batches().isEmpty());
    int planned = plan.pending().size();
    for (var b : plan.batches()) {
      planned += b.orders().size();
    }
    assertEquals(orders.size(), planned);
    BatchingProblem problem = BatchingProblem.of(c2m.orders(),
        new ProductionConstraints(30, 5, 200, 300, 100, 10, 0.1, 3),
        SPEC.end().minus(Duration.ofDays(1)).plus(Duration.ofDays(1)), Duration.ofDays(1));
    assertEquals(List.of(), BatchPlanChecks.violations(problem, plan));
  }

  @Test
  void sameSeedSameResults() {
    C2m a = engine(20);
    C2m b = engine(20);
    List<Niche> na = a.discoverNiches();
    assertEquals(na, b.discoverNiches());
    assertEquals(a.tailorDesigns(na), b.tailorDesigns(na));
  }

  @Test
  void builderRefusesBadSettings() {
    InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
        () -> C2m.builder().minimumAudience(0));
    assertTrue(e.getMessage().contains("minimum audience (0)"), e.getMessage());
    assertThrows(InvalidConfigurationException.class,
        () -> C2m.builder().period(Duration.ZERO));
    assertThrows(NullPointerException.class, () -> C2m.builder().batching(null));
  }
}
