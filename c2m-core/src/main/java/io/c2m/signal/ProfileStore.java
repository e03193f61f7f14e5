package io.c2m.signal;

import static java.util.Objects.requireNonNull;

import io.c2m.AttributeValue;
import io.c2m.Attributes;
import io.c2m.ConsumerId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
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
 * indices. Each consumer owns a small row of (value index, affinity) in one shared pool of {@code
 * int} keys and {@code double} affinities: an open-addressing table, so one signal touches one or
 * two cache lines, or, for a consumer whose first signals came through the bulk path, a compact
 * row of up to 64 values side by side (about 12 bytes per value), turned into a table by the next
 * write. Tables start with 32 slots (28 values) and double when seven eighths full (three quarters
 * from 128 slots on); the pool grows by chunks of 2,048 slots (a larger table gets a chunk of its
 * own) and is never copied, and a row left behind is reused by the next of its size. A consumer
 * may have up to 49,152 distinct values; one more is refused with an {@link
 * IllegalStateException} that may leave the batch being added in part, so the store should then
 * be dropped. Interest lives in dense rows of items per UTC day (one direct index per
 * signal) while they are compact; once they would pass 8 MB while less than a third full (many
 * items, long spans), or span more than 100,000 days, it moves for good to an open-addressing
 * table keyed by (UTC day, item) holding only the cells that drew interest (about 21 to 32 bytes
 * each, at most one per signal).
 *
 * <p><b>No exponential per signal.</b> The growth factor {@code 2^(offset / halfLife)} of an
 * offset of {@code o} milliseconds from the epoch is the product of three factors read from
 * tables: {@code o = hi * 2^24 + mid * 2^12 + lo} with {@code mid} and {@code lo} in {@code [0,
 * 4096)}, two fixed tables of 4,096 factors each, and a small direct-mapped cache of the factor of
 * {@code hi} (one per 4.7 hours), computed on a miss. The product is within a few ulps of the
 * exact factor, as accurate as one {@code Math.exp} of the whole offset. (Half-lives under 2^20
 * ms, 17.5 minutes, take {@code Math.exp}: their table factors would overflow.)
 *
 * <p><b>Two ways in.</b> {@link #add(Signal)} takes a signal record and interns what it needs.
 * The fast path {@link #add(int, int, SignalType, long, double)} takes pre-resolved indices from
 * {@link #admit(ConsumerId)} and {@link #itemIndex(Attributes)}, for readers that resolve each
 * consumer and item once. The bulk path {@link #addAll(SignalBatch)} takes a batch of such
 * signals in columns, groups it by consumer and applies each consumer's signals together (same
 * result as one by one; bad signals are reported, the good ones kept).
 *
 * <p><b>Consent.</b> The consent predicate is asked in {@link #admit(ConsumerId)} (and so in every
 * {@link #add(Signal)}); signals of consumers it denies are counted in {@link
 * #skippedWithoutConsent()}, never stored. A caller that holds indices across a change of consent
 * must admit the consumer again.
 *
 * <p>Not thread-safe: use one store per thread or partition, and merge them.
 *
 * <p>Why one file of over 800 lines: the store's parts (interner, pooled affinity tables, bulk
 * scratch, interest grid, growth factors) share packed arrays on the ingestion hot path; issue 14
 * part 1 splits them into package-private classes, which waits for a quiet benchmark run to show
 * the ingestion figures hold.
 */
public final class ProfileStore {
  /** How many half-lives a signal may lie before or after the epoch. */
  public static final int MAX_HALF_LIVES = 900;

  private static final long DAY_MILLIS = 86_400_000L;
  private static final int INITIAL_ROW_BITS = 5;

  private final ProfileSettings settings;
  private final Predicate<ConsumerId> consent;
  private final Instant epoch;
  private final long epochMillis;
  private final double lnTwoPerMilli;
  private final double maxOffsetMillis;
  private final double[] weights;

  /** Consumer index + 1 by open addressing on the id's hash (0 = free): no boxing. */
  private int[] consumerSlots = new int[64];
  private ConsumerId[] consumers = new ConsumerId[16];
  /** Per consumer index, the mixed hash of the id (probes and rehashing compare it first). */
  private int[] consumerHash = new int[16];
  private final Map<AttributeValue, Integer> valueIds = new HashMap<>();
  private AttributeValue[] values = new AttributeValue[16];
  private int valueCount;
  private final Map<Attributes, Integer> itemIds = new HashMap<>();
  private Attributes[] itemAttributes = new Attributes[16];
  /** The value ids of item {@code i}: {@code itemValues[itemFrom[i] .. itemFrom[i + 1])}. */
  private int[] itemValues = new int[64];
  private int[] itemFrom = new int[17];
  private int itemCount;

  private int consumerCount;
  private int[] rowStart = new int[16];
  private byte[] rowBits = new byte[16];
  private int[] rowSize = new int[16];
  private long[] signalCount = new long[16];
  private double[] priceWeight = new double[16];
  private double[] priceSum = new double[16];

  // Pool of per-consumer tables in chunks (never copied): key = value index + 1 (0 = free
  // slot). A table's slots never straddle two chunks: tables of up to 2^11 slots share chunks of
  // that size (8 and 16 KB, small enough that the memory the JVM zeroes for a chunk is still in
  // cache when its tables are filled), a larger table has a chunk of its own. A table starts at
  // chunk << CHUNK_BITS | offset. Tables left behind by growth go to a free list per size, and
  // are reused by the next table of that size.
  private static final int CHUNK_BITS = 11;
  private static final int CHUNK = 1 << CHUNK_BITS;
  /** The largest table: 2^16 slots, 49,152 values. */
  private static final int MAX_ROW_BITS = 16;
  private int[][] keyChunks = new int[0][];
  private double[][] valueChunks = new double[0][];
  private int chunkCount;
  /** The shared chunk new small tables are cut from (-1: none yet), and its first free slot. */
  private int openChunk = -1;
  private int openOffset;
  private int[][] freeTables = new int[MAX_ROW_BITS + 1][];
  private int[] freeCount = new int[MAX_ROW_BITS + 1];
  /** The smallest table sized for a known number of values: 8 slots (7 values). */
  private static final int MIN_ROW_BITS = 3;
  /**
   * {@code rowBits} of a compact row: {@code rowSize} keys and affinities side by side with no
   * free slot, as the bulk path writes a new consumer's first run of up to {@link #COMPACT_MAX}
   * values (read by a scan; turned into a hash table by the first write after).
   */
  private static final byte COMPACT = -1;
  private static final int COMPACT_MAX = 64;
  private final int[][] freeCompact = new int[COMPACT_MAX + 1][];
  private final int[] freeCompactCount = new int[COMPACT_MAX + 1];

  // Scratch of the bulk path, reused from run to run (see applyColumns): per value, the run that
  // last saw it and its running sum; the run's distinct values; the columns of an ordered run.
  private int[] runStamp = new int[0];
  private double[] runSum = new double[0];
  private int[] runTouched = new int[1];
  private int runGeneration;
  private int[] runItem = new int[0];
  private double[] runContribution = new double[0];
  private double[] runPrice = new double[0];

  // Interest per (day, item): dense rows of items per UTC day from firstDay on while that is
  // compact (the usual case, a catalogue's items over weeks: one direct index per signal); else,
  // for good, a sparse table. Sparse: open addressing over cells of two longs (key = day << 32 |
  // item, FREE = no cell; then the mass's bits), so that one probe touches one cache line.
  private static final long DENSE_FLOOR_SLOTS = 1L << 20;
  private static final long DENSE_MAX_DAYS = 100_000;
  private double[][] dayRows = new double[0][];
  private long firstDay;
  private long denseSlots;
  private long denseCells;
  private boolean sparse;
  private static final long FREE = Long.MIN_VALUE;
  private long[] interest = new long[0];
  private int interestCells;

  // Growth factors 2^(offset / halfLife) for offset = hi * 2^24 + mid * 2^12 + lo.
  private static final int LOW_BITS = 12;
  private static final int HIGH_SHIFT = 2 * LOW_BITS;
  private static final int HIGH_CACHE = 4096;
  /**
   * Whether the tables are used: for half-lives of at least 2^20 ms (17.5 minutes), so that no
   * factor of a table overflows or loses precision; shorter ones take {@code Math.exp}.
   */
  private final boolean tables;
  private final double[] growthLow = new double[1 << LOW_BITS];
  private final double[] growthMid = new double[1 << LOW_BITS];
  private final long[] growthHighKey = new long[HIGH_CACHE];
  private final double[] growthHigh = new double[HIGH_CACHE];

  private long accepted;
  private long skippedWithoutConsent;
  /** Consumers whose evidence was erased; their index is reused if they are admitted again. */
  private final BitSet erased = new BitSet();

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
    this.tables = halfLifeMillis >= 1L << 20;
    for (int j = 0; tables && j < 1 << LOW_BITS; j++) {
      growthLow[j] = Math.exp(j * lnTwoPerMilli);
      growthMid[j] = Math.exp((double) ((long) j << LOW_BITS) * lnTwoPerMilli);
    }
    Arrays.fill(growthHighKey, Long.MAX_VALUE); // no offset has that high part: accepted offsets
    // lie within MAX_HALF_LIVES half-lives of the epoch
  }

  /** The factor {@code 2^(offset / halfLife)}, from the tables (see the class comment). */
  private double growth(long offset) {
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
    // Check the instant before interning anything, so a refused signal leaves no trace (no empty
    // profile of its consumer, no interned item).
    requireAccepts(signal.at());
    int c = admit(signal.consumer());
    if (c < 0) {
      skippedWithoutConsent++;
      return false;
    }
    return add(c, itemIndex(signal.item()), signal.type(), signal.at().toEpochMilli(),
        signal.value());
  }

  /**
   * Whether a signal at an instant can be stored: it lies at most {@link #MAX_HALF_LIVES}
   * half-lives from the epoch. Lets a caller check a whole batch before adding any of it.
   *
   * @param at the instant
   * @return true if {@link #add(Signal)} accepts a signal at that instant
   */
  public boolean accepts(Instant at) {
    requireNonNull(at, "at");
    double offset;
    try {
      offset = (double) (at.toEpochMilli() - epochMillis);
    } catch (ArithmeticException e) {
      return false; // beyond the range of epoch milliseconds: certainly too far
    }
    return Math.abs(offset) <= maxOffsetMillis && inTimeline(at.toEpochMilli());
  }

  /** Whether the UTC day of an instant fits the interest timeline's key. */
  private static boolean inTimeline(long atEpochMillis) {
    long day = Math.floorDiv(atEpochMillis, DAY_MILLIS);
    return day == (int) day && day != Integer.MIN_VALUE;
  }

  private void requireAccepts(Instant at) {
    if (!accepts(at)) {
      if (!inTimeline(at.toEpochMilli())) {
        throw new IllegalArgumentException("The signal instant (" + at + ") lies outside the "
            + "interest timeline's range of days (about 5.8 million years around 1970).");
      }
      throw new IllegalArgumentException("The signal instant (" + at + ") lies more than "
          + MAX_HALF_LIVES + " half-lives (" + settings.halfLife()
          + ") from the profile epoch (" + epoch
          + ").\nMaybe start a store with an epoch nearer the data.");
    }
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
    int idx = consumerIndex(consumer);
    if (idx < 0) {
      return internConsumer(consumer);
    }
    erased.clear(idx); // a consumer admitted again after erasure starts from nothing
    return idx;
  }

  /**
   * Erases a consumer's evidence (right to erasure, or consent withdrawn): their affinities, price
   * points and signal count are zeroed and they no longer appear in {@link #profiles(Instant)},
   * {@link #profile(ConsumerId, Instant)}, {@link #consumers()} or a merge. The per-item interest
   * of {@link #timeline()} is an aggregate over all consumers and keeps their past contribution,
   * which cannot be traced back to them. If the consumer is admitted again later, they start from
   * an empty profile.
   *
   * @param consumer the consumer
   * @return true if the store held evidence of that consumer
   */
  public boolean erase(ConsumerId consumer) {
    requireNonNull(consumer, "consumer");
    int idx = consumerIndex(consumer);
    if (idx < 0 || erased.get(idx)) {
      return false;
    }
    int c = idx;
    int cap = rowSlots(c);
    if (rowBits[c] == COMPACT) {
      releaseCompact(rowStart[c], cap);
      rowBits[c] = 0;
    } else if (cap != 0) {
      int start = rowStart[c];
      int base = start & (CHUNK - 1);
      Arrays.fill(keyChunks[start >>> CHUNK_BITS], base, base + cap, 0);
      Arrays.fill(valueChunks[start >>> CHUNK_BITS], base, base + cap, 0.0);
    }
    rowSize[c] = 0;
    signalCount[c] = 0;
    priceWeight[c] = 0;
    priceSum[c] = 0;
    erased.set(c);
    return true;
  }

  private int internConsumer(ConsumerId consumer) {
    int idx = consumerCount++;
    if (idx == consumers.length) {
      int n = idx * 2;
      consumers = Arrays.copyOf(consumers, n);
      consumerHash = Arrays.copyOf(consumerHash, n);
      rowStart = Arrays.copyOf(rowStart, n);
      rowBits = Arrays.copyOf(rowBits, n);
      rowSize = Arrays.copyOf(rowSize, n);
      signalCount = Arrays.copyOf(signalCount, n);
      priceWeight = Arrays.copyOf(priceWeight, n);
      priceSum = Arrays.copyOf(priceSum, n);
    }
    consumers[idx] = consumer;
    int hash = mix(consumer.hashCode());
    consumerHash[idx] = hash;
    if ((consumerCount + 1) * 2L > consumerSlots.length) {
      int[] slots = new int[consumerSlots.length * 2];
      int mask = slots.length - 1;
      for (int c = 0; c < idx; c++) {
        int i = consumerHash[c] & mask;
        while (slots[i] != 0) {
          i = (i + 1) & mask;
        }
        slots[i] = c + 1;
      }
      consumerSlots = slots;
    }
    int mask = consumerSlots.length - 1;
    int i = hash & mask;
    while (consumerSlots[i] != 0) {
      i = (i + 1) & mask;
    }
    consumerSlots[i] = idx + 1;
    return idx;
  }

  /** The index of a consumer, or -1 if not interned. */
  private int consumerIndex(ConsumerId consumer) {
    int mask = consumerSlots.length - 1;
    int hash = mix(consumer.hashCode());
    for (int i = hash & mask; ; i = (i + 1) & mask) {
      int c = consumerSlots[i];
      if (c == 0) {
        return -1;
      }
      if (consumerHash[c - 1] == hash && consumers[c - 1].equals(consumer)) {
        return c - 1;
      }
    }
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
    if (i == itemAttributes.length) {
      itemAttributes = Arrays.copyOf(itemAttributes, i * 2);
      itemFrom = Arrays.copyOf(itemFrom, i * 2 + 1);
    }
    List<AttributeValue> pairs = item.pairs();
    int from = itemFrom[i];
    if (from + pairs.size() > itemValues.length) {
      itemValues = Arrays.copyOf(itemValues, Math.max(itemValues.length * 2, from + pairs.size()));
    }
    for (int k = 0; k < pairs.size(); k++) {
      itemValues[from + k] = valueIndex(pairs.get(k));
    }
    itemFrom[i + 1] = from + pairs.size();
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
   * The fast path: adds one signal given pre-resolved indices. A caller that must leave no trace
   * of a refused signal checks {@link #accepts(Instant)} before {@link #admit(ConsumerId)} and
   * {@link #itemIndex(Attributes)}, which intern (as {@link #add(Signal)} does).
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
    if (!valid(consumer, item, atEpochMillis)) {
      throw new IllegalArgumentException(problem(consumer, item, atEpochMillis));
    }
    int t = type.ordinal();
    accepted++;
    signalCount[consumer]++;
    double w = weights[t];
    if (w == 0) {
      return true;
    }
    double contribution = w * growth(atEpochMillis - epochMillis);
    addToRow(consumer, itemFrom[item], itemFrom[item + 1], contribution);
    if (w > 0) {
      if (value >= 0 && t != REVIEW) {
        priceWeight[consumer] += contribution;
        priceSum[consumer] += contribution * value;
      }
      addInterest(Math.floorDiv(atEpochMillis, DAY_MILLIS), item, w);
    }
    return true;
  }

  private static final int REVIEW = SignalType.REVIEW.ordinal();

  /** Whether a signal with a non-negative consumer index passes the fast path's checks. */
  private boolean valid(int consumer, int item, long atEpochMillis) {
    long offset = atEpochMillis - epochMillis;
    return consumer < consumerCount && item >= 0 && item < itemCount
        && Math.abs((double) offset) <= maxOffsetMillis
        && !((atEpochMillis ^ epochMillis) < 0 && (offset ^ atEpochMillis) < 0)
        && inTimeline(atEpochMillis);
  }

  /** The rule a signal that is not {@link #valid(int, int, long)} breaks, as a message. */
  private String problem(int consumer, int item, long atEpochMillis) {
    if (consumer >= consumerCount || item < 0 || item >= itemCount) {
      return "The consumer index (" + consumer + ") or item index (" + item
          + ") is not one this store handed out.";
    }
    long offset = atEpochMillis - epochMillis;
    if (!(Math.abs((double) offset) <= maxOffsetMillis)
        || ((atEpochMillis ^ epochMillis) < 0 && (offset ^ atEpochMillis) < 0)) {
      return "The signal instant (" + Instant.ofEpochMilli(atEpochMillis) + ") lies more than "
          + MAX_HALF_LIVES + " half-lives (" + settings.halfLife() + ") from the profile epoch ("
          + epoch + ").\nMaybe start a store with an epoch nearer the data.";
    }
    return "The signal instant (" + Instant.ofEpochMilli(atEpochMillis) + ") lies outside the "
        + "interest timeline's range of days (about 5.8 million years around 1970).";
  }

  /**
   * The bulk path: adds a batch of pre-resolved signals, with the same result as adding them one
   * by one in batch order with {@link #add(int, int, SignalType, long, double)} and catching its
   * {@link IllegalArgumentException}s: the same profiles, price evidence, counts and timeline,
   * bit for bit.
   *
   * <p><b>Bad signals.</b> A signal that {@code add} would refuse with an exception (an index this
   * store did not hand out, an instant more than {@link #MAX_HALF_LIVES} half-lives from the epoch
   * or outside the timeline's range of days) is not added and is reported, with its position in
   * the batch and the exception's message, in {@link BatchReport#rejected()}; every other signal
   * of the batch is added. Signals with a negative consumer index (no consent) are counted in
   * {@link #skippedWithoutConsent()} and in {@link BatchReport#withoutConsent()}.
   *
   * <p><b>How.</b> Each consumer's signals are applied together, in their batch order: the
   * summation order of each affinity and of the price evidence is the one-by-one order, since a
   * consumer's evidence depends only on that consumer's signals. While the batch is ordered by
   * consumer index (as a reader grouping by consumer gives it), one pass checks the signals and
   * applies each consumer's run as it ends; from the first signal out of that order on, the rest
   * is checked in one pass and then grouped by consumer with a stable counting sort (or, for few
   * signals of many consumers, a sort of (consumer, position) pairs), which takes about 20 bytes
   * per signal of scratch memory for the duration of the call (the store keeps scratch sized to
   * the longest consumer run and to the number of attribute values). Interest is added to the timeline
   * in batch order (so each (day, item) sum is formed as one by one). A run is summed in a dense
   * scratch indexed by value (no hash probe per signal) and written to the consumer's table once
   * per distinct value; a consumer's first run of up to 64 values becomes a compact row (keys and
   * affinities side by side, about 12 bytes per value), turned into a hash table by the next
   * write.
   *
   * @param batch the signals; unchanged
   * @return how many were profiled, counted without consent, and which were refused
   */
  public BatchReport addAll(SignalBatch batch) {
    requireNonNull(batch, "batch");
    int n = batch.size;
    int[] bc = batch.consumer;
    Refusals refusals = new Refusals(n);
    int good = 0;
    // While the batch is ordered by consumer index, one pass checks each signal and collects
    // each consumer's run, applied as soon as it ends; the interest of each block of signals is
    // added right after it, in a loop of its own (see addInterest(SignalBatch, int, int, ...)).
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
    accepted += good;
    if (s == n) {
      skippedWithoutConsent += refusals.withoutConsent;
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
    accepted += restGood;
    skippedWithoutConsent += refusals.withoutConsent;
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
    boolean passes(SignalBatch batch, int s) {
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
      rejected.add(new BatchReport.Rejected(s, problem(c, item, atMillis)));
      return false;
    }
  }

  /** The signals of the bulk path's ordered pass whose interest is added together. */
  private static final int INTEREST_BLOCK = 1024;

  /**
   * Adds the interest of the checked signals of {@code batch[from, to)} (consenting, not marked
   * {@code bad}, of positive weight), in batch order. A loop of its own, short enough that the
   * processor overlaps the cache misses of many signals' (day, item) cells, which a loop doing
   * all of a signal's work at once cannot.
   */
  private void addInterest(SignalBatch batch, int from, int to, boolean[] bad) {
    int[] bc = batch.consumer;
    int[] bi = batch.item;
    byte[] bt = batch.type;
    long[] ba = batch.at;
    for (int s = from; s < to; s++) {
      double w = weights[bt[s]];
      if (bc[s] >= 0 && w > 0 && (bad == null || !bad[s])) {
        addInterest(Math.floorDiv(ba[s], DAY_MILLIS), bi[s], w);
      }
    }
  }

  /**
   * Groups the checked signals of a batch from position {@code from} by consumer with a stable
   * counting sort ({@code count[c + 1]} holds consumer {@code c}'s number of good signals),
   * copying into columns what the evidence needs (see {@link #toColumns}), so that each
   * consumer's run is then read sequentially.
   */
  private void applyCounted(SignalBatch batch, int from, boolean[] bad, int good, int[] count) {
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
  private void toColumns(SignalBatch batch, int s, int[] items, double[] contributions,
      double[] prices, int j) {
    int t = batch.type[s];
    double w = weights[t];
    if (w == 0) {
      items[j] = SKIP;
      return;
    }
    contributions[j] = w * growth(batch.at[s] - epochMillis);
    double v = batch.value[s];
    if (w > 0 && v >= 0 && t != REVIEW) {
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
   * values (see {@link #fillNewRow}).
   */
  private void applyColumns(int consumer, int[] gItem, double[] gContribution, double[] gPrice,
      int from, int to) {
    signalCount[consumer] += to - from;
    if (runStamp.length < valueCount) {
      int n = Math.max(valueCount, runStamp.length * 2);
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
    int[] ids = itemValues;
    int[] idsFrom = itemFrom;
    int distinct = 0;
    boolean fresh = rowBits[consumer] == 0;
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
        sum[v] = affinity(consumer, v);
      }
    }
    // Sums in run order, noting each value at first sight (branch-free: the slot is always
    // written, the count moves only on a first sight; a no-op where the values were noted above).
    double pw = priceWeight[consumer];
    double ps = priceSum[consumer];
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
    priceWeight[consumer] = pw;
    priceSum[consumer] = ps;
    try {
      if (fresh && distinct > 0) {
        fillNewRow(consumer, touched, distinct, sum);
      } else {
        for (int t = 0; t < distinct; t++) {
          int v = touched[t];
          putAffinity(consumer, v, sum[v]);
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
   * Gives a consumer without a table the affinities {@code sum[v]} of the distinct values {@code
   * values[0 .. n)}: up to {@link #COMPACT_MAX} as a compact row (written in order, no probing),
   * more in a table sized for them.
   */
  private void fillNewRow(int consumer, int[] values, int n, double[] sum) {
    if (n <= COMPACT_MAX) {
      int start = allocateCompact(n);
      rowStart[consumer] = start;
      rowBits[consumer] = COMPACT;
      rowSize[consumer] = n;
      int[] keys = keyChunks[start >>> CHUNK_BITS];
      double[] vals = valueChunks[start >>> CHUNK_BITS];
      int base = start & (CHUNK - 1);
      for (int t = 0; t < n; t++) {
        int v = values[t];
        keys[base + t] = v + 1;
        vals[base + t] = sum[v];
      }
      return;
    }
    int bits = MIN_ROW_BITS;
    while (overfull(n, 1 << bits)) {
      bits++;
    }
    if (bits > MAX_ROW_BITS) {
      throw tooManyValues();
    }
    int start = allocate(bits);
    rowStart[consumer] = start;
    rowBits[consumer] = (byte) bits;
    rowSize[consumer] = n;
    int[] keys = keyChunks[start >>> CHUNK_BITS];
    double[] vals = valueChunks[start >>> CHUNK_BITS];
    int base = start & (CHUNK - 1);
    int mask = (1 << bits) - 1;
    for (int t = 0; t < n; t++) {
      int v = values[t];
      place(keys, vals, base, mask, v + 1, sum[v]);
    }
  }

  /** Puts a key known to be absent, and its affinity, in the first free slot of its probe. */
  private static void place(int[] keys, double[] vals, int base, int mask, int key, double value) {
    int i = mix(key) & mask;
    while (keys[base + i] != 0) {
      i = (i + 1) & mask;
    }
    keys[base + i] = key;
    vals[base + i] = value;
  }

  /**
   * Turns a consumer's compact row into a hash table with room for one more value (the write
   * that needs it comes next) and frees the compact row; returns the table's bits.
   */
  private int toHashRow(int consumer) {
    int bits = MIN_ROW_BITS;
    while (overfull(rowSize[consumer] + 1, 1 << bits)) {
      bits++;
    }
    return moveRow(consumer, bits);
  }

  /**
   * Moves a consumer's row (compact or table) into a new table of {@code 2^bits} slots and frees
   * the old row for the next of its size; returns {@code bits}.
   */
  private int moveRow(int consumer, int bits) {
    int oldBits = rowBits[consumer];
    int oldStart = rowStart[consumer];
    int oldSlots = rowSlots(consumer);
    int start = allocate(bits);
    int[] oldKeys = keyChunks[oldStart >>> CHUNK_BITS];
    double[] oldValues = valueChunks[oldStart >>> CHUNK_BITS];
    int oldBase = oldStart & (CHUNK - 1);
    int[] keys = keyChunks[start >>> CHUNK_BITS];
    double[] vals = valueChunks[start >>> CHUNK_BITS];
    int base = start & (CHUNK - 1);
    int mask = (1 << bits) - 1;
    for (int j = 0; j < oldSlots; j++) {
      int k = oldKeys[oldBase + j];
      if (k != 0) {
        place(keys, vals, base, mask, k, oldValues[oldBase + j]);
      }
    }
    if (oldBits == COMPACT) {
      releaseCompact(oldStart, oldSlots);
    } else {
      Arrays.fill(oldKeys, oldBase, oldBase + oldSlots, 0);
      release(oldStart, oldBits);
    }
    rowStart[consumer] = start;
    rowBits[consumer] = (byte) bits;
    return bits;
  }

  /** The slots a consumer's row spans: its size if compact, else its table's capacity. */
  private int rowSlots(int consumer) {
    int bits = rowBits[consumer];
    return bits == COMPACT ? rowSize[consumer] : bits == 0 ? 0 : 1 << bits;
  }

  /** Returns the start of {@code n} free, zeroed slots for a compact row. */
  private int allocateCompact(int n) {
    if (freeCompactCount[n] > 0) {
      return freeCompact[n][--freeCompactCount[n]];
    }
    return cut(n);
  }

  /** Zeroes a compact row of {@code n} slots and keeps it for the next of that size. */
  private void releaseCompact(int start, int n) {
    int base = start & (CHUNK - 1);
    Arrays.fill(keyChunks[start >>> CHUNK_BITS], base, base + n, 0);
    Arrays.fill(valueChunks[start >>> CHUNK_BITS], base, base + n, 0.0);
    if (n > 0) {
      push(freeCompact, freeCompactCount, n, start);
    }
  }

  /** Pushes {@code start} on free list {@code index} of {@code lists}. */
  private static void push(int[][] lists, int[] counts, int index, int start) {
    int[] list = lists[index];
    if (list == null) {
      list = new int[16];
    } else if (counts[index] == list.length) {
      list = Arrays.copyOf(list, list.length * 2);
    }
    list[counts[index]++] = start;
    lists[index] = list;
  }

  /**
   * Applies the evidence of checked signals whose positions ({@code order}) are grouped by
   * consumer, one consumer's run at a time, through the run columns.
   */
  private void applyRuns(SignalBatch batch, int[] order) {
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

  /**
   * Adds {@code contribution} to the consumer's affinity for each value id in {@code ids}, in
   * order: one probe per value in the consumer's open-addressing row, allocated on first use and
   * grown only when a new value would overfill it: the one-by-one path (the bulk path sums a
   * consumer's run first, in the same order, see {@link #applyColumns}).
   */
  private void addToRow(int consumer, int from, int to, double contribution) {
    // One table lookup per signal; the table grows only when a new value would overfill it.
    int bits = rowBits[consumer];
    if (bits == 0) {
      bits = INITIAL_ROW_BITS;
      rowStart[consumer] = allocate(bits);
      rowBits[consumer] = (byte) bits;
    } else if (bits == COMPACT) {
      bits = toHashRow(consumer);
    }
    int size = rowSize[consumer];
    int start = rowStart[consumer];
    int[] keys = keyChunks[start >>> CHUNK_BITS];
    double[] vals = valueChunks[start >>> CHUNK_BITS];
    int base = start & (CHUNK - 1);
    int mask = (1 << bits) - 1;
    int[] ids = itemValues;
    for (int v = from; v < to; v++) {
      int key = ids[v] + 1;
      for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
        int k = keys[base + i];
        if (k == key) {
          vals[base + i] += contribution;
          break;
        }
        if (k == 0) {
          if (overfull(size + 1, mask + 1)) {
            rowSize[consumer] = size;
            bits = growRow(consumer);
            start = rowStart[consumer];
            keys = keyChunks[start >>> CHUNK_BITS];
            vals = valueChunks[start >>> CHUNK_BITS];
            base = start & (CHUNK - 1);
            mask = (1 << bits) - 1;
            v--;
            break;
          }
          keys[base + i] = key;
          vals[base + i] = contribution;
          size++;
          break;
        }
      }
    }
    rowSize[consumer] = size;
  }

  /**
   * Whether a table of {@code slots} would be too full with {@code size} values: more than seven
   * eighths for tables of up to 64 slots (whose probes stay within a few cache lines), more than
   * three quarters above.
   */
  private static boolean overfull(int size, int slots) {
    return slots <= 64 ? size * 8 > slots * 7 : size * 4 > slots * 3;
  }

  private static int mix(int x) {
    int h = x * 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  private void addAffinity(int consumer, int valueId, double amount) {
    updateAffinity(consumer, valueId, amount, true);
  }

  private void putAffinity(int consumer, int valueId, double value) {
    updateAffinity(consumer, valueId, value, false);
  }

  /** The consumer's affinity for a value, or -0.0 (the identity of addition) if it has none. */
  private double affinity(int consumer, int valueId) {
    int bits = rowBits[consumer];
    if (bits == 0) {
      return -0.0;
    }
    int key = valueId + 1;
    int start = rowStart[consumer];
    int[] keys = keyChunks[start >>> CHUNK_BITS];
    int base = start & (CHUNK - 1);
    if (bits == COMPACT) {
      for (int i = base, end = base + rowSize[consumer]; i < end; i++) {
        if (keys[i] == key) {
          return valueChunks[start >>> CHUNK_BITS][i];
        }
      }
      return -0.0;
    }
    int mask = (1 << bits) - 1;
    for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
      int k = keys[base + i];
      if (k == key) {
        return valueChunks[start >>> CHUNK_BITS][base + i];
      }
      if (k == 0) {
        return -0.0;
      }
    }
  }

  /**
   * Adds {@code amount} to the consumer's affinity for a value ({@code add}), or sets it to
   * {@code amount}; an absent value is inserted holding the amount (as adding it to -0.0, the
   * identity of addition, would), allocating or growing the table as needed.
   */
  private void updateAffinity(int consumer, int valueId, double amount, boolean add) {
    int bits = rowBits[consumer];
    if (bits == 0) {
      bits = INITIAL_ROW_BITS;
      rowStart[consumer] = allocate(bits);
      rowBits[consumer] = (byte) bits;
    } else if (bits == COMPACT) {
      bits = toHashRow(consumer);
    }
    int key = valueId + 1;
    while (true) {
      int start = rowStart[consumer];
      int[] keys = keyChunks[start >>> CHUNK_BITS];
      int base = start & (CHUNK - 1);
      int mask = (1 << bits) - 1;
      // Probe first: an existing value is found in place; the row grows only on an insert.
      for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
        int k = keys[base + i];
        double[] vals = valueChunks[start >>> CHUNK_BITS];
        if (k == key) {
          vals[base + i] = add ? vals[base + i] + amount : amount;
          return;
        }
        if (k == 0) {
          if (overfull(rowSize[consumer] + 1, mask + 1)) {
            bits = growRow(consumer);
            break; // probe the grown row again
          }
          keys[base + i] = key;
          vals[base + i] = amount; // as -0.0 + amount, bit for bit
          rowSize[consumer]++;
          return;
        }
      }
    }
  }

  private int growRow(int consumer) {
    int bits = rowBits[consumer] + 1;
    if (bits > MAX_ROW_BITS) {
      throw tooManyValues();
    }
    return moveRow(consumer, bits);
  }

  private static IllegalStateException tooManyValues() {
    return new IllegalStateException("A consumer has more than " + ((1 << MAX_ROW_BITS) / 4 * 3)
        + " distinct attribute values.");
  }

  private void release(int start, int bits) {
    push(freeTables, freeCount, bits, start);
  }

  /**
   * Returns the start of {@code 2^bits} free slots (zero keys; a released table keeps stale
   * affinities, which no reader sees without a key): a released table or new ones.
   */
  private int allocate(int bits) {
    if (freeCount[bits] > 0) {
      return freeTables[bits][--freeCount[bits]];
    }
    int size = 1 << bits;
    if (size > CHUNK) {
      return newChunk(size) << CHUNK_BITS; // a table of its own
    }
    return cut(size);
  }

  /** Cuts {@code size} (at most a chunk) new, zeroed slots from the open chunk. */
  private int cut(int size) {
    if (openChunk < 0 || openOffset + size > CHUNK) {
      // A row never straddles two chunks: the rest of the open one stays unused.
      openChunk = newChunk(CHUNK);
      openOffset = 0;
    }
    int start = openChunk << CHUNK_BITS | openOffset;
    openOffset += size;
    return start;
  }

  /** Adds a chunk of {@code length} slots; returns its index. */
  private int newChunk(int length) {
    int chunk = chunkCount;
    if ((long) (chunk + 1) << CHUNK_BITS > Integer.MAX_VALUE) {
      throw new IllegalStateException("The profile store is full (" + chunk + " chunks).");
    }
    if (chunk == keyChunks.length) {
      keyChunks = Arrays.copyOf(keyChunks, Math.max(4, chunk * 2));
      valueChunks = Arrays.copyOf(valueChunks, keyChunks.length);
    }
    keyChunks[chunk] = new int[length];
    valueChunks[chunk] = new double[length];
    chunkCount = chunk + 1;
    return chunk;
  }

  /** Adds interest; {@code day} was checked by {@link #inTimeline(long)}. */
  private void addInterest(long day, int item, double mass) {
    if (sparse) {
      addSparse(day, item, mass);
      return;
    }
    long d = day - firstDay;
    if (d < 0 || d >= dayRows.length) {
      long from = dayRows.length == 0 ? day : Math.min(firstDay, day);
      long to = dayRows.length == 0 ? day : Math.max(firstDay + dayRows.length - 1, day);
      if (to - from + 1 > DENSE_MAX_DAYS) {
        toSparse();
        addSparse(day, item, mass);
        return;
      }
      d = growDays(day);
    }
    double[] row = dayRows[(int) d];
    if (row == null || item >= row.length) {
      int length = row == null ? Math.max(itemCount, 16) : Math.max(itemCount, row.length * 2);
      long slots = denseSlots + length - (row == null ? 0 : row.length);
      // Dense rows cost 8 bytes per slot, the sparse table about 21 to 32 per cell with
      // interest: beyond a floor of 8 MB, rows less than a third full go sparse.
      if (slots > DENSE_FLOOR_SLOTS && slots > 3 * denseCells) {
        toSparse();
        addSparse(day, item, mass);
        return;
      }
      row = row == null ? new double[length] : Arrays.copyOf(row, length);
      dayRows[(int) d] = row;
      denseSlots = slots;
    }
    double before = row[item];
    denseCells += before == 0 ? 1 : 0;
    row[item] = before + mass;
  }

  /** Widens the day range to hold {@code day}; returns its row index. */
  private long growDays(long day) {
    if (dayRows.length == 0) {
      dayRows = new double[64][];
      firstDay = day - 32;
      return day - firstDay;
    }
    long lastDay = firstDay + dayRows.length - 1;
    long from = Math.min(firstDay, day);
    long to = Math.max(lastDay, day);
    long span = to - from + 1;
    // Leave slack on the side that grew, so that a stream moving forward grows rarely.
    long newFrom = day < firstDay ? from - span / 2 : from;
    long newLength = span + span / 2 + 1;
    double[][] rows = new double[(int) newLength][];
    System.arraycopy(dayRows, 0, rows, (int) (firstDay - newFrom), dayRows.length);
    dayRows = rows;
    firstDay = newFrom;
    return day - firstDay;
  }

  /** Moves the dense rows into the sparse table, for good. */
  private void toSparse() {
    double[][] rows = dayRows;
    long first = firstDay;
    dayRows = new double[0][];
    denseSlots = 0;
    denseCells = 0;
    sparse = true;
    for (int d = 0; d < rows.length; d++) {
      double[] row = rows[d];
      if (row != null) {
        for (int i = 0; i < row.length; i++) {
          if (row[i] != 0) {
            addSparse(first + d, i, row[i]);
          }
        }
      }
    }
  }

  private void addSparse(long day, int item, double mass) {
    long key = day << 32 | item;
    long[] cells = interest;
    int mask = (cells.length >>> 1) - 1;
    if (mask >= 0) {
      for (int i = mixLong(key) & mask; ; i = (i + 1) & mask) {
        long k = cells[2 * i];
        if (k == key) {
          cells[2 * i + 1] = Double.doubleToRawLongBits(
              Double.longBitsToDouble(cells[2 * i + 1]) + mass);
          return;
        }
        if (k == FREE) {
          if ((interestCells + 1) * 4L <= (mask + 1) * 3L) {
            cells[2 * i] = key;
            cells[2 * i + 1] = Double.doubleToRawLongBits(mass);
            interestCells++;
            return;
          }
          break;
        }
      }
    }
    growInterest();
    addSparse(day, item, mass);
  }

  private static int mixLong(long x) {
    long h = x * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }

  /** Doubles the interest table (or creates it) and re-inserts its cells. */
  private void growInterest() {
    long[] old = interest;
    int n = old.length == 0 ? 256 : old.length; // cells: twice the old count
    if (n > 1 << 29) {
      throw new IllegalStateException("The interest timeline is full.");
    }
    long[] cells = new long[2 * n];
    for (int i = 0; i < n; i++) {
      cells[2 * i] = FREE;
    }
    int mask = n - 1;
    for (int j = 0; j < old.length; j += 2) {
      long k = old[j];
      if (k != FREE) {
        int i = mixLong(k) & mask;
        while (cells[2 * i] != FREE) {
          i = (i + 1) & mask;
        }
        cells[2 * i] = k;
        cells[2 * i + 1] = old[j + 1];
      }
    }
    interest = cells;
  }

  /** Calls {@code action} with the day, item and mass of every interest cell. */
  private void forEachInterest(InterestCell action) {
    for (int d = 0; d < dayRows.length; d++) {
      double[] row = dayRows[d];
      if (row != null) {
        for (int i = 0; i < row.length; i++) {
          if (row[i] != 0) {
            action.accept(firstDay + d, i, row[i]);
          }
        }
      }
    }
    long[] cells = interest;
    for (int j = 0; j < cells.length; j += 2) {
      long k = cells[j];
      if (k != FREE) {
        action.accept(k >> 32, (int) k, Double.longBitsToDouble(cells[j + 1]));
      }
    }
  }

  @FunctionalInterface
  private interface InterestCell {
    void accept(long day, int item, double mass);
  }

  /**
   * Adds the evidence of another store with the same epoch and settings. The other store is
   * unchanged. Its consumers were admitted under its own consent predicate and are not asked
   * again.
   *
   * @param other the other store
   * @return this
   * @throws IllegalArgumentException if the epochs or settings differ, or {@code other} is this
   *     store
   */
  public ProfileStore merge(ProfileStore other) {
    requireNonNull(other, "other");
    if (other == this) {
      throw new IllegalArgumentException("A profile store cannot merge with itself (its evidence "
          + "would be read while it is written); merge a copy.");
    }
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
      if (other.erased.get(oc)) {
        continue;
      }
      ConsumerId id = other.consumers[oc];
      int known = consumerIndex(id);
      int c = known >= 0 ? known : internConsumer(id);
      erased.clear(c);
      signalCount[c] += other.signalCount[oc];
      priceWeight[c] += other.priceWeight[oc];
      priceSum[c] += other.priceSum[oc];
      int cap = other.rowSlots(oc);
      if (cap != 0) {
        int start = other.rowStart[oc];
        int[] keys = other.keyChunks[start >>> CHUNK_BITS];
        double[] vals = other.valueChunks[start >>> CHUNK_BITS];
        int base = start & (CHUNK - 1);
        for (int j = 0; j < cap; j++) {
          int k = keys[base + j];
          if (k != 0) {
            addAffinity(c, valueMap[k - 1], vals[base + j]);
          }
        }
      }
    }
    int[] itemMap = new int[other.itemCount];
    for (int i = 0; i < other.itemCount; i++) {
      itemMap[i] = itemIndex(other.itemAttributes[i]);
    }
    other.forEachInterest((day, item, mass) -> addInterest(day, itemMap[item], mass));
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
    int idx = consumerIndex(consumer);
    return idx < 0 || erased.get(idx) ? Optional.empty()
        : Optional.of(profileAt(idx, asOf, factor(asOf)));
  }

  /**
   * Returns every profile decayed to an instant, sorted by consumer id. Built on the common
   * fork-join pool; the store must not be written meanwhile.
   *
   * @param asOf the instant to decay to
   * @return the profiles
   */
  public List<ConsumerProfile> profiles(Instant asOf) {
    requireNonNull(asOf, "asOf");
    double f = factor(asOf);
    Integer[] order = new Integer[consumerCount - erased.cardinality()];
    for (int c = 0, n = 0; c < consumerCount; c++) {
      if (!erased.get(c)) {
        order[n++] = c;
      }
    }
    ConsumerId[] ids = consumers;
    Arrays.sort(order, (a, b) -> ids[a].compareTo(ids[b]));
    // Reading only: profiles are built in parallel, in id order.
    return Arrays.stream(order).parallel()
        .map(c -> profileAt(c, asOf, f))
        .toList();
  }

  private double factor(Instant asOf) {
    return ConsumerProfile.decayFactor(Duration.between(epoch, asOf), settings.halfLife());
  }

  private ConsumerProfile profileAt(int c, Instant asOf, double f) {
    Map<AttributeValue, Double> affinities = new TreeMap<>();
    int cap = rowSlots(c);
    if (cap != 0) {
      int start = rowStart[c];
      int[] keys = keyChunks[start >>> CHUNK_BITS];
      double[] vals = valueChunks[start >>> CHUNK_BITS];
      int base = start & (CHUNK - 1);
      for (int j = 0; j < cap; j++) {
        int k = keys[base + j];
        if (k != 0) {
          affinities.put(values[k - 1], vals[base + j] * f);
        }
      }
    }
    return new ConsumerProfile(consumers[c], affinities, asOf, signalCount[c],
        priceWeight[c] * f, priceSum[c] * f);
  }

  /**
   * Reads every consumer's preferred values out of the store, without building a {@link
   * ConsumerProfile} per consumer: for each attribute key, the value of highest positive
   * affinity decayed to {@code asOf}, ties to the smaller value, exactly as {@link
   * ConsumerProfile#preferences()} of {@link #profiles(Instant)} gives them, with that decayed
   * affinity. Rows are in consumer id order, as {@link #profiles(Instant)}. Built on the common
   * fork-join pool in one pass over the affinity tables; the store must not be written meanwhile.
   *
   * @param asOf the instant to decay to
   * @return the preferred values
   */
  public PreferredValues preferredValues(Instant asOf) {
    requireNonNull(asOf, "asOf");
    double f = factor(asOf);
    // Per value: its key (dense) and its rank in the order of attribute values.
    int nv = valueCount;
    AttributeValue[] dictionary = Arrays.copyOf(values, nv);
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
    java.util.stream.IntStream.range(0, chunks).parallel().forEach(ch -> {
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
        int cap = rowSlots(c);
        if (cap != 0) {
          int start = rowStart[c];
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
      ids0[r] = consumers[order[r]];
    }
    return new PreferredValues(asOf, ids0, offsets, ids, aff, dictionary);
  }

  /** The indices of the consumers with evidence, sorted by consumer id. */
  private int[] consumerOrder() {
    Integer[] order = new Integer[consumerCount - erased.cardinality()];
    for (int c = 0, n = 0; c < consumerCount; c++) {
      if (!erased.get(c)) {
        order[n++] = c;
      }
    }
    ConsumerId[] ids = consumers;
    Arrays.parallelSort(order, (a, b) -> ids[a].compareTo(ids[b]));
    int[] out = new int[order.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = order[i];
    }
    return out;
  }

  /**
   * Returns a snapshot of the interest per item and day: the summed weight of the positive
   * signals (views, likes, carts, purchases, ...) per item and UTC day, undecayed.
   *
   * @return the timeline
   */
  public InterestTimeline timeline() {
    Map<Integer, TreeMap<Long, Double>> byItem = new TreeMap<>();
    forEachInterest((day, item, mass) -> {
      if (mass != 0) {
        byItem.computeIfAbsent(item, i -> new TreeMap<>()).put(day, mass);
      }
    });
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
    return consumerCount - erased.cardinality();
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
   * Returns the bytes held by the interest timeline: its dense rows (8 bytes per item and day of
   * the range), or once those would be mostly empty, its sparse table (16 bytes per slot, one
   * per (day, item) pair with interest, at most three quarters full).
   *
   * @return an estimate in bytes, from the array lengths
   */
  public long timelineBytes() {
    return (long) interest.length * 8 + (denseSlots + dayRows.length) * 8;
  }

  /**
   * Returns the bytes held by the per-consumer evidence arrays (affinity tables, counts, prices),
   * excluding the dictionaries of ids, values and items and the interest timeline. For the
   * capacity planning figure "bytes per consumer profile" divide by {@link #consumers()}.
   *
   * @return an estimate in bytes, from the array lengths
   */
  public long evidenceBytes() {
    long perConsumer = 4L + 4 + 1 + 4 + 8 + 8 + 8; // hash, row start, bits, size, count, prices
    long slots = 0;
    for (int c = 0; c < chunkCount; c++) {
      slots += keyChunks[c].length;
    }
    return (long) rowStart.length * perConsumer + slots * (4 + 8);
  }
}
