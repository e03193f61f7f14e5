package io.c2m.production;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.DesignId;
import io.c2m.demand.ForecastPoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

/** Invariants from the review of per-period forecast top-ups (issue 3, parts 3 and 7). */
class PerPeriodForecastTopUp3Properties {
  private static final double Z90 = 1.2815515655446004;
  private static final List<BatchingStrategy> STRATEGIES = List.of(BatchingStrategy.groupBuy(),
      BatchingStrategy.groupBuy(2), BatchingStrategy.timeWindow(2), BatchingStrategy.deadline(),
      BatchingStrategy.testAndReorder(5, 1.5), BatchingStrategy.silverMeal(),
      BatchingStrategy.wagnerWhitin(), BatchingStrategy.capacitated());

  /** A forecast that may be strongly right- or left-skewed, mean between p10 and p90. */
  private static List<ForecastPoint> skewed(Random r, int periods) {
    List<ForecastPoint> out = new ArrayList<>();
    for (int t = 0; t < periods; t++) {
      double p50 = r.nextInt(30);
      double p10 = p50 - Math.min(p50, r.nextInt(15));
      double p90 = p50 + r.nextInt(40);
      double mean = p10 + (p90 - p10) * r.nextDouble();
      out.add(new ForecastPoint(t + 1, mean, p10, p50, p90));
    }
    return out;
  }

  /**
   * The bound "mean + 5 sigma" of the demand over a window: the summed centre (the larger of mean
   * and median per period) plus five times the root of the summed squared per-period sigmas, each
   * sigma taken as {@code (p90 - p10) / z_0.9}, at least the wider side's split-normal sigma.
   */
  private static double fiveSigmaBound(List<ForecastPoint> window) {
    double centre = 0;
    double var = 0;
    for (ForecastPoint p : window) {
      centre += Math.max(p.mean(), p.p50());
      double sd = (p.p90() - p.p10()) / Z90;
      var += sd * sd;
    }
    return centre + 5 * Math.sqrt(var);
  }

  @Property(tries = 300)
  void theTopUpStaysWithinFiveSigmaOfTheWindow(@ForAll long seed,
      @ForAll @DoubleRange(min = 0.01, max = 20) double unitCost,
      @ForAll @DoubleRange(min = 0, max = 1) double salvageShare,
      @ForAll @DoubleRange(min = 0, max = 30) double margin) {
    Random r = new Random(seed);
    List<ForecastPoint> f = skewed(r, 1 + r.nextInt(8));
    // salvage at most the cost less 0.01, price up to 30 above the cost: fractile <= 0.9997
    double salvage = Math.max(0, (unitCost - 0.01) * salvageShare);
    NewsvendorTopUp t = new NewsvendorTopUp(unitCost + margin + 0.01, salvage,
        new ForecastPoint(1, 0, 0, 0, 0));
    int units = t.units(unitCost, f);
    assertTrue(units >= 0);
    assertTrue(units <= fiveSigmaBound(f), units + " > " + fiveSigmaBound(f));
  }

  @Property(tries = 300)
  void oneSkewedPeriodHitsItsQuantilesExactly(@ForAll long seed) {
    ForecastPoint p = skewed(new Random(seed), 1).get(0);
    // fractile 0.9 (price 10, cost 1, salvage 0): p90; fractile 0.5 (price 10, cost 5): p50
    NewsvendorTopUp t = new NewsvendorTopUp(10, 0, new ForecastPoint(1, 0, 0, 0, 0));
    assertEquals((int) Math.floor(p.p90()), t.units(1, List.of(p)), p.toString());
    assertEquals((int) Math.floor(p.p50()), t.units(5, List.of(p)), p.toString());
  }

  /** Puts every design of a problem on one shared line, about half the time. */
  private static BatchingProblem maybeOnALine(BatchingProblem p, Random r) {
    if (r.nextBoolean()) {
      return p;
    }
    Map<DesignId, LineUse> uses = new HashMap<>();
    double needed = 0;
    for (DesignId d : p.designs()) {
      ProductionConstraints c = p.constraintsFor(d);
      double setup = r.nextInt(5);
      uses.put(d, new LineUse(setup, 1));
      needed = Math.max(needed, setup + c.roundToMultiple(c.minimumOrderQuantity()));
    }
    return p.withLines(List.of(new ProductionLine("line", needed + r.nextInt(60), uses)));
  }

  /** What a plan does with the committed orders: each batch's design, period, orders, late. */
  private static List<List<Object>> committed(BatchPlan plan) {
    List<List<Object>> out = new ArrayList<>();
    for (ProductionBatch b : plan.batches()) {
      out.add(List.of(b.design(), b.period(), b.orders(), b.orderedQuantity(), b.lateOrders()));
    }
    return out;
  }

  @Property(tries = 80)
  void topUpsNeverChangeWhatHappensToCommittedOrders(@ForAll long seed) {
    Random r = new Random(seed);
    BatchingProblem base = maybeOnALine(ForecastTopUpProperties.problem(r), r);
    Map<DesignId, List<ForecastPoint>> f = new HashMap<>();
    Map<DesignId, NewsvendorTopUp> t = new HashMap<>();
    for (DesignId d : new TreeSet<>(base.designs())) {
      double cost = base.constraintsFor(d).unitCost();
      double p50 = r.nextInt(40);
      // season top-ups for some designs, per-period forecasts for the others
      t.put(d, new NewsvendorTopUp(cost + 1 + r.nextInt(20), r.nextInt(4) * cost / 4,
          new ForecastPoint(1, p50, Math.max(0, p50 - 10), p50, p50 + r.nextInt(30))));
      if (r.nextBoolean()) {
        f.put(d, skewed(r, base.horizon()));
      }
    }
    BatchingProblem topped = base.withForecasts(f).withTopUps(t);
    for (BatchingStrategy s : STRATEGIES) {
      BatchPlan without = s.plan(base);
      BatchPlan with = s.plan(topped);
      assertEquals(List.of(), BatchPlanChecks.violations(topped, with), s.name());
      assertEquals(committed(without), committed(with), s.name());
      assertEquals(without.pending(), with.pending(), s.name());
      for (int i = 0; i < with.batches().size(); i++) {
        assertTrue(with.batches().get(i).quantity() >= without.batches().get(i).quantity(),
            s.name());
      }
    }
  }
}
