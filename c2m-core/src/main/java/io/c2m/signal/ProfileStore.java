package io.c2m.signal;

import static java.util.Objects.requireNonNull;

import io.c2m.Attributes;
import io.c2m.ConsumerId;
import java.time.Duration;
import java.time.Instant;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Predicate;

/**
 * A compact, fast store of consumer profiles: the evidence of every consenting consumer, in
 * primitive arrays, plus the {@linkplain InterestTimeline daily interest per item} that niche
 * trends are estimated from. This class is the store's face; its parts, package-private, each
 * hold one job and describe their layout and cost: {@code ProfileInterner} (dense indices of
 * consumers, values and items), {@code AffinityPool} (each consumer's affinities in pooled
 * tables), {@code ConsumerTotals} (signal counts and price evidence), {@code InterestGrid} (the
 * interest per day and item), {@code TimelineCache} (the timeline read-out, kept up to date from
 * the changed items), {@code GrowthFactors} (decay without an exponential per signal),
 * {@code BulkIngest} (the bulk path and its scratch) and {@code ProfileReadout} (profiles and
 * preferred values, in parallel).
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
 * <p><b>Three ways in.</b> {@link #add(Signal)} takes a signal record.
 * {@link #add(ConsumerId, Attributes, SignalType, long, double)} takes the same parts without a
 * record or an {@link Instant}, and remembers recent item objects by identity, for a reader that
 * hands out one {@link Attributes} object per product ({@code io.c2m.json.ProfileSink} does). The
 * bulk path {@link #addAll(SignalBatch)} takes a batch of signals in columns, groups it by
 * consumer and applies each consumer's signals together (same result as one by one; bad signals
 * are reported, the good ones kept).
 *
 * <p><b>Limits.</b> A consumer may have up to 49,152 distinct values; one more is refused with an
 * {@link IllegalStateException} that may leave the batch being added in part, so the store should
 * then be dropped.
 *
 * <p><b>Consent.</b> The consent predicate is asked for every signal added one at a time, and once
 * per consumer reference of a batch; signals of consumers it denies are counted in {@link
 * #skippedWithoutConsent()}, never stored.
 *
 * <p><b>Threads.</b> Not thread-safe: use one store per thread or partition, and merge them. The
 * read-outs {@link #profiles(Instant)} and {@link #preferredValues(Instant)} work in parallel on
 * the store's {@link Executor} (the common fork-join pool unless one is given), the calling thread
 * taking part; the store must not be written meanwhile.
 */
public final class ProfileStore {
  /** How many half-lives a signal may lie before or after the epoch. */
  public static final int MAX_HALF_LIVES = 900;

  static final int REVIEW = SignalType.REVIEW.ordinal();

  private final ProfileSettings settings;
  private final Predicate<ConsumerId> consent;
  private final Instant epoch;
  final long epochMillis;
  final double maxOffsetMillis;
  final double[] weights;

  final GrowthFactors growth;
  final ProfileInterner interner = new ProfileInterner();
  final AffinityPool pool = new AffinityPool();
  final ConsumerTotals totals = new ConsumerTotals();
  final InterestGrid grid = new InterestGrid(interner);
  private final TimelineCache timelineCache = new TimelineCache(grid, interner);
  private final BulkIngest bulk;
  private final ProfileReadout readout;

  long accepted;
  long skippedWithoutConsent;
  /** Consumers whose evidence was erased; their index is reused if they are admitted again. */
  final BitSet erased = new BitSet();

  /**
   * Creates an empty store whose read-outs run on the common fork-join pool.
   *
   * @param settings weights and half-life
   * @param consent tells whether a consumer may be profiled
   * @param epoch the fixed instant evidence is anchored to; stores that will be merged must share
   *     it and their settings
   */
  public ProfileStore(ProfileSettings settings, Predicate<ConsumerId> consent, Instant epoch) {
    this(settings, consent, epoch, ForkJoinPool.commonPool());
  }

