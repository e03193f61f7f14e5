package io.c2m.examples.demo;

import io.c2m.C2m;
import io.c2m.C2mListener;
import io.c2m.DesignId;
import io.c2m.demand.DemandForecast;
import io.c2m.demand.DemandSeries;
import io.c2m.design.ProductDesign;
import io.c2m.niche.Niche;
import io.c2m.order.Order;
import io.c2m.order.OrderReceipt;
import io.c2m.production.BatchPlan;
import io.c2m.production.ProductionConstraints;
import io.c2m.signal.ConsumerAccount;
import io.c2m.signal.IngestReport;
import io.c2m.sim.MarketplaceSpec;
import io.c2m.sim.Population;
import io.c2m.sim.SyntheticMarketplace;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The end-to-end C2M demo: a seeded synthetic fashion marketplace carried through the whole c2m
 * pipeline on the embedded defaults. Signals are profiled (with consent), niches discovered,
 * designs tailored and offered, consumers order first, orders are pooled into production batches,
 * and each design's daily orders are forecast.
 */
public final class FashionDemo {
  /** Days consumers may order a design after it is offered. */
  static final Duration ORDER_WINDOW = Duration.ofDays(14);
  /** The delivery promise of every order. */
  static final Duration PROMISE = Duration.ofDays(21);
  /** How likely a niche member orders a design tailored to their niche. */
  static final double PROPENSITY = 0.35;

  private FashionDemo() {}

  /**
   * The result of a demo run.
   *
   * @param population the synthetic marketplace
   * @param ingest what happened to the signals
   * @param niches the niches found
   * @param designs the designs offered
   * @param constraints the production constraints of each design
   * @param receipts how many order submissions ended in each status (including deliberate retries)
   * @param orders the accepted orders
   * @param planningStart the start of the plan's period 0
   * @param plan the production plan
   * @param forecasts the forecast of each design's daily orders for the next week
   */
  public record Result(
      Population population,
      IngestReport ingest,
      List<Niche> niches,
      List<ProductDesign> designs,
      Map<DesignId, ProductionConstraints> constraints,
      Map<OrderReceipt.Status, Integer> receipts,
      List<Order> orders,
      Instant planningStart,
      BatchPlan plan,
      List<DemandForecast> forecasts) {
    /** Copies the collections, so the result is immutable. */
    public Result {
      niches = List.copyOf(niches);
      designs = List.copyOf(designs);
      constraints = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(constraints));
      receipts = java.util.Collections.unmodifiableMap(new EnumMap<>(receipts));
      orders = List.copyOf(orders);
      forecasts = List.copyOf(forecasts);
    }
  }

  /**
   * Runs the demo.
   *
   * @param spec the marketplace to simulate
   * @param seed the seed of everything random
   * @param minimumAudience the smallest niche released (k-anonymity)
   * @return the result
   */
  public static Result run(MarketplaceSpec spec, long seed, int minimumAudience) {
    return run(spec, seed, minimumAudience, C2mListener.none());
  }

  /**
   * Runs the demo, telling a listener what the engine does (progress, counts).
   *
   * @param spec the marketplace to simulate
   * @param seed the seed of everything random
   * @param minimumAudience the smallest niche released (k-anonymity)
   * @param listener the engine's listener
   * @return the result
   */
  public static Result run(MarketplaceSpec spec, long seed, int minimumAudience,
      C2mListener listener) {
    Population population = SyntheticMarketplace.generate(spec, seed);
    Instant now = spec.end();
    C2m c2m = C2m.builder()
        .listener(listener)
        .clock(Clock.fixed(now, ZoneOffset.UTC))
        .seed(seed)
        .syntheticData() // the demo marketplace is synthetic: any minimum audience may be shown
        .minimumAudience(minimumAudience)
        .build();
    for (ConsumerAccount a : population.accounts()) {
      c2m.registerConsumer(a);
    }
    IngestReport ingest = c2m.ingest(population.signals());
    List<Niche> niches = c2m.discoverNiches();
    List<ProductDesign> designs = c2m.tailorDesigns(niches);
    Map<DesignId, ProductionConstraints> constraints = new LinkedHashMap<>();
    for (ProductDesign d : designs) {
      ProductionConstraints c = constraintsFor(d);
      constraints.put(d.id(), c);
      c2m.constraints(d.id(), c);
    }
    List<Order> drawn = SyntheticMarketplace.orders(
        population, designs, now, ORDER_WINDOW, PROMISE, PROPENSITY, seed + 1);
    Map<OrderReceipt.Status, Integer> receipts = new EnumMap<>(OrderReceipt.Status.class);
    for (Order o : drawn) {
      receipts.merge(c2m.acceptOrder(o).status(), 1, Integer::sum);
    }
    // A marketplace retries: the first orders arrive a second time, and one id is reused with
    // other content. The book stays idempotent.
    for (Order o : drawn.subList(0, Math.min(10, drawn.size()))) {
      receipts.merge(c2m.acceptOrder(o).status(), 1, Integer::sum);
    }
    if (!drawn.isEmpty()) {
      Order clash = drawn.get(0).withQuantity(drawn.get(0).quantity() + 1);
      receipts.merge(c2m.acceptOrder(clash).status(), 1, Integer::sum);
    }
    BatchPlan plan = c2m.planBatches();
    List<DemandForecast> forecasts = new ArrayList<>();
    for (ProductDesign d : designs) {
      forecasts.add(c2m.forecast(dailyOrders(d.id(), c2m.orders(), now), 7));
    }
    return new Result(population, ingest, niches, designs, constraints, receipts, c2m.orders(),
        c2m.planningStart(), plan, forecasts);
  }

  /**
   * The production constraints of the demo's line for a design: MOQ 60, cases of 10, at most 400
   * per batch and 500 per day, setup 250, unit cost 40% of the price, holding 0.05 per unit-day,
   * 5 days lead time.
   *
   * @param design the design
   * @return its constraints
   */
  static ProductionConstraints constraintsFor(ProductDesign design) {
    return new ProductionConstraints(60, 10, 400, 500, 250.0,
        Math.round(design.unitPrice() * 40) / 100.0, 0.05, 5);
  }

  private static DemandSeries dailyOrders(DesignId design, List<Order> orders, Instant from) {
    double[] days = new double[(int) ORDER_WINDOW.toDays()];
    for (Order o : orders) {
      if (o.design().equals(design)) {
        int day = (int) Duration.between(from, o.placedAt()).toDays();
        days[Math.max(0, Math.min(days.length - 1, day))] += o.quantity();
      }
    }
    return DemandSeries.of(design.value(), days);
  }
}
