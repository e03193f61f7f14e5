package io.c2m.sim;

import static java.util.Objects.requireNonNull;

import io.c2m.design.DesignTailor;
import io.c2m.design.ProductDesign;
import io.c2m.niche.Niche;
import io.c2m.niche.NicheInference;
import io.c2m.production.BatchingStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * C2M run period by period through the engine ({@link EngineAdapter}): both sides learn from the
 * same season of history before period 0, when the engine first discovers niches and tailors
 * designs. Each period, browsing consumers order what fits them, promised delivery within
 * {@code campaignPeriods + leadTime + shippingTime} (or {@code shippingTime} from a batch's surplus
 * on the shelf), and the engine accepts the orders; consumers whose patience the wait would exceed
 * cancel; orders no batch took within {@code campaignPeriods} expire; the engine advances (the
 * batching strategy releases batches, made in {@code leadTime}, their surplus shelved); then it
 * ingests the period's signals, and every {@code discoverEvery} periods discovers niches and
 * tailors designs (a design stays on offer {@code offerPeriods} after its niche was last found).
 * After the last period no one orders and the run goes on until every order has ended; leftovers
 * and the shelves of designs taken off offer are cleared at the markdown price.
 */
final class C2mSide implements SimulationStrategy {
  private final String name;
  private final NicheInference inference;
  private final DesignTailor tailor;
  private final BatchingStrategy batching;