  /**
   * Creates an empty store whose parallel read-outs ({@link #profiles(Instant)}, {@link
   * #preferredValues(Instant)}) hand helper tasks to {@code executor}, the calling thread taking
   * part. A direct executor ({@code Runnable::run}) keeps them on the calling thread. Results do
   * not depend on the executor.
   *
   * @param settings weights and half-life
   * @param consent tells whether a consumer may be profiled
   * @param epoch the fixed instant evidence is anchored to; stores that will be merged must share
   *     it and their settings
   * @param executor runs the read-outs' helper tasks
   */
  public ProfileStore(ProfileSettings settings, Predicate<ConsumerId> consent, Instant epoch,
      Executor executor) {
    this.settings = requireNonNull(settings, "settings");
    this.consent = requireNonNull(consent, "consent");
    this.epoch = requireNonNull(epoch, "epoch");
    requireNonNull(executor, "executor");
    this.epochMillis = epoch.toEpochMilli();
    long halfLifeMillis = settings.halfLife().toMillis();
    if (halfLifeMillis <= 0) {
      throw new IllegalArgumentException(
          "The half-life (" + settings.halfLife() + ") must be at least one millisecond.");
    }
    this.maxOffsetMillis = (double) MAX_HALF_LIVES * halfLifeMillis;
    SignalType[] types = SignalType.values();
    this.weights = new double[types.length];
    for (SignalType t : types) {
      weights[t.ordinal()] = settings.weight(t);
    }
    this.growth = new GrowthFactors(halfLifeMillis);
    this.bulk = new BulkIngest(this);
    this.readout = new ProfileReadout(this, executor);
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
    if (!accepts(signal.at())) {
      throw new IllegalArgumentException(refusal(signal.at().toEpochMilli(), signal.at()));
    }
    int c = admit(signal.consumer());
    if (c < 0) {
      skippedWithoutConsent++;
      return false;
    }
    return add(c, itemIndex(signal.item()), signal.type(), signal.at().toEpochMilli(),
        signal.value());
  }

  /**
   * Adds one signal given its parts, with exactly the effect of {@link #add(Signal)} on the
   * signal they make (its source aside, which the store does not keep), without a record or an
   * {@link Instant}. The store remembers the index of the last 65,536 item objects by identity:
   * a reader that hands out one {@link Attributes} object per product spares the hashing of its
   * attributes per signal.
   *
   * @param consumer the consumer
   * @param item the item's attributes
   * @param type what the consumer did
   * @param atEpochMillis when, in milliseconds since 1970-01-01T00:00Z
   * @param value the unit price of a purchase or cart, or the rating of a review ({@code NaN} when
   *     absent)
   * @return true if profiled, false if the consumer has not consented
   * @throws IllegalArgumentException if the instant lies more than {@link #MAX_HALF_LIVES}
   *     half-lives from the epoch (nothing is then interned)
   */
  public boolean add(ConsumerId consumer, Attributes item, SignalType type, long atEpochMillis,
      double value) {
    requireNonNull(consumer, "consumer");
    requireNonNull(item, "item");
    requireNonNull(type, "type");
    requireAccepts(atEpochMillis);
    int c = admit(consumer);
    if (c < 0) {
      skippedWithoutConsent++;
      return false;
    }
    return add(c, interner.itemIndexByIdentity(item), type, atEpochMillis, value);
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
    return Math.abs(offset) <= maxOffsetMillis && InterestGrid.inTimeline(at.toEpochMilli());
  }

  private void requireAccepts(long atEpochMillis) {
    if (!acceptsMillis(atEpochMillis)) {
      throw new IllegalArgumentException(
          refusal(atEpochMillis, Instant.ofEpochMilli(atEpochMillis)));
    }
  }

  /** Whether an instant in epoch milliseconds passes the checks of {@link #accepts(Instant)}. */
  private boolean acceptsMillis(long atEpochMillis) {
    long offset = atEpochMillis - epochMillis;
    return Math.abs((double) offset) <= maxOffsetMillis
        && !((atEpochMillis ^ epochMillis) < 0 && (offset ^ atEpochMillis) < 0) // no overflow
        && InterestGrid.inTimeline(atEpochMillis);
  }

  /** Why an instant ({@code shown}, at {@code atEpochMillis}) that is not accepted is refused. */
  private String refusal(long atEpochMillis, Instant shown) {
    if (!InterestGrid.inTimeline(atEpochMillis)) {
      return "The signal instant (" + shown + ") lies outside the "
          + "interest timeline's range of days (about 5.8 million years around 1970).";
    }
    return "The signal instant (" + shown + ") lies more than "
        + MAX_HALF_LIVES + " half-lives (" + settings.halfLife() + ") from the profile epoch ("
        + epoch + ").\nMaybe start a store with an epoch nearer the data.";
  }

  /**
   * Asks the consent predicate about a consumer and, if allowed, returns their dense index
   * (interning them on first sight); {@code -1} if the consumer may not be profiled.
   */
  int admit(ConsumerId consumer) {
    requireNonNull(consumer, "consumer");
    if (!consent.test(consumer)) {
      return -1;
    }
    int idx = interner.consumerIndex(consumer);
    if (idx < 0) {
      return internConsumer(consumer);
    }
    erased.clear(idx); // a consumer admitted again after erasure starts from nothing
    return idx;
  }

  private int internConsumer(ConsumerId consumer) {
    int c = interner.internConsumer(consumer);
    pool.addConsumer(c);
    totals.addConsumer(c);
    return c;
  }

