package io.c2m.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.c2m.Attributes;
import io.c2m.DesignId;
import io.c2m.NicheId;
import io.c2m.design.ProductDesign;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link Offers} chooses exactly as the loop it replaced (issue 15): over every design on offer,
 * skip those of another category or ordered before by the consumer, and take the first of the
 * highest {@link MarketModel#orderProbability(MarketModel.Visit, Attributes, double, double)}
 * above zero, the wait depending on the shelf.
 */
class OffersProperties {
  @Property(tries = 40)
  void choosesAsTheLoopOverEveryDesign(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 40) int designCount,
      @ForAll @IntRange(min = 0, max = 3) int shelfWait,
      @ForAll @IntRange(min = 0, max = 60) int madeWait) {
    SimulationSettings s = SimulationSettings.defaults().withConsumers(300).withPeriods(6);
    MarketModel market = new MarketModel(s, seed);
    Ledger ledger = new Ledger(market, "test");
    SplittableRandom random = new SplittableRandom(seed);
    Map<String, List<String>> catalogue = MarketplaceSpec.fashion().catalogue();
    for (int d = 0; d < designCount; d++) {
      Map<String, String> spec = new TreeMap<>();
      catalogue.forEach((k, values) -> {
        if (k.equals("category") || random.nextInt(3) > 0) {
          spec.put(k, values.get(random.nextInt(Math.min(values.size(), 3))));
        }
      });
      ledger.design(new ProductDesign(DesignId.of("d" + d), NicheId.of("n" + d),
          Attributes.of(spec), 10 + random.nextInt(100)));
    }
    Offers offers = new Offers(market, ledger);
    Set<Long> ordered = new HashSet<>();
    for (int t = 0; t < s.periods(); t++) {
      List<Integer> onOffer = new ArrayList<>();
      for (int d = 0; d < designCount; d++) {
        if (random.nextInt(4) > 0) {
          onOffer.add(d);
        }
        ledger.shelf[d] = random.nextInt(3);
      }
      offers.open(onOffer.stream().mapToInt(Integer::intValue).toArray());
      for (MarketModel.Visit v : market.visits(t)) {
        int best = -1;
        double bestP = 0;
        for (int i : onOffer) {
          if (!ledger.category(i).equals(v.category())
              || ordered.contains((long) v.consumer() << 32 | i)) {
            continue;
          }
          double wait = ledger.shelf[i] >= v.quantity() ? shelfWait : madeWait;
          double p = market.orderProbability(v, ledger.designs.get(i).spec(),
              ledger.designs.get(i).unitPrice(), wait);
          if (p > bestP) {
            bestP = p;
            best = i;
          }
        }
        int chosen = offers.choose(v, shelfWait, madeWait);
        assertEquals(best, chosen);
        assertEquals(bestP, offers.chosenProbability());
        if (best >= 0 && v.draw() < 0.5) {
          ordered.add((long) v.consumer() << 32 | best);
          offers.ordered(v.consumer(), best);
        }
      }
    }
  }
}
