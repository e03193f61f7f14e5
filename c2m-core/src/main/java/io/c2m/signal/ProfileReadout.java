package io.c2m.signal;

import static io.c2m.signal.AffinityPool.CHUNK;
import static io.c2m.signal.AffinityPool.CHUNK_BITS;

import io.c2m.AttributeValue;
import io.c2m.ConsumerId;
import io.c2m.internal.Parallel;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executor;

/**
 * Reads a profile store out: one consumer's {@link ConsumerProfile}, all of them, and the
 * preferred values the attribute miner needs ({@link PreferredValues}), decayed to an instant.
 * Reading only; the store must not be written meanwhile.
 *
 * <p><b>Parallel work and cost.</b> The consumers are first sorted by id (in parallel pieces
 * merged pairwise), then read in pieces of at least 1,024 consumers on the store's {@link
 * Executor}, the calling thread taking part ({@link Parallel}): up to {@value #HELPERS_MAX}
 * helpers, fewer on a machine with fewer processors. Each piece writes its own slots of the
 * result, so the result is the same whatever thread ran what. A profile costs a {@link TreeMap} of
 * its values; the preferred values cost one pass over the affinity rows and, in all, 12 bytes per
 * preferred value plus 12 per consumer, with no object per consumer but its id.
 */
final class ProfileReadout {
  private static final int HELPERS_MAX = 16;
  /** The helper tasks handed to the executor: one fewer than the processors (the caller works). */
  private static final int HELPERS =
      Math.min(HELPERS_MAX, Runtime.getRuntime().availableProcessors() - 1);
  /** Below this many consumers, the sort runs on the calling thread alone. */
  private static final int PARALLEL_SORT_MIN = 8192;

  private final ProfileStore store;
  private final ProfileInterner interner;
  private final AffinityPool pool;
  private final ConsumerTotals totals;
  private final Executor executor;

  ProfileReadout(ProfileStore store, Executor executor) {
    this.store = store;
    this.interner = store.interner;
    this.pool = store.pool;
    this.totals = store.totals;
    this.executor = executor;
  }

  /** Consumer {@code c}'s profile, its evidence multiplied by the decay factor {@code f}. */
  ConsumerProfile profile(int c, Instant asOf, double f) {
    Map<AttributeValue, Double> affinities = new TreeMap<>();
    int cap = pool.rowSlots(c);
    if (cap != 0) {
      int start = pool.rowStart(c);
      int[] keys = pool.keyChunks[start >>> CHUNK_BITS];
      double[] vals = pool.valueChunks[start >>> CHUNK_BITS];
      int base = start & (CHUNK - 1);
      for (int j = 0; j < cap; j++) {
        int k = keys[base + j];
        if (k != 0) {
          affinities.put(interner.value(k - 1), vals[base + j] * f);
        }
      }
    }
    return new ConsumerProfile(interner.consumer(c), affinities, asOf, totals.signals[c],
        totals.priceWeight[c] * f, totals.priceSum[c] * f);
  }

  /** Every profile in consumer id order (see {@link ProfileStore#profiles(Instant)}). */
  List<ConsumerProfile> profiles(Instant asOf, double f) {
    int[] order = consumerOrder();
    ConsumerProfile[] out = new ConsumerProfile[order.length];
    int pieceSize = 1024;
    int pieces = (order.length + pieceSize - 1) / pieceSize;
    Parallel.forEach(executor, pieces, HELPERS, p -> {
      for (int r = p * pieceSize, end = Math.min(order.length, r + pieceSize); r < end; r++) {
        out[r] = profile(order[r], asOf, f);
      }
    });
    // Unmodifiable, and like Stream.toList() (what it was) it answers contains(null).
    return Collections.unmodifiableList(Arrays.asList(out));
  }

  /**
   * Every consumer index the store had handed out at the last {@link #consumerOrder()}, sorted by
   * id; replaced, never written, when consumers are added, so a caller may keep an array it got.
   */
  private int[] sortedConsumers = new int[0];