  /** The dense index of an item (its attribute set), interning it on first sight. */
  int itemIndex(Attributes item) {
    return interner.itemIndex(requireNonNull(item, "item"));
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
    int c = interner.consumerIndex(consumer);
    if (c < 0 || erased.get(c)) {
      return false;
    }
    pool.clear(c);
    totals.clear(c);
    erased.set(c);
    return true;
  }

  /**
   * The index path: adds one signal given the store's indices from {@link #admit(ConsumerId)}
   * (negative: no consent, counted in {@link #skippedWithoutConsent()}) and {@link
   * #itemIndex(Attributes)}. A non-negative value of a signal with positive weight, other than a
   * review, is price evidence. Throws {@link IllegalArgumentException} if an index is unknown or
   * the instant lies more than {@link #MAX_HALF_LIVES} half-lives from the epoch.
   */
  boolean add(int consumer, int item, SignalType type, long atEpochMillis, double value) {
    if (consumer < 0) {
      skippedWithoutConsent++;
      return false;
    }
    if (!valid(consumer, item, atEpochMillis)) {
      throw new IllegalArgumentException(problem(consumer, item, atEpochMillis));
    }
    int t = type.ordinal();
    accepted++;
    totals.signals[consumer]++;
    double w = weights[t];
    if (w == 0) {
      return true;
    }
    double contribution = w * growth.growth(atEpochMillis - epochMillis);
    pool.addToRow(consumer, interner.itemValues, interner.itemFrom[item],
        interner.itemFrom[item + 1], contribution);
    if (w > 0) {
      if (value >= 0 && t != REVIEW) {
        totals.priceWeight[consumer] += contribution;
        totals.priceSum[consumer] += contribution * value;
      }
      grid.add(InterestGrid.day(atEpochMillis), item, w);
    }
    return true;
  }

  /** Whether a signal with a non-negative consumer index passes the index path's checks. */
  boolean valid(int consumer, int item, long atEpochMillis) {
    return consumer < interner.consumerCount && item >= 0 && item < interner.itemCount
        && acceptsMillis(atEpochMillis);
  }

  /** The rule a signal that is not {@link #valid(int, int, long)} breaks, as a message. */
  String problem(int consumer, int item, long atEpochMillis) {
    if (consumer >= interner.consumerCount || item < 0 || item >= interner.itemCount) {
      return "The consumer index (" + consumer + ") or item index (" + item
          + ") is not one this store handed out.";
    }
    return refusal(atEpochMillis, Instant.ofEpochMilli(atEpochMillis));
  }

  /**
   * The bulk path: adds a batch of signals, with the same result as adding them one by one in
   * batch order and catching the {@link IllegalArgumentException}s of the refused ones: the same
   * profiles, price evidence, counts and timeline, bit for bit.
   *
   * <p><b>Consent.</b> Each consumer reference of the batch is admitted once: the consent
   * predicate is asked, and the signals of a consumer it denies are counted in {@link
   * #skippedWithoutConsent()} and in {@link BatchReport#withoutConsent()}, whatever their
   * instants.
   *
   * <p><b>Bad signals.</b> A signal whose instant lies more than {@link #MAX_HALF_LIVES}
   * half-lives from the epoch or outside the timeline's range of days is not added and is
   * reported, with its position in the batch and the rule it breaks, in {@link
   * BatchReport#rejected()}; every other signal of the batch is added.
   *
   * <p><b>Cost.</b> Each consumer's signals are applied together, summed in a dense scratch
   * indexed by value and written to the consumer's table once per distinct value; a batch out of
   * consumer order is grouped first, which takes about 20 bytes per signal of scratch memory for
   * the duration of the call (the store keeps scratch sized to the longest consumer run and to the
   * number of attribute values; the batch keeps its resolved indices).
   *
   * @param batch the signals; its signals and references unchanged
   * @return how many were profiled, counted without consent, and which were refused
   */
  public BatchReport addAll(SignalBatch batch) {
    return bulk.addAll(requireNonNull(batch, "batch"));
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
    ProfileInterner theirs = other.interner;
    int[] valueMap = new int[theirs.valueCount];
    for (int v = 0; v < valueMap.length; v++) {
      valueMap[v] = interner.valueIndex(theirs.value(v));
    }
    for (int oc = 0; oc < theirs.consumerCount; oc++) {
      if (other.erased.get(oc)) {
        continue;
      }
      ConsumerId id = theirs.consumer(oc);
      int known = interner.consumerIndex(id);
      int c = known >= 0 ? known : internConsumer(id);
      erased.clear(c);
      totals.signals[c] += other.totals.signals[oc];
      totals.priceWeight[c] += other.totals.priceWeight[oc];
      totals.priceSum[c] += other.totals.priceSum[oc];
      int cap = other.pool.rowSlots(oc);
      if (cap != 0) {
        int start = other.pool.rowStart(oc);
        int[] keys = other.pool.keyChunks[start >>> AffinityPool.CHUNK_BITS];
        double[] vals = other.pool.valueChunks[start >>> AffinityPool.CHUNK_BITS];
        int base = start & (AffinityPool.CHUNK - 1);
        for (int j = 0; j < cap; j++) {
          int k = keys[base + j];
          if (k != 0) {
            pool.addAffinity(c, valueMap[k - 1], vals[base + j]);
          }
        }
      }
    }
    int[] itemMap = new int[theirs.itemCount];
    for (int i = 0; i < itemMap.length; i++) {
      itemMap[i] = interner.itemIndex(theirs.item(i));
    }
    other.grid.forEach((day, item, mass) -> grid.add(day, itemMap[item], mass));
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
    int idx = interner.consumerIndex(consumer);
    return idx < 0 || erased.get(idx) ? Optional.empty()
        : Optional.of(readout.profile(idx, asOf, factor(asOf)));
  }

