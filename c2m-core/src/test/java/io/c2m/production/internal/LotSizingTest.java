package io.c2m.production.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Published optima of textbook lot-sizing instances, reproduced by every algorithm. */
class LotSizingTest {
  private static double[] constant(int n, double v) {
    double[] a = new double[n];
    Arrays.fill(a, v);
    return a;
  }

  /**
   * Wagner and Whitin (1958), Management Science 5:89-96, the paper's own 12-month example: demand
   * and setup cost vary every month, holding cost 1 per unit-month; the paper's table gives the
   * minimum cost 864 for the 12 months.
   */
  @Test
  void wagnerWhitin1958Example() {
    long[] d = {69, 29, 36, 61, 61, 26, 34, 67, 45, 67, 79, 56};
    double[] setup = {85, 102, 102, 101, 98, 114, 105, 86, 119, 110, 98, 114};
    double[] unit = new double[12];
    double[] hold = constant(12, 1);
    LotSizing.Solution fast = LotSizing.fast(d, setup, unit, hold);
    LotSizing.Solution ref = LotSizing.reference(d, setup, unit, hold, 1, 1, Long.MAX_VALUE, null);
    assertEquals(864, fast.cost(), 1e-9);
    assertEquals(864, ref.cost(), 1e-9);
    assertEquals(864, BruteForce.classic(d, setup, unit, hold), 1e-9);
    assertEquals(864, LotSizing.cost(d, setup, unit, hold, 1, 1, fast.setups()), 1e-9);
  }

  /**
   * Silver, Pyke and Peterson (1998), Inventory Management and Production Planning and
   * Scheduling, 3rd ed., chapter 6: the 12-month example with setup cost A = 54 and v r = 20 x
   * 0.02 = 0.4 per unit-month; the Wagner-Whitin optimum printed there is 501.20.
   */
  @Test
  void silverPykePetersonExample() {
    long[] d = {10, 62, 12, 130, 154, 129, 88, 52, 124, 160, 238, 41};
    double[] setup = constant(12, 54);
    double[] unit = new double[12];
    double[] hold = constant(12, 0.4);
    assertEquals(501.2, LotSizing.fast(d, setup, unit, hold).cost(), 1e-9);
    assertEquals(501.2, LotSizing.reference(d, setup, unit, hold, 1, 1, Long.MAX_VALUE, null)
        .cost(), 1e-9);
    assertEquals(501.2, BruteForce.classic(d, setup, unit, hold), 1e-9);
    LotSizing.Solution sm = LotSizing.silverMeal(d, setup, unit, hold, 1, 1, Long.MAX_VALUE, null);
    assertTrue(sm.cost() >= 501.2 - 1e-9, "a heuristic cannot beat the optimum");
  }

  /** Independent reasoning: with no holding cost one setup in the cheapest feasible period wins. */
  @Test
  void freeHoldingMeansOneSetupInTheFirstDemandPeriod() {
    long[] d = {0, 5, 7, 9};
    double[] setup = {1, 10, 3, 2};
    LotSizing.Solution s = LotSizing.fast(d, setup, new double[4], new double[4]);
    // period 0 has no demand but is the cheapest setup and may stock for later periods
    assertArrayEquals(new int[] {0}, s.setups());
    assertEquals(1, s.cost(), 1e-12);
  }

  /** A speculative motive: units are much cheaper early, so everything is made in period 0. */
  @Test
  void speculativeMotiveBuysEarly() {
    long[] d = {1, 1, 1};
    double[] unit = {1, 100, 100};
    LotSizing.Solution s = LotSizing.fast(d, new double[] {5, 5, 5}, unit, new double[] {1, 1, 1});
    // 3 units at 1, holding 1 + 2 = 3, setup 5: 11; any other plan pays a unit at 100
    assertEquals(11, s.cost(), 1e-12);
  }
}
