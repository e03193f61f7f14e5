package io.c2m.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SimulationTest {
  /** A small market: 1,500 consumers over 40 days. */
  static SimulationSettings small() {
    return SimulationSettings.defaults().withConsumers(1500).withPeriods(40)
        .with("seasonLength", "20").with("discoverEvery", "10").with("minimumAudience", "10");
  }

  @Test
  void everyStrategyServesTheMarketAndMakeToStockLeavesStock() {
    Comparison c = Simulation.compare(small(), List.of(
            SimulationStrategies.byName("make-to-stock"),
            SimulationStrategies.byName("c2m:wagner-whitin")),
        List.of(5L), SimulationListener.none());
    RunMetrics mts = c.runsOf("make-to-stock").get(0).metrics();
    RunMetrics ww = c.runsOf("c2m:wagner-whitin").get(0).metrics();
    assertTrue(mts.deliveredUnits() > 0 && mts.unsoldUnits() > 0, mts.toString());
    assertTrue(ww.deliveredUnits() > 0 && ww.batches() > 0, ww.toString());
    assertTrue(ww.meanWait() >= small().shippingTime(), ww.toString());
    assertEquals(small().shippingTime(), mts.meanWait(), 1e-9);
    assertEquals(2, c.runs().size());
    assertTrue(c.runsCsv().startsWith("strategy,seed,revenue,"));
    assertEquals(2 * c.metrics().size(), c.summaries().size());
    assertEquals(c.metrics().size(), c.pairedTests().size());
  }

  @Test
  void meansAndIntervalsFollowStudentsT() {
    double[] ci = Comparison.meanCi(new double[] {1, 2, 3, 4});
    assertEquals(2.5, ci[0], 1e-12);
    // sd 1.2910, se 0.6455, t(3, 0.975) = 3.1824
    assertEquals(2.5 - 3.1824 * 0.6455, ci[1], 1e-3);
    assertEquals(2.5 + 3.1824 * 0.6455, ci[2], 1e-3);
    assertEquals("", Comparison.num(Double.NaN));
    assertEquals("12.5", Comparison.num(12.5));
  }
}
