package io.c2m.sim;

import io.c2m.BatchId;
import io.c2m.C2m;
import io.c2m.DesignId;
import io.c2m.OrderId;
import io.c2m.design.DesignTailor;
import io.c2m.design.ProductDesign;
import io.c2m.niche.Niche;
import io.c2m.niche.NicheInference;
import io.c2m.order.BatchState;
import io.c2m.order.Order;
import io.c2m.order.OrderEvent;
import io.c2m.order.OrderReceipt;
import io.c2m.order.OrderState;
import io.c2m.production.Advance;
import io.c2m.production.BatchingStrategy;
import io.c2m.production.ScheduledBatch;
import io.c2m.signal.ProfileSettings;
import io.c2m.signal.Signal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * The one place the simulator calls the engine, through its public API only: the engine's clock
 * is moved period by period; it ingests each period's signals, discovers niches and tailors
 * designs (tailored designs are on offer), accepts the orders consumers place, and
 * {@link C2m#advance() advances}: the batching strategy's batches of the current period are
 * released and frozen. The simulator then starts their production, ships and delivers them
 * ({@link C2m#startProduction}, {@link C2m#ship}, {@link C2m#deliver}), cancels the orders of
 * impatient consumers ({@link C2m#cancelOrder}) and expires the orders whose campaign closed
 * ({@link io.c2m.order.OrderBook#expire}). Every engine event comes back to the simulator's
 * {@link Ledger} through an {@link io.c2m.order.OrderListener}, and {@link #check(Ledger)} verifies
 * at the end that the engine's final state of every order is the ledger's.
 *
 * <p>Units sold from the shelf (the surplus of a batch rounded up to its minimum or multiple) are
 * ready-made stock sales, not orders the engine makes: they stay in the ledger only.
 */
final class EngineAdapter {
  private final MarketModel market;
  private final SimulationSettings s;
  private final SimClock clock;
  private final C2m engine;
  private final Map<OrderId, OrderState> engineState = new HashMap<>();
  private final Set<BatchId> seen = new HashSet<>();
  private final Map<Integer, List<BatchId>> toShip = new HashMap<>();
  private final Map<Integer, List<BatchId>> toDeliver = new HashMap<>();
  private final Executor executor;
  /** The period after the last one this engine will ingest: none is drawn ahead past it. */
  private final int ingestUntil;
  /** The signals of {@link #prefetched}, being drawn on the executor, or null. */
  private SideTask<List<Signal>> nextSignals;
  private int prefetched = Integer.MIN_VALUE;

  /** A batch the engine released now. */
  record Release(int design, int quantity, List<Ledger.SimOrder> orders, int readyPeriod) {}

  /** What a discovery found. */
  record Discovery(List<Niche> niches, List<ProductDesign> newDesigns) {}

  EngineAdapter(MarketModel market, NicheInference inference, DesignTailor tailor,
      BatchingStrategy batching, Executor executor, int ingestUntil) {
    this.market = market;
    this.executor = executor;
    this.ingestUntil = ingestUntil;
    this.s = market.settings();
    this.clock = new SimClock(market.periodStart(-s.seasonLength()));
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
    engine.addOrderListener(e -> engineState.put(e.order(), e.to()));
  }

  /** Moves the engine's clock to the start of a period. */
  void now(int period) {
    clock.set(market.periodStart(period));
  }

  /**
   * Ingests a period's signals, the clock at the period's last millisecond. The signals of the
   * next period are drawn meanwhile on the executor (drawing is pure: {@link
   * MarketModel#signals(int)}), for the next call if it is about that period.
   */
  void ingest(int period) {
    List<Signal> signals = prefetched == period && nextSignals != null ? nextSignals.join()
        : market.signals(period);
    int next = period + 1;
    nextSignals = next < ingestUntil ? SideTask.start(executor, () -> market.signals(next)) : null;
    prefetched = next;
    clock.set(market.periodStart(period + 1).minusMillis(1));
    engine.ingest(signals);
  }

  /**
   * Discovers niches now and tailors designs for those no known design serves (a known niche's
   * design would come out the same and be skipped, after the cost of gathering its members);
   * returns the niches and the new designs.
   */
  Discovery discover(List<ProductDesign> known) {
    List<Niche> niches = engine.discoverNiches();
    List<Niche> fresh = new ArrayList<>();
    for (Niche n : niches) {
      boolean served = false;
      for (ProductDesign d : known) {
        if (d.spec().matches(n.definition())) {
          served = true;
          break;
        }
      }
      if (!served) {
        fresh.add(n);
      }
    }
    return new Discovery(niches, fresh.isEmpty() ? List.of() : engine.tailorDesigns(fresh));
  }

  /**
   * Places an order with the engine, at the start of its period. The consumer is promised delivery
   * within {@code campaignPeriods + leadTime + shippingTime}; the engine plans production only, so
   * its latest delivery is when the batch must be ready to ship on time: {@code campaignPeriods +
   * leadTime} after the order (a strategy that produces just in time then releases it on the last
   * day of its campaign, not after it closed).
   */
  void accept(Ledger.SimOrder o, Ledger ledger) {
    ProductDesign d = ledger.designs.get(o.design);
    OrderReceipt r = engine.acceptOrder(new Order(id(o), market.id(o.consumer), d.id(),
        o.quantity, o.price, market.periodStart(o.placed),
        market.periodStart(o.placed + s.campaignPeriods() + s.leadTime())));
    if (r.status() != OrderReceipt.Status.ACCEPTED) {
      throw new IllegalStateException("The engine refused simulated order " + id(o) + ": "
          + r.reason());
    }
  }

  /** Cancels an order for its consumer, before production. */
  void cancel(Ledger.SimOrder o, Ledger ledger) {
    engine.cancelOrder(id(o), "the consumer's patience ran out before production");
    ledger.end(o, OrderFate.CANCELLED);
  }

  /** Expires orders whose campaign closed before a batch took them (refund due). */
  void expire(List<Ledger.SimOrder> orders, Ledger ledger) {
    if (orders.isEmpty()) {
      return;
    }
    List<OrderId> ids = new ArrayList<>();
    for (Ledger.SimOrder o : orders) {
      ids.add(id(o));
    }
    engine.orderBook().expire(ids, "the campaign closed before a batch took the order: refund due");
    for (Ledger.SimOrder o : orders) {
      ledger.end(o, OrderFate.EXPIRED);
    }
  }

  /**
   * Ships and delivers the batches due in a period (the clock at its start), then advances the
   * engine: what the strategy releases now goes into production and into the ledger; orders the
   * engine expires (a group-buy window closed below the MOQ) are ended in the ledger.
   */
  void advance(int period, Ledger ledger) {
    now(period);
    for (BatchId b : toShip.getOrDefault(period, List.of())) {
      engine.ship(b);
    }
    for (BatchId b : toDeliver.getOrDefault(period, List.of())) {
      engine.deliver(b);
    }
    toShip.remove(period);
    toDeliver.remove(period);
    Advance a = engine.advance();
    for (OrderEvent e : a.events()) {
      if (e.to() == OrderState.EXPIRED) {
        ledger.end(ledger.orders.get(index(e.order())), OrderFate.EXPIRED);
      }
    }
    Map<DesignId, Integer> designIndex = new HashMap<>();
    for (int i = 0; i < ledger.designs.size(); i++) {
      designIndex.put(ledger.designs.get(i).id(), i);
    }
    for (ScheduledBatch b : a.schedule().batches()) {
      if (b.state() != BatchState.RELEASED || !seen.add(b.id())) {
        continue;
      }
      List<Ledger.SimOrder> in = new ArrayList<>(b.orders().size());
      for (OrderId id : b.orders()) {
        in.add(ledger.orders.get(index(id)));
      }
      long readyOffset = Duration.between(market.periodStart(period), b.ready()).toDays();
      int ready = period + (int) Math.max(s.leadTime(), readyOffset);
      engine.startProduction(b.id());
      ledger.release(designIndex.get(b.design()), b.quantity(), in, period, ready);
      if (ready == period) {
        engine.ship(b.id()); // no lead time: made and shipped this period
      } else {
        toShip.computeIfAbsent(ready, p -> new ArrayList<>()).add(b.id());
      }
      if (ready + s.shippingTime() == period) {
        engine.deliver(b.id());
      } else {
        toDeliver.computeIfAbsent(ready + s.shippingTime(), p -> new ArrayList<>()).add(b.id());
      }
    }
  }

  /** Returns whether batches are still to be shipped or delivered. */
  boolean busy() {
    return !toShip.isEmpty() || !toDeliver.isEmpty();
  }

  /**
   * Checks that the engine's last state of every order it was given is the ledger's.
   *
   * @throws IllegalStateException naming the first order on which they differ
   */
  void check(Ledger ledger) {
    for (Ledger.SimOrder o : ledger.orders) {
      OrderState e = engineState.get(id(o));
      if (e == null) {
        continue; // sold from the shelf: not an engine order
      }
      if (!e.name().equals(o.state.name())) {
        throw new IllegalStateException("Order " + id(o) + " is " + e + " in the engine but "
            + o.state + " in the simulation.");
      }
    }
  }

  private static OrderId id(Ledger.SimOrder o) {
    return new OrderId("o" + o.id);
  }

  private static int index(OrderId id) {
    return Integer.parseInt(id.value().substring(1));
  }
}
