package io.c2m.production;

import io.c2m.DesignId;
import io.c2m.demand.ForecastPoint;
import java.util.List;

/**
 * The cost queries of a {@link BatchingProblem} ({@link BatchingProblem#costs()}): the setup, unit
 * and holding costs of a design in a period (per-period costs over the flat ones of its
 * constraints, price breaks over the unit cost), and the speculative top-ups with their holding
 * charge. Every strategy and {@link BatchPlanChecks} price plans through these, so they agree.
 * Immutable; a view over the problem, cheap to create.
 */
public final class BatchingCosts {
  private final BatchingProblem problem;

  BatchingCosts(BatchingProblem problem) {
    this.problem = problem;
  }

  /**
   * Returns the unit cost of a batch of a design released in a period: the period's unit cost, or
   * that of the largest price break the quantity reaches.
   *
   * @param design the design
   * @param t the release period
   * @param quantity the batch quantity
   * @return the cost per unit
   */
  public double unitCost(DesignId design, int t, int quantity) {
    double cost = unitCost(design, t);
    for (PriceBreak b : problem.priceBreaks().getOrDefault(design, List.of())) {
      if (quantity >= b.minQuantity()) {
        cost = b.unitCost();
      }
    }
    return cost;
  }

  /**
   * Returns the speculative units a design's batches may add beyond their orders when it has no
   * per-period forecast: the newsvendor top-up of its season forecast, not rounded (strategies
   * add it to the design's first batch and round the batch once: a batch of {@code ordered}
   * units with top-up {@code q} makes {@code batchQuantityFor(design, ordered + q)}); zero
   * without a top-up. With a per-period forecast, see {@link #topUpUnits(DesignId, int, int)}.
   *
   * @param design the design
   * @return the top-up units
   */
  public int topUpUnits(DesignId design) {
    NewsvendorTopUp t = problem.topUps().get(design);
    if (t == null) {
      return 0;
    }
    return t.units(problem.constraintsFor(design).unitCost());
  }

  /**
   * Tells whether a design's top-ups are sized per batch from a per-period forecast: it has both a
   * {@link NewsvendorTopUp} and a forecast in {@link BatchingProblem#forecasts()}.
   *
   * @param design the design
   * @return true if {@link #topUpUnits(DesignId, int, int)} depends on the periods
   */
  public boolean hasForecastTopUp(DesignId design) {
    return problem.topUps().containsKey(design) && problem.forecasts().containsKey(design);
  }

  /**
   * Returns the speculative units one batch of a design released in {@code releasePeriod} may add
   * beyond its orders, when the design's next batch is released in {@code nextReleasePeriod}.
   *
   * <p>Without a top-up: zero. With a top-up but no per-period forecast: the season-wide
   * {@link #topUpUnits(DesignId)}, whatever the periods. With both: the newsvendor quantity
   * ({@link NewsvendorTopUp#units(double, List)}) of the forecast demand of the periods the batch
   * covers, from its ready period {@code releasePeriod + lead time} up to (excluding) the next
   * batch's ready period {@code nextReleasePeriod + lead time}, or to the end of the horizon;
   * zero if that range is empty. Not rounded: the batch rounds {@code ordered + top-up} once, up to
   * the order multiple ({@link BatchingProblem#batchQuantityFor(DesignId, int)}). Only one batch per design and
   * release period carries a top-up.
   *
   * <p>Each batch is sized as a fresh newsvendor: the top-up units of an earlier batch that are
   * still unsold when this batch is ready are not netted against its window (stock of earlier
   * top-ups is not tracked). The sizing is therefore generous when windows are short and demand
   * falls below the forecast; its cost is charged as {@link #topUpHoldingCost(DesignId, int, int)}
   * per top-up unit. Forecasts of designs without a top-up, or without orders (no batch to top
   * up), are ignored.
   *
   * @param design the design
   * @param releasePeriod the batch's release period
   * @param nextReleasePeriod the design's next (later) release period; {@link Integer#MAX_VALUE}
   *     for none
   * @return the top-up units, zero or more
   */
  public int topUpUnits(DesignId design, int releasePeriod, int nextReleasePeriod) {
    NewsvendorTopUp t = problem.topUps().get(design);
    if (t == null) {
      return 0;
    }
    List<ForecastPoint> f = problem.forecasts().get(design);
    if (f == null) {
      return topUpUnits(design);
    }
    ProductionConstraints c = problem.constraintsFor(design);
    long from = Math.max(0, (long) releasePeriod + c.leadTimePeriods());
    long to = Math.min(problem.horizon(), (long) nextReleasePeriod + c.leadTimePeriods());
    if (from >= to) {
      return 0;
    }
    return t.units(c.unitCost(), f.subList((int) from, (int) to));
  }

