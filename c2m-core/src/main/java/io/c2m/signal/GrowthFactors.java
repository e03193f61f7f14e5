package io.c2m.signal;

import java.util.Arrays;

/**
 * The growth factor {@code 2^(offset / halfLife)} of a signal's offset from the profile epoch,
 * without an exponential per signal.
 *
 * <p><b>Layout and cost.</b> An offset of {@code o} milliseconds is split as {@code o = hi * 2^24
 * + mid * 2^12 + lo} with {@code mid} and {@code lo} in {@code [0, 4096)}; the factor is the
 * product of three: {@code growthMid[mid]} and {@code growthLow[lo]} from two fixed tables of
 * 4,096 doubles each (64 KB together), and the factor of {@code hi} (one per 2^24 ms, 4.7 hours)
 * from a direct-mapped cache of 4,096 (key, factor) pairs, computed with {@code Math.exp} on a
 * miss. A hit costs three loads and two multiplies; signals near in time share the cache line of
 * their {@code hi}. The product is within a few ulps of the exact factor, as accurate as one
 * {@code Math.exp} of the whole offset. Half-lives under 2^20 ms (17.5 minutes) take {@code
 * Math.exp} for every signal: their table factors would overflow or lose precision.
 *
 * <p>The two fixed tables depend on the half-life only and are never written once filled: the
 * stores of one half-life share them (the last half-life's tables are kept, so that a store made
 * per batch or per test does not compute 8,192 exponentials each time); the cache of {@code hi}
 * factors is each store's own.
 *
 * <p>Not thread-safe (the cache is written on a miss): one per store.
 */
final class GrowthFactors {
  private static final int LOW_BITS = 12;
  private static final int HIGH_SHIFT = 2 * LOW_BITS;
  private static final int HIGH_CACHE = 4096;

  private final double lnTwoPerMilli;
  /** Whether the tables are used: for half-lives of at least 2^20 ms (see the class comment). */
  private final boolean tables;
  private final double[] growthLow;
  private final double[] growthMid;
  private final long[] growthHighKey = new long[HIGH_CACHE];
  private final double[] growthHigh = new double[HIGH_CACHE];

  /**
   * Fills the tables of one half-life.
   *
   * @param halfLifeMillis the half-life, at least one millisecond
   */
  GrowthFactors(long halfLifeMillis) {
    this.lnTwoPerMilli = Math.log(2.0) / halfLifeMillis;
    this.tables = halfLifeMillis >= 1L << 20;
    Tables t = tables ? Tables.of(halfLifeMillis, lnTwoPerMilli) : Tables.NONE;
    this.growthLow = t.low;
    this.growthMid = t.mid;
    // No offset has that high part: accepted offsets lie within MAX_HALF_LIVES half-lives of the
    // epoch.
    Arrays.fill(growthHighKey, Long.MAX_VALUE);
  }

  /** The factor {@code 2^(offset / halfLife)} of an offset in milliseconds from the epoch. */
  double growth(long offset) {
    if (!tables) {
      return Math.exp(offset * lnTwoPerMilli);
    }
    long hi = offset >> HIGH_SHIFT;
    int slot = (int) hi & (HIGH_CACHE - 1);
    double h;
    if (growthHighKey[slot] == hi) {
      h = growthHigh[slot];
    } else {
      h = Math.exp((double) (hi << HIGH_SHIFT) * lnTwoPerMilli);
      growthHigh[slot] = h;
      growthHighKey[slot] = hi;
    }
    return h * growthMid[(int) (offset >>> LOW_BITS) & ((1 << LOW_BITS) - 1)]
        * growthLow[(int) offset & ((1 << LOW_BITS) - 1)];
  }

  /**
   * The fixed tables of one half-life, read-only once made; the last ones made are shared (a
   * final-field object published through a volatile field, so a store on another thread sees
   * them filled).
   */
  private static final class Tables {
    static final Tables NONE = new Tables(0, new double[0], new double[0]);
    private static volatile Tables last = NONE;

    final long halfLifeMillis;
    final double[] low;
    final double[] mid;

    private Tables(long halfLifeMillis, double[] low, double[] mid) {
      this.halfLifeMillis = halfLifeMillis;
      this.low = low;
      this.mid = mid;
    }

    static Tables of(long halfLifeMillis, double lnTwoPerMilli) {
      Tables t = last;
      if (t.halfLifeMillis == halfLifeMillis) {
        return t;
      }
      double[] low = new double[1 << LOW_BITS];
      double[] mid = new double[1 << LOW_BITS];
      for (int j = 0; j < 1 << LOW_BITS; j++) {
        low[j] = Math.exp(j * lnTwoPerMilli);
        mid[j] = Math.exp((double) ((long) j << LOW_BITS) * lnTwoPerMilli);
      }
      t = new Tables(halfLifeMillis, low, mid);
      last = t;
      return t;
    }
  }
}
