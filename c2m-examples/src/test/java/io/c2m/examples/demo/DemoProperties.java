package io.c2m.examples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.examples.cli.C2mCommandTest;
import io.c2m.production.ProductionBatch;
import io.c2m.sim.MarketplaceSpec;
import io.c2m.sim.PlantedNiche;
import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** The demo is deterministic under its seed and its output visibly follows from its input. */
class DemoProperties {
  @Property(tries = 3)
  void sameSeedSameOutputByteForByte(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
    String[] args = {"demo", "--seed", Long.toString(seed), "--consumers", "1500"};
    var first = C2mCommandTest.run(args);
    var second = C2mCommandTest.run(args);
    assertEquals(0, first.code(), first.err());
    assertEquals(first.out(), second.out());
    assertNotEquals(first.out(), C2mCommandTest.run("demo", "--seed", Long.toString(seed + 1),
        "--consumers", "1500").out());
  }

  @Property(tries = 2)
  void plantedNichesAreFoundDesignedOrderedAndProduced(
      @ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
    MarketplaceSpec spec = MarketplaceSpec.fashion();
    FashionDemo.Result r = FashionDemo.run(spec, seed, 25);
    Set<Object> found = new HashSet<>();
    r.niches().forEach(n -> found.add(n.definition()));
    Set<Object> produced = new HashSet<>();
    for (ProductionBatch b : r.plan().batches()) {
      r.designs().stream().filter(d -> d.id().equals(b.design()))
          .forEach(d -> produced.add(d.niche()));
    }
    int producedPlanted = 0;
    for (PlantedNiche p : spec.niches()) {
      assertTrue(found.contains(p.definition()), "planted niche not found: " + p.definition());
      if (produced.contains(io.c2m.niche.Niche.idFor(p.definition()))) {
        producedPlanted++;
      }
    }
    assertTrue(producedPlanted >= spec.niches().size() - 1,
        "only " + producedPlanted + " planted niches reached production");
    int batched = r.plan().pending().size();
    for (ProductionBatch b : r.plan().batches()) {
      batched += b.orders().size();
    }
    assertEquals(r.orders().size(), batched, "every accepted order is batched or pending");
  }
}
