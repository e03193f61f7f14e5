package io.c2m.sim;

import io.c2m.Attributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a browsing consumer may order in a period, and the choice they make: the designs on offer
 * grouped by category, which consumer already ordered which design, and each design's fit to each
 * taste, kept across visits. It chooses exactly as the loop it replaces (issue 15: the visits were
 * a fifth of a 100,000-consumer run): among the designs on offer of the visit's category, in
 * design order, that the consumer has not ordered before, the first of highest {@link
 * MarketModel#orderProbability order probability}, if that is above zero.
 *
 * <p>Layout and cost: designs on offer by category, an {@code int[]} per category rebuilt by
 * {@link #open(int[])} once per period (designs number in the hundreds); one {@link BitSet} of
 * consumers per design that someone ordered (a bit per consumer index); per taste (tastes are the
 * market's interned favourite items and planted definitions, a few thousand objects, so they are
 * keyed by identity) a {@code double[]} of fits by design, {@code NaN} until computed. A visit
 * then costs one map lookup, and per design of its category a bit test, a shelf test and, unless
 * the design cannot beat the best so far even at the highest price response, the price response;
 * the fits and the two wait factors are computed once.
 *
 * <p>Not thread-safe: one run, one thread.
 */
final class Offers {
  private final MarketModel market;
  private final Ledger ledger;
  private final double waitTolerance;
  private final double orderRate;
  private Map<String, int[]> byCategory = Map.of();
  private BitSet[] ordered = new BitSet[16];
  private final Map<Attributes, double[]> fits = new IdentityHashMap<>();
  private double chosenProbability;

  Offers(MarketModel market, Ledger ledger) {
    this.market = market;
    this.ledger = ledger;
    this.waitTolerance = market.settings().waitTolerance();
    this.orderRate = market.settings().orderRate();
  }

  /**
   * Puts designs on offer for the period, replacing those before.
   *
   * @param designs the ledger's indices of the designs on offer, in the order ties go to
   */
  void open(int[] designs) {
    Map<String, List<Integer>> grouped = new HashMap<>();
    for (int i : designs) {
      grouped.computeIfAbsent(ledger.category(i), c -> new ArrayList<>()).add(i);
    }
    Map<String, int[]> out = new HashMap<>();
    grouped.forEach((c, list) -> out.put(c, list.stream().mapToInt(Integer::intValue).toArray()));
    byCategory = out;
  }

  /**
   * Chooses the design a browsing consumer would order, if any: the first, in design order, of
   * the highest order probability among the designs on offer of their category they have not
   * ordered before, the wait of each being {@code shelfWait} when its shelf holds their quantity,
   * else {@code madeWait}. The probability is then {@link #chosenProbability()}.
   *
   * @param v the visit
   * @param shelfWait the promised wait of a design sold from the shelf
   * @param madeWait the promised wait of a design made to order
   * @return the design's ledger index, or -1 when no design has a probability above zero
   */
  int choose(MarketModel.Visit v, double shelfWait, double madeWait) {
    int best = -1;
    double bestP = 0;
    int[] designs = byCategory.get(v.category());
    if (designs != null) {
      int consumer = v.consumer();
      boolean waitsShelf = market.waits(consumer, shelfWait);
      boolean waitsMade = market.waits(consumer, madeWait);
      double shelfFactor = Math.exp(-shelfWait / waitTolerance);
      double madeFactor = Math.exp(-madeWait / waitTolerance);
      double[] fit = fits(v.taste());
      int[] shelf = ledger.shelf;
      for (int i : designs) {
        if (i < ordered.length && ordered[i] != null && ordered[i].get(consumer)) {
          continue;
        }
        boolean fromShelf = shelf[i] >= v.quantity();
        if (!(fromShelf ? waitsShelf : waitsMade)) {
          continue; // probability 0: never above the best
        }
        double f = fit[i];
        if (Double.isNaN(f)) {
          f = market.fit(v.taste(), ledger.spec(i));
          fit[i] = f;
        }
        double waitFactor = fromShelf ? shelfFactor : madeFactor;
        // The price response is at most 1.5 and rounding is monotone, so this bound is at least
        // the probability: a design whose bound does not beat the best cannot, and is spared the
        // price response's power (most of a visit's cost).
        if (orderRate * f * MarketModel.MAX_PRICE_RESPONSE * waitFactor <= bestP) {
          continue;
        }
        double p = market.orderProbability(v, f, ledger.designs.get(i).unitPrice(), waitFactor);
        if (p > bestP) {
          bestP = p;
          best = i;
        }
      }
    }
    chosenProbability = bestP;
    return best;
  }

  /**
   * Returns the order probability of the last {@link #choose} (0 when it chose nothing).
   *
   * @return the probability
   */
  double chosenProbability() {
    return chosenProbability;
  }

  /**
   * Records that a consumer ordered a design: they are not offered it again.
   *
   * @param consumer the consumer's index
   * @param design the design's ledger index
   */
  void ordered(int consumer, int design) {
    if (design >= ordered.length) {
      ordered = Arrays.copyOf(ordered, Math.max(design + 1, ordered.length * 2));
    }
    if (ordered[design] == null) {
      ordered[design] = new BitSet(market.consumers());
    }
    ordered[design].set(consumer);
  }

  /** The fits of a taste by design, grown to the ledger's designs, {@code NaN} where unknown. */
  private double[] fits(Attributes taste) {
    double[] f = fits.get(taste);
    int n = ledger.designs.size();
    if (f == null || f.length < n) {
      int old = f == null ? 0 : f.length;
      f = f == null ? new double[Math.max(16, n)] : Arrays.copyOf(f, Math.max(n, 2 * old));
      Arrays.fill(f, old, f.length, Double.NaN);
      fits.put(taste, f);
    }
    return f;
  }
}
