package io.c2m.signal;

import static java.util.Objects.requireNonNull;

import io.c2m.AttributeValue;
import io.c2m.Attributes;
import io.c2m.ConsumerId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * A compact, fast store of consumer profiles: the evidence of every consenting consumer, in
 * primitive arrays, plus the {@linkplain InterestTimeline daily interest per item} that niche
 * trends are estimated from.
 *
 * <p><b>Decay anchored at an epoch.</b> A signal of weight {@code w} at instant {@code t} is stored
 * as {@code w * 2^((t - epoch) / halfLife)}: its weight "grown" back from its own instant to the
 * fixed epoch. Reading a profile as of {@code asOf} multiplies by {@code 2^(-(asOf - epoch) /
 * halfLife)}, which gives each signal exactly {@code w * 2^(-(asOf - t) / halfLife)}. So adding a
 * signal is one multiply-add per attribute value, signals may arrive in any order, and two stores
 * built with the same epoch and settings over any split of the signals {@linkplain
 * #merge(ProfileStore) merge} by plain addition. The tolerance on arrival order is the range of
 * the epoch: signals more than {@link #MAX_HALF_LIVES} half-lives away from it are refused, since
 * the growth factor would overflow a {@code double}; choose an epoch near the data (for example the
 * start of ingestion).
 *
 * <p><b>Layout.</b> Consumers, attribute values and items are interned to dense {@code int}
 * indices. Each consumer owns a small open-addressing table (value index to affinity) in one
 * shared pool of {@code int} keys and {@code double} affinities, so one signal touches one or two
 * cache lines; tables double when three quarters full and the pool is compacted when it fills.
 * Interest per item and day lives in one open-addressing table keyed by {@code (day, item)}.
 *
 * <p><b>Two ways in.</b> {@link #add(Signal)} takes a signal record and interns what it needs.
 * The fast path {@link #add(int, int, SignalType, long, double)} takes pre-resolved indices from
 * {@link #admit(ConsumerId)} and {@link #itemIndex(Attributes)}, for readers that resolve each
 * consumer and item once.
 *
 * <p><b>Consent.</b> The consent predicate is asked in {@link #admit(ConsumerId)} (and so in every
 * {@link #add(Signal)}); signals of consumers it denies are counted in {@link
 * #skippedWithoutConsent()}, never stored. A caller that holds indices across a change of consent
 * must admit the consumer again.
 *
 * <p>Not thread-safe: use one store per thread or partition, and merge them.
 */
public final class ProfileStore {
  /** How many half-lives a signal may lie before or after the epoch. */
  public static final int MAX_HALF_LIVES = 900;

  private static final long DAY_MILLIS = 86_400_000L;
  private static final int INITIAL_ROW_BITS = 3;
  private static final long EMPTY = Long.MIN_VALUE;

  private final ProfileSettings settings;
  private final Predicate<ConsumerId> consent;
  private final Instant epoch;
  private final long epochMillis;
  private final double lnTwoPerMilli;
  private final double maxOffsetMillis;
  private final double[] weights;

  private final Map<ConsumerId, Integer> consumerIds = new HashMap<>();
  private ConsumerId[] consumers = new ConsumerId[16];
  private final Map<AttributeValue, Integer> valueIds = new HashMap<>();
  private AttributeValue[] values = new AttributeValue[16];
  private int valueCount;
  private final Map<Attributes, Integer> itemIds = new HashMap<>();
  private Attributes[] itemAttributes = new Attributes[16];
  private int[][] itemValues = new int[16][];
  private int itemCount;

  private int consumerCount;
  private int[] rowStart = new int[16];
  private byte[] rowBits = new byte[16];
  private int[] rowSize = new int[16];
  private long[] signalCount = new long[16];
  private double[] priceWeight = new double[16];
  private double[] priceSum = new double[16];

  // Pool of per-consumer tables: key = value index + 1 (0 = free slot).
  private int[] poolKeys = new int[1024];
  private double[] poolValues = new double[1024];
  private int poolTop;

  // Interest per (day, item): open addressing, key = day << 32 | item.
  private long[] timelineKeys;
  private double[] timelineMass;
  private int timelineSize;

  private long accepted;
  private long skippedWithoutConsent;

  /**
   * Creates an empty store.
   *
   * @param settings weights and half-life
   * @param consent tells whether a consumer may be profiled
   * @param epoch the fixed instant evidence is anchored to; stores that will be merged must share
   *     it and their settings
   */
  public ProfileStore(ProfileSettings settings, Predicate<ConsumerId> consent, Instant epoch) {
    this.settings = requireNonNull(settings, "settings");
    this.consent = requireNonNull(consent, "consent");
    this.epoch = requireNonNull(epoch, "epoch");
    this.epochMillis = epoch.toEpochMilli();
    long halfLifeMillis = settings.halfLife().toMillis();
    if (halfLifeMillis <= 0) {
      throw new IllegalArgumentException(
          "The half-life (" + settings.halfLife() + ") must be at least one millisecond.");
    }
    this.lnTwoPerMilli = Math.log(2.0) / halfLifeMillis;
    this.maxOffsetMillis = (double) MAX_HALF_LIVES * halfLifeMillis;
    SignalType[] types = SignalType.values();
    this.weights = new double[types.length];
    for (SignalType t : types) {
      weights[t.ordinal()] = settings.weight(t);
    }
    this.timelineKeys = new long[1024];
    Arrays.fill(timelineKeys, EMPTY);
    this.timelineMass = new double[1024];
  }

  /**
   * Returns the settings.
   *
   * @return weights and half-life
   */
  public ProfileSettings settings() {
    return settings;
  }

  /**
   * Returns the epoch evidence is anchored to.
   *
   * @return the epoch
   */
  public Instant epoch() {
    return epoch;
  }

  /**
   * Adds one signal: asks consent, interns the consumer and the item, and stores the evidence.
   *
   * @param signal the signal
   * @return true if profiled, false if the consumer has not consented
   * @throws IllegalArgumentException if the signal lies more than {@link #MAX_HALF_LIVES}
   *     half-lives from the epoch
   */
  public boolean add(Signal signal) {
    requireNonNull(signal, "signal");
    int c = admit(signal.consumer());
    if (c < 0) {
      skippedWithoutConsent++;
      return false;
    }
    return add(c, itemIndex(signal.item()), signal.type(), signal.at().toEpochMilli(),
        signal.value());
  }

  /**
   * Asks the consent predicate about a consumer and, if allowed, returns their dense index
   * (interning them on first sight).
   *
   * @param consumer the consumer
   * @return the index, or {@code -1} if the consumer may not be profiled; pass either to {@link
   *     #add(int, int, SignalType, long, double)}
   */
  public int admit(ConsumerId consumer) {
    requireNonNull(consumer, "consumer");
    if (!consent.test(consumer)) {
      return -1;
    }
    Integer idx = consumerIds.get(consumer);
    return idx != null ? idx : internConsumer(consumer);
  }

  private int internConsumer(ConsumerId consumer) {
    int idx = consumerCount++;
    if (idx == consumers.length) {
      int n = idx * 2;
      consumers = Arrays.copyOf(consumers, n);
      rowStart = Arrays.copyOf(rowStart, n);
      rowBits = Arrays.copyOf(rowBits, n);
      rowSize = Arrays.copyOf(rowSize, n);
      signalCount = Arrays.copyOf(signalCount, n);
      priceWeight = Arrays.copyOf(priceWeight, n);
      priceSum = Arrays.copyOf(priceSum, n);
    }
    consumers[idx] = consumer;
    consumerIds.put(consumer, idx);
    return idx;
  }

  /**
   * Returns the dense index of an item (its attribute set), interning it on first sight.
   *
   * @param item the item's attributes
   * @return the index
   */
  public int itemIndex(Attributes item) {
    requireNonNull(item, "item");
    Integer idx = itemIds.get(item);
    if (idx != null) {
      return idx;
    }
    int i = itemCount++;
    if (i == itemValues.length) {
      itemValues = Arrays.copyOf(itemValues, i * 2);
      itemAttributes = Arrays.copyOf(itemAttributes, i * 2);
    }
    List<AttributeValue> pairs = item.pairs();
    int[] ids = new int[pairs.size()];
    for (int k = 0; k < ids.length; k++) {
      ids[k] = valueIndex(pairs.get(k));
    }
    itemValues[i] = ids;
    itemAttributes[i] = item;
    itemIds.put(item, i);
    return i;
  }

  private int valueIndex(AttributeValue value) {
    Integer idx = valueIds.get(value);
    if (idx != null) {
      return idx;
    }
    int v = valueCount++;
    if (v == values.length) {
      values = Arrays.copyOf(values, v * 2);
    }
    values[v] = value;
    valueIds.put(value, v);
    return v;
  }

  /**
   * The fast path: adds one signal given pre-resolved indices.
   *
   * @param consumer the consumer's index from {@link #admit(ConsumerId)}; a negative index means
   *     "no consent" and is counted in {@link #skippedWithoutConsent()}
   * @param item the item's index from {@link #itemIndex(Attributes)}
   * @param type what the consumer did
   * @param atEpochMillis when, in milliseconds since 1970-01-01T00:00Z
   * @param value the unit price of a purchase or cart ({@code NaN} when absent); a non-negative
   *     value of a signal with positive weight, other than a review, is price evidence
   * @return true if profiled, false if the consumer index was negative
   * @throws IllegalArgumentException if an index is unknown or the instant lies more than {@link
   *     #MAX_HALF_LIVES} half-lives from the epoch
   */
  public boolean add(int consumer, int item, SignalType type, long atEpochMillis, double value) {
    if (consumer < 0) {
      skippedWithoutConsent++;
      return false;
    }
    if (consumer >= consumerCount || item < 0 || item >= itemCount) {
      throw new IllegalArgumentException("The consumer index (" + consumer + ") or item index ("
          + item + ") is not one this store handed out.");
    }
    double offset = (double) (atEpochMillis - epochMillis);
    if (!(Math.abs(offset) <= maxOffsetMillis)) {
      throw new IllegalArgumentException("The signal instant ("
          + Instant.ofEpochMilli(atEpochMillis) + ") lies more than " + MAX_HALF_LIVES
          + " half-lives (" + settings.halfLife() + ") from the profile epoch (" + epoch
          + ").\nMaybe start a store with an epoch nearer the data.");
    }
    accepted++;
    signalCount[consumer]++;
    double w = weights[type.ordinal()];
    if (w == 0) {
      return true;
    }
    double contribution = w * Math.exp(offset * lnTwoPerMilli);
    int[] ids = itemValues[item];
    for (int id : ids) {
      addAffinity(consumer, id, contribution);
    }
    if (w > 0) {
      if (value >= 0 && type != SignalType.REVIEW) {
        priceWeight[consumer] += contribution;
        priceSum[consumer] += contribution * value;
      }
      addInterest(Math.floorDiv(atEpochMillis, DAY_MILLIS), item, w);
    }
    return true;
  }

  private static int mix(int x) {
    int h = x * 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  private void addAffinity(int consumer, int valueId, double amount) {
    int bits = rowBits[consumer];
    if (bits == 0) {
      bits = INITIAL_ROW_BITS;
      rowStart[consumer] = allocate(1 << bits);
      rowBits[consumer] = (byte) bits;
    } else if ((rowSize[consumer] + 1) * 4 > (1 << bits) * 3) {
      bits = growRow(consumer);
    }
    int start = rowStart[consumer];
    int mask = (1 << bits) - 1;
    int key = valueId + 1;
    int[] keys = poolKeys;
    for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
      int k = keys[start + i];
      if (k == key) {
        poolValues[start + i] += amount;
        return;
      }
      if (k == 0) {
        keys[start + i] = key;
        poolValues[start + i] = amount;
        rowSize[consumer]++;
        return;
      }
    }
  }

  private int growRow(int consumer) {
    int oldBits = rowBits[consumer];
    int oldStart = rowStart[consumer];
    int oldCap = 1 << oldBits;
    int bits = oldBits + 1;
    int start = allocate(1 << bits);
    // allocate may have compacted the pool, moving this row.
    oldStart = rowStart[consumer];
    int mask = (1 << bits) - 1;
    for (int j = 0; j < oldCap; j++) {
      int k = poolKeys[oldStart + j];
      if (k != 0) {
        int i = mix(k) & mask;
        while (poolKeys[start + i] != 0) {
          i = (i + 1) & mask;
        }
        poolKeys[start + i] = k;
        poolValues[start + i] = poolValues[oldStart + j];
      }
    }
    rowStart[consumer] = start;
    rowBits[consumer] = (byte) bits;
    return bits;
  }

  /** Reserves {@code size} free slots at the top of the pool, compacting or growing it first. */
  private int allocate(int size) {
    if (poolTop + size > poolKeys.length) {
      long live = 0;
      for (int c = 0; c < consumerCount; c++) {
        if (rowBits[c] != 0) {
          live += 1 << rowBits[c];
        }
      }
      long needed = live + size;
      long capacity = Math.max(needed + needed / 2, 1024);
      if (capacity > Integer.MAX_VALUE - 8) {
        throw new IllegalStateException("The profile store is full (" + live + " slots).");
      }
      int[] keys = new int[(int) capacity];
      double[] vals = new double[(int) capacity];
      int top = 0;
      for (int c = 0; c < consumerCount; c++) {
        if (rowBits[c] != 0) {
          int cap = 1 << rowBits[c];
          System.arraycopy(poolKeys, rowStart[c], keys, top, cap);
          System.arraycopy(poolValues, rowStart[c], vals, top, cap);
          rowStart[c] = top;
          top += cap;
        }
      }
      poolKeys = keys;
      poolValues = vals;
      poolTop = top;
    }
    int start = poolTop;
    poolTop += size;
    return start;
  }

  private void addInterest(long day, int item, double mass) {
    if ((timelineSize + 1) * 4 > timelineKeys.length * 3) {
      growTimeline();
    }
    long key = (day << 32) | item;
    int mask = timelineKeys.length - 1;
    for (int i = mixLong(key) & mask; ; i = (i + 1) & mask) {
      long k = timelineKeys[i];
      if (k == key) {
        timelineMass[i] += mass;
        return;
      }
      if (k == EMPTY) {
        timelineKeys[i] = key;
        timelineMass[i] = mass;
        timelineSize++;
        return;
      }
    }
  }

  private static int mixLong(long x) {
    long h = x * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }

  private void growTimeline() {
    long[] oldKeys = timelineKeys;
    double[] oldMass = timelineMass;
    timelineKeys = new long[oldKeys.length * 2];
    Arrays.fill(timelineKeys, EMPTY);
    timelineMass = new double[oldKeys.length * 2];
    int mask = timelineKeys.length - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      if (oldKeys[j] != EMPTY) {
        int i = mixLong(oldKeys[j]) & mask;
        while (timelineKeys[i] != EMPTY) {
          i = (i + 1) & mask;
        }
        timelineKeys[i] = oldKeys[j];
        timelineMass[i] = oldMass[j];
      }
    }
  }

  /**
   * Adds the evidence of another store with the same epoch and settings. The other store is
   * unchanged. Its consumers were admitted under its own consent predicate and are not asked
   * again.
   *
   * @param other the other store
   * @return this
   * @throws IllegalArgumentException if the epochs or settings differ
   */
  public ProfileStore merge(ProfileStore other) {
    requireNonNull(other, "other");
    if (!epoch.equals(other.epoch) || !settings.equals(other.settings)) {
      throw new IllegalArgumentException("Only profile stores with the same epoch and settings "
          + "merge; got epochs " + epoch + " and " + other.epoch + ", half-lives "
          + settings.halfLife() + " and " + other.settings.halfLife() + ".");
    }
    int[] valueMap = new int[other.valueCount];
    for (int v = 0; v < other.valueCount; v++) {
      valueMap[v] = valueIndex(other.values[v]);
    }
    for (int oc = 0; oc < other.consumerCount; oc++) {
      ConsumerId id = other.consumers[oc];
      Integer known = consumerIds.get(id);
      int c = known != null ? known : internConsumer(id);
      signalCount[c] += other.signalCount[oc];
      priceWeight[c] += other.priceWeight[oc];
      priceSum[c] += other.priceSum[oc];
      if (other.rowBits[oc] != 0) {
        int start = other.rowStart[oc];
        int cap = 1 << other.rowBits[oc];
        for (int j = 0; j < cap; j++) {
          int k = other.poolKeys[start + j];
          if (k != 0) {
            addAffinity(c, valueMap[k - 1], other.poolValues[start + j]);
          }
        }
      }
    }
    int[] itemMap = new int[other.itemCount];
    for (int i = 0; i < other.itemCount; i++) {
      itemMap[i] = itemIndex(other.itemAttributes[i]);
    }
    for (int j = 0; j < other.timelineKeys.length; j++) {
      long k = other.timelineKeys[j];
      if (k != EMPTY) {
        addInterest(k >> 32, itemMap[(int) k], other.timelineMass[j]);
      }
    }
    accepted += other.accepted;
    skippedWithoutConsent += other.skippedWithoutConsent;
    return this;
  }

  /**
   * Returns one consumer's profile decayed to an instant.
   *
   * @param consumer the consumer
   * @param asOf the instant to decay to
   * @return the profile, or empty if the store holds no signal of that consumer
   */
  public Optional<ConsumerProfile> profile(ConsumerId consumer, Instant asOf) {
    requireNonNull(consumer, "consumer");
    Integer idx = consumerIds.get(consumer);
    return idx == null ? Optional.empty() : Optional.of(profileAt(idx, asOf, factor(asOf)));
  }

  /**
   * Returns every profile decayed to an instant, sorted by consumer id.
   *
   * @param asOf the instant to decay to
   * @return the profiles
   */
  public List<ConsumerProfile> profiles(Instant asOf) {
    requireNonNull(asOf, "asOf");
    double f = factor(asOf);
    Integer[] order = new Integer[consumerCount];
    for (int c = 0; c < consumerCount; c++) {
      order[c] = c;
    }
    ConsumerId[] ids = consumers;
    Arrays.sort(order, (a, b) -> ids[a].compareTo(ids[b]));
    List<ConsumerProfile> out = new ArrayList<>(consumerCount);
    for (Integer c : order) {
      out.add(profileAt(c, asOf, f));
    }
    return out;
  }

  private double factor(Instant asOf) {
    return ConsumerProfile.decayFactor(Duration.between(epoch, asOf), settings.halfLife());
  }

  private ConsumerProfile profileAt(int c, Instant asOf, double f) {
    Map<AttributeValue, Double> affinities = new TreeMap<>();
    if (rowBits[c] != 0) {
      int start = rowStart[c];
      int cap = 1 << rowBits[c];
      for (int j = 0; j < cap; j++) {
        int k = poolKeys[start + j];
        if (k != 0) {
          affinities.put(values[k - 1], poolValues[start + j] * f);
        }
      }
    }
    return new ConsumerProfile(consumers[c], affinities, asOf, signalCount[c],
        priceWeight[c] * f, priceSum[c] * f);
  }

  /**
   * Returns a snapshot of the interest per item and day: the summed weight of the positive
   * signals (views, likes, carts, purchases, ...) per item and UTC day, undecayed.
   *
   * @return the timeline
   */
  public InterestTimeline timeline() {
    Map<Integer, TreeMap<Long, Double>> byItem = new TreeMap<>();
    for (int j = 0; j < timelineKeys.length; j++) {
      long k = timelineKeys[j];
      if (k != EMPTY) {
        byItem.computeIfAbsent((int) k, i -> new TreeMap<>()).merge(k >> 32, timelineMass[j],
            Double::sum);
      }
    }
    Map<Attributes, Map<Long, Double>> out = new HashMap<>();
    byItem.forEach((item, days) -> out.put(itemAttributes[item], days));
    return InterestTimeline.of(out);
  }

  /**
   * Returns the number of consumers with a profile.
   *
   * @return the count
   */
  public int consumers() {
    return consumerCount;
  }

  /**
   * Returns the number of signals profiled.
   *
   * @return the count
   */
  public long accepted() {
    return accepted;
  }

  /**
   * Returns the number of signals not profiled because the consumer had not consented.
   *
   * @return the count
   */
  public long skippedWithoutConsent() {
    return skippedWithoutConsent;
  }

  /**
   * Returns the bytes held by the per-consumer evidence arrays (affinity tables, counts, prices),
   * excluding the dictionaries of ids, values and items and the interest timeline. For the
   * capacity planning figure "bytes per consumer profile" divide by {@link #consumers()}.
   *
   * @return an estimate in bytes, from the array lengths
   */
  public long evidenceBytes() {
    long perConsumer = 4L + 1 + 4 + 8 + 8 + 8;
    return (long) rowStart.length * perConsumer + (long) poolKeys.length * (4 + 8);
  }
}
