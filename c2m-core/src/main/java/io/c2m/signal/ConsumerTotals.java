package io.c2m.signal;

import java.util.Arrays;

/**
 * Each consumer's signal count and price evidence, in columns by consumer index: {@code
 * signals[c]}, and the decayed weight {@code priceWeight[c]} and weighted sum {@code priceSum[c]}
 * of the prices paid (grown to the epoch, as affinities are), whose ratio is the consumer's
 * average price.
 *
 * <p><b>Layout and cost.</b> Three arrays of 8 bytes per consumer, grown by doubling as consumers
 * are interned; one add per signal to each. Not thread-safe: one per store.
 */
final class ConsumerTotals {
  long[] signals = new long[16];
  double[] priceWeight = new double[16];
  double[] priceSum = new double[16];

  /** Makes room for consumer index {@code c}, the next one interned. */
  void addConsumer(int c) {
    if (c == signals.length) {
      int n = c * 2;
      signals = Arrays.copyOf(signals, n);
      priceWeight = Arrays.copyOf(priceWeight, n);
      priceSum = Arrays.copyOf(priceSum, n);
    }
  }

  /** Zeroes consumer {@code c}'s totals (erasure). */
  void clear(int c) {
    signals[c] = 0;
    priceWeight[c] = 0;
    priceSum[c] = 0;
  }
}
