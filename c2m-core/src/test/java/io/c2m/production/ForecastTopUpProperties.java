package io.c2m.production;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.DesignId;
import io.c2m.demand.ForecastPoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** Invariants of top-ups sized from a forecast per period (issue 3, parts 1 and 3). */
class ForecastTopUpProperties {
  private static final List<BatchingStrategy> STRATEGIES = List.of(BatchingStrategy.groupBuy(),
      BatchingStrategy.groupBuy(2), BatchingStrategy.timeWindow(2), BatchingStrategy.deadline(),
      BatchingStrategy.testAndReorder(5, 1.5), BatchingStrategy.silverMeal(),
      BatchingStrategy.wagnerWhitin(), BatchingStrategy.capacitated());

  /** Random forecast of one point per period, p10 never below zero. */
  static List<ForecastPoint> forecast(Random r, int periods) {
    List<ForecastPoint> out = new ArrayList<>();
    for (int t = 0; t < periods; t++) {
      double p50 = r.nextInt(30);
      double below = Math.min(p50, r.nextInt(15));
      out.add(new ForecastPoint(t + 1, p50, p50 - below, p50, p50 + r.nextInt(15)));
    }
    return out;
  }

  /** A random lot-sizing problem of up to 3 designs, some with an MOQ, multiple, limits. */
  static BatchingProblem problem(Random r) {
    int horizon = 2 + r.nextInt(10);
    Map<DesignId, int[]> demand = new HashMap<>();
    Map<DesignId, ProductionConstraints> constraints = new HashMap<>();
    int designs = 1 + r.nextInt(3);
    for (int i = 0; i < designs; i++) {
      DesignId d = DesignId.of("d" + i);
      int[] x = new int[horizon];
      for (int t = 0; t < horizon; t++) {
        x[t] = r.nextInt(3) == 0 ? 0 : r.nextInt(30);
      }
      demand.put(d, x);
      ProductionConstraints c = ProductionConstraints.unconstrained()
          .withCosts(r.nextInt(200), 1 + r.nextInt(5), r.nextInt(3));
      if (r.nextBoolean()) {
        c = c.withMinimumOrderQuantity(1 + r.nextInt(20));
      }
      if (r.nextInt(3) == 0) {
        c = c.withOrderMultiple(1 + r.nextInt(4));
      }
      if (r.nextInt(3) == 0) {
        c = c.withMaximumBatch(c.roundToMultiple(Math.max(30, c.minimumOrderQuantity()))
            + r.nextInt(40));
      }
      if (r.nextInt(3) == 0) {
        c = c.withCapacityPerPeriod(c.roundToMultiple(Math.max(30, c.minimumOrderQuantity()))
            + r.nextInt(60));
      }
      constraints.put(d, c);
    }
    return BatchingProblem.ofPeriodDemand(demand, constraints,
        ProductionConstraints.unconstrained());
  }

  private static BatchingProblem withForecastTopUps(BatchingProblem p, Random r) {
    Map<DesignId, List<ForecastPoint>> f = new HashMap<>();
    Map<DesignId, NewsvendorTopUp> t = new HashMap<>();
    for (DesignId d : p.designs()) {
      f.put(d, forecast(r, p.horizon()));
      // a salvage value below the unit cost (at least 1 here): 0 to 3/4 of it
      t.put(d, new NewsvendorTopUp(5 + r.nextInt(10),
          r.nextInt(4) * p.constraintsFor(d).unitCost() / 4,
          new ForecastPoint(1, 0, 0, 0, 0)));
    }
    return p.withForecasts(f).withTopUps(t);
  }

  @Property(tries = 100)
  void aForecastWithoutATopUpLeavesEveryPlanAsItWas(@ForAll long seed) {
    Random r = new Random(seed);
    BatchingProblem p = problem(r);
    Map<DesignId, List<ForecastPoint>> f = new HashMap<>();
    for (DesignId d : p.designs()) {
      f.put(d, forecast(r, p.horizon()));
    }
    BatchingProblem q = p.withForecasts(f);
    for (BatchingStrategy s : STRATEGIES) {
      assertEquals(s.plan(p), s.plan(q), s.name());
    }
  }