  /**
   * The indices of the consumers with evidence, sorted by consumer id. The order of the consumers
   * seen by the last call is kept: only the consumers interned since are sorted, then merged in
   * (ids are distinct, so the result is the order a sort of all of them gives).
   */
  synchronized int[] consumerOrder() {
    int consumerCount = interner.consumerCount;
    int known = sortedConsumers.length;
    if (consumerCount > known) {
      Integer[] fresh = new Integer[consumerCount - known];
      for (int c = known; c < consumerCount; c++) {
        fresh[c - known] = c;
      }
      sortById(fresh);
      int[] old = sortedConsumers;
      int[] merged = new int[consumerCount];
      for (int k = 0, i = 0, j = 0; k < consumerCount; k++) {
        merged[k] = j >= fresh.length
            || i < known && interner.consumer(old[i]).compareTo(interner.consumer(fresh[j])) < 0
            ? old[i++] : fresh[j++];
      }
      sortedConsumers = merged;
    }
    int[] all = sortedConsumers;
    if (store.erased.isEmpty()) {
      return all;
    }
    int[] out = new int[consumerCount - store.erased.cardinality()];
    for (int k = 0, n = 0; k < all.length; k++) {
      if (!store.erased.get(all[k])) {
        out[n++] = all[k];
      }
    }
    return out;
  }

  /**
   * Sorts consumer indices by id: in up to {@code HELPERS + 1} (a power of two) pieces sorted in
   * parallel, then merged pairwise, each round's merges in parallel. Ids are distinct, so the order
   * is the one a sequential sort gives.
   */
  private void sortById(Integer[] order) {
    int n = order.length;
    int parts = 1;
    while (parts < HELPERS + 1 && parts < 8 && n / (parts * 2) >= PARALLEL_SORT_MIN / 2) {
      parts *= 2;
    }
    java.util.Comparator<Integer> byId =
        (a, b) -> interner.consumer(a).compareTo(interner.consumer(b));
    if (parts == 1) {
      Arrays.sort(order, byId);
      return;
    }
    int[] bounds = new int[parts + 1];
    for (int p = 0; p <= parts; p++) {
      bounds[p] = (int) ((long) n * p / parts);
    }
    Parallel.forEach(executor, parts, HELPERS,
        p -> Arrays.sort(order, bounds[p], bounds[p + 1], byId));
    Integer[] from = order;
    Integer[] to = new Integer[n];
    for (int width = 1; width < parts; width *= 2) {
      Integer[] src = from;
      Integer[] dst = to;
      int w = width;
      Parallel.forEach(executor, parts / (2 * w), HELPERS, m -> {
        int lo = bounds[m * 2 * w];
        int mid = bounds[m * 2 * w + w];
        int hi = bounds[m * 2 * w + 2 * w];
        int i = lo;
        int j = mid;
        for (int k = lo; k < hi; k++) {
          dst[k] = j >= hi || i < mid && byId.compare(src[i], src[j]) < 0 ? src[i++] : src[j++];
        }
      });
      from = dst;
      to = src;
    }
    if (from != order) {
      System.arraycopy(from, 0, order, 0, n);
    }
  }

