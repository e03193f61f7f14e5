package io.c2m.testkit.production;

import io.c2m.ConsumerId;
import io.c2m.DesignId;
import io.c2m.OrderId;
import io.c2m.demand.ForecastPoint;
import io.c2m.order.Order;
import io.c2m.production.BatchingProblem;
import io.c2m.production.LineUse;
import io.c2m.production.NewsvendorTopUp;
import io.c2m.production.PeriodCosts;
import io.c2m.production.PriceBreak;
import io.c2m.production.ProductionConstraints;
import io.c2m.production.ProductionLine;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * jqwik arbitraries of {@link BatchingProblem}s for property tests of batching strategies, built-in
 * or a user's: one to three designs, up to thirty orders placed and due at random within a short
 * horizon, random MOQ, order multiple, largest batch, capacity, lead time and costs, and sometimes
 * per-period costs, a line shared by every design (with setup times), a newsvendor top-up and
 * quantity price breaks. Every
 * generated problem is valid (its constructor accepts it).
 */
public final class BatchingArbitraries {
  private BatchingArbitraries() {}

  /**
   * Random batching problems.
   *
   * @return the arbitrary; shrinks towards smaller seeds, i.e. is reproducible by seed
   */
  public static Arbitrary<BatchingProblem> problems() {
    return Arbitraries.longs().map(BatchingArbitraries::problem);
  }

  /**
   * Random batching problems without shared lines, top-ups or MOQ: the classic uncapacitated lot
   * sizing setting.
   *
   * @return the arbitrary
   */
  public static Arbitrary<BatchingProblem> uncapacitatedProblems() {
    return Arbitraries.longs().map(seed -> {
      BatchingProblem p = problem(seed);
      Map<DesignId, ProductionConstraints> plain = new HashMap<>();
      for (DesignId d : p.designs()) {
        ProductionConstraints c = p.constraintsFor(d);
        plain.put(d, ProductionConstraints.unconstrained()
            .withCosts(c.setupCost(), c.unitCost(), c.holdingCostPerUnitPeriod())
            .withLeadTimePeriods(c.leadTimePeriods()));
      }
      return new BatchingProblem(p.orders(), plain, ProductionConstraints.unconstrained(),
          p.start(), p.period(), p.horizon(), p.periodCosts(), List.of(), Map.of(), Map.of(),
          Map.of(), Instant.MAX);
    });
  }