  C2mSide(String name, NicheInference inference, DesignTailor tailor, BatchingStrategy batching) {
    this.name = requireNonNull(name, "name");
    this.inference = requireNonNull(inference, "inference");
    this.tailor = requireNonNull(tailor, "tailor");
    this.batching = requireNonNull(batching, "batching");
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public RunResult run(MarketModel market, SimulationListener listener) {
    return run(market, listener, Runnable::run);
  }

  /**
   * Runs as {@link #run(MarketModel, SimulationListener)}, with two kinds of side work on the
   * executor: the next period's signals are drawn while the engine ingests, and, when no
   * discovery falls between two periods, the engine ingests a period's signals while the
   * simulator works out the next period's visits on its own books (shelf sales, orders placed),
   * whose orders reach the engine after the ingestion, in the same order as before. The engine
   * is called in the same order with the same clock, so the run is the same, byte for byte.
   */
  @Override
  public RunResult run(MarketModel market, SimulationListener listener, Executor executor) {
    SimulationSettings s = market.settings();
    Ledger ledger = new Ledger(market, name);
    EngineAdapter engine =
        new EngineAdapter(market, inference, tailor, batching, executor, s.periods());
    for (int t = -s.seasonLength(); t < 0; t++) {
      engine.ingest(t);
    }
    OfferPeriods offeredUntil = new OfferPeriods();
    discover(engine, ledger, offeredUntil, 0);
    List<Ledger.SimOrder> open = new ArrayList<>();
    Offers offers = new Offers(market, ledger);
    double shelfWait = s.shippingTime();
    double madeWait = s.campaignPeriods() + s.leadTime() + s.shippingTime();
    int last = s.periods() + s.campaignPeriods() + s.leadTime() + s.shippingTime()
        + (int) Math.ceil(1.5 * s.patience()) + 2;
    List<Ledger.SimOrder> madeToOrder = null; // the period's orders, if worked out ahead
    for (int t = 0; t < last; t++) {
      boolean trading = t < s.periods();
      if (!trading && open.isEmpty() && !ledger.busy() && !engine.busy()) {
        break;
      }
      if (madeToOrder == null) {
        ledger.startPeriod(t);
        madeToOrder = trading
            ? visit(market, ledger, offers, offeredUntil.onOffer(t), t, shelfWait, madeWait)
            : List.of();
      }
      engine.now(t);
      for (Ledger.SimOrder o : madeToOrder) {
        engine.accept(o, ledger);
        open.add(o);
      }
      madeToOrder = null;
      List<Ledger.SimOrder> closed = new ArrayList<>();
      for (Ledger.SimOrder o : open) {
        if (t - o.placed + s.leadTime() + s.shippingTime() > market.patience(o.consumer)) {
          engine.cancel(o, ledger);
        } else if (t - o.placed > s.campaignPeriods()) {
          closed.add(o);
        }
      }
      engine.expire(closed, ledger);
      engine.advance(t, ledger);
      open.removeIf(o -> o.state != OrderFate.PLACED);
      for (int i = 0; i < offeredUntil.size(); i++) {
        if (offeredUntil.get(i) < t && ledger.shelf[i] > 0) {
          ledger.clear(i);
        }
      }
      ledger.endPeriod(t);
      if (trading) {
        int next = t + 1;
        boolean discovers = next % s.discoverEvery() == 0 && next < s.periods();
        if (!discovers && next < s.periods()) {
          // The engine ingests on the executor while the next period's visits touch the
          // simulator's books only; their orders reach the engine after the ingestion.
          int period = t;
          SideTask<Void> ingest = SideTask.start(executor, () -> {
            engine.ingest(period);
            return null;
          });
          ledger.startPeriod(next);
          madeToOrder = visit(market, ledger, offers, offeredUntil.onOffer(next), next,
              shelfWait, madeWait);
          ingest.join();
        } else {
          engine.ingest(t);
          if (discovers) {
            discover(engine, ledger, offeredUntil, next);
          }
        }
        listener.periodDone(t, s.periods());
      }
    }
    engine.expire(open, ledger);
    for (int i = 0; i < ledger.designs.size(); i++) {
      ledger.clear(i);
    }
    engine.check(ledger);
    return ledger.result();
  }

  /**
   * The visits of a trading period, on the simulator's books only: each browsing consumer's
   * choice ({@link Offers}), their order placed and sold from the shelf when it holds their
   * quantity; returns the other orders, to be made to order by the engine, in visit order.
   */
  private static List<Ledger.SimOrder> visit(MarketModel market, Ledger ledger, Offers offers,
      int[] onOffer, int t, double shelfWait, double madeWait) {
    offers.open(onOffer);
    List<Ledger.SimOrder> madeToOrder = new ArrayList<>();
    for (MarketModel.Visit v : market.visits(t)) {
      ledger.wanted(v, t);
      int best = offers.choose(v, shelfWait, madeWait);
      if (best >= 0 && v.draw() < offers.chosenProbability()) {
        offers.ordered(v.consumer(), best);
        Ledger.SimOrder o = ledger.place(v, best, t);
        if (ledger.shelf[best] >= o.quantity) {
          ledger.sellFromShelf(o, t);
        } else {
          madeToOrder.add(o);
        }
      }
    }
    return madeToOrder;
  }

  /** Discovers niches, tailors designs and offers them from {@code from} for offerPeriods. */
  private static void discover(EngineAdapter engine, Ledger ledger, OfferPeriods offeredUntil,
      int from) {
    EngineAdapter.Discovery found = engine.discover(ledger.designs);
    for (ProductDesign d : found.newDesigns()) {
      ledger.design(d);
    }
    offeredUntil.grow(ledger.designs.size());
    for (int i = 0; i < ledger.designs.size(); i++) {
      for (Niche n : found.niches()) {
        if (ledger.designs.get(i).spec().matches(n.definition())) {
          offeredUntil.set(i, from + ledger.settings().offerPeriods() - 1);
          break;
        }
      }
    }
  }

  /** The last period each design is on offer, by ledger index; -1 before it is first offered. */
  static final class OfferPeriods {
    private int[] until = new int[0];

    int size() {
      return until.length;
    }

    int get(int design) {
      return until[design];
    }

    void set(int design, int period) {
      until[design] = period;
    }

    /** Grows to {@code n} designs, the new ones not on offer. */
    void grow(int n) {
      if (n > until.length) {
        int old = until.length;
        until = java.util.Arrays.copyOf(until, n);
        java.util.Arrays.fill(until, old, n, -1);
      }
    }

    /** The designs on offer in a period, in index order. */
    int[] onOffer(int period) {
      int[] out = new int[until.length];
      int n = 0;
      for (int i = 0; i < until.length; i++) {
        if (until[i] >= period) {
          out[n++] = i;
        }
      }
      return java.util.Arrays.copyOf(out, n);
    }
  }
}