  /**
   * Returns the holding cost charged per top-up unit of a batch of a design released in
   * {@code releasePeriod}, the design's next release being {@code nextReleasePeriod}. The
   * convention: the top-up covers the periods from the batch's ready period
   * {@code from = releasePeriod + lead time} up to (excluding) {@code to}, the next batch's ready
   * period or the end of the horizon, as in {@link #topUpUnits(DesignId, int, int)} (for a season
   * top-up without a per-period forecast: to the end of the horizon); its units are taken to sell
   * evenly over those periods, and a unit sold in period {@code t} pays the holding cost of
   * periods {@code from .. t - 1}, as a committed order due in {@code t} does. So the charge is the
   * average of {@link #holdingCost(DesignId, int, int) holdingCost(design, from, t)} over
   * {@code t} in {@code [from, to)}: with a constant holding cost {@code h}, {@code h (to - from -
   * 1) / 2}. Zero if the range is empty. Units left unsold at the end are not charged further.
   *
   * @param design the design
   * @param releasePeriod the batch's release period
   * @param nextReleasePeriod the design's next release period; {@link Integer#MAX_VALUE} for none
   * @return the holding cost per top-up unit, zero or more
   */
  public double topUpHoldingCost(DesignId design, int releasePeriod, int nextReleasePeriod) {
    ProductionConstraints c = problem.constraintsFor(design);
    long from = Math.max(0, (long) releasePeriod + c.leadTimePeriods());
    long to = Math.min(problem.horizon(), (long) nextReleasePeriod + c.leadTimePeriods());
    if (from >= to) {
      return 0;
    }
    PeriodCosts pc = problem.periodCosts().get(design);
    if (pc == null || pc.holdingCost().isEmpty()) {
      return c.holdingCostPerUnitPeriod() * (to - from - 1) / 2.0;
    }
    double sum = 0;
    double running = 0;
    for (long t = from; t < to; t++) {
      sum += running; // the holding cost from `from` to t
      running += holdingCost(design, (int) t);
    }
    return sum / (to - from);
  }

  /**
   * Returns the setup cost of a batch of a design released in a period.
   *
   * @param design the design
   * @param t the period; beyond the horizon the constant cost applies
   * @return the setup cost
   */
  public double setupCost(DesignId design, int t) {
    PeriodCosts pc = problem.periodCosts().get(design);
    if (pc != null && !pc.setupCost().isEmpty() && t < pc.setupCost().size()) {
      return pc.setupCost().get(t);
    }
    return problem.constraintsFor(design).setupCost();
  }

  /**
   * Returns the unit cost of a design made in a period.
   *
   * @param design the design
   * @param t the period
   * @return the cost per unit
   */
  public double unitCost(DesignId design, int t) {
    PeriodCosts pc = problem.periodCosts().get(design);
    if (pc != null && !pc.unitCost().isEmpty() && t < pc.unitCost().size()) {
      return pc.unitCost().get(t);
    }
    return problem.constraintsFor(design).unitCost();
  }

  /**
   * Returns the cost of one unit of a design left in stock at the end of a period.
   *
   * @param design the design
   * @param t the period
   * @return the holding cost
   */
  public double holdingCost(DesignId design, int t) {
    PeriodCosts pc = problem.periodCosts().get(design);
    if (pc != null && !pc.holdingCost().isEmpty() && t < pc.holdingCost().size()) {
      return pc.holdingCost().get(t);
    }
    return problem.constraintsFor(design).holdingCostPerUnitPeriod();
  }

  /**
   * Returns the holding cost of one unit ready in period {@code from} and shipped in period
   * {@code to}: the sum of the holding costs of periods {@code from .. to - 1}; zero if
   * {@code to <= from}.
   *
   * @param design the design
   * @param from the ready period
   * @param to the due period
   * @return the cost per unit
   */
  public double holdingCost(DesignId design, int from, int to) {
    if (to <= from) {
      return 0;
    }
    PeriodCosts pc = problem.periodCosts().get(design);
    if (pc == null || pc.holdingCost().isEmpty()) {
      return problem.constraintsFor(design).holdingCostPerUnitPeriod() * ((long) to - from);
    }
    double sum = 0;
    for (int t = from; t < to; t++) {
      sum += holdingCost(design, t);
    }
    return sum;
  }
}
