package io.c2m.examples.sim;

import io.c2m.sim.Comparison;
import io.c2m.sim.Simulation;
import io.c2m.sim.SimulationListener;
import io.c2m.sim.SimulationSettings;
import io.c2m.sim.SimulationStrategies;
import java.util.List;

/**
 * The end of {@code c2m demo}: a short C2M against make-to-stock comparison over time on the demo's
 * own marketplace size and seed (at most 2,000 consumers over 48 days, one seed, so that it takes
 * seconds), with the main assumptions printed beside it.
 */
public final class DemoComparison {
  private DemoComparison() {}

  /**
   * Runs the comparison and formats it.
   *
   * @param consumers the demo's consumers (capped at 2,000)
   * @param seed the demo's seed
   * @return the text
   */
  public static String format(int consumers, long seed) {
    SimulationSettings s = settings(consumers);
    Comparison c = Simulation.compare(s,
        List.of(SimulationStrategies.byName(SimulationStrategies.MAKE_TO_STOCK),
            SimulationStrategies.byName("c2m:wagner-whitin")),
        List.of(seed), SimulationListener.none());
    return "\nC2M against make-to-stock over " + s.periods() + " days (" + s.consumers()
        + " consumers, seed " + seed + "; lead time " + s.leadTime() + " days, MOQ " + s.moq()
        + ", make-to-stock seasons of " + s.seasonLength() + " days; c2m simulate for more "
        + "seeds and confidence intervals):\n"
        + SimulationReport.text(c, List.of("margin", "productionCost", "unsoldUnits",
            "lostSales", "fillRate", "meanWait", "meanTimeToFirstBatch"));
  }

  static SimulationSettings settings(int consumers) {
    return SimulationSettings.defaults().withConsumers(Math.min(2000, consumers)).withPeriods(48)
        .with("seasonLength", "24").with("discoverEvery", "12").with("mtsLeadTime", "12");
  }
}
