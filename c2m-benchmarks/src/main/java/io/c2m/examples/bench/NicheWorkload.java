package io.c2m.examples.bench;

import io.c2m.Attributes;
import io.c2m.ConsumerId;
import io.c2m.signal.ProfileSettings;
import io.c2m.signal.ProfileStore;
import io.c2m.signal.SignalType;
import io.c2m.sim.MarketplaceSpec;
import io.c2m.sim.PlantedNiche;
import io.c2m.sim.SyntheticMarketplace;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * A large synthetic workload for the niche benchmarks, drawn like {@link
 * io.c2m.sim.SyntheticMarketplace} (niche members focus 75% of their signals on their niche, noise
 * consumers 40% on a favourite item, marketplace-like signal mix) but kept pre-parsed in primitive
 * arrays, since millions of {@code Signal} records would not fit a benchmark's heap: consumer
 * index, item index (into the catalogue's items), signal type, instant and price per signal.
 */
public final class NicheWorkload {
  /** The consumers' ids, by index. */
  public final ConsumerId[] consumers;
  /** Every item of the catalogue, by index. */
  public final Attributes[] items;
  /** Per signal: the consumer's index. */
  public final int[] consumer;
  /** Per signal: the item's index. */
  public final int[] item;
  /** Per signal: the signal type. */
  public final SignalType[] type;
  /** Per signal: the instant, in epoch milliseconds. */
  public final long[] at;
  /** Per signal: the price, or NaN. */
  public final double[] value;
  /** The first instant of the window. */
  public final Instant start;
  /** The last instant of the window. */
  public final Instant end;

  /**
   * Draws a workload.
   *
   * @param spec the marketplace (catalogue, planted niches scaled to the consumers, window)
   * @param consumerCount the consumers
   * @param signalsPerConsumer the signals of each consumer
   * @param seed the seed
   */
  public NicheWorkload(MarketplaceSpec spec, int consumerCount, int signalsPerConsumer,
      long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<String> keys = new ArrayList<>(spec.catalogue().keySet());
    int[] radix = new int[keys.size()];
    int itemCount = 1;
    for (int k = 0; k < keys.size(); k++) {
      radix[k] = spec.catalogue().get(keys.get(k)).size();
      itemCount *= radix[k];
    }
    items = new Attributes[itemCount];
    for (int code = 0; code < itemCount; code++) {
      Map<String, String> m = new TreeMap<>();
      int rest = code;
      for (int k = 0; k < keys.size(); k++) {
        m.put(keys.get(k), spec.catalogue().get(keys.get(k)).get(rest % radix[k]));
        rest /= radix[k];
      }
      items[code] = Attributes.of(m);
    }
    // Planted niches scaled from the spec's consumers to this workload's.
    int planted = spec.niches().size();
    double scale = (double) consumerCount / spec.consumers();
    int[][] fixed = new int[planted][keys.size()];
    int[] members = new int[planted];
    for (int i = 0; i < planted; i++) {
      PlantedNiche p = spec.niches().get(i);
      members[i] = (int) Math.round(p.members() * scale);
      for (int k = 0; k < keys.size(); k++) {
        String v = p.definition().values().get(keys.get(k));
        fixed[i][k] = v == null ? -1 : spec.catalogue().get(keys.get(k)).indexOf(v);
      }
    }
    consumers = new ConsumerId[consumerCount];
    int n = consumerCount * signalsPerConsumer;
    consumer = new int[n];
    item = new int[n];
    type = new SignalType[n];
    at = new long[n];
    value = new double[n];
    start = spec.start();
    end = spec.end();
    long span = spec.span().toMillis();
    int niche = 0;
    int left = planted > 0 ? members[0] : 0;
    int s = 0;
    for (int c = 0; c < consumerCount; c++) {
      consumers[c] = new ConsumerId(String.format("c%07d", c));
      while (niche < planted && left == 0) {
        niche++;
        left = niche < planted ? members[niche] : 0;
      }
      int mine = niche < planted ? niche : -1;
      if (mine >= 0) {
        left--;
      }
      int[] focus = mine >= 0 ? fixed[mine] : randomItem(radix, random);
      double share = mine >= 0 ? 0.75 : 0.4;
      for (int j = 0; j < signalsPerConsumer; j++, s++) {
        int code = 0;
        int mult = 1;
        boolean focused = random.nextDouble() < share;
        for (int k = 0; k < radix.length; k++) {
          int v = focused && focus[k] >= 0 ? focus[k] : random.nextInt(radix[k]);
          code += v * mult;
          mult *= radix[k];
        }
        consumer[s] = c;
        item[s] = code;
        type[s] = SyntheticMarketplace.drawType(random);
        at[s] = start.toEpochMilli() + (long) (random.nextDouble() * span);
        value[s] = type[s] == SignalType.PURCHASE || type[s] == SignalType.CART_ADD
            ? 15 + random.nextInt(10_500) / 100.0 : Double.NaN;
      }
    }
  }

  private NicheWorkload(NicheWorkload w, int[] perm) {
    consumers = w.consumers;
    items = w.items;
    start = w.start;
    end = w.end;
    int n = perm.length;
    consumer = new int[n];
    item = new int[n];
    type = new SignalType[n];
    at = new long[n];
    value = new double[n];
    for (int s = 0; s < n; s++) {
      int p = perm[s];
      consumer[s] = w.consumer[p];
      item[s] = w.item[p];
      type[s] = w.type[p];
      at[s] = w.at[p];
      value[s] = w.value[p];
    }
  }

  /**
   * Returns the same signals in order of their instants (ties in drawing order), as a live
   * stream delivers them: consumers interleaved, unlike the drawing order, which lists each
   * consumer's signals together.
   *
   * @return the reordered workload (sharing the consumers and items)
   */
  public NicheWorkload inTimeOrder() {
    long from = start.toEpochMilli();
    long[] keys = new long[size()];
    for (int s = 0; s < keys.length; s++) {
      keys[s] = (at[s] - from) << 21 | s; // window under 2^42 ms, under 2^21 signals
    }
    if (size() >= 1 << 21 || end.toEpochMilli() - from >= 1L << 42) {
      throw new IllegalStateException("The workload is too large to reorder.");
    }
    java.util.Arrays.sort(keys);
    int[] perm = new int[keys.length];
    for (int s = 0; s < perm.length; s++) {
      perm[s] = (int) (keys[s] & ((1 << 21) - 1));
    }
    return new NicheWorkload(this, perm);
  }

  private static int[] randomItem(int[] radix, SplittableRandom random) {
    int[] v = new int[radix.length];
    for (int k = 0; k < radix.length; k++) {
      v[k] = random.nextInt(radix[k]);
    }
    return v;
  }

  /**
   * Returns the number of signals.
   *
   * @return the count
   */
  public int size() {
    return consumer.length;
  }

  /**
   * Builds a profile store of every signal one by one, all consumers consenting, through the
   * store's record-free path {@code add(ConsumerId, Attributes, SignalType, long, double)}.
   *
   * @return the store
   */
  public ProfileStore store() {
    ProfileStore store = new ProfileStore(ProfileSettings.defaults(), c -> true, start);
    for (int s = 0; s < consumer.length; s++) {
      store.add(consumers[consumer[s]], items[item[s]], type[s], at[s], value[s]);
    }
    return store;
  }

  /**
   * Builds a profile store of every signal through the bulk path, all consumers consenting: each
   * consumer and each item is named once in {@code batch} (cleared first; a reader reuses one),
   * the signals are appended, then added with {@link
   * ProfileStore#addAll(io.c2m.signal.SignalBatch)}.
   *
   * @param batch the batch to fill
   * @return the store
   */
  public ProfileStore storeBulk(io.c2m.signal.SignalBatch batch) {
    ProfileStore store = new ProfileStore(ProfileSettings.defaults(), c -> true, start);
    batch.clear();
    int[] cRef = new int[consumers.length];
    for (int c = 0; c < consumers.length; c++) {
      cRef[c] = batch.consumerRef(consumers[c]);
    }
    int[] iRef = new int[items.length];
    java.util.Arrays.fill(iRef, -1);
    for (int s = 0; s < consumer.length; s++) {
      int i = iRef[item[s]];
      if (i < 0) {
        i = batch.itemRef(items[item[s]]);
        iRef[item[s]] = i;
      }
      batch.add(cRef[consumer[s]], i, type[s], at[s], value[s]);
    }
    io.c2m.signal.BatchReport report = store.addAll(batch);
    if (!report.rejected().isEmpty()) {
      throw new IllegalStateException("The workload has bad signals: " + report.rejected().get(0));
    }
    return store;
  }
}
