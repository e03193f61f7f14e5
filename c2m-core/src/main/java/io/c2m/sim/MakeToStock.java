package io.c2m.sim;

import io.c2m.DesignId;
import io.c2m.NicheId;
import io.c2m.design.DesignTailor;
import io.c2m.design.ProductDesign;
import io.c2m.niche.Niche;
import io.c2m.niche.NicheInference;
import io.c2m.production.BatchingStrategy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * The make-to-stock baseline on the same consumers and tastes. Before each season of
 * {@code seasonLength} periods the brand designs from the last season: the engine's niche
 * inference and tailor on that season's signals only (the season before period 0 for the first),
 * keeping the {@code mtsAssortment} designs of the largest audiences. It forecasts a season's
 * demand of a design as its niche's audience times a conversion: {@code mtsConversionGuess} in the
 * first season, then last season's units sold per audience member. It produces ahead in economic
 * lots (EOQ, {@code sqrt(2 D S / h)} with D the forecast per period, at least the MOQ, at most the
 * largest batch): the first lot, covering the replenishment lead time, is on the shelf when the
 * season opens; then a lot is ordered whenever the shelf plus what is on order falls to the
 * demand over {@code mtsLeadTime} and the lot can still arrive in the season. Consumers buy from
 * the shelf (delivered in {@code shippingTime}); an empty shelf loses the sale. At the season's
 * end leftovers are marked down: {@code clearanceShare} of them clears at {@code markdownPrice}
 * of the full price, the rest is scrapped.
 */
final class MakeToStock implements SimulationStrategy {
  private final String name;
  private final NicheInference inference;
  private final DesignTailor tailor;

  MakeToStock(String name, NicheInference inference, DesignTailor tailor) {
    this.name = name;
    this.inference = inference;
    this.tailor = tailor;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public RunResult run(MarketModel market, SimulationListener listener) {
    return run(market, listener, Runnable::run);
  }

  /** Runs as {@link #run(MarketModel, SimulationListener)}, drawing signals ahead on the executor. */
  @Override
  public RunResult run(MarketModel market, SimulationListener listener, Executor executor) {
    SimulationSettings s = market.settings();
    Ledger ledger = new Ledger(market, name);
    Offers offers = new Offers(market, ledger);
    List<Integer> range = List.of();
    double[] perPeriod = new double[0];
    Map<Integer, List<int[]>> lots = new HashMap<>();
    double conversion = s.mtsConversionGuess();
    double lastAudience = 0;
    long soldAtSeasonStart = 0;
    int seasonEnd = 0;
    int last = s.periods() + s.shippingTime() + 1;
    for (int t = 0; t < last; t++) {
      ledger.startPeriod(t);
      if (t < s.periods() && t % s.seasonLength() == 0) {
        if (t > 0 && lastAudience > 0) {
          conversion = (ledger.orderedUnits - soldAtSeasonStart) / lastAudience;
        }
        soldAtSeasonStart = ledger.orderedUnits;
        seasonEnd = Math.min(s.periods(), t + s.seasonLength());
        List<ProductDesign> designs = new ArrayList<>();
        Map<NicheId, Integer> audience = new HashMap<>();
        design(market, t, designs, audience, executor);
        range = new ArrayList<>();
        lastAudience = 0;
        perPeriod = new double[designs.size()];
        int length = seasonEnd - t;
        for (int i = 0; i < designs.size(); i++) {
          ProductDesign d = designs.get(i);
          int idx = ledger.design(d);
          range.add(idx);
          double a = audience.getOrDefault(d.niche(), 0);
          lastAudience += a;
          perPeriod[i] = a * conversion / length;
          int cover = (int) Math.ceil(perPeriod[i] * Math.max(1, Math.min(length,
              s.mtsLeadTime() + 1)));
          lots(s, ledger, lots, idx, Math.max(cover, eoq(s, perPeriod[i])), t, t);
        }
      }
      if (t < s.periods()) {
        if (t % s.seasonLength() == 0) {
          offers.open(range.stream().mapToInt(Integer::intValue).toArray());
        }
        for (MarketModel.Visit v : market.visits(t)) {
          ledger.wanted(v, t);
          // Sold from the shelf or lost: the wait is the shipping time either way.
          int best = offers.choose(v, s.shippingTime(), s.shippingTime());
          if (best >= 0 && v.draw() < offers.chosenProbability()) {
            offers.ordered(v.consumer(), best);
            if (ledger.shelf[best] >= v.quantity()) {
              ledger.sellFromShelf(ledger.place(v, best, t), t);
            } else {
              ledger.lostToEmptyShelf(v, t);
            }
          }
        }
        for (int i = 0; i < range.size(); i++) {
          int idx = range.get(i);
          int arriving = pendingLots(lots, idx, t);
          double reorderPoint = perPeriod[i] * s.mtsLeadTime();
          if (t + s.mtsLeadTime() < seasonEnd && perPeriod[i] > 0
              && ledger.shelf[idx] + arriving <= reorderPoint) {
            lots(s, ledger, lots, idx, eoq(s, perPeriod[i]), t, t + s.mtsLeadTime());
          }
        }
        listener.periodDone(t, s.periods());
      }
      ledger.endPeriod(t);
      if (t == seasonEnd - 1 || t == s.periods() - 1) {
        for (int idx : range) {
          ledger.clear(idx);
        }
      }
    }
    return ledger.result();
  }

  private static int pendingLots(Map<Integer, List<int[]>> lots, int idx, int now) {
    int sum = 0;
    for (int[] lot : lots.getOrDefault(idx, List.of())) {
      if (lot[0] > now) {
        sum += lot[1];
      }
    }
    return sum;
  }

  /** Releases lots totalling at least {@code units}, each within the constraints. */
  private static void lots(SimulationSettings s, Ledger ledger, Map<Integer, List<int[]>> lots,
      int idx, int units, int period, int ready) {
    io.c2m.production.ProductionConstraints c = s.constraints();
    int left = units;
    while (left > 0) {
      int q = Math.min(c.largestBatch(), c.roundToMultiple(Math.max(left,
          c.minimumOrderQuantity())));
      ledger.release(idx, q, List.of(), period, ready);
      lots.computeIfAbsent(idx, k -> new ArrayList<>()).add(new int[] {ready, q});
      left -= q;
    }
  }

  private static int eoq(SimulationSettings s, double perPeriod) {
    if (perPeriod <= 0) {
      return 0;
    }
    double h = Math.max(1e-9, s.holdingCost());
    return (int) Math.ceil(Math.sqrt(2 * perPeriod * s.setupCost() / h));
  }

  private void design(MarketModel market, int t, List<ProductDesign> designs,
      Map<NicheId, Integer> audience, Executor executor) {
    SimulationSettings s = market.settings();
    EngineAdapter brand = new EngineAdapter(market, inference, tailor, BatchingStrategy.groupBuy(),
        executor, t);
    for (int p = t - s.seasonLength(); p < t; p++) {
      brand.ingest(p);
    }
    EngineAdapter.Discovery found = brand.discover(List.of());
    for (Niche n : found.niches()) {
      audience.put(n.id(), n.audience());
    }
    List<ProductDesign> all = new ArrayList<>(found.newDesigns());
    all.sort(Comparator.comparingInt((ProductDesign d) -> -audience.getOrDefault(d.niche(), 0))
        .thenComparing(d -> d.id().value()));
    for (ProductDesign d : all.subList(0, Math.min(all.size(), s.mtsAssortment()))) {
      designs.add(new ProductDesign(new DesignId("mts-" + t + "-" + d.id().value()), d.niche(),
          d.spec(), d.unitPrice()));
    }
  }
}
