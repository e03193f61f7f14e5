package io.c2m.sim;

import io.c2m.C2m;
import io.c2m.DesignId;
import io.c2m.OrderId;
import io.c2m.design.DesignTailor;
import io.c2m.design.ProductDesign;
import io.c2m.niche.Niche;
import io.c2m.niche.NicheInference;
import io.c2m.order.Order;
import io.c2m.production.BatchPlan;
import io.c2m.production.BatchingProblem;
import io.c2m.production.BatchingStrategy;
import io.c2m.production.ProductionBatch;
import io.c2m.signal.ProfileSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place the simulator calls the engine: it ingests a period's signals into a {@link C2m}
 * whose clock it moves, discovers niches and tailors designs with the engine, and plans batches
 * of the open orders with the batching strategy. The engine's order lifecycle (issue 10) is not
 * used yet: the simulator keeps order states in its {@link Ledger} and asks the batching strategy
 * directly, each period, which open orders to release now (a rolling horizon: batches planned for
 * period 0 are released and frozen, later ones are re-planned next period). When the engine's
 * order book has its lifecycle, this class is what changes.
 */
final class EngineAdapter {
  private static final Duration DAY = Duration.ofDays(1);

  private final MarketModel market;
  private final SimulationSettings s;
  private final SimClock clock;
  private final C2m engine;
  private final BatchingStrategy batching;

  /** A batch to release now. */
  record Release(int design, int quantity, List<Ledger.SimOrder> orders, int readyPeriod) {}

  /** What a discovery found. */
  record Discovery(List<Niche> niches, List<ProductDesign> newDesigns) {}

  EngineAdapter(MarketModel market, NicheInference inference, DesignTailor tailor,
      BatchingStrategy batching) {
    this.market = market;
    this.s = market.settings();
    this.clock = new SimClock(market.periodStart(0));
    this.batching = batching;
    this.engine = C2m.builder()
        .clock(clock)
        .seed(market.seed())
        .minimumAudience(s.minimumAudience())
        .profileSettings(ProfileSettings.defaults()
            .withHalfLife(Duration.ofDays(s.profileHalfLife())))
        .inference(inference)
        .tailor(tailor)
        .batching(batching)
        .defaultConstraints(s.constraints())
        .build();
    market.accounts().forEach(engine::registerConsumer);
  }

  /** Ingests a period's signals, the clock at the period's end. */
  void ingest(int period) {
    clock.set(market.periodStart(period + 1));
    engine.ingest(market.signals(period));
  }

  /** Discovers niches now and tailors designs for them; returns the niches and the new designs. */
  Discovery discover() {
    List<Niche> niches = engine.discoverNiches();
    return new Discovery(niches, engine.tailorDesigns(niches));
  }

  /**
   * Plans the open orders with the batching strategy from the start of {@code period} and
   * returns the batches it releases in that period. An order placed earlier counts as placed now
   * and is due to be ready {@code campaignPeriods + leadTime} after it was placed (or now, if that
   * has passed), so that it ships on time: a planning copy only, the ledger keeps the real
   * times.
   */
  List<Release> plan(List<Ledger.SimOrder> open, int period, Ledger ledger) {
    if (open.isEmpty()) {
      return List.of();
    }
    Instant start = market.periodStart(period);
    List<Order> orders = new ArrayList<>(open.size());
    Map<OrderId, Ledger.SimOrder> byId = new HashMap<>();
    for (Ledger.SimOrder o : open) {
      ProductDesign d = ledger.designs.get(o.design);
      Instant placed = market.periodStart(o.placed);
      if (placed.isBefore(start)) {
        placed = start;
      }
      Instant due = market.periodStart(o.placed + s.campaignPeriods() + s.leadTime());
      if (due.isBefore(placed)) {
        due = placed;
      }
      OrderId id = new OrderId("o" + o.id);
      byId.put(id, o);
      orders.add(new Order(id, market.id(o.consumer), d.id(), o.quantity, o.price, placed, due));
    }
    BatchPlan plan = batching.plan(new BatchingProblem(orders, Map.of(), s.constraints(), start,
        DAY));
    Map<DesignId, Integer> index = new HashMap<>();
    for (int i = 0; i < ledger.designs.size(); i++) {
      index.put(ledger.designs.get(i).id(), i);
    }
    List<Release> out = new ArrayList<>();
    for (ProductionBatch b : plan.batches()) {
      if (b.period() != 0) {
        continue;
      }
      List<Ledger.SimOrder> in = new ArrayList<>(b.orders().size());
      for (OrderId id : b.orders()) {
        in.add(byId.get(id));
      }
      out.add(new Release(index.get(b.design()), b.quantity(), in,
          period + Math.max(s.leadTime(), b.readyPeriod())));
    }
    return out;
  }
}
