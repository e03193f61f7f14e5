package io.c2m.examples.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.sim.Comparison;
import io.c2m.sim.RunMetrics;
import io.c2m.sim.SimulationSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

class StrategyRaceTest {
  @Test
  void theCustomStrategyRacesTheBuiltInsOnTheSameSeeds() {
    SimulationSettings small = SimulationSettings.defaults().withConsumers(1500).withPeriods(40)
        .with("seasonLength", "20").with("discoverEvery", "10").with("minimumAudience", "10");
    Comparison c = StrategyRace.race(small, List.of(5L, 6L));
    List<RunMetrics> ours = c.runsOf(StrategyRace.CUSTOM).stream().map(r -> r.metrics()).toList();
    assertEquals(2, ours.size());
    for (RunMetrics m : ours) {
      assertTrue(m.deliveredUnits() > 0 && m.batches() > 0, m.toString());
    }
    assertTrue(c.pairedTests().stream().anyMatch(p -> p.a().equals(StrategyRace.CUSTOM)
        || p.b().equals(StrategyRace.CUSTOM)));
    String text = StrategyRace.format(c);
    assertTrue(text.contains(StrategyRace.CUSTOM) && text.contains("make-to-stock")
        && text.contains("Paired against c2m:group-buy"), text);
  }
}
