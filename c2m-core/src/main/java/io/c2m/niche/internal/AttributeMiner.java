package io.c2m.niche.internal;

import static java.util.Objects.requireNonNull;

import io.c2m.AttributeValue;
import io.c2m.Attributes;
import io.c2m.niche.DemandScore;
import io.c2m.niche.Niche;
import io.c2m.niche.NicheInference;
import io.c2m.niche.NicheRequest;
import io.c2m.niche.PreferenceRequest;
import io.c2m.niche.Trend;
import io.c2m.niche.TrendSettings;
import io.c2m.niche.internal.FpGrowth.ItemSet;
import io.c2m.signal.ConsumerProfile;
import io.c2m.signal.InterestTimeline;
import io.c2m.signal.PreferredValues;
import io.c2m.signal.ProfileStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code attribute-miner}: frequent-itemset mining of attribute combinations over each
 * consumer's preferred values, keeping the narrowest significant ones.
 *
 * <ol>
 *   <li><b>Transactions.</b> Each consumer with a preferred {@code category} contributes their
 *       preferred value per attribute key (the value of highest positive affinity, ties to the
 *       smaller value, as {@link ConsumerProfile#preferences()}).
 *   <li><b>Frequent combinations</b> of up to {@code maxAttributes} values with support at least
 *       {@code minAudience}, by FP-growth (Han, Pei and Yin 2000).
 *   <li><b>Productive</b> combinations only (Webb 2007, "Discovering significant patterns",
 *       Machine Learning 68:1-33), tested within the combination's category: for every value
 *       {@code v} of a combination {@code X} other than its category, the audience of {@code X}
 *       must exceed what {@code X \ v} and the share of {@code v} among the category's other
 *       consumers (those outside {@code X \ v}) predict, both by a factor
 *       ({@code minLift}) and by {@code minZ} binomial standard deviations. The category value is
 *       never tested, so a category holding most consumers (a single-vertical shop) keeps its
 *       niches; a combination needs at least two values besides its category. This drops a
 *       planted niche extended by a value its members share only by chance (their size, say), and
 *       chance combinations of noise consumers.
 *   <li><b>Narrowest first.</b> From the largest combinations down (then the largest audience
 *       first), a combination is kept when enough of its audience is not already in a kept
 *       combination: that residual must reach {@code minAudience}, a share {@code
 *       minResidualShare} of the audience, and {@code minLift} times the largest audience the
 *       productivity test expected. So a broad {@code category=dress, color=sage} is not reported when it is only
 *       the union of two overlapping narrow niches, a niche is not echoed by a combination of its
 *       members' chance preferences, and every kept combination is closed with respect to the
 *       kept ones.
 * </ol>
 *
 * <p>Each niche reports its full audience (every consumer who prefers all of it), its lift (its
 * audience over the largest audience the productivity test expected from one of its values: the
 * weakest value's over-representation within the category), a demand score (expected orders: each member
 * counts {@link DemandScore#orderProbability}) and the
 * trend read from the request's interest timeline. Niches are ranked by audience times lift, ties
 * by id. Deterministic: no random numbers are drawn.
 *
 * <p><b>Budgets.</b> The search is bounded on any input: a consumer's transaction keeps its
 * category and at most {@code maxValuesPerConsumer - 1} other preferred values (the most frequent
 * ones overall, ties by value), and at most {@code maxItemsets} frequent combinations are
 * explored. Without these, 20 consumers sharing 150 custom attributes give C(150, 5), about
 * 6 * 10^8, combinations. When a budget cuts the search, the niches found are still
 * deterministic, and the cut is reported (a warning through SLF4J naming the budget and the
 * counts, never consumer data; and {@link #lastCap()}).
 */
public final class AttributeMiner implements NicheInference {
  /** Default cap on the attributes of one niche definition. */
  public static final int DEFAULT_MAX_ATTRIBUTES = 5;
  /** Default least lift of each value of a combination over its independence. */
  public static final double DEFAULT_MIN_LIFT = 1.5;
  /**
   * Default least z-score of each value of a combination over its independence: one-sided p of
   * about 3e-7, so thousands of tested combinations yield no chance niche (a Bonferroni-style
   * margin).
   */
  public static final double DEFAULT_MIN_Z = 5.0;
  /** Default least share of a combination's audience outside its kept narrower combinations. */
  public static final double DEFAULT_MIN_RESIDUAL_SHARE = 0.25;
  /** Default cap on the preferred values of one consumer's transaction, category included. */
  public static final int DEFAULT_MAX_VALUES_PER_CONSUMER = 24;
  /** Default cap on the frequent combinations explored by one inference. */
  public static final long DEFAULT_MAX_ITEMSETS = 200_000;

  private static final long DAY_MILLIS = 86_400_000L;

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AttributeMiner.class);

  private final int maxValuesPerConsumer;
  private final long maxItemsets;
  /** The cap of the last inference that hit one, or null; for reporting only. */
  private volatile String lastCap;

  private final int maxAttributes;
  private final double minLift;
  private final double minZ;
  private final double minResidualShare;
  private final TrendSettings trendSettings;

  /**
   * Creates a miner with default thresholds and trend settings.
   *
   * @param maxAttributes the most attributes in one definition, at least 2
   */
  public AttributeMiner(int maxAttributes) {
    this(maxAttributes, DEFAULT_MIN_LIFT, DEFAULT_MIN_Z, DEFAULT_MIN_RESIDUAL_SHARE,
        TrendSettings.defaults());
  }

  /**
   * Creates a miner with default z-score, residual share and trend settings.
   *
   * @param maxAttributes the most attributes in one definition, at least 2
   * @param minLift the least lift of each value over independence, at least 1
   */
  public AttributeMiner(int maxAttributes, double minLift) {
    this(maxAttributes, minLift, DEFAULT_MIN_Z, DEFAULT_MIN_RESIDUAL_SHARE,
        TrendSettings.defaults());
  }

  /**
   * Creates a miner.
   *
   * @param maxAttributes the most attributes in one definition, at least 2
   * @param minLift the least lift of each value over independence, at least 1
   * @param minZ the least z-score of each value over independence, zero or more
   * @param minResidualShare the least share of audience outside kept narrower niches, in [0, 1]
   * @param trendSettings how trends are read
   */
  public AttributeMiner(int maxAttributes, double minLift, double minZ, double minResidualShare,
      TrendSettings trendSettings) {
    this(maxAttributes, minLift, minZ, minResidualShare, trendSettings,
        DEFAULT_MAX_VALUES_PER_CONSUMER, DEFAULT_MAX_ITEMSETS);
  }

  /**
   * Creates a miner with explicit search budgets.
   *
   * @param maxAttributes the most attributes in one definition, at least 2
   * @param minLift the least lift of each value over independence, at least 1
   * @param minZ the least z-score of each value over independence, zero or more
   * @param minResidualShare the least share of audience outside kept narrower niches, in [0, 1]
   * @param trendSettings how trends are read
   * @param maxValuesPerConsumer the most preferred values of one consumer mined, category
   *     included; at least {@code maxAttributes}
   * @param maxItemsets the most frequent combinations explored; at least 1000
   */
  public AttributeMiner(int maxAttributes, double minLift, double minZ, double minResidualShare,
      TrendSettings trendSettings, int maxValuesPerConsumer, long maxItemsets) {
    if (maxValuesPerConsumer < Math.max(2, maxAttributes) || maxValuesPerConsumer > 1000) {
      throw new IllegalArgumentException("The maximum values per consumer ("
          + maxValuesPerConsumer + ") must be from maxAttributes (" + maxAttributes
          + ") to 1000.");
    }
    if (maxItemsets < 1000) {
      throw new IllegalArgumentException(
          "The maximum itemsets (" + maxItemsets + ") must be at least 1000.");
    }
    this.maxValuesPerConsumer = maxValuesPerConsumer;
    this.maxItemsets = maxItemsets;
    if (maxAttributes < 2) {
      throw new IllegalArgumentException(
          "The maximum attributes per niche (" + maxAttributes + ") must be at least 2.");
    }
    if (!(minLift >= 1) || Double.isInfinite(minLift)) {
      throw new IllegalArgumentException(
          "The minimum lift (" + minLift + ") must be a finite number, 1 or more.");
    }
    if (!(minZ >= 0) || Double.isInfinite(minZ)) {
      throw new IllegalArgumentException(
          "The minimum z-score (" + minZ + ") must be a finite number, zero or more.");
    }
    if (!(minResidualShare >= 0 && minResidualShare <= 1)) {
      throw new IllegalArgumentException(
          "The minimum residual share (" + minResidualShare + ") must be in [0, 1].");
    }
    this.maxAttributes = maxAttributes;
    this.minLift = minLift;
    this.minZ = minZ;
    this.minResidualShare = minResidualShare;
    this.trendSettings = requireNonNull(trendSettings, "trendSettings");
  }

  @Override
  public String name() {
    return "attribute-miner";
  }

  /**
   * Describes the budget that cut the last inference short, if the last one that hit a budget
   * was the latest; for a caller that reports it (the command line does).
   *
   * @return the description, such as "maxItemsets (200000): ...", or empty
   */
  @Override
  public java.util.Optional<String> lastCap() {
    return java.util.Optional.ofNullable(lastCap);
  }

  /** Preferred values of every consumer, as dense item ids; de-duplicated patterns. */
  private static final class Transactions {
    final Map<AttributeValue, Integer> ids = new HashMap<>();
    final List<AttributeValue> values = new ArrayList<>();
    final List<int[]> perConsumer = new ArrayList<>();
    final List<ConsumerProfile> consumers = new ArrayList<>();

    /** Interns a consumer's preferred values, if they include a category. */
    void add(ConsumerProfile p, AttributeValue[] preferred) {
      boolean hasCategory = false;
      for (AttributeValue av : preferred) {
        hasCategory |= av.key().equals(Niche.CATEGORY);
      }
      if (hasCategory) {
        int[] t = new int[preferred.length];
        for (int i = 0; i < t.length; i++) {
          t[i] = id(preferred[i]);
        }
        perConsumer.add(t);
        consumers.add(p);
      }
    }

    /** A consumer's preferred values ({@link ConsumerProfile#preferences()}), by key. */
    static AttributeValue[] preferred(ConsumerProfile p) {
      return p.preferences().pairs().toArray(new AttributeValue[0]);
    }

    private int id(AttributeValue av) {
      Integer id = ids.get(av);
      if (id == null) {
        id = values.size();
        ids.put(av, id);
        values.add(av);
      }
      return id;
    }
  }

  /**
   * A member's probability to order a niche's product ({@link DemandScore}), by transaction.
   */
  @FunctionalInterface
  private interface MemberDemand {
    /**
     * Returns the probability of the consumer of a transaction.
     *
     * @param c the transaction
     * @param definitionIds the definition's value ids, in the order of its pairs
     * @param definition the definition
     */
    double orderProbability(int c, int[] definitionIds, Attributes definition);
  }

  @Override
  public List<Niche> infer(NicheRequest request) {
    requireNonNull(request, "request");
    Transactions tx = new Transactions();
    // Reading preferences is the costly part and independent per consumer: in parallel, in order.
    List<AttributeValue[]> preferred = request.profiles().parallelStream()
        .map(Transactions::preferred)
        .toList();
    for (int i = 0; i < preferred.size(); i++) {
      tx.add(request.profiles().get(i), preferred.get(i));
    }
    return mine(tx.values.toArray(new AttributeValue[0]),
        tx.perConsumer.toArray(new int[0][]),
        (c, ids, definition) -> DemandScore.orderProbability(tx.consumers.get(c), definition),
        request.minAudience(), request.asOf(), request.timeline());
  }

  /**
   * Mines directly from a profile store's arrays ({@link ProfileStore#preferredValues(Instant)}):
   * the same niches, in the same order and with the same figures, as {@link #infer(NicheRequest)}
   * of a request of {@code store.profiles(asOf)} and {@code store.timeline()}, without a {@link
   * ConsumerProfile} per consumer.
   */
  @Override
  public List<Niche> infer(ProfileStore store, int minAudience, Instant asOf, long seed) {
    return infer(PreferenceRequest.of(store, minAudience, asOf, seed));
  }

  /**
   * Mines the request's preferred values directly: the same niches, in the same order and with
   * the same figures, as {@link #infer(NicheRequest)} of {@link PreferenceRequest#request()},
   * without a {@link ConsumerProfile} per consumer.
   */
  @Override
  public List<Niche> infer(PreferenceRequest request) {
    requireNonNull(request, "request");
    PreferredValues pv = request.preferences();
    AttributeValue[] values = new AttributeValue[pv.valueCount()];
    boolean[] isCategory = new boolean[values.length];
    for (int v = 0; v < values.length; v++) {
      values[v] = pv.value(v);
      isCategory[v] = values[v].key().equals(Niche.CATEGORY);
    }
    // Transactions of the included consumers with a preferred category, in row (consumer id)
    // order.
    int[] rowOf = new int[pv.size()];
    int[][] perConsumer = new int[pv.size()][];
    int n = 0;
    for (int r = 0; r < pv.size(); r++) {
      if (!request.includes(r)) {
        continue;
      }
      int from = pv.start(r);
      int to = pv.end(r);
      boolean hasCategory = false;
      for (int i = from; i < to; i++) {
        hasCategory |= isCategory[pv.valueId(i)];
      }
      if (hasCategory) {
        int[] t = new int[to - from];
        for (int i = from; i < to; i++) {
          t[i - from] = pv.valueId(i);
        }
        rowOf[n] = r;
        perConsumer[n++] = t;
      }
    }
    MemberDemand demand = (c, ids, definition) -> {
      int r = rowOf[c];
      double s = 0;
      for (int id : ids) {
        for (int i = pv.start(r); i < pv.end(r); i++) {
          if (pv.valueId(i) == id) {
            s += Math.max(0, pv.affinity(i));
            break;
          }
        }
      }
      return DemandScore.orderProbability(s, definition.size());
    };
    return mine(values, Arrays.copyOf(perConsumer, n), demand, request.minAudience(),
        request.asOf(), request.timeline());
  }

  /** Per rank: whether the value is a category. */
  private static boolean[] isCategoryRank(AttributeValue[] valueOfRank) {
    boolean[] out = new boolean[valueOfRank.length];
    for (int r = 0; r < out.length; r++) {
      out[r] = valueOfRank[r].key().equals(Niche.CATEGORY);
    }
    return out;
  }

  /**
   * Keeps a transaction's categories and its most frequent other values (the lowest ranks), up to
   * {@link #maxValuesPerConsumer}; the ranks stay sorted.
   */
  private int[] capValues(int[] sortedRanks, boolean[] isCategory) {
    int[] out = new int[maxValuesPerConsumer];
    int categories = 0;
    for (int r : sortedRanks) {
      if (isCategory[r]) {
        categories++;
      }
    }
    int others = Math.max(0, maxValuesPerConsumer - categories);
    int len = 0;
    for (int r : sortedRanks) {
      if (isCategory[r] || others-- > 0) {
        if (len == out.length) {
          break;
        }
        out[len++] = r;
      }
    }
    return Arrays.copyOf(out, len);
  }

  /**
   * Mines the transactions (each a consumer's preferred value ids, including a category).
   */
  private List<Niche> mine(AttributeValue[] values, int[][] perConsumer, MemberDemand memberDemand,
      int min, Instant asOf, InterestTimeline timeline) {
    int n = perConsumer.length;
    if (n < min) {
      return List.of();
    }
    int valuesCapped = 0;
    // Support of each value; ranks by support descending, then by value.
    int items = values.length;
    int[] support = new int[items];
    for (int[] t : perConsumer) {
      for (int id : t) {
        support[id]++;
      }
    }
    Integer[] byRank = new Integer[items];
    for (int i = 0; i < items; i++) {
      byRank[i] = i;
    }
    Arrays.sort(byRank, Comparator.comparingInt((Integer i) -> -support[i])
        .thenComparing(i -> values[i]));
    int[] rankOf = new int[items];
    int frequentItems = 0;
    for (int r = 0; r < items; r++) {
      rankOf[byRank[r]] = r;
      if (support[byRank[r]] >= min) {
        frequentItems = r + 1;
      }
    }
    AttributeValue[] valueOfRank = new AttributeValue[frequentItems];
    int[] rankSupport = new int[frequentItems];
    for (int r = 0; r < frequentItems; r++) {
      valueOfRank[r] = values[byRank[r]];
      rankSupport[r] = support[byRank[r]];
    }
    // Consumers' transactions as sorted ranks of frequent values; distinct ones with counts.
    int[][] ranked = new int[n][];
    boolean[] categoryRank = isCategoryRank(valueOfRank);
    Map<FpGrowth.ItemSet, Integer> distinct = new HashMap<>();
    for (int c = 0; c < n; c++) {
      int[] t = perConsumer[c];
      int[] r = new int[t.length];
      int len = 0;
      for (int id : t) {
        if (rankOf[id] < frequentItems) {
          r[len++] = rankOf[id];
        }
      }
      r = Arrays.copyOf(r, len);
      Arrays.sort(r);
      if (r.length > maxValuesPerConsumer) {
        r = capValues(r, categoryRank);
        valuesCapped++;
      }
      ranked[c] = r;
      distinct.merge(new ItemSet(r), 1, Integer::sum);
    }
    List<ItemSet> patterns = new ArrayList<>(distinct.keySet());
    patterns.sort((a, b) -> Arrays.compare(a.ranks(), b.ranks()));
    int[][] patternRanks = new int[patterns.size()][];
    int[] multiplicity = new int[patterns.size()];
    for (int i = 0; i < patterns.size(); i++) {
      patternRanks[i] = patterns.get(i).ranks();
      multiplicity[i] = distinct.get(patterns.get(i));
    }
    FpGrowth.Mined mined = FpGrowth.mine(patternRanks, multiplicity, frequentItems, min,
        maxAttributes, true, maxItemsets);
    Map<ItemSet, Integer> frequent = mined.sets();
    String cap = null;
    if (valuesCapped > 0) {
      cap = "maxValuesPerConsumer (" + maxValuesPerConsumer + "): " + valuesCapped
          + " consumers' least frequent preferred values were not mined";
    }
    if (mined.capped()) {
      cap = (cap == null ? "" : cap + "; ") + "maxItemsets (" + maxItemsets + "): the search "
          + "stopped after " + frequent.size() + " combinations, so niches may be missing";
    }
    lastCap = cap;
    if (cap != null) {
      LOG.warn("attribute-miner capped its search: {}. Maybe raise the minimum audience or the "
          + "budget.", cap);
    }

    // Productive combinations that include a category.
    boolean[] isCategory = new boolean[frequentItems];
    for (int r = 0; r < frequentItems; r++) {
      isCategory[r] = valueOfRank[r].key().equals(Niche.CATEGORY);
    }
    List<ItemSet> candidates = new ArrayList<>();
    Map<ItemSet, Double> expectedOf = new HashMap<>();
    for (Map.Entry<ItemSet, Integer> e : frequent.entrySet()) {
      int[] s = e.getKey().ranks();
      double expected = productive(s, e.getValue(), frequent, rankSupport, isCategory);
      if (!Double.isNaN(expected)) {
        candidates.add(e.getKey());
        expectedOf.put(e.getKey(), expected);
      }
    }
    candidates.sort(Comparator.comparingInt((ItemSet s) -> -s.ranks().length)
        .thenComparingInt(s -> -frequent.get(s))
        .thenComparing((a, b) -> Arrays.compare(a.ranks(), b.ranks())));

    // Narrowest first: keep a combination with enough audience outside kept narrower ones.
    Map<Integer, List<Integer>> patternsByCategory = new TreeMap<>();
    for (int i = 0; i < patternRanks.length; i++) {
      int cat = categoryOf(patternRanks[i], isCategory);
      if (cat >= 0) {
        patternsByCategory.computeIfAbsent(cat, k -> new ArrayList<>()).add(i);
      }
    }
    boolean[] taken = new boolean[patternRanks.length];
    List<ItemSet> kept = new ArrayList<>();
    for (ItemSet x : candidates) {
      int audience = frequent.get(x);
      List<Integer> inCategory = patternsByCategory.get(categoryOf(x.ranks(), isCategory));
      int residual = 0;
      for (int i : inCategory) {
        if (!taken[i] && x.containedIn(patternRanks[i])) {
          residual += multiplicity[i];
        }
      }
      double expected = expectedOf.get(x);
      if (residual >= min && residual >= minResidualShare * audience
          && residual >= minLift * expected) {
        kept.add(x);
        for (int i : inCategory) {
          if (x.containedIn(patternRanks[i])) {
            taken[i] = true;
          }
        }
      }
    }

    // Demand: expected orders of the members of each kept niche.
    List<Attributes> definitions = new ArrayList<>(kept.size());
    for (ItemSet k : kept) {
      List<AttributeValue> pairs = new ArrayList<>();
      for (int r : k.ranks()) {
        pairs.add(valueOfRank[r]);
      }
      definitions.add(Attributes.of(pairs));
    }
    double[] demand = new double[kept.size()];
    // The members of each kept niche from one bit set of consumers per value (issue 15: testing
    // every consumer's transaction against every kept niche was a seventh of a 100,000-consumer
    // simulation); each member's contribution is added in consumer order, as the sum over every
    // consumer was (the others contributed zero, which leaves a sum of probabilities unchanged).
    BitSet[] holders = holders(ranked, frequentItems);
    for (int k = 0; k < kept.size(); k++) {
      ItemSet def = kept.get(k);
      Attributes definition = definitions.get(k);
      // The definition's value ids in the order of its pairs (key order: ranks sorted by value).
      int[] defRanks = def.ranks().clone();
      int[] defIds = Arrays.stream(defRanks).boxed()
          .sorted(Comparator.comparing(r -> valueOfRank[r]))
          .mapToInt(r -> byRank[r]).toArray();
      BitSet members = (BitSet) holders[defRanks[0]].clone();
      for (int i = 1; i < defRanks.length; i++) {
        members.and(holders[defRanks[i]]);
      }
      double sum = 0;
      for (int c = members.nextSetBit(0); c >= 0; c = members.nextSetBit(c + 1)) {
        sum += memberDemand.orderProbability(c, defIds, definition);
      }
      demand[k] = sum;
    }

    List<Niche> niches = new ArrayList<>(kept.size());
    Map<String, List<InterestTimeline.ItemInterest>> itemsByCategory = itemsByCategory(timeline);
    for (int k = 0; k < kept.size(); k++) {
      int[] def = kept.get(k).ranks();
      Attributes definition = definitions.get(k);
      int audience = frequent.get(kept.get(k));
      double lift = audience / expectedOf.get(kept.get(k));
      Trend trend = trend(itemsByCategory, definition, asOf);
      niches.add(new Niche(Niche.idFor(definition), definition, audience,
          Math.min(demand[k], audience), lift, trend));
    }
    niches.sort(Comparator.comparingDouble((Niche x) -> -x.audience() * x.lift())
        .thenComparing(x -> x.id().value()));
    return List.copyOf(niches);
  }

  /** The timeline's items by category, each list in the timeline's order. */
  private static Map<String, List<InterestTimeline.ItemInterest>> itemsByCategory(
      InterestTimeline timeline) {
    Map<String, List<InterestTimeline.ItemInterest>> out = new HashMap<>();
    for (InterestTimeline.ItemInterest i : timeline.items()) {
      i.item().get(Niche.CATEGORY)
          .ifPresent(c -> out.computeIfAbsent(c, x -> new ArrayList<>()).add(i));
    }
    return out;
  }

  /**
   * {@link Trend#of} of a definition with a category, reading only the items of that category
   * (issue 15: every niche scanned every item): the items of other categories, or of none, never
   * match it, and those that do are summed in the timeline's order, exactly as {@link
   * InterestTimeline#dailyInterest} sums them, so the trend is the same to the bit.
   */
  private Trend trend(Map<String, List<InterestTimeline.ItemInterest>> itemsByCategory,
      Attributes definition, Instant asOf) {
    int days = trendSettings.totalDays();
    long last = Math.floorDiv(asOf.toEpochMilli(), DAY_MILLIS);
    long first = last - days + 1;
    double[] daily = new double[days];
    String category = definition.get(Niche.CATEGORY).orElseThrow();
    for (InterestTimeline.ItemInterest s : itemsByCategory.getOrDefault(category, List.of())) {
      if (!s.item().matches(definition)) {
        continue;
      }
      for (InterestTimeline.DayInterest d : s.days()) {
        if (d.day() >= first && d.day() <= last) {
          daily[(int) (d.day() - first)] += d.interest();
        }
      }
    }
    return Trend.estimate(daily, trendSettings);
  }

  /** For each rank, the consumers whose (capped) transaction holds it. */
  private static BitSet[] holders(int[][] ranked, int ranks) {
    BitSet[] out = new BitSet[ranks];
    for (int r = 0; r < ranks; r++) {
      out[r] = new BitSet(ranked.length);
    }
    for (int c = 0; c < ranked.length; c++) {
      for (int r : ranked[c]) {
        out[r].set(c);
      }
    }
    return out;
  }

  private static int categoryOf(int[] ranks, boolean[] isCategory) {
    for (int r : ranks) {
      if (isCategory[r]) {
        return r;
      }
    }
    return -1;
  }

  /**
   * Whether every non-category value {@code v} of the combination is over-represented given the
   * rest, within the category: the audience of {@code X} against that of {@code X \ v} times the
   * share of {@code v} among the category's consumers outside {@code X \ v}, both by a factor
   * ({@code minLift}) and by {@code minZ} binomial standard deviations. The category value is
   * never tested: in a single-vertical shop one category holds most consumers, and testing it
   * against its overall share would drop every niche in it. The share of {@code v} is taken
   * outside {@code X \ v} so that other niches sharing {@code v} (overlapping niches) do not
   * inflate the expectation; that share is estimated by Laplace's rule of succession
   * ({@code (k + 1) / (n + 2)}), so it is never zero. A combination needs at least two values
   * besides its category.
   *
   * @return the largest audience expected of {@code X} over its values, or {@code NaN} when not
   *     productive
   */
  private double productive(int[] set, int observed, Map<ItemSet, Integer> frequent,
      int[] rankSupport, boolean[] isCategory) {
    int cat = categoryOf(set, isCategory);
    if (cat < 0 || set.length < 3) {
      return Double.NaN;
    }
    double most = 0;
    for (int skip = 0; skip < set.length; skip++) {
      if (set[skip] == cat) {
        continue;
      }
      int[] rest = new int[set.length - 1];
      for (int i = 0, j = 0; i < set.length; i++) {
        if (i != skip) {
          rest[j++] = set[i];
        }
      }
      Integer base = frequent.get(new ItemSet(rest));
      int v = set[skip];
      Integer withCategory =
          frequent.get(new ItemSet(v < cat ? new int[] {v, cat} : new int[] {cat, v}));
      if (base == null || withCategory == null) {
        return Double.NaN;
      }
      int outside = rankSupport[cat] - base;
      // Laplace's rule of succession, so that a value no one outside holds still has a finite
      // expectation (and the lift is finite).
      double p = (withCategory - observed + 1.0) / (outside + 2.0);
      double expected = base * p;
      double sd = Math.sqrt(base * p * (1 - p));
      if (observed < minLift * expected || (sd > 0 && (observed - expected) / sd < minZ)) {
        return Double.NaN;
      }
      most = Math.max(most, expected);
    }
    return most;
  }


}
