package io.c2m.examples.strategy;

import io.c2m.design.DesignTailor;
import io.c2m.examples.sim.SimulationReport;
import io.c2m.niche.NicheInference;
import io.c2m.sim.Comparison;
import io.c2m.sim.Simulation;
import io.c2m.sim.SimulationListener;
import io.c2m.sim.SimulationSettings;
import io.c2m.sim.SimulationStrategies;
import io.c2m.sim.SimulationStrategy;
import java.util.List;
import java.util.Locale;

/**
 * Races a batching strategy of one's own ({@link MoqOrLatestBatching}) against the built-ins in
 * the simulator, as {@code c2m simulate} does: the same market, the same seeds, each metric with
 * its mean and 95% confidence interval, and a paired test against group-buy. Run it with {@code
 * java -cp c2m-examples/target/c2m.jar io.c2m.examples.strategy.StrategyRace [seeds]}.
 */
public final class StrategyRace {
  /** The name the custom strategy runs under in the comparison. */
  public static final String CUSTOM = "c2m:" + MoqOrLatestBatching.NAME;

  private StrategyRace() {}

  /**
   * Runs the race.
   *
   * @param settings the market
   * @param seeds the seeds every strategy runs on
   * @return the comparison
   */
  public static Comparison race(SimulationSettings settings, List<Long> seeds) {
    SimulationStrategy custom = SimulationStrategies.c2m(CUSTOM, NicheInference.attributeMiner(),
        DesignTailor.modal(), new MoqOrLatestBatching());
    return Simulation.compare(settings, List.of(
            SimulationStrategies.byName(SimulationStrategies.MAKE_TO_STOCK),
            SimulationStrategies.byName("c2m:group-buy"),
            SimulationStrategies.byName("c2m:wagner-whitin"),
            custom),
        seeds, SimulationListener.none());
  }

  /**
   * Formats a race: the table of means and intervals, then the paired tests of the custom
   * strategy against group-buy.
   *
   * @param c the comparison
   * @return the text
   */
  public static String format(Comparison c) {
    List<String> metrics = List.of("margin", "productionCost", "unsoldUnits", "lostSales",
        "fillRate", "meanWait");
    StringBuilder out = new StringBuilder(SimulationReport.text(c, metrics));
    out.append("\nPaired against c2m:group-buy (same seeds):\n");
    for (Comparison.Paired p : c.pairedTests()) {
      boolean ours = metrics.contains(p.metric())
          && ((p.a().equals(CUSTOM) && p.b().equals("c2m:group-buy"))
          || (p.b().equals(CUSTOM) && p.a().equals("c2m:group-buy")));
      if (ours) {
        out.append(String.format(Locale.ROOT, "  %-14s %s - %s: %.3f [%.3f, %.3f], p = %.3f%n",
            p.metric(), p.a(), p.b(), p.meanDifference(), p.ciLow(), p.ciHigh(), p.pValue()));
      }
    }
    return out.toString();
  }

  /**
   * Races on a small market (2,000 consumers, 60 days).
   *
   * @param args the number of seeds (default 3)
   */
  public static void main(String[] args) {
    int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    List<Long> list = new java.util.ArrayList<>();
    for (long s = 1; s <= seeds; s++) {
      list.add(s);
    }
    System.out.println(format(race(market(), list)));
  }

  /**
   * The small market of {@link #main(String[])}.
   *
   * @return the settings
   */
  public static SimulationSettings market() {
    return SimulationSettings.defaults().withConsumers(2000).withPeriods(60)
        .with("seasonLength", "30").with("discoverEvery", "10");
  }
}
