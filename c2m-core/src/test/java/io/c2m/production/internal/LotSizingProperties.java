package io.c2m.production.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The lot-sizing algorithms against exhaustive search on random small instances. */
class LotSizingProperties {
  /** A random instance: demand, setup, unit, holding per period, MOQ, multiple, largest. */
  record Instance(long[] d, double[] setup, double[] unit, double[] hold, int[] placed,
      long moq, long multiple, long largest) {}

  @Provide
  Arbitrary<Instance> instances() {
    Arbitrary<Integer> n = Arbitraries.integers().between(1, 9);
    return n.flatMap(t -> Combinators.combine(
        Arbitraries.longs().between(0, 30).array(long[].class).ofSize(t),
        Arbitraries.integers().between(0, 60).array(int[].class).ofSize(t),
        Arbitraries.integers().between(0, 8).array(int[].class).ofSize(t),
        Arbitraries.integers().between(0, 4).array(int[].class).ofSize(t),
        Arbitraries.integers().between(0, 3).array(int[].class).ofSize(t),
        Arbitraries.longs().between(1, 40),
        Arbitraries.longs().between(1, 4))
        .as((d, k, p, h, lag, moq, mult) -> {
          double[] setup = new double[t];
          double[] unit = new double[t];
          double[] hold = new double[t];
          int[] placed = new int[t];
          for (int i = 0; i < t; i++) {
            setup[i] = k[i];
            unit[i] = p[i] * 0.5;
            hold[i] = h[i] * 0.25;
            placed[i] = Math.max(0, i - lag[i]);
          }
          long largest = 0;
          for (long x : d) {
            largest = Math.max(largest, x);
          }
          largest = (Math.max(largest, moq) + mult - 1) / mult * mult + 2 * mult * 10;
          return new Instance(d, setup, unit, hold, placed, moq, mult, largest);
        }));
  }

  @Property(tries = 300)
  void fastMatchesExhaustiveSearch(@ForAll("instances") Instance i) {
    double brute = BruteForce.classic(i.d(), i.setup(), i.unit(), i.hold());
    LotSizing.Solution fast = LotSizing.fast(i.d(), i.setup(), i.unit(), i.hold());
    assertEquals(brute, fast.cost(), 1e-7);
    assertEquals(fast.cost(),
        LotSizing.cost(i.d(), i.setup(), i.unit(), i.hold(), 1, 1, fast.setups()), 1e-7);
  }

  @Property(tries = 300)
  void referenceMatchesExhaustiveSearch(@ForAll("instances") Instance i) {
    LotSizing.Solution ref = LotSizing.reference(i.d(), i.setup(), i.unit(), i.hold(), 1, 1,
        Long.MAX_VALUE, null);
    assertEquals(BruteForce.classic(i.d(), i.setup(), i.unit(), i.hold()), ref.cost(), 1e-7);
  }

  @Property(tries = 300)
  void referenceWithMoqMultipleLargestAndPlacementIsOptimalAmongIntervalPlans(
      @ForAll("instances") Instance i) {
    LotSizing.Solution ref = LotSizing.reference(i.d(), i.setup(), i.unit(), i.hold(), i.moq(),
        i.multiple(), i.largest(), i.placed());
    double brute = BruteForce.intervals(i.d(), i.setup(), i.unit(), i.hold(), i.moq(),
        i.multiple(), i.largest(), i.placed());
    assertEquals(brute, ref.cost(), 1e-7);
  }

  @Property(tries = 300)
  void limitedFastMatchesTheReferenceWithLargestBatchAndPlacement(
      @ForAll("instances") Instance i) {
    long largest = Math.max(1, i.largest() / 2);
    boolean fits = true;
    for (long x : i.d()) {
      fits &= x <= largest;
    }
    LotSizing.Solution ref = LotSizing.reference(i.d(), i.setup(), i.unit(), i.hold(), 1, 1,
        largest, i.placed());
    if (!fits) {
      assertEquals(null, ref);
      return;
    }
    LotSizing.Solution lim = LotSizing.fastLimited(i.d(), i.setup(), i.unit(), i.hold(),
        LotSizing.limits(i.d(), i.placed(), largest));
    assertEquals(ref.cost(), lim.cost(), 1e-7);
    assertEquals(BruteForce.intervals(i.d(), i.setup(), i.unit(), i.hold(), 1, 1, largest,
        i.placed()), lim.cost(), 1e-7);
    assertEquals(lim.cost(), LotSizing.cost(i.d(), i.setup(), i.unit(), i.hold(), 1, 1,
        lim.setups()), 1e-7);
  }

  @Property(tries = 200)
  void silverMealIsFeasibleAndNeverBeatsTheOptimum(@ForAll("instances") Instance i) {
    LotSizing.Solution sm = LotSizing.silverMeal(i.d(), i.setup(), i.unit(), i.hold(), i.moq(),
        i.multiple(), i.largest(), i.placed());
    double cost = LotSizing.cost(i.d(), i.setup(), i.unit(), i.hold(), i.moq(), i.multiple(),
        sm.setups());
    assertEquals(cost, sm.cost(), 1e-7);
    double best = BruteForce.intervals(i.d(), i.setup(), i.unit(), i.hold(), i.moq(),
        i.multiple(), i.largest(), i.placed());
    assertTrue(cost >= best - 1e-7);
  }
}
