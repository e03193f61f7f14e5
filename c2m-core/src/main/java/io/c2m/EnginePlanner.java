package io.c2m;

import io.c2m.demand.DemandForecast;
import io.c2m.demand.DemandForecaster;
import io.c2m.demand.DemandSeries;
import io.c2m.demand.ForecastPoint;
import io.c2m.order.BatchState;
import io.c2m.order.BookedBatch;
import io.c2m.order.BookedOrder;
import io.c2m.order.Campaign;
import io.c2m.order.Offer;
import io.c2m.order.Order;
import io.c2m.order.OrderBook;
import io.c2m.order.OrderEvent;
import io.c2m.order.OrderState;
import io.c2m.production.Advance;
import io.c2m.production.BatchPlan;
import io.c2m.production.BatchingProblem;
import io.c2m.production.BatchingStrategy;
import io.c2m.production.CostBreakdown;
import io.c2m.production.NewsvendorTopUp;
import io.c2m.production.PendingOrder;
import io.c2m.production.PendingReason;
import io.c2m.production.PeriodCosts;
import io.c2m.production.ProductionBatch;
import io.c2m.production.ProductionConstraints;
import io.c2m.production.ProductionLine;
import io.c2m.production.Schedule;
import io.c2m.production.ScheduledBatch;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The planning half of {@link C2m}: builds the batching problem of the open orders (per-design
 * constraints, offers' terms, lines, per-period costs, top-ups and their forecasts), runs the
 * strategy, dates the plan into a {@link Schedule} and releases what is due ({@link Advance}).
 *
 * <p>Not thread-safe on its own: the per-design maps are written by the engine's synchronized
 * setters and read here under the same lock ({@code engineLock}, the engine itself); orders go
 * through the order book's own lock, never while holding the engine's.
 */
final class EnginePlanner {
  private final Object engineLock;
  private final OrderBook orders;
  private final Duration period;
  private final ProductionConstraints defaultConstraints;
  private final List<ProductionLine> lines;
  private final DemandForecaster forecaster;
  private final BatchingStrategy batching;
  private final io.c2m.internal.EngineEvents events;
  /** Guarded by {@code engineLock}, as are the three maps below. */
  final Map<DesignId, ProductionConstraints> constraints = new HashMap<>();
  final Map<DesignId, PeriodCosts> periodCosts = new HashMap<>();
  final Map<DesignId, NewsvendorTopUp> topUps = new HashMap<>();
  final Map<DesignId, DemandSeries> demandHistory = new HashMap<>();

  EnginePlanner(Object engineLock, OrderBook orders, Duration period,
      ProductionConstraints defaultConstraints, List<ProductionLine> lines,
      DemandForecaster forecaster, BatchingStrategy batching,
      io.c2m.internal.EngineEvents events) {
    this.engineLock = engineLock;
    this.orders = orders;
    this.period = period;
    this.defaultConstraints = defaultConstraints;
    this.lines = lines;
    this.forecaster = forecaster;
    this.batching = batching;
    this.events = events;
  }

  /** The strategy's plan of the open orders as of {@code now}: {@link C2m#planBatches()}. */
  BatchPlan plan(Instant now) {
    long started = System.nanoTime();
    Instant start = periodStart(now);
    List<Order> open = new ArrayList<>();
    for (BookedOrder b : orders.booked(EnumSet.of(OrderState.PLACED))) {
      open.add(b.order());
    }
    Map<DesignId, ProductionConstraints> cs;
    Map<DesignId, PeriodCosts> pcs;
    Map<DesignId, NewsvendorTopUp> tus;
    Map<DesignId, DemandSeries> hist;
    synchronized (engineLock) {
      cs = new HashMap<>(constraints);
      pcs = new HashMap<>(periodCosts);
      tus = new HashMap<>(topUps);
      hist = new HashMap<>(demandHistory);
    }
    for (Order o : open) {
      if (!cs.containsKey(o.design())) {
        orders.offer(o.design()).ifPresent(of -> cs.put(o.design(), fromOffer(of)));
      }
    }
    BatchingProblem problem =
        BatchingProblem.asOf(open, cs, defaultConstraints, start, period, now);
    if (!lines.isEmpty()) {
      problem = problem.withLines(lines);
    }
    int horizon = problem.horizon();
    if (!pcs.isEmpty()) {
      Map<DesignId, PeriodCosts> fitted = new HashMap<>();
      for (Map.Entry<DesignId, PeriodCosts> e : pcs.entrySet()) {
        fitted.put(e.getKey(), fit(e.getValue(), horizon));
      }
      problem = problem.withPeriodCosts(fitted);
    }
    if (!tus.isEmpty()) {
      problem = problem.withTopUps(tus);
      Map<DesignId, DemandSeries> toForecast = new HashMap<>();
      for (Map.Entry<DesignId, DemandSeries> e : hist.entrySet()) {
        if (tus.containsKey(e.getKey())) {
          toForecast.put(e.getKey(), e.getValue());
        }
      }
      // a history too short for the forecaster falls back to a simpler method (in provenance)
      Map<DesignId, DemandForecast> forecasts =
          io.c2m.demand.PlanForecasts.forecasts(forecaster, toForecast, horizon);
      events.forecastFallbacks(io.c2m.demand.PlanForecasts.fallbacks(forecasts));
      Map<DesignId, List<ForecastPoint>> fc = io.c2m.demand.PlanForecasts.points(forecasts);
      if (!fc.isEmpty()) {
        problem = problem.withForecasts(fc);
      }
    }
    BatchPlan plan = batching.plan(problem);
    events.planComputed(batching.name(), open.size(), plan, System.nanoTime() - started);
    return plan;
  }

  private static PeriodCosts fit(PeriodCosts c, int horizon) {
    return new PeriodCosts(fit(c.setupCost(), horizon), fit(c.holdingCost(), horizon),
        fit(c.unitCost(), horizon));
  }

  private static List<Double> fit(List<Double> xs, int horizon) {
    if (xs.isEmpty()) {
      return xs;
    }
    List<Double> out = new ArrayList<>(horizon);
    for (int t = 0; t < horizon; t++) {
      out.add(xs.get(Math.min(t, xs.size() - 1)));
    }
    return out;
  }

  private ProductionConstraints fromOffer(Offer o) {
    ProductionConstraints d = defaultConstraints;
    long lead = (o.leadTime().toMillis() + period.toMillis() - 1) / period.toMillis();
    int moq = Math.max(d.minimumOrderQuantity(), o.minimumOrderQuantity());
    int multiple = o.orderMultiple() > 1 ? o.orderMultiple() : d.orderMultiple();
    if (moq == d.minimumOrderQuantity() && multiple == d.orderMultiple()
        && lead <= d.leadTimePeriods()) {
      return d;
    }
    return d.withMaximumBatch(Math.max(d.maximumBatch(), moq))
        .withMinimumOrderQuantity(moq)
        .withOrderMultiple(multiple)
        .withLeadTimePeriods((int) Math.min(ProductionConstraints.MAX_LEAD_TIME,
            Math.max(lead, d.leadTimePeriods())));
  }

  /** The body of {@link C2m#schedule()}: frozen batches, campaigns and plan as of {@code now}. */
  Schedule schedule(Instant now) {
    return schedule(now, plan(now), orders.campaigns(now));
  }

  private Schedule schedule(Instant now, BatchPlan plan, List<Campaign> campaigns) {
    Instant start = periodStart(now);
    List<ScheduledBatch> batches = new ArrayList<>();
    for (BookedBatch b : orders.batches()) {
      batches.add(new ScheduledBatch(b.id(), b.design(), b.state(), b.start(), b.ready(),
          b.quantity(), b.orders()));
    }
    List<PendingOrder> pending = new ArrayList<>(plan.pending());
    for (Campaign c : campaigns) {
      if (c.status() == Campaign.Status.FAILED) {
        continue;
      }
      String detail = c.status() == Campaign.Status.REACHED
          ? "The campaign of design " + c.design() + " reached its minimum order quantity ("
              + c.units() + " of " + c.minimumOrderQuantity() + " units); released at the next "
              + "advance."
          : "The campaign of design " + c.design() + " has " + c.units() + " of the "
              + c.minimumOrderQuantity() + " units it needs; it collects orders until "
              + c.closes() + ".";
      for (OrderId id : c.orders()) {
        Order o = orders.find(id).orElseThrow().order();
        pending.add(new PendingOrder(id, o.design(), o.quantity(), PendingReason.BELOW_MOQ,
            detail));
      }
    }
    for (ProductionBatch b : plan.batches()) {
      batches.add(new ScheduledBatch(b.id(), b.design(), BatchState.PLANNED,
          start.plus(period.multipliedBy(b.period())),
          start.plus(period.multipliedBy(b.readyPeriod())), b.quantity(), b.orders()));
    }
    return new Schedule(now, start, period, batches, pending, plan);
  }

  /** The body of {@link C2m#advance()}, run under its advance lock with the clock's now. */
  Advance advance(Instant now) {
    Instant start = periodStart(now);
    List<OrderEvent> events = new ArrayList<>(orders.advanceCampaigns(now, start));
    BatchPlan plan = plan(now);
    List<ProductionBatch> later = new ArrayList<>();
    for (ProductionBatch b : plan.batches()) {
      if (b.period() == 0) {
        BookedBatch frozen = new BookedBatch(orders.newBatchId(b.design(), start), b.design(),
            BatchState.RELEASED, start, start.plus(period.multipliedBy(b.readyPeriod())),
            b.quantity(), b.orders(), now);
        events.addAll(orders.release(frozen, "released by " + plan.provenance().strategy()
            + " in the period starting " + start));
      } else {
        later.add(b);
      }
    }
    List<OrderId> failed = new ArrayList<>();
    List<PendingOrder> waiting = new ArrayList<>();
    for (PendingOrder p : plan.pending()) {
      if (p.reason().isCancellation()) {
        failed.add(p.order());
      } else {
        waiting.add(p);
      }
    }
    if (!failed.isEmpty()) {
      events.addAll(orders.expire(failed, "the group-buy window closed below the minimum "
          + "order quantity: refund due"));
    }
    BatchPlan rest = new BatchPlan(later, waiting, sum(later), plan.provenance());
    return new Advance(events, schedule(now, rest, orders.campaigns(now)));
  }

  private static CostBreakdown sum(List<ProductionBatch> batches) {
    CostBreakdown c = CostBreakdown.ZERO;
    for (ProductionBatch b : batches) {
      c = c.plus(b.cost());
    }
    return c;
  }

  /** The start of the planning period (aligned to the epoch) that holds {@code now}. */
  Instant periodStart(Instant now) {
    long p = period.toMillis();
    return Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), p) * p);
  }
}
