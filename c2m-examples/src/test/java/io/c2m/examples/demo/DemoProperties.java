package io.c2m.examples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.examples.cli.C2mCommandTest;
import io.c2m.niche.TrendDirection;
import io.c2m.production.ProductionBatch;
import io.c2m.sim.MarketplaceSpec;
import io.c2m.sim.PlantedNiche;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** The demo is deterministic under its seed and its output visibly follows from its input. */
class DemoProperties {
  @Property(tries = 2)
  void sameSeedSameOutputByteForByte(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
    String[] args = {"demo", "--seed", Long.toString(seed), "--consumers", "1500"};
    var first = C2mCommandTest.run(args);
    var second = C2mCommandTest.run(args);
    assertEquals(0, first.code(), first.err());
    assertEquals(first.out(), second.out());
    assertNotEquals(first.out(), C2mCommandTest.run("demo", "--seed", Long.toString(seed + 1),
        "--consumers", "1500").out());
  }

  // A fixed seed: recovering niches and trends from a sample is statistical, and a build must not
  // fail by chance (seeds 1, 2, 3 and 42 were also checked by hand). Change the seed to explore.
  @Property(tries = 2, seed = "20261122")
  void plantedNichesAreFoundDesignedOrderedAndProduced(
      @ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
    MarketplaceSpec spec = MarketplaceSpec.fashion();
    FashionDemo.Result r = FashionDemo.run(spec, seed, 25);
    Set<Object> found = new HashSet<>();
    r.niches().forEach(n -> found.add(n.definition()));
    Map<Object, Integer> orderedUnits = new HashMap<>();
    r.orders().forEach(o -> orderedUnits.merge(o.design(), o.quantity(), Integer::sum));
    Set<Object> produced = new HashSet<>();
    r.plan().batches().forEach(b -> produced.add(b.design()));
    for (var d : r.designs()) {
      // group-buy: a design is produced exactly when its orders reach the MOQ.
      boolean reachedMoq = orderedUnits.getOrDefault(d.id(), 0)
          >= r.constraints().get(d.id()).minimumOrderQuantity();
      assertEquals(reachedMoq, produced.contains(d.id()), d.id().toString());
    }
    for (PlantedNiche p : spec.niches()) {
      assertTrue(found.contains(p.definition()), "planted niche not found: " + p.definition());
      // Interest that stops early is fading, interest that starts late is emerging.
      TrendDirection planted = p.activeTo() < 1 ? TrendDirection.FADING
          : p.activeFrom() > 0 ? TrendDirection.EMERGING : TrendDirection.STEADY;
      assertEquals(planted, r.niches().stream()
          .filter(n -> n.definition().equals(p.definition())).findFirst().orElseThrow()
          .trend().direction(), "trend of " + p.definition());
      if (p.members() >= 200) {
        // 200 members x 95% consent x 35% propensity x 1.25 units is about 83 units > MOQ 60.
        var design = r.designs().stream()
            .filter(d -> d.niche().equals(io.c2m.niche.Niche.idFor(p.definition()))).findFirst();
        assertTrue(design.isPresent() && produced.contains(design.get().id()),
            "a large planted niche did not reach production: " + p.definition());
      }
    }
    int batched = r.plan().pending().size();
    for (ProductionBatch b : r.plan().batches()) {
      batched += b.orders().size();
    }
    assertEquals(r.orders().size(), batched, "every accepted order is batched or pending");
  }
}
