package io.c2m.production.internal;

/** Exhaustive lot sizing over every set of setup periods, for small T; independent of the DPs. */
final class BruteForce {
  private BruteForce() {}

  /**
   * The optimum of the classic model: for each set of setup periods, each period's demand is made
   * at the cheapest setup at or before it (unit cost plus holding), and the cheapest set wins.
   */
  static double classic(long[] d, double[] setup, double[] unit, double[] hold) {
    int n = d.length;
    double best = Double.POSITIVE_INFINITY;
    for (int mask = 0; mask < (1 << n); mask++) {
      double cost = 0;
      boolean ok = true;
      for (int s = 0; s < n; s++) {
        if ((mask & (1 << s)) != 0) {
          cost += setup[s];
        }
      }
      for (int j = 0; j < n && ok; j++) {
        if (d[j] == 0) {
          continue;
        }
        double perUnit = Double.POSITIVE_INFINITY;
        for (int s = 0; s <= j; s++) {
          if ((mask & (1 << s)) != 0) {
            double h = 0;
            for (int k = s; k < j; k++) {
              h += hold[k];
            }
            perUnit = Math.min(perUnit, unit[s] + h);
          }
        }
        if (perUnit == Double.POSITIVE_INFINITY) {
          ok = false;
        } else {
          cost += d[j] * perUnit;
        }
      }
      if (ok) {
        best = Math.min(best, cost);
      }
    }
    return best;
  }

  /**
   * The optimum among interval plans (each setup serves the periods up to the next one), with the
   * batch rules of {@link LotSizing#reference}: quantity rounded up to the MOQ and multiple, at
   * most {@code largest}, released no earlier than its orders were placed.
   */
  static double intervals(long[] d, double[] setup, double[] unit, double[] hold, long moq,
      long multiple, long largest, int[] placed) {
    int n = d.length;
    double best = Double.POSITIVE_INFINITY;
    for (int mask = 0; mask < (1 << n); mask++) {
      int count = Integer.bitCount(mask);
      int[] setups = new int[count];
      int k = 0;
      for (int s = 0; s < n; s++) {
        if ((mask & (1 << s)) != 0) {
          setups[k++] = s;
        }
      }
      boolean ok = true;
      for (int i = 0; i < count && ok; i++) {
        int end = i + 1 < count ? setups[i + 1] : n;
        long q = 0;
        for (int j = setups[i]; j < end; j++) {
          q += d[j];
          if (placed != null && d[j] > 0 && placed[j] > setups[i]) {
            ok = false;
          }
        }
        long batch = (Math.max(q, moq) + multiple - 1) / multiple * multiple;
        if (batch > largest) {
          ok = false;
        }
      }
      if (ok) {
        best = Math.min(best, simulate(d, setup, unit, hold, moq, multiple, setups));
      }
    }
    return best;
  }

  /**
   * Prices an interval plan by simulating the stock period by period, independently of
   * {@link LotSizing#cost}: each setup makes its interval's demand rounded up to the MOQ and the
   * multiple (setup plus unit cost of its period); the stock held for orders pays the holding cost
   * of every period it is left at the end of (the rounding surplus is not carried, as in the
   * model); a period whose demand the stock cannot cover makes the plan infeasible.
   */
  static double simulate(long[] d, double[] setup, double[] unit, double[] hold, long moq,
      long multiple, int[] setups) {
    int n = d.length;
    boolean[] isSetup = new boolean[n];
    for (int s : setups) {
      isSetup[s] = true;
    }
    double total = 0;
    long stock = 0;
    for (int t = 0; t < n; t++) {
      if (isSetup[t]) {
        long q = 0;
        for (int j = t; j < n && (j == t || !isSetup[j]); j++) {
          q += d[j];
        }
        total += setup[t];
        if (q > 0) {
          long batch = (Math.max(q, moq) + multiple - 1) / multiple * multiple;
          total += unit[t] * batch;
          stock += q;
        }
      }
      stock -= d[t];
      if (stock < 0) {
        return Double.POSITIVE_INFINITY;
      }
      total += hold[t] * stock;
    }
    return total;
  }
}
