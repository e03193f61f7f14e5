package io.c2m.signal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The bulk path of a profile store, {@link ProfileStore#addAll(SignalBatch)}: a batch of signals
 * in columns, applied consumer by consumer with the same result, bit for bit, as adding them one
 * by one in batch order.
 *
 * <p><b>How.</b> Each consumer's signals are applied together, in their batch order: the
 * summation order of each affinity and of the price evidence is the one-by-one order, since a
 * consumer's evidence depends only on that consumer's signals. While the batch is ordered by
 * consumer index (as a reader grouping by consumer gives it), one pass checks the signals and
 * applies each consumer's run as it ends; from the first signal out of that order on, the rest
 * is checked in one pass and then grouped by consumer with a stable counting sort (or, for few
 * signals of many consumers, a sort of (consumer, position) pairs). Interest is added to the
 * grid in batch order (so each (day, item) sum is formed as one by one), in blocks of {@value
 * #INTEREST_BLOCK} signals whose cache misses the processor overlaps.
 *
 * <p><b>Scratch and cost.</b> A run is summed in a dense scratch indexed by value ({@code
 * runStamp}, {@code runSum}: 12 bytes per attribute value of the store, kept from call to call;
 * no hash probe per signal) and written to the consumer's row once per distinct value; a
 * consumer's first run becomes a compact row or a table sized for it (see {@link AffinityPool}).
 * The run columns ({@code runItem}, {@code runContribution}, {@code runPrice}: 20 bytes per signal
 * of the longest run) are kept too; grouping the out-of-order rest takes about 20 bytes per signal
 * more for the duration of the call. A batch of consumer and item references ({@link
 * SignalBatch#consumerRef}) is first resolved to the store's indices (consent asked once per
 * reference), into columns the batch keeps; when the references are the store's own indices (a
 * new store fed one batch), the batch's columns are read as they are.
 *
 * <p>Not thread-safe: one per store.
 */
final class BulkIngest {
  private final ProfileStore store;
  private final ProfileInterner interner;
  private final AffinityPool pool;
  private final ConsumerTotals totals;
  private final InterestGrid grid;
  private final GrowthFactors growth;
  // The store's constants, kept here so that the per-signal loops read them one hop from this
  // object, as they did when the bulk path was part of the store (the extra hops were a suspect
  // of the split's regression: BENCHMARKS.md, issue 14).
  private final double[] weights;
  private final long epochMillis;
  private final double maxOffsetMillis;
  /** The store's counts of consumers and items for the batch being added (fixed meanwhile). */
  private int consumerCount;
  private int itemCount;

  // Scratch reused from run to run (see applyColumns): per value, the run that last saw it and
  // its running sum; the run's distinct values; the columns of an ordered run.
  private int[] runStamp = new int[0];
  private double[] runSum = new double[0];
  private int[] runTouched = new int[1];
  private int runGeneration;
  private int[] runItem = new int[0];
  private double[] runContribution = new double[0];
  private double[] runPrice = new double[0];

  BulkIngest(ProfileStore store) {
    this.store = store;
    this.interner = store.interner;
    this.pool = store.pool;
    this.totals = store.totals;
    this.grid = store.grid;
    this.growth = store.growth;
    this.weights = store.weights;
    this.epochMillis = store.epochMillis;
    this.maxOffsetMillis = store.maxOffsetMillis;
  }

  /** A batch's columns with consumer and item given as the store's indices. */
  static final class Columns {
    final int size;
    final int[] consumer;
    final int[] item;
    final byte[] type;
    final long[] at;
    final double[] value;

    Columns(SignalBatch batch, int[] consumer, int[] item) {
      this.size = batch.size;
      this.consumer = consumer;
      this.item = item;
      this.type = batch.type;
      this.at = batch.at;
      this.value = batch.value;
    }
  }

  /** Adds a batch (see {@link ProfileStore#addAll(SignalBatch)}). */
  BatchReport addAll(SignalBatch batch) {
    if (!batch.byReference) {
      // Store indices (this package's tests): the interest timeline learns each signal's item.
      for (int s = 0; s < batch.size; s++) {
        if (batch.item[s] >= 0 && batch.item[s] < interner.itemCount) {
          grid.markChanged(batch.item[s]);
        }
      }
      return addAll(new Columns(batch, batch.consumer, batch.item));
    }
    // Resolve the references: consent asked and consumers and items interned once each.
    boolean same = true;
    int[] consumers = new int[batch.consumerRefs];
    for (int r = 0; r < consumers.length; r++) {
      consumers[r] = store.admit(batch.consumerIds[r]);
      same &= consumers[r] == r;
    }
    int[] items = new int[batch.itemRefs];
    for (int r = 0; r < items.length; r++) {
      items[r] = interner.itemIndex(batch.items[r]);
      same &= items[r] == r;
      // The interest timeline learns the batch's items once, not per signal (marking an item
      // none of whose signals is kept costs its rebuild at the next read, with the same result).
      grid.markChanged(items[r]);
    }
    if (same) {
      return addAll(new Columns(batch, batch.consumer, batch.item));
    }
    int n = batch.size;
    batch.ensureResolved();
    int[] rc = batch.resolvedConsumer;
    int[] ri = batch.resolvedItem;
    int[] bc = batch.consumer;
    int[] bi = batch.item;
    for (int s = 0; s < n; s++) {
      rc[s] = consumers[bc[s]];
      ri[s] = items[bi[s]];
    }
    return addAll(new Columns(batch, rc, ri));
  }

  /**
   * Adds a batch of the store's indices (negative consumer: no consent), with the same result as
   * one by one; see the class comment.
   */
  BatchReport addAll(Columns batch) {
    // No consumer or item is interned while the columns are added.
    consumerCount = interner.consumerCount;
    itemCount = interner.itemCount;
    int n = batch.size;
    int[] bc = batch.consumer;
    Refusals refusals = new Refusals(n);
    int good = 0;
    // While the batch is ordered by consumer index, one pass checks each signal and collects
    // each consumer's run, applied as soon as it ends; the interest of each block of signals is
    // added right after it, in a loop of its own (see addInterest(Columns, int, int, ...)).
    int run = -1;
    int runLength = 0;
    int s = 0;
    boolean ordered = true;
    while (ordered && s < n) {
      int blockStart = s;
      int blockEnd = Math.min(n, s + INTEREST_BLOCK);
      for (; s < blockEnd; s++) {
        if (!refusals.passes(batch, s)) {
          continue;
        }
        int c = bc[s];
        if (c != run) {
          if (c < run) {
            ordered = false;
            break; // out of order: the rest is grouped first
          }
          if (runLength > 0) {
            applyColumns(run, runItem, runContribution, runPrice, 0, runLength);
          }
          run = c;
          runLength = 0;
        }
        good++;
        ensureRunColumns(runLength + 1);
        toColumns(batch, s, runItem, runContribution, runPrice, runLength++);
      }
      addInterest(batch, blockStart, s, refusals.bad);
    }
    if (runLength > 0) {
      applyColumns(run, runItem, runContribution, runPrice, 0, runLength);
    }
    store.accepted += good;
    if (s == n) {
      store.skippedWithoutConsent += refusals.withoutConsent;
      return new BatchReport(good, refusals.withoutConsent, refusals.rejected);
    }
    // The rest, from the first signal out of consumer order: checked in one pass, then grouped.
    int from = s;
    int restGood = 0;
    ordered = true;
    int last = 0;
    // Large batches (for the store's consumers) are grouped by counting, small ones by sorting.
    boolean large = n - from >= consumerCount / 8;
    int[] count = large ? new int[consumerCount + 1] : null;
    for (s = from; s < n; s++) {
      if (!refusals.passes(batch, s)) {
        continue;
      }
      int c = bc[s];
      restGood++;
      ordered &= c >= last;
      last = c;
      if (large) {
        count[c + 1]++;
      }
    }
    boolean[] bad = refusals.bad;
    addInterest(batch, from, n, bad);
    store.accepted += restGood;
    store.skippedWithoutConsent += refusals.withoutConsent;
    if (large && !ordered) {
      applyCounted(batch, from, bad, restGood, count);
    } else {
      int[] order = new int[restGood];
      if (ordered) {
        for (s = from, restGood = 0; s < n; s++) {
          if (bc[s] >= 0 && (bad == null || !bad[s])) {
            order[restGood++] = s;
          }
        }
      } else {
        // Few signals for many consumers: sort (consumer, position) pairs instead of counting.
        long[] keys = new long[restGood];
        for (s = from, restGood = 0; s < n; s++) {
          if (bc[s] >= 0 && (bad == null || !bad[s])) {
            keys[restGood++] = (long) bc[s] << 32 | s;
          }
        }
        Arrays.sort(keys);
        for (int j = 0; j < restGood; j++) {
          order[j] = (int) keys[j];
        }
      }
      applyRuns(batch, order);
    }
    return new BatchReport(good + restGood, refusals.withoutConsent, refusals.rejected);
  }

  /**
   * What the checks of a batch found so far: signals without consent (counted) and refused ones
   * (marked, once there is one, and reported with the rule they break).
   */
  private final class Refusals {
    final List<BatchReport.Rejected> rejected = new ArrayList<>(0);
    final int size;
    boolean[] bad;
    long withoutConsent;

    Refusals(int size) {
      this.size = size;
    }

    /** Whether signal {@code s} is consenting and valid; counts or reports it if not. */
    boolean passes(Columns batch, int s) {
      int c = batch.consumer[s];
      if (c < 0) {
        withoutConsent++;
        return false;
      }
      int item = batch.item[s];
      long atMillis = batch.at[s];
      if (valid(c, item, atMillis)) {
        return true;
      }
      if (bad == null) {
        bad = new boolean[size];
      }
      bad[s] = true;
      rejected.add(new BatchReport.Rejected(s, store.problem(c, item, atMillis)));
      return false;
    }
  }

  /**
   * Whether a signal with a non-negative consumer index passes the checks of {@link
   * ProfileStore#valid(int, int, long)}, from this object's copies of the store's constants.
   */
  private boolean valid(int consumer, int item, long atEpochMillis) {
    long offset = atEpochMillis - epochMillis;
    return consumer < consumerCount && item >= 0 && item < itemCount
        && Math.abs((double) offset) <= maxOffsetMillis
        && !((atEpochMillis ^ epochMillis) < 0 && (offset ^ atEpochMillis) < 0) // no overflow
        && InterestGrid.inTimeline(atEpochMillis);
  }

  /** The signals of the bulk path's ordered pass whose interest is added together. */
  private static final int INTEREST_BLOCK = 1024;

  /**
   * Adds the interest of the checked signals of {@code batch[from, to)} (consenting, not marked
   * {@code bad}, of positive weight), in batch order. A loop of its own, short enough that the
   * processor overlaps the cache misses of many signals' (day, item) cells, which a loop doing
   * all of a signal's work at once cannot.
   */
  private void addInterest(Columns batch, int from, int to, boolean[] bad) {
    int[] bc = batch.consumer;
    int[] bi = batch.item;
    byte[] bt = batch.type;
    long[] ba = batch.at;
    double[] weights = this.weights;
    InterestGrid grid = this.grid;
    for (int s = from; s < to; s++) {
      double w = weights[bt[s]];
      if (bc[s] >= 0 && w > 0 && (bad == null || !bad[s])) {
        grid.addUnmarked(InterestGrid.day(ba[s]), bi[s], w);
      }
    }
  }

  /**
   * Groups the checked signals of a batch from position {@code from} by consumer with a stable
   * counting sort ({@code count[c + 1]} holds consumer {@code c}'s number of good signals),
   * copying into columns what the evidence needs (see {@link #toColumns}), so that each
   * consumer's run is then read sequentially.
   */
  private void applyCounted(Columns batch, int from, boolean[] bad, int good, int[] count) {
    int n = batch.size;
    int[] bc = batch.consumer;
    int consumers = count.length - 1;
    for (int c = 0; c < consumers; c++) {
      count[c + 1] += count[c]; // count[c] = start of c's run
    }
    int[] gItem = new int[good];
    double[] gContribution = new double[good];
    double[] gPrice = new double[good];
    for (int s = from; s < n; s++) {
      int c = bc[s];
      if (c < 0 || bad != null && bad[s]) {
        continue;
      }
      // afterwards count[c] = end of c's run = start of c + 1's
      toColumns(batch, s, gItem, gContribution, gPrice, count[c]++);
    }
    for (int c = 0, start = 0; c < consumers; c++) {
      int end = count[c];
      if (end > start) {
        applyColumns(c, gItem, gContribution, gPrice, start, end);
      }
      start = end;
    }
  }

  /**
   * Copies what the evidence of checked signal {@code s} needs into position {@code j} of
   * columns: its item's code (see {@link #SKIP}), its decayed contribution, and the price of
   * price evidence.
   */
  private void toColumns(Columns batch, int s, int[] items, double[] contributions,
      double[] prices, int j) {
    int t = batch.type[s];
    double w = weights[t];
    if (w == 0) {
      items[j] = SKIP;
      return;
    }
    contributions[j] = w * growth.growth(batch.at[s] - epochMillis);
    double v = batch.value[s];
    if (w > 0 && v >= 0 && t != ProfileStore.REVIEW) {
      items[j] = ~batch.item[s];
      prices[j] = v;
    } else {
      items[j] = batch.item[s];
    }
  }

  /** Makes the run columns hold at least {@code n} signals. */
  private void ensureRunColumns(int n) {
    if (runItem.length < n) {
      int length = Math.max(n, Math.max(16, runItem.length * 2));
      runItem = Arrays.copyOf(runItem, length);
      runContribution = Arrays.copyOf(runContribution, length);
      runPrice = Arrays.copyOf(runPrice, length);
    }
  }

  /**
   * The item column's code of a signal of weight zero. Other signals hold their item's index, or
   * its complement ({@code ~item}, negative) when they are price evidence, whose price is then in
   * the price column.
   */
  private static final int SKIP = Integer.MIN_VALUE;

  /**
   * Applies one consumer's run of grouped columns (see {@link #applyCounted}): item code (see
   * {@link #SKIP}), contribution, and price of price evidence, in the run's order. Each affinity
   * is summed in a dense scratch indexed by value (no hash probe per signal) in the one-by-one
   * order, starting from the stored affinity, and the consumer's row is written once per distinct
   * value of the run; a consumer without a row gets a compact row, or a table sized for the run's
   * values (see {@link AffinityPool#fillNewRow}).
   */
  private void applyColumns(int consumer, int[] gItem, double[] gContribution, double[] gPrice,
      int from, int to) {
    totals.signals[consumer] += to - from;
    if (runStamp.length < interner.valueCount) {
      int n = Math.max(interner.valueCount, runStamp.length * 2);
      runStamp = new int[n];
      runSum = new double[n];
      Arrays.fill(runSum, -0.0);
      runTouched = new int[n + 1];
      runGeneration = 0;
    }
    int generation = ++runGeneration;
    if (generation == Integer.MAX_VALUE) {
      Arrays.fill(runStamp, 0);
      runGeneration = generation = 1;
    }
    int[] stamp = runStamp;
    int[] touched = runTouched;
    double[] sum = runSum; // -0.0 for every value between runs
    int[] ids = interner.itemValues;
    int[] idsFrom = interner.itemFrom;
    int distinct = 0;
    AffinityPool pool = this.pool;
    boolean fresh = pool.isEmpty(consumer);
    if (!fresh) {
      // Each sum starts from the stored affinity: the run's distinct values first, then their
      // affinities (an absent value keeps -0.0).
      for (int j = from; j < to; j++) {
        int code = gItem[j];
        if (code != SKIP) {
          int item = code < 0 ? ~code : code;
          for (int k = idsFrom[item], end = idsFrom[item + 1]; k < end; k++) {
            int v = ids[k];
            touched[distinct] = v;
            distinct += stamp[v] != generation ? 1 : 0;
            stamp[v] = generation;
          }
        }
      }
      for (int t = 0; t < distinct; t++) {
        int v = touched[t];
        sum[v] = pool.affinity(consumer, v);
      }
    }
    // Sums in run order, noting each value at first sight (branch-free: the slot is always
    // written, the count moves only on a first sight; a no-op where the values were noted above).
    double pw = totals.priceWeight[consumer];
    double ps = totals.priceSum[consumer];
    for (int j = from; j < to; j++) {
      int code = gItem[j];
      if (code == SKIP) {
        continue;
      }
      int item = code < 0 ? ~code : code;
      double contribution = gContribution[j];
      for (int k = idsFrom[item], end = idsFrom[item + 1]; k < end; k++) {
        int v = ids[k];
        touched[distinct] = v;
        distinct += stamp[v] != generation ? 1 : 0;
        stamp[v] = generation;
        sum[v] += contribution;
      }
      if (code < 0) {
        pw += contribution;
        ps += contribution * gPrice[j];
      }
    }
    totals.priceWeight[consumer] = pw;
    totals.priceSum[consumer] = ps;
    try {
      if (fresh && distinct > 0) {
        pool.fillNewRow(consumer, touched, distinct, sum);
      } else {
        for (int t = 0; t < distinct; t++) {
          int v = touched[t];
          pool.putAffinity(consumer, v, sum[v]);
        }
      }
    } finally {
      // Even when a row would pass the limit of values: the next run starts from -0.0.
      for (int t = 0; t < distinct; t++) {
        sum[touched[t]] = -0.0;
      }
    }
  }


  /**
   * Applies the evidence of checked signals whose positions ({@code order}) are grouped by
   * consumer, one consumer's run at a time, through the run columns.
   */
  private void applyRuns(Columns batch, int[] order) {
    int[] bc = batch.consumer;
    int n = order.length;
    for (int from = 0; from < n; ) {
      int c = bc[order[from]];
      int to = from + 1;
      while (to < n && bc[order[to]] == c) {
        to++;
      }
      ensureRunColumns(to - from);
      for (int j = from; j < to; j++) {
        toColumns(batch, order[j], runItem, runContribution, runPrice, j - from);
      }
      applyColumns(c, runItem, runContribution, runPrice, 0, to - from);
      from = to;
    }
  }

}