  @Property(tries = 100)
  void topUpsAreNeverNegativeAndPlansKeepEveryRule(@ForAll long seed) {
    Random r = new Random(seed);
    BatchingProblem p = withForecastTopUps(problem(r), r);
    for (BatchingStrategy s : STRATEGIES) {
      BatchPlan plan = s.plan(p);
      assertEquals(List.of(), BatchPlanChecks.violations(p, plan), s.name());
      for (ProductionBatch b : plan.batches()) {
        ProductionConstraints c = p.constraintsFor(b.design());
        assertTrue(b.quantity() >= p.batchQuantityFor(b.design(), b.orderedQuantity()),
            s.name() + " " + b);
        assertTrue(c.allows(b.quantity()) && b.quantity() <= p.largestBatch(b.design()),
            s.name() + " " + b);
      }
    }
  }

  @Property(tries = 200)
  void theTopUpGrowsWithThePrice(@ForAll long seed,
      @ForAll @DoubleRange(min = 0, max = 20) double unitCost,
      @ForAll @DoubleRange(min = 0, max = 10) double salvage,
      @ForAll @DoubleRange(min = 0.01, max = 30) double lower,
      @ForAll @DoubleRange(min = 0, max = 30) double more) {
    List<ForecastPoint> f = forecast(new Random(seed), 1 + (int) (Math.abs(seed) % 8));
    ForecastPoint unused = new ForecastPoint(1, 0, 0, 0, 0);
    int cheap = new NewsvendorTopUp(salvage + lower, salvage, unused).units(unitCost, f);
    int dear = new NewsvendorTopUp(salvage + lower + more, salvage, unused).units(unitCost, f);
    assertTrue(cheap >= 0);
    assertTrue(dear >= cheap, cheap + " > " + dear);
  }

  @Property(tries = 200)
  void theTopUpShrinksAsTheSalvageValueFallsFurtherBelowTheCost(@ForAll long seed,
      @ForAll @DoubleRange(min = 0, max = 20) double unitCost,
      @ForAll @DoubleRange(min = 0, max = 10) double salvage,
      @ForAll @DoubleRange(min = 0, max = 10) double less,
      @ForAll @DoubleRange(min = 0.01, max = 30) double above) {
    List<ForecastPoint> f = forecast(new Random(seed), 1 + (int) (Math.abs(seed) % 8));
    ForecastPoint unused = new ForecastPoint(1, 0, 0, 0, 0);
    double price = salvage + above;
    int high = new NewsvendorTopUp(price, salvage, unused).units(unitCost, f);
    int low = new NewsvendorTopUp(price, Math.max(0, salvage - less), unused).units(unitCost, f);
    assertTrue(low >= 0);
    assertTrue(low <= high, low + " > " + high);
  }

  @Property(tries = 60)
  void planQuantitiesGrowWithThePriceOnFreeCapacity(@ForAll long seed,
      @ForAll @IntRange(min = 0, max = 20) int raise) {
    Random r = new Random(seed);
    BatchingProblem base = problem(r);
    Map<DesignId, ProductionConstraints> free = new HashMap<>();
    for (DesignId d : base.designs()) {
      ProductionConstraints c = base.constraintsFor(d);
      free.put(d, ProductionConstraints.unconstrained().withCosts(c.setupCost(), c.unitCost(),
          c.holdingCostPerUnitPeriod()).withMinimumOrderQuantity(c.minimumOrderQuantity()));
    }
    BatchingProblem p = withForecastTopUps(new BatchingProblem(base.orders(), free,
        ProductionConstraints.unconstrained(), base.start(), base.period(), base.horizon(),
        Map.of(), List.of(), Map.of(), Map.of(), Map.of(), Instant.MAX), r);
    Map<DesignId, NewsvendorTopUp> dearer = new HashMap<>();
    p.topUps().forEach((d, t) -> dearer.put(d,
        new NewsvendorTopUp(t.price() + raise, t.salvageValue(), t.forecast())));
    BatchingProblem q = p.withTopUps(dearer);
    BatchPlan a = BatchingStrategy.wagnerWhitin().plan(p);
    BatchPlan b = BatchingStrategy.wagnerWhitin().plan(q);
    // the same batches (top-ups do not change the lot-sizing decisions), each at least as large
    assertEquals(a.batches().size(), b.batches().size());
    for (int i = 0; i < a.batches().size(); i++) {
      assertEquals(a.batches().get(i).orders(), b.batches().get(i).orders());
      assertTrue(b.batches().get(i).quantity() >= a.batches().get(i).quantity());
    }
  }
}
