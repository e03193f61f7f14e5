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

  /** The C2M strategy of the comparison. */
  public static final String C2M = "c2m:wagner-whitin";

  /** The simulated days. */
  public static final int DAYS = 48;

  /**
   * Runs the comparison and formats it.
   *
   * @param consumers the demo's consumers (capped at 2,000)
   * @param seed the demo's seed
   * @return the text
   */
  public static String format(int consumers, long seed) {
    return format(consumers, seed, compare(consumers, seed, SimulationListener.none()));
  }

  /**
   * Runs the comparison.
   *
   * @param consumers the demo's consumers (capped at 2,000)
   * @param seed the demo's seed
   * @param progress hears the runs' progress
   * @return the comparison of make-to-stock and {@link #C2M}
   */
  public static Comparison compare(int consumers, long seed, SimulationListener progress) {
    return Simulation.compare(settings(consumers),
        List.of(SimulationStrategies.byName(SimulationStrategies.MAKE_TO_STOCK),
            SimulationStrategies.byName(C2M)),
        List.of(seed), progress);
  }

  /**
   * Formats a comparison run by {@link #compare}.
   *
   * @param consumers the demo's consumers (capped at 2,000)
   * @param seed the demo's seed
   * @param c the comparison
   * @return the text
   */
  public static String format(int consumers, long seed, Comparison c) {
    SimulationSettings s = settings(consumers);
    return "\nC2M against make-to-stock over " + s.periods() + " days (" + s.consumers()
        + " consumers, seed " + seed + "; lead time " + s.leadTime() + " days, MOQ " + s.moq()
        + ", make-to-stock seasons of " + s.seasonLength() + " days; c2m simulate for more "
        + "seeds and confidence intervals):\n"
        + SimulationReport.text(c, List.of("margin", "productionCost", "unsoldUnits",
            "lostSales", "fillRate", "meanWait", "meanTimeToFirstBatch"));
  }

  static SimulationSettings settings(int consumers) {
    return SimulationSettings.defaults().withConsumers(Math.min(2000, consumers)).withPeriods(DAYS)
        .with("seasonLength", "24").with("discoverEvery", "12").with("mtsLeadTime", "12");
  }
}