  /**
   * The preferred values of every consumer (see {@link ProfileStore#preferredValues(Instant)}),
   * decayed by the factor {@code f}.
   */
  PreferredValues preferredValues(Instant asOf, double f) {
    // Per value: its key (dense) and its rank in the order of attribute values.
    AttributeValue[] dictionary = interner.values();
    int nv = dictionary.length;
    Map<String, Integer> keyIds = new HashMap<>();
    int[] valueKey = new int[nv];
    for (int v = 0; v < nv; v++) {
      Integer k = keyIds.get(dictionary[v].key());
      if (k == null) {
        k = keyIds.size();
        keyIds.put(dictionary[v].key(), k);
      }
      valueKey[v] = k;
    }
    Integer[] byValue = new Integer[nv];
    for (int v = 0; v < nv; v++) {
      byValue[v] = v;
    }
    Arrays.sort(byValue, (a, b) -> dictionary[a].compareTo(dictionary[b]));
    int[] valueOrder = new int[nv];
    for (int r = 0; r < nv; r++) {
      valueOrder[byValue[r]] = r;
    }
    int keys = keyIds.size();
    int[] order = consumerOrder();
    int rows = order.length;
    int chunkSize = Math.max(1024, (rows + 63) / 64);
    int chunks = (rows + chunkSize - 1) / chunkSize;
    int[][] chunkIds = new int[chunks][];
    double[][] chunkAffinities = new double[chunks][];
    int[] rowEnd = new int[rows];
    int[][] keyChunks = pool.keyChunks;
    double[][] valueChunks = pool.valueChunks;
    Parallel.forEach(executor, chunks, HELPERS, ch -> {
      int from = ch * chunkSize;
      int to = Math.min(rows, from + chunkSize);
      int[] ids = new int[(to - from) * Math.max(1, Math.min(keys, 8))];
      double[] aff = new double[ids.length];
      int[] best = new int[keys];
      double[] bestScore = new double[keys];
      Arrays.fill(best, -1);
      int[] touched = new int[keys];
      int len = 0;
      for (int r = from; r < to; r++) {
        int c = order[r];
        int nTouched = 0;
        int cap = pool.rowSlots(c);
        if (cap != 0) {
          int start = pool.rowStart(c);
          int[] ks = keyChunks[start >>> CHUNK_BITS];
          double[] vs = valueChunks[start >>> CHUNK_BITS];
          int base = start & (CHUNK - 1);
          for (int j = 0; j < cap; j++) {
            int k = ks[base + j];
            if (k == 0) {
              continue;
            }
            double score = vs[base + j] * f; // as profileAt decays it
            if (!(score > 0)) {
              continue;
            }
            int v = k - 1;
            int key = valueKey[v];
            int b = best[key];
            if (b < 0) {
              touched[nTouched++] = key;
            } else if (!(score > bestScore[key]
                || (score == bestScore[key] && valueOrder[v] < valueOrder[b]))) {
              continue;
            }
            best[key] = v;
            bestScore[key] = score;
          }
        }
        if (len + nTouched > ids.length) {
          int n = Math.max(ids.length * 2, len + nTouched);
          ids = Arrays.copyOf(ids, n);
          aff = Arrays.copyOf(aff, n);
        }
        // In the order of the values (one per key: key order), as Attributes.pairs().
        int first = len;
        for (int t = 0; t < nTouched; t++) {
          int key = touched[t];
          int v = best[key];
          double a = bestScore[key];
          int i = len++;
          while (i > first && valueOrder[ids[i - 1]] > valueOrder[v]) {
            ids[i] = ids[i - 1];
            aff[i] = aff[i - 1];
            i--;
          }
          ids[i] = v;
          aff[i] = a;
          best[key] = -1;
        }
        rowEnd[r] = len;
      }
      chunkIds[ch] = ids;
      chunkAffinities[ch] = aff;
    });
    int[] offsets = new int[rows + 1];
    int total = 0;
    for (int ch = 0; ch < chunks; ch++) {
      int from = ch * chunkSize;
      int to = Math.min(rows, from + chunkSize);
      for (int r = from; r < to; r++) {
        offsets[r + 1] = total + rowEnd[r];
      }
      total += to > from ? rowEnd[to - 1] : 0;
    }
    int[] ids = new int[total];
    double[] aff = new double[total];
    for (int ch = 0; ch < chunks; ch++) {
      int from = ch * chunkSize;
      int to = Math.min(rows, from + chunkSize);
      int n = offsets[to] - offsets[from];
      System.arraycopy(chunkIds[ch], 0, ids, offsets[from], n);
      System.arraycopy(chunkAffinities[ch], 0, aff, offsets[from], n);
    }
    ConsumerId[] ids0 = new ConsumerId[rows];
    for (int r = 0; r < rows; r++) {
      ids0[r] = interner.consumer(order[r]);
    }
    return new PreferredValues(asOf, ids0, offsets, ids, aff, dictionary);
  }

}