  /**
   * Returns every profile decayed to an instant, sorted by consumer id. Built in parallel on the
   * store's executor, the calling thread taking part; the store must not be written meanwhile.
   *
   * @param asOf the instant to decay to
   * @return the profiles
   */
  public List<ConsumerProfile> profiles(Instant asOf) {
    requireNonNull(asOf, "asOf");
    return readout.profiles(asOf, factor(asOf));
  }

  /**
   * Reads every consumer's preferred values out of the store, without building a {@link
   * ConsumerProfile} per consumer: for each attribute key, the value of highest positive
   * affinity decayed to {@code asOf}, ties to the smaller value, exactly as {@link
   * ConsumerProfile#preferences()} of {@link #profiles(Instant)} gives them, with that decayed
   * affinity. Rows are in consumer id order, as {@link #profiles(Instant)}. Built in one pass over
   * the affinity tables, in parallel on the store's executor, the calling thread taking part; the
   * store must not be written meanwhile.
   *
   * @param asOf the instant to decay to
   * @return the preferred values
   */
  public PreferredValues preferredValues(Instant asOf) {
    requireNonNull(asOf, "asOf");
    return readout.preferredValues(asOf, factor(asOf));
  }

  private double factor(Instant asOf) {
    return ConsumerProfile.decayFactor(Duration.between(epoch, asOf), settings.halfLife());
  }

  /**
   * Returns a snapshot of the interest per item and day: the summed weight of the positive
   * signals (views, likes, carts, purchases, ...) per item and UTC day, undecayed.
   *
   * <p><b>Cost.</b> The store keeps the last timeline it gave and brings it up to date from the
   * items whose interest changed since: a call with no signal added since the last one returns
   * the same timeline, and a call after some signals costs about their items' cells plus a pass
   * over the items with interest, so that reading it at every discovery of a long ingestion is
   * cheap. Threads may call it at once while the store is not written. Once read, the timeline
   * stays held by the store (about 40 bytes per (day, item) with interest, beyond {@link
   * #timelineBytes()}) until the next read replaces it.
   *
   * @return the timeline
   */
  public InterestTimeline timeline() {
    return timelineCache.timeline();
  }

  /** The timeline built from the grid alone, as {@link #timeline()} was before it was kept. */
  InterestTimeline timelineFromScratch() {
    Map<Integer, TreeMap<Long, Double>> byItem = new TreeMap<>();
    grid.forEach((day, item, mass) -> {
      if (mass != 0) {
        byItem.computeIfAbsent(item, i -> new TreeMap<>()).put(day, mass);
      }
    });
    Map<Attributes, Map<Long, Double>> out = new HashMap<>();
    byItem.forEach((item, days) -> out.put(interner.item(item), days));
    return InterestTimeline.of(out);
  }

  /**
   * Returns the number of consumers with a profile.
   *
   * @return the count
   */
  public int consumers() {
    return interner.consumerCount - erased.cardinality();
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
    return grid.bytes();
  }

  /**
   * Returns the bytes held by the per-consumer evidence arrays (affinity tables, counts, prices),
   * excluding the dictionaries of ids, values and items and the interest timeline. For the
   * capacity planning figure "bytes per consumer profile" divide by {@link #consumers()}.
   *
   * @return an estimate in bytes, from the array lengths
   */
  public long evidenceBytes() {
    // Per consumer: the id's hash, row start, bits and size, count, two price sums.
    return pool.bytes(4L + 4 + 1 + 4 + 8 + 8 + 8);
  }
}