  /**
   * Builds the problem of a seed; the same seed always gives the same problem.
   *
   * @param seed the seed
   * @return the problem
   */
  public static BatchingProblem problem(long seed) {
    Random r = new Random(seed);
    Instant start = Instant.parse("2026-01-05T00:00:00Z");
    Duration period = Duration.ofDays(1);
    int horizon = 1 + r.nextInt(12);
    int designs = 1 + r.nextInt(3);
    Map<DesignId, ProductionConstraints> constraints = new HashMap<>();
    Map<DesignId, PeriodCosts> periodCosts = new HashMap<>();
    Map<DesignId, LineUse> uses = new HashMap<>();
    Map<DesignId, NewsvendorTopUp> topUps = new HashMap<>();
    boolean shared = r.nextInt(3) == 0;
    double lineCapacity = 20 + r.nextInt(200);
    List<Order> orders = new ArrayList<>();
    for (int i = 0; i < designs; i++) {
      DesignId d = DesignId.of("d" + i);
      int multiple = r.nextInt(3) == 0 ? 1 + r.nextInt(4) : 1;
      int moq = r.nextInt(2) == 0 ? 1 : 1 + r.nextInt(20);
      int smallest = (moq + multiple - 1) / multiple * multiple;
      int max = r.nextInt(3) == 0 ? smallest + r.nextInt(40) : Integer.MAX_VALUE;
      int capacity = r.nextInt(3) == 0 ? Math.max(smallest, smallest + r.nextInt(60))
          : Integer.MAX_VALUE;
      ProductionConstraints c = new ProductionConstraints(moq, multiple, max, capacity,
          r.nextInt(100), r.nextInt(5), r.nextInt(4) * 0.5, r.nextInt(3));
      constraints.put(d, c);
      if (r.nextInt(4) == 0) {
        List<Double> setups = new ArrayList<>();
        List<Double> holds = new ArrayList<>();
        List<Double> units = new ArrayList<>();
        for (int t = 0; t < horizon; t++) {
          setups.add((double) r.nextInt(100));
          holds.add(r.nextInt(4) * 0.5);
          units.add((double) r.nextInt(5));
        }
        periodCosts.put(d, new PeriodCosts(setups, holds, units));
      }
      if (shared) {
        double setupTime = r.nextInt(10);
        double unitUse = 1 + r.nextInt(2);
        double room = lineCapacity - setupTime;
        if (room < unitUse * smallest) {
          lineCapacity = setupTime + unitUse * smallest + r.nextInt(30);
        }
        uses.put(d, new LineUse(setupTime, unitUse));
      }
      if (r.nextInt(5) == 0) {
        double p50 = r.nextInt(20);
        topUps.put(d, new NewsvendorTopUp(10 + r.nextInt(10), r.nextInt(5),
            new ForecastPoint(1, p50, Math.max(0, p50 - 5), p50, p50 + 5)));
      }
      int n = r.nextInt(11);
      for (int k = 0; k < n; k++) {
        int placed = r.nextInt(horizon);
        int due = placed + r.nextInt(horizon - placed);
        int qty = 1 + r.nextInt(r.nextInt(5) == 0 ? 60 : 15);
        orders.add(new Order(OrderId.of(d.value() + "-o" + k), ConsumerId.of("c" + r.nextInt(9)),
            d, qty, 10, start.plus(period.multipliedBy(placed)).plusSeconds(r.nextInt(3600)),
            start.plus(period.multipliedBy(due)).plusSeconds(3600 + r.nextInt(3600))));
      }
    }
    List<ProductionLine> lines = new ArrayList<>();
    if (shared) {
      // the capacity may have grown while adding designs: recheck every design against it
      lines.add(new ProductionLine("line", lineCapacity, uses));
    }
    Map<DesignId, List<PriceBreak>> breaks = new HashMap<>();
    for (DesignId d : constraints.keySet()) {
      if (r.nextInt(4) == 0) {
        breaks.put(d, List.of(new PriceBreak(5 + r.nextInt(20), r.nextInt(3)),
            new PriceBreak(30 + r.nextInt(30), 0.5 * r.nextInt(2))));
      }
    }
    // a top-up needs a salvage value below the design's lowest unit cost (issue 3, review 1):
    // designs with a top-up pay one more per unit everywhere, and their salvage value is scaled
    // below that lowest cost; no random draw changes, so the rest of a seed's problem is as before
    for (Map.Entry<DesignId, NewsvendorTopUp> e : new java.util.TreeMap<>(topUps).entrySet()) {
      DesignId d = e.getKey();
      ProductionConstraints c = constraints.get(d);
      constraints.put(d, c.withCosts(c.setupCost(), c.unitCost() + 1,
          c.holdingCostPerUnitPeriod()));
      double lowest = c.unitCost() + 1;
      PeriodCosts pc = periodCosts.get(d);
      if (pc != null) {
        List<Double> units = new ArrayList<>();
        for (double u : pc.unitCost()) {
          units.add(u + 1);
          lowest = Math.min(lowest, u + 1);
        }
        periodCosts.put(d, new PeriodCosts(pc.setupCost(), pc.holdingCost(), units));
      }
      List<PriceBreak> bs = breaks.get(d);
      if (bs != null) {
        List<PriceBreak> dearer = new ArrayList<>();
        for (PriceBreak b : bs) {
          dearer.add(new PriceBreak(b.minQuantity(), b.unitCost() + 1));
          lowest = Math.min(lowest, b.unitCost() + 1);
        }
        breaks.put(d, dearer);
      }
      NewsvendorTopUp t = e.getValue();
      // salvage drawn in 0..4: scaled into [0, 0.8 x lowest)
      topUps.put(d, new NewsvendorTopUp(t.price(), t.salvageValue() * lowest / 5,
          t.forecast()));
    }
    return new BatchingProblem(orders, constraints, ProductionConstraints.unconstrained(), start,
        period, horizon, periodCosts, lines, topUps, breaks, forecasts(seed, horizon,
            new java.util.TreeSet<>(constraints.keySet())), Instant.MAX);
  }

  /**
   * Per-period forecasts for about half the designs, drawn from their own random stream so that
   * the rest of a seed's problem is what it was before forecasts existed.
   */
  private static Map<DesignId, List<ForecastPoint>> forecasts(long seed, int horizon,
      java.util.SortedSet<DesignId> designs) {
    Random r = new Random(seed ^ 0x5DEECE66DL);
    Map<DesignId, List<ForecastPoint>> out = new HashMap<>();
    for (DesignId d : designs) {
      if (r.nextBoolean()) {
        out.put(d, forecast(r, horizon));
      }
    }
    return out;
  }

  /**
   * A random forecast of one point per period: mean and median up to 20 units, a spread up to 10
   * units either side, p10 never below zero.
   *
   * @param r the random source
   * @param horizon the number of periods
   * @return the forecast, steps 1 to {@code horizon}
   */
  public static List<ForecastPoint> forecast(Random r, int horizon) {
    List<ForecastPoint> points = new ArrayList<>();
    for (int t = 0; t < horizon; t++) {
      double p50 = r.nextInt(21);
      double below = Math.min(p50, r.nextInt(11));
      double above = r.nextInt(11);
      points.add(new ForecastPoint(t + 1, p50, p50 - below, p50, p50 + above));
    }
    return points;
  }
}
