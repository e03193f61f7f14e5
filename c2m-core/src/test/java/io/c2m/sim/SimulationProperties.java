package io.c2m.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/**
 * The books of every run balance, whatever the strategy, seed and market: every order ends in
 * exactly one final state, every unit made is delivered, cleared or scrapped, the money adds up,
 * and a seed gives the same run. Small markets keep each try under a second.
 */
class SimulationProperties {
  static SimulationSettings tiny(int consumers, int periods, int leadTime, int moq) {
    return SimulationSettings.defaults().withConsumers(consumers).withPeriods(periods)
        .with("seasonLength", String.valueOf(Math.max(5, periods / 2)))
        .with("discoverEvery", "5").with("minimumAudience", "5")
        .with("leadTime", String.valueOf(leadTime)).with("moq", String.valueOf(moq))
        .with("mtsLeadTime", String.valueOf(leadTime));
  }

  @Provide
  Arbitrary<String> strategy() {
    return Arbitraries.of("make-to-stock", "c2m:group-buy", "c2m:wagner-whitin",
        "c2m:time-window", "c2m:deadline");
  }

  @Property(tries = 12)
  void theBooksBalance(@ForAll("strategy") String strategy, @ForAll @LongRange(max = 1000) long seed,
      @ForAll("consumers") int consumers, @ForAll("lead") int lead, @ForAll("moq") int moq) {
    SimulationSettings s = tiny(consumers, 24, lead, moq);
    RunMetrics m = Simulation.run(s, SimulationStrategies.byName(strategy), seed).metrics();
    assertEquals(m.orders(), m.deliveredOrders() + m.cancellations() + m.expirations(),
        "every order ends in exactly one final state");
    assertEquals(m.producedUnits(), m.deliveredUnits() + m.unsoldUnits(),
        "units made = delivered + cleared + scrapped (nothing left on a shelf or a truck)");
    assertEquals(m.paid() - m.refunded(), m.revenue(), 1e-6 * Math.max(1, m.paid()),
        "paid - refunded = revenue");
    assertEquals(m.revenue() + m.markdownRevenue() - m.productionCost(), m.margin(), 1e-6
        * Math.max(1, m.paid()), "margin");
    assertEquals(m.batches() * s.setupCost(), m.setupCost(), 1e-6);
    assertEquals(m.producedUnits() * s.unitCost(), m.unitCost(), 1e-6 * Math.max(1, m.unitCost()));
  }

  @Property(tries = 4)
  void aSeedGivesTheSameRunByteForByte(@ForAll("strategy") String strategy,
      @ForAll @LongRange(max = 1000) long seed) {
    SimulationSettings s = tiny(500, 20, 3, 20);
    List<SimulationStrategy> one = List.of(SimulationStrategies.byName(strategy));
    String a = Simulation.compare(s, one, List.of(seed), SimulationListener.none()).toJson();
    String b = Simulation.compare(s, one, List.of(seed), SimulationListener.none()).toJson();
    assertEquals(a, b);
  }

  @Provide
  Arbitrary<Integer> consumers() {
    return Arbitraries.integers().between(300, 900);
  }

  @Provide
  Arbitrary<Integer> lead() {
    return Arbitraries.integers().between(0, 6);
  }

  @Provide
  Arbitrary<Integer> moq() {
    return Arbitraries.of(10, 20, 50);
  }
}
