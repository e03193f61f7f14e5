package io.c2m;

import static java.util.Objects.requireNonNull;

import io.c2m.demand.DemandForecast;
import io.c2m.demand.DemandForecaster;
import io.c2m.demand.DemandSeries;
import io.c2m.signal.CategoryPricePoints;
import io.c2m.design.ConceptTestRule;
import io.c2m.design.DesignTailor;
import io.c2m.design.ProductDesign;
import io.c2m.design.TailorRequest;
import io.c2m.niche.Niche;
import io.c2m.niche.NicheInference;
import io.c2m.niche.NicheRequest;
import io.c2m.demand.ForecastPoint;
import io.c2m.order.BatchState;
import io.c2m.order.BookedBatch;
import io.c2m.order.BookedOrder;
import io.c2m.order.Campaign;
import io.c2m.order.Offer;
import io.c2m.order.Order;
import io.c2m.order.OrderBook;
import io.c2m.order.OrderEvent;
import io.c2m.order.OrderListener;
import io.c2m.order.OrderReceipt;
import io.c2m.order.OrderState;
import io.c2m.order.OrderStore;
import io.c2m.privacy.AudienceGuard;
import io.c2m.privacy.Consent;
import io.c2m.production.Advance;
import io.c2m.production.BatchPlan;
import io.c2m.production.BatchingProblem;
import io.c2m.production.BatchingStrategy;
import io.c2m.production.CostBreakdown;
import io.c2m.production.NewsvendorTopUp;
import io.c2m.production.PendingOrder;
import io.c2m.production.PendingReason;
import io.c2m.production.PeriodCosts;
import io.c2m.production.ProductionBatch;
import io.c2m.production.ProductionConstraints;
import io.c2m.production.ProductionLine;
import io.c2m.production.Schedule;
import io.c2m.production.ScheduledBatch;
import io.c2m.signal.ConsumerAccount;
import io.c2m.signal.ConsumerProfile;
import io.c2m.signal.IngestReport;
import io.c2m.signal.ProfileSettings;
import io.c2m.signal.ProfileStore;
import io.c2m.signal.Signal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;

/**
 * The c2m engine: one object that carries consumer signals through the whole C2M pipeline.
 *
 * <pre>{@code
 * C2m c2m = C2m.builder().seed(42).minimumAudience(25).build();
 * c2m.registerConsumer(ConsumerAccount.of(id, Consent.PROFILING));
 * c2m.ingest(signals);
 * List<Niche> niches = c2m.discoverNiches();
 * List<ProductDesign> designs = c2m.tailorDesigns(niches);
 * c2m.acceptOrder(order);
 * BatchPlan plan = c2m.planBatches();
 * }</pre>
 *
 * <p>Signals of consumers who have not consented to {@link Consent#PROFILING} are counted but never
 * profiled. Niches below the minimum audience never leave the engine (k-anonymity). Orders are
 * idempotent by id. Every strategy is pluggable; the batching strategy is wrapped in
 * {@link BatchingStrategy#checked(BatchingStrategy)} so a broken plan fails with the strategy's
 * name.
 *
 * <p>Thread-safe: the methods that read or change consumers, profiles, niches, designs and plans
 * lock the engine; orders go through the order book's own lock (never while holding the engine's),
 * and forecasting holds no lock. Deterministic: the same calls with the same clock
 * and seed give the same results.
 *
 * <p>Why one file of over 800 lines: it is the facade of the whole pipeline, and most of its
 * length is the javadoc of its public methods and its builder's setters; the work is delegated
 * (orders to {@link io.c2m.order.OrderBook}, plans to the batching strategy). Moving the order
 * and planning methods into a facade of their own is left for issue 14.
 */
public final class C2m {
  private final Clock clock;
  private final long seed;
  private final int minimumAudience;
  private final boolean profilePriceFallback;
  private final Duration period;
  private final ProfileSettings profileSettings;
  private final NicheInference inference;
  private final DesignTailor tailor;
  private final DemandForecaster forecaster;
  private final BatchingStrategy batching;
  private final ProductionConstraints defaultConstraints;
  private final AudienceGuard guard;

  private final Map<ConsumerId, ConsumerAccount> accounts = new HashMap<>();
  private final ProfileStore profiles;
  /** Price points per consumer and category, so designs are priced within their category. */
  private final CategoryPricePoints categoryPrices;
  private final Map<DesignId, ProductDesign> designs = new LinkedHashMap<>();
  /**
   * The ids on offer, readable without the engine's lock: the order book asks it while holding its
   * own lock, so taking the engine's lock there could deadlock against {@link #planBatches()}.
   */
  private final Set<DesignId> offered = ConcurrentHashMap.newKeySet();
  private final Map<DesignId, ProductionConstraints> constraints = new HashMap<>();
  private final OrderBook orders;
  private final List<ProductionLine> lines;
  private final Map<DesignId, PeriodCosts> periodCosts = new HashMap<>();
  private final Map<DesignId, NewsvendorTopUp> topUps = new HashMap<>();
  private final Map<DesignId, DemandSeries> demandHistory = new HashMap<>();
  private final Object advanceLock = new Object();
  private final io.c2m.internal.EngineEvents events;

  private C2m(Builder b) {
    this.clock = b.clock;
    this.seed = b.seed;
    this.minimumAudience = b.minimumAudience;
    this.profilePriceFallback = b.profilePriceFallback;
    this.period = b.period;
    this.profileSettings = b.profileSettings;
    this.inference = b.inference;
    this.tailor = b.tailor;
    this.forecaster = DemandForecaster.checked(b.forecaster);
    this.batching = BatchingStrategy.checked(b.batching);
    this.defaultConstraints = b.defaultConstraints;
    this.guard = new AudienceGuard(b.minimumAudience);
    this.profiles =
        new ProfileStore(profileSettings, this::mayProfile, clock.instant(), b.executor);
    this.categoryPrices = new CategoryPricePoints(profileSettings);
    this.lines = b.lines;
    this.orders = OrderBook.of(b.orderStore, clock,
        b.requireKnownConsumers ? this::isKnownConsumer : c -> true);
    this.events = new io.c2m.internal.EngineEvents(b.listener);
    events.built(Map.of("inference", inference.name(), "tailor", tailor.name(), "forecaster",
        forecaster.name(), "batching", batching.name(), "order store",
        b.orderStore.getClass().getSimpleName()), minimumAudience, period);
  }

  /**
   * Starts configuring an engine. Every setting has a default.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  private boolean mayProfile(ConsumerId id) {
    ConsumerAccount a = accounts.get(id);
    return a != null && a.allows(Consent.PROFILING);
  }

  private boolean isOffered(DesignId id) {
    return offered.contains(id) || orders.offer(id).isPresent();
  }

  private boolean isKnownConsumer(ConsumerId id) {
    synchronized (accounts) {
      return accounts.containsKey(id);
    }
  }

  /**
   * Records a consumer and their consents; a later call replaces the consents. When a consumer no
   * longer consents to {@link Consent#PROFILING}, the evidence already profiled is erased too (see
   * {@link #forgetConsumer(ConsumerId)}).
   *
   * @param account the consumer
   */
  public synchronized void registerConsumer(ConsumerAccount account) {
    requireNonNull(account, "account");
    synchronized (accounts) {
      accounts.put(account.id(), account);
    }
    if (!account.allows(Consent.PROFILING)) {
      profiles.erase(account.id());
      categoryPrices.erase(account.id());
    }
  }

  /**
   * Forgets a consumer (right to erasure): their account is removed, their profile evidence is
   * erased, and their later signals are counted but not profiled until they register again. The
   * daily per-item interest behind niche trends is an aggregate that keeps their past share; it
   * cannot be traced back to them. Orders already accepted are business records and stay on the
   * book under their pseudonymous id.
   *
   * @param consumer the consumer
   * @return true if the engine held an account or a profile of the consumer
   */
  public synchronized boolean forgetConsumer(ConsumerId consumer) {
    requireNonNull(consumer, "consumer");
    boolean hadAccount;
    synchronized (accounts) {
      hadAccount = accounts.remove(consumer) != null;
    }
    boolean hadPrices = categoryPrices.erase(consumer);
    return profiles.erase(consumer) || hadPrices || hadAccount;
  }

  /**
   * Adds signals to the consumers' profiles.
   *
   * @param signals the signals, in any order
   * @return how many were profiled and how many were skipped for lack of consent
   * @throws NullPointerException if a signal is null; then no signal of the call is profiled
   * @throws IllegalArgumentException if a signal lies more than {@link
   *     io.c2m.signal.ProfileStore#MAX_HALF_LIVES} profile half-lives from the engine's profile
   *     epoch (the clock's instant at build); then no signal of the call is profiled
   */
  public synchronized IngestReport ingest(Iterable<Signal> signals) {
    requireNonNull(signals, "signals");
    // Check the whole batch before profiling any of it, so a failed call changes nothing and can
    // be retried without counting signals twice.
    List<Signal> batch = new ArrayList<>();
    for (Signal s : signals) {
      batch.add(requireNonNull(s, () -> "signal at index " + batch.size()));
      if (!profiles.accepts(s.at())) {
        throw new IllegalArgumentException("The signal at index " + (batch.size() - 1)
            + " is at " + s.at() + ", more than " + io.c2m.signal.ProfileStore.MAX_HALF_LIVES
            + " profile half-lives from the engine's profile epoch; no signal of the call was "
            + "profiled.\nMaybe correct its timestamp, or start an engine nearer the data.");
      }
    }
    signals = batch;
    long started = System.nanoTime();
    long before = profiles.accepted();
    long skippedBefore = profiles.skippedWithoutConsent();
    int done = 0;
    for (Signal s : signals) {
      if (profiles.add(s)) {
        categoryPrices.add(s);
      }
      if (++done % io.c2m.internal.EngineEvents.PROGRESS_EVERY == 0) {
        events.progress("ingest", done, batch.size());
      }
    }
    events.progress("ingest", batch.size(), Math.max(1, batch.size()));
    IngestReport report = new IngestReport(profiles.accepted() - before,
        profiles.skippedWithoutConsent() - skippedBefore);
    events.ingested(report.profiled(), report.withoutConsent(),
        System.nanoTime() - started);
    return report;
  }

  /**
   * Tells the engine's listener ({@link C2mListener#eventsRead}) and log what an event reader
   * read before {@link #ingest(Iterable)}: counts and rule names only, never a line's content.
   * Rules are {@link io.c2m.json.EventProblem.Kind} names; rejections beyond the problems the
   * reader kept count as {@code UNLISTED}.
   *
   * @param report the reader's report
   */
  public void eventsRead(io.c2m.json.EventReport report) {
    events.eventsRead(requireNonNull(report, "report"));
  }

  /**
   * Returns the current profiles, decayed to the clock's now.
   *
   * @return the profiles, by consumer id
   */
  public synchronized List<ConsumerProfile> profiles() {
    return profiles.profiles(clock.instant());
  }

  /**
   * Finds niches among the current profiles of consumers who consent to profiling, with the
   * configured inference wrapped by {@link NicheInference#checked(NicheInference)}. A niche is
   * withheld when the number of those profiles whose preferences match its definition is below
   * the minimum audience.
   *
   * @return the niches, best first
   * @throws io.c2m.StrategyException if the inference fails or breaks its contract (an audience
   *     other than the number of matching profiles, a demand score above the audience, an id
   *     twice)
   */
  public synchronized List<Niche> discoverNiches() {
    long started = System.nanoTime();
    events.progress("niches", 0, 1);
    DiscoverySnapshot snap = discoverySnapshot();
    NicheRequest request = new NicheRequest(
        consenting(snap, new ArrayList<>()), minimumAudience, clock.instant(), seed,
        snap.timeline(profiles));
    // The checked inference recounts each niche's audience over the request's (consenting)
    // profiles and withholds those below the minimum; the guard then applies k-anonymity to what
    // remains, so a strategy that over-reports cannot release a niche fewer than k match.
    List<Niche> found =
        List.copyOf(guard.release(NicheInference.checked(inference).infer(request)));
    events.progress("niches", 1, 1);
    events.nichesFound(inference.name(), request.profiles().size(), found.size(),
        System.nanoTime() - started);
    return found;
  }

  /**
   * The profiles and timeline {@link #discoverNiches()} and {@link #tailorDesigns(List)} read,
   * shared between them while the store is unchanged (see {@link DiscoverySnapshot}).
   */
  private java.lang.ref.SoftReference<DiscoverySnapshot> discoverySnapshot;

  private DiscoverySnapshot discoverySnapshot() {
    DiscoverySnapshot s = DiscoverySnapshot.of(discoverySnapshot, profiles, clock.instant());
    discoverySnapshot = new java.lang.ref.SoftReference<>(s);
    return s;
  }

  /**
   * The snapshot's profiles of the consumers who consent to profiling now (consent is read at
   * use, too); their preferences are added to {@code preferences} in the same order.
   */
  private List<ConsumerProfile> consenting(DiscoverySnapshot snap, List<Attributes> preferences) {
    List<ConsumerProfile> all = snap.profiles();
    List<Attributes> allPreferences = snap.preferences();
    List<ConsumerProfile> out = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      if (mayProfile(all.get(i).consumer())) {
        out.add(all.get(i));
        preferences.add(allPreferences.get(i));
      }
    }
    return out;
  }

  private static List<ConsumerProfile> members(Niche niche, List<ConsumerProfile> profiles,
      io.c2m.internal.PreferenceIndex preferences) {
    List<ConsumerProfile> members = new ArrayList<>();
    java.util.BitSet matching = preferences.matching(niche.definition());
    for (int i = matching.nextSetBit(0); i >= 0; i = matching.nextSetBit(i + 1)) {
      members.add(profiles.get(i));
    }
    return members;
  }

  /**
   * Tailors designs for niches and offers them: orders may then be placed for them. The members of
   * a niche are the consumers whose preferences match its definition; a niche with fewer members
   * than the minimum audience is skipped, so no design is ever tailored from fewer than k
   * consumers' preferences. The price is an aggregate of at least k members' prices, never fewer:
   * for a niche with a category, from the members' prices within that category
   * ({@link CategoryPricePoints}) when at least k members have one; otherwise the niche gets no
   * design, unless {@link Builder#profilePriceFallback(boolean)} allows pricing from the members'
   * whole profiles (all categories). A niche without a category is priced from the whole profiles
   * when at least k members have a price point. A design whose id or spec is already on offer is
   * not offered again (two overlapping niches often tailor the same product).
   *
   * @param niches the niches
   * @return the designs newly offered, in the niches' order
   */
  public synchronized List<ProductDesign> tailorDesigns(List<Niche> niches) {
    requireNonNull(niches, "niches");
    DiscoverySnapshot snap = discoverySnapshot();
    List<Attributes> preferences = new ArrayList<>();
    List<ConsumerProfile> all = consenting(snap, preferences);
    io.c2m.internal.PreferenceIndex index = new io.c2m.internal.PreferenceIndex(preferences);
    List<ProductDesign> out = new ArrayList<>();
    Map<String, Set<AttributeValue>> valuesByCategory = null;
    for (Niche niche : niches) {
      List<ConsumerProfile> members = members(niche, all, index);
      if (members.size() < minimumAudience) {
        continue; // k-anonymity: never tailor from fewer than k consumers' preferences
      }
      // Category-scoped evidence: members' prices on items of the niche's category, and the
      // values those items come in (see TailorRequest).
      String category = niche.definition().get(Niche.CATEGORY).orElse(null);
      TailorRequest request;
      if (category != null) {
        Map<ConsumerId, Double> prices = new HashMap<>();
        for (ConsumerProfile m : members) {
          categoryPrices.pricePoint(m.consumer(), category)
              .ifPresent(p -> prices.put(m.consumer(), p));
        }
        if (valuesByCategory == null) {
          valuesByCategory = valuesByCategory(snap);
        }
        Set<AttributeValue> categoryValues = valuesByCategory.getOrDefault(category, Set.of());
        if (prices.size() >= minimumAudience) {
          request = TailorRequest.withinCategory(niche, members, seed, prices, categoryValues);
        } else if (profilePriceFallback && profilePriced(members) >= minimumAudience) {
          // Opt-in: too few prices in the category, priced from the whole profiles.
          request = new TailorRequest(niche, members, seed, Map.of(), categoryValues, true);
        } else {
          continue; // fewer than k prices: a price would reveal too few consumers' prices
        }
      } else if (profilePriced(members) >= minimumAudience) {
        request = new TailorRequest(niche, members, seed);
      } else {
        continue;
      }
      List<ProductDesign> tailored;
      try {
        tailored = tailor.tailor(request);
      } catch (RuntimeException e) {
        throw wrap(tailor.name(), e);
      }
      for (ProductDesign d : tailored) {
        if (designs.containsKey(d.id()) || offersSpec(d.spec())) {
          continue;
        }
        put(d);
        out.add(d);
      }
    }
    events.tailored(niches.size(), out.size());
    return List.copyOf(out);
  }

  private static int profilePriced(List<ConsumerProfile> members) {
    int n = 0;
    for (ConsumerProfile m : members) {
      if (m.pricePoint().isPresent()) {
        n++;
      }
    }
    return n;
  }

  /** The attribute values seen on the items of each category, from the interest timeline. */
  private Map<String, Set<AttributeValue>> valuesByCategory(DiscoverySnapshot snap) {
    Map<String, Set<AttributeValue>> out = new HashMap<>();
    for (io.c2m.signal.InterestTimeline.ItemInterest i : snap.timeline(profiles).items()) {
      i.item().get(Niche.CATEGORY).ifPresent(c -> out.computeIfAbsent(c, k -> new HashSet<>())
          .addAll(i.item().pairs()));
    }
    return out;
  }

  private boolean offersSpec(Attributes spec) {
    for (ProductDesign d : designs.values()) {
      if (d.spec().equals(spec)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Offers a design made elsewhere, so that orders may be placed for it. Offering the same design
   * again changes nothing.
   *
   * @param design the design
   * @throws IllegalArgumentException if another design is already on offer under the same id
   */
  public synchronized void offer(ProductDesign design) {
    requireNonNull(design, "design");
    ProductDesign existing = designs.get(design.id());
    if (existing != null && !existing.equals(design)) {
      throw new IllegalArgumentException("The design id (" + design.id()
          + ") is already on offer with another spec or price; orders may refer to it.");
    }
    put(design);
  }

  private void put(ProductDesign design) {
    designs.put(design.id(), design);
    offered.add(design.id());
    if (orders.offer(design.id()).isEmpty()) {
      orders.offer(Offer.of(design.id(), design.unitPrice()));
    }
  }

  /**
   * Puts a design on offer on explicit terms (price, group-buy campaign, sales window, cap per
   * order), or replaces the terms of a design on offer; stored in the order store, so a durable
   * store keeps it across restarts. A design offered with {@link #offer(ProductDesign)} gets the
   * terms {@link Offer#of} (its price, no campaign, no window) unless terms were set before.
   *
   * <p>When the design has no production constraints of its own ({@link #constraints(DesignId,
   * ProductionConstraints)}), it is planned with the default constraints raised to the offer's
   * minimum order quantity and lead time (rounded up to whole periods) and, when above 1, with the
   * offer's multiple.
   *
   * @param offer the terms
   */
  public void offer(Offer offer) {
    orders.offer(requireNonNull(offer, "offer"));
  }

  /**
   * Returns the terms of a design on offer.
   *
   * @param design the design
   * @return the offer, or empty
   */
  public Optional<Offer> offerOf(DesignId design) {
    return orders.offer(design);
  }

  /**
   * Returns the designs on offer, in the order they were offered.
   *
   * @return the designs
   */
  public synchronized List<ProductDesign> designs() {
    return List.copyOf(designs.values());
  }

  /**
   * Sets the production constraints of one design.
   *
   * @param design the design, on offer
   * @param designConstraints its constraints
   * @throws IllegalArgumentException if the design is not on offer
   */
  public synchronized void constraints(DesignId design, ProductionConstraints designConstraints) {
    requireNonNull(design, "design");
    if (!designs.containsKey(design)) {
      throw new IllegalArgumentException("The design (" + design + ") is not on offer.\n"
          + "Maybe tailor or offer it first.");
    }
    constraints.put(design,
        requireNonNull(designConstraints, "designConstraints"));
  }

  /**
   * Forecasts demand with the configured forecaster.
   *
   * @param history the observed demand
   * @param horizon periods to forecast
   * @return the forecast
   */
  public DemandForecast forecast(DemandSeries history, int horizon) {
    return forecaster.forecast(history, horizon);
  }

  /**
   * Accepts an order, idempotently by id on business content, against its design's offer (see
   * {@link OrderBook} for the rules: on offer, sales window open at the order's time, the offer's
   * price, the cap per order, a known consumer when {@link Builder#requireKnownConsumers(boolean)}).
   * The receipt is returned once the order is in the order store (durable for a durable store).
   *
   * @param order the order
   * @return the receipt
   */
  public OrderReceipt acceptOrder(Order order) {
    OrderReceipt receipt = orders.accept(order);
    events.orderAnswered(receipt);
    return receipt;
  }

  /**
   * Returns the order book: the orders with their states, the lifecycle operations, listeners.
   *
   * @return the book
   */
  public OrderBook orderBook() {
    return orders;
  }

  /**
   * Registers a listener of every order event (acceptance, release, cancellation, expiry,
   * production, shipment, delivery), to capture payments, refund or print labels.
   *
   * @param listener the listener
   */
  public void addOrderListener(OrderListener listener) {
    orders.addListener(listener);
  }

  /**
   * Cancels an order, allowed until its production starts.
   *
   * @param order the order
   * @param reason why
   * @return the event
   * @throws IllegalStateException naming the order, its state and the rule if not allowed
   */
  public OrderEvent cancelOrder(OrderId order, String reason) {
    return orders.cancel(order, reason);
  }

  /**
   * Starts production of a released batch.
   *
   * @param batch the batch
   * @return the events of its orders
   * @throws IllegalStateException if the batch is not released
   */
  public List<OrderEvent> startProduction(BatchId batch) {
    return orders.startProduction(batch);
  }

  /**
   * Ships a batch in production: its orders are shipped, the batch done.
   *
   * @param batch the batch
   * @return the events
   * @throws IllegalStateException if the batch is not in production
   */
  public List<OrderEvent> ship(BatchId batch) {
    return orders.ship(batch);
  }

  /**
   * Marks the shipped orders of a batch delivered.
   *
   * @param batch the batch
   * @return the events
   */
  public List<OrderEvent> deliver(BatchId batch) {
    return orders.deliver(batch);
  }

  /**
   * Returns the accepted orders, in acceptance order, whatever their state.
   *
   * @return the orders
   */
  public List<Order> orders() {
    return orders.orders();
  }

  /**
   * Sets the per-period costs of a design, from the current period on: period 0 is the period of
   * the clock's now at each plan; a list shorter than the plan's horizon repeats its last value.
   *
   * @param design the design
   * @param costs the costs
   */
  public synchronized void periodCosts(DesignId design, PeriodCosts costs) {
    periodCosts.put(requireNonNull(design, "design"), requireNonNull(costs, "costs"));
  }

  /**
   * Adds a speculative newsvendor top-up to a design's batches, sized from the configured
   * forecaster's forecast of its {@link #demandHistory(DesignId, DemandSeries)} when one is set
   * (else from the top-up's own forecast).
   *
   * @param design the design
   * @param topUp the top-up
   */
  public synchronized void topUp(DesignId design, NewsvendorTopUp topUp) {
    topUps.put(requireNonNull(design, "design"), requireNonNull(topUp, "topUp"));
  }

  /**
   * Sets the observed uncommitted demand per period of a design, forecast with the configured
   * forecaster to size its top-ups batch by batch.
   *
   * @param design the design
   * @param history the demand per past period, the last value the latest period
   */
  public synchronized void demandHistory(DesignId design, DemandSeries history) {
    demandHistory.put(requireNonNull(design, "design"), requireNonNull(history, "history"));
  }

  /**
   * Closes the losing candidates of a concept test: each design whose verdict is not a winner is
   * withdrawn from sale (its offer's sales window ends now) and its open orders are cancelled
   * (refund due), so production goes only to the winners.
   *
   * @param verdicts the verdicts of {@link #conceptTest}
   * @return the cancellation events
   */
  public List<OrderEvent> closeLosers(List<ConceptTestRule.Verdict> verdicts) {
    requireNonNull(verdicts, "verdicts");
    Instant now = clock.instant();
    List<OrderEvent> events = new ArrayList<>();
    Set<DesignId> losers = new HashSet<>();
    for (ConceptTestRule.Verdict v : verdicts) {
      if (!v.winner()) {
        losers.add(v.evidence().design());
        orders.offer(v.evidence().design()).ifPresent(o -> {
          Instant from = o.salesFrom().isBefore(now) ? o.salesFrom() : now.minusNanos(1);
          orders.offer(o.withSalesWindow(from, now));
        });
      }
    }
    for (BookedOrder b : orders.booked(EnumSet.of(OrderState.PLACED, OrderState.IN_CAMPAIGN))) {
      if (losers.contains(b.order().design())) {
        events.add(orders.cancel(b.order().id(), "the design lost its concept test"));
      }
    }
    return events;
  }

  /**
   * Judges a concept test from the orders on the book: several candidate designs were offered to
   * groups of a niche's consumers, and the rule picks the few with enough early orders to go to
   * production (see {@link ConceptTestRule} for the stated minimum-evidence rule and its error
   * bound). A candidate's evidence is how many consumers it was offered to (the size of its group)
   * and how many <em>of them</em> have an accepted order for it placed at or after {@code
   * offeredAt}: orders from before the test, and orders by consumers outside the group (who found
   * the design some other way), do not count. Units and repeat orders do not count either: the
   * rule models each offered consumer ordering or not.
   *
   * <pre>{@code
   * List<ProductDesign> candidates = c2m.tailorDesigns(niches); // e.g. modal tailor, maxDesigns 20
   * // ... at `start`, offer each candidate to a group of the niche's consumers, accept orders ...
   * List<ConceptTestRule.Verdict> verdicts = c2m.conceptTest(
   *     new ConceptTestRule(0.03, 10, 0.05, 2), start,
   *     Map.of(candidates.get(0).id(), groupA, candidates.get(1).id(), groupB));
   * }</pre>
   *
   * @param rule the minimum-evidence rule
   * @param offeredAt when the test started: earlier orders do not count
   * @param offeredTo the consumers each candidate was offered to; each a design on offer, each
   *     group non-empty
   * @return one verdict per candidate, winners first (see {@link ConceptTestRule#judge(List)})
   * @throws IllegalArgumentException if a candidate is not on offer or its group is empty
   */
  public List<ConceptTestRule.Verdict> conceptTest(
      ConceptTestRule rule, Instant offeredAt, Map<DesignId, Set<ConsumerId>> offeredTo) {
    requireNonNull(rule, "rule");
    requireNonNull(offeredAt, "offeredAt");
    requireNonNull(offeredTo, "offeredTo");
    for (Map.Entry<DesignId, Set<ConsumerId>> e : offeredTo.entrySet()) {
      requireNonNull(e.getKey(), "offeredTo key");
      requireNonNull(e.getValue(), "offeredTo value");
      if (!isOffered(e.getKey())) {
        throw new IllegalArgumentException("The concept-test candidate (" + e.getKey()
            + ") is not on offer.\nMaybe tailor or offer it first.");
      }
      if (e.getValue().isEmpty()) {
        throw new IllegalArgumentException("The concept-test candidate (" + e.getKey()
            + ") was offered to no consumer; each candidate needs a non-empty group.");
      }
    }
    // The order book's own lock only, never the engine's (see the class comment).
    Map<DesignId, Set<ConsumerId>> buyers = new HashMap<>();
    for (Order o : orders.orders()) {
      Set<ConsumerId> group = offeredTo.get(o.design());
      if (group != null && group.contains(o.consumer()) && !o.placedAt().isBefore(offeredAt)) {
        buyers.computeIfAbsent(o.design(), d -> new HashSet<>()).add(o.consumer());
      }
    }
    List<ConceptTestRule.Evidence> evidence = new ArrayList<>();
    for (Map.Entry<DesignId, Set<ConsumerId>> e : new java.util.TreeMap<>(offeredTo).entrySet()) {
      long ordered = buyers.getOrDefault(e.getKey(), Set.of()).size();
      evidence.add(new ConceptTestRule.Evidence(e.getKey(), e.getValue().size(), ordered));
    }
    return rule.judge(evidence);
  }

  /**
   * Plans production batches for the open orders ({@link OrderState#PLACED}) with the configured
   * strategy, as of the clock's now: period 0 is the current period ({@link #planningStart()}), so
   * nothing is scheduled in the past; a group-buy window that closes after now is still open (its
   * orders wait, {@link io.c2m.production.PendingReason#BELOW_MOQ}), not failed. Released batches
   * are frozen and not re-planned; orders in campaigns of an {@link Offer} are planned by their
   * campaign (see {@link #schedule()}). The configured lines, per-period costs and top-ups apply.
   * Changes nothing: {@link #advance()} releases what is due.
   *
   * @return the plan, period 0 = {@link #planningStart()}
   * @throws StrategyException if the strategy fails or breaks the batching contract
   */
  public BatchPlan planBatches() {
    return plan(clock.instant());
  }

  private BatchPlan plan(Instant now) {
    long started = System.nanoTime();
    Instant start = periodStart(now);
    List<Order> open = new ArrayList<>();
    for (BookedOrder b : orders.booked(EnumSet.of(OrderState.PLACED))) {
      open.add(b.order());
    }
    Map<DesignId, ProductionConstraints> cs;
    Map<DesignId, PeriodCosts> pcs;
    Map<DesignId, NewsvendorTopUp> tus;
    Map<DesignId, DemandSeries> hist;
    synchronized (this) {
      cs = new HashMap<>(constraints);
      pcs = new HashMap<>(periodCosts);
      tus = new HashMap<>(topUps);
      hist = new HashMap<>(demandHistory);
    }
    for (Order o : open) {
      if (!cs.containsKey(o.design())) {
        orders.offer(o.design()).ifPresent(of -> cs.put(o.design(), fromOffer(of)));
      }
    }
    BatchingProblem problem =
        BatchingProblem.asOf(open, cs, defaultConstraints, start, period, now);
    if (!lines.isEmpty()) {
      problem = problem.withLines(lines);
    }
    int horizon = problem.horizon();
    if (!pcs.isEmpty()) {
      Map<DesignId, PeriodCosts> fitted = new HashMap<>();
      for (Map.Entry<DesignId, PeriodCosts> e : pcs.entrySet()) {
        fitted.put(e.getKey(), fit(e.getValue(), horizon));
      }
      problem = problem.withPeriodCosts(fitted);
    }
    if (!tus.isEmpty()) {
      problem = problem.withTopUps(tus);
      Map<DesignId, DemandSeries> toForecast = new HashMap<>();
      for (Map.Entry<DesignId, DemandSeries> e : hist.entrySet()) {
        if (tus.containsKey(e.getKey())) {
          toForecast.put(e.getKey(), e.getValue());
        }
      }
      // a history too short for the forecaster falls back to a simpler method (in provenance)
      Map<DesignId, DemandForecast> forecasts =
          io.c2m.demand.PlanForecasts.forecasts(forecaster, toForecast, horizon);
      events.forecastFallbacks(io.c2m.demand.PlanForecasts.fallbacks(forecasts));
      Map<DesignId, List<ForecastPoint>> fc = io.c2m.demand.PlanForecasts.points(forecasts);
      if (!fc.isEmpty()) {
        problem = problem.withForecasts(fc);
      }
    }
    BatchPlan plan = batching.plan(problem);
    events.planComputed(batching.name(), open.size(), plan, System.nanoTime() - started);
    return plan;
  }

  private static PeriodCosts fit(PeriodCosts c, int horizon) {
    return new PeriodCosts(fit(c.setupCost(), horizon), fit(c.holdingCost(), horizon),
        fit(c.unitCost(), horizon));
  }

  private static List<Double> fit(List<Double> xs, int horizon) {
    if (xs.isEmpty()) {
      return xs;
    }
    List<Double> out = new ArrayList<>(horizon);
    for (int t = 0; t < horizon; t++) {
      out.add(xs.get(Math.min(t, xs.size() - 1)));
    }
    return out;
  }

  private ProductionConstraints fromOffer(Offer o) {
    ProductionConstraints d = defaultConstraints;
    long lead = (o.leadTime().toMillis() + period.toMillis() - 1) / period.toMillis();
    int moq = Math.max(d.minimumOrderQuantity(), o.minimumOrderQuantity());
    int multiple = o.orderMultiple() > 1 ? o.orderMultiple() : d.orderMultiple();
    if (moq == d.minimumOrderQuantity() && multiple == d.orderMultiple()
        && lead <= d.leadTimePeriods()) {
      return d;
    }
    return d.withMaximumBatch(Math.max(d.maximumBatch(), moq))
        .withMinimumOrderQuantity(moq)
        .withOrderMultiple(multiple)
        .withLeadTimePeriods((int) Math.min(ProductionConstraints.MAX_LEAD_TIME,
            Math.max(lead, d.leadTimePeriods())));
  }

  /**
   * Returns production as of the clock's now without changing anything: the frozen batches, the
   * campaigns that reached their minimum (to be released by the next {@link #advance()}) and the
   * strategy's plan of the open orders, with calendar dates.
   *
   * @return the schedule
   */
  public Schedule schedule() {
    Instant now = clock.instant();
    return schedule(now, plan(now), orders.campaigns(now));
  }

  private Schedule schedule(Instant now, BatchPlan plan, List<Campaign> campaigns) {
    Instant start = periodStart(now);
    List<ScheduledBatch> batches = new ArrayList<>();
    for (BookedBatch b : orders.batches()) {
      batches.add(new ScheduledBatch(b.id(), b.design(), b.state(), b.start(), b.ready(),
          b.quantity(), b.orders()));
    }
    List<PendingOrder> pending = new ArrayList<>(plan.pending());
    for (Campaign c : campaigns) {
      if (c.status() == Campaign.Status.FAILED) {
        continue;
      }
      String detail = c.status() == Campaign.Status.REACHED
          ? "The campaign of design " + c.design() + " reached its minimum order quantity ("
              + c.units() + " of " + c.minimumOrderQuantity() + " units); released at the next "
              + "advance."
          : "The campaign of design " + c.design() + " has " + c.units() + " of the "
              + c.minimumOrderQuantity() + " units it needs; it collects orders until "
              + c.closes() + ".";
      for (OrderId id : c.orders()) {
        Order o = orders.find(id).orElseThrow().order();
        pending.add(new PendingOrder(id, o.design(), o.quantity(), PendingReason.BELOW_MOQ,
            detail));
      }
    }
    for (ProductionBatch b : plan.batches()) {
      batches.add(new ScheduledBatch(b.id(), b.design(), BatchState.PLANNED,
          start.plus(period.multipliedBy(b.period())),
          start.plus(period.multipliedBy(b.readyPeriod())), b.quantity(), b.orders()));
    }
    return new Schedule(now, start, period, batches, pending, plan);
  }

  /**
   * Rolls the order book forward to the clock's now: campaigns of offers that reached their
   * minimum order quantity are released as batches, campaigns whose window closed below it expire
   * (refund due), the strategy's batches of the current period are released and frozen (their
   * orders {@link OrderState#RELEASED}), and orders of strategy campaigns whose window has closed
   * expire. Every change is stored with its event and given to the listeners.
   *
   * @return the events and the schedule after them
   * @throws StrategyException if the strategy fails or breaks the batching contract
   */
  public Advance advance() {
    synchronized (advanceLock) {
      Instant now = clock.instant();
      Instant start = periodStart(now);
      List<OrderEvent> events = new ArrayList<>(orders.advanceCampaigns(now, start));
      BatchPlan plan = plan(now);
      List<ProductionBatch> later = new ArrayList<>();
      for (ProductionBatch b : plan.batches()) {
        if (b.period() == 0) {
          BookedBatch frozen = new BookedBatch(orders.newBatchId(b.design(), start), b.design(),
              BatchState.RELEASED, start, start.plus(period.multipliedBy(b.readyPeriod())),
              b.quantity(), b.orders(), now);
          events.addAll(orders.release(frozen, "released by " + plan.provenance().strategy()
              + " in the period starting " + start));
        } else {
          later.add(b);
        }
      }
      List<OrderId> failed = new ArrayList<>();
      List<PendingOrder> waiting = new ArrayList<>();
      for (PendingOrder p : plan.pending()) {
        if (p.reason().isCancellation()) {
          failed.add(p.order());
        } else {
          waiting.add(p);
        }
      }
      if (!failed.isEmpty()) {
        events.addAll(orders.expire(failed, "the group-buy window closed below the minimum "
            + "order quantity: refund due"));
      }
      BatchPlan rest = new BatchPlan(later, waiting, sum(later), plan.provenance());
      return new Advance(events, schedule(now, rest, orders.campaigns(now)));
    }
  }

  private static CostBreakdown sum(List<ProductionBatch> batches) {
    CostBreakdown c = CostBreakdown.ZERO;
    for (ProductionBatch b : batches) {
      c = c.plus(b.cost());
    }
    return c;
  }

  /**
   * Returns the start of period 0 of the next {@link #planBatches()}: the start of the planning
   * period (periods are aligned to the epoch) that holds the clock's now.
   *
   * @return the start of period 0
   */
  public Instant planningStart() {
    return periodStart(clock.instant());
  }

  private Instant periodStart(Instant now) {
    long p = period.toMillis();
    return Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), p) * p);
  }

  /**
   * Returns the engine's clock.
   *
   * @return the clock
   */
  public Clock clock() {
    return clock;
  }

  /**
   * Returns the engine's seed.
   *
   * @return the seed
   */
  public long seed() {
    return seed;
  }

  private static StrategyException wrap(String strategy, RuntimeException e) {
    if (e instanceof StrategyException se) {
      return se;
    }
    return new StrategyException(strategy, "failed: " + e, e);
  }

  /**
   * Configures a {@link C2m}. Setters check their argument at once; {@link #build()} checks the
   * combination. Not thread-safe.
   */
  public static final class Builder {
    private static final Duration MAX_PERIOD = Duration.ofDays(3660);
    private Clock clock = Clock.systemUTC();
    private long seed = 0;
    private int minimumAudience = 20;
    private boolean syntheticData;
    private boolean profilePriceFallback = false;
    private Duration period = Duration.ofDays(1);
    private ProfileSettings profileSettings = ProfileSettings.defaults();
    private Executor executor = ForkJoinPool.commonPool();
    private NicheInference inference = NicheInference.attributeMiner();
    private DesignTailor tailor = DesignTailor.modal();
    private DemandForecaster forecaster = DemandForecaster.movingAverage(7);
    private BatchingStrategy batching = BatchingStrategy.groupBuy();
    private ProductionConstraints defaultConstraints = ProductionConstraints.unconstrained();
    private OrderStore orderStore = OrderStore.inMemory();
    private boolean requireKnownConsumers = false;
    private List<ProductionLine> lines = List.of();
    private C2mListener listener = C2mListener.none();

    private Builder() {}

    /**
     * Sets the listener of what the engine does: counters ({@link C2mMetrics}), progress of long
     * work, for dashboards and progress bars. Default: {@link C2mListener#none()}. Operators also
     * get SLF4J log lines (logger {@code io.c2m.C2m}) whatever the listener; neither carries
     * consumer data.
     *
     * @param l the listener, thread-safe and quick
     * @return this builder
     */
    public Builder listener(C2mListener l) {
      this.listener = requireNonNull(l, "listener");
      return this;
    }

    /**
     * Sets where orders, offers and released batches live (default {@link
     * OrderStore#inMemory()}, not durable). Give a journal or JDBC store for orders that survive a
     * restart; the engine closes nothing: the caller owns the store.
     *
     * @param store the store
     * @return this
     */
    public Builder orderStore(OrderStore store) {
      this.orderStore = requireNonNull(store, "orderStore");
      return this;
    }

    /**
     * Refuses orders of consumers the engine has no account of ({@link
     * C2m#registerConsumer(ConsumerAccount)}); default false.
     *
     * @param required whether the consumer must be known
     * @return this
     */
    public Builder requireKnownConsumers(boolean required) {
      this.requireKnownConsumers = required;
      return this;
    }

    /**
     * Sets the production lines shared by several designs (default none).
     *
     * @param productionLines the lines
     * @return this
     */
    public Builder lines(List<ProductionLine> productionLines) {
      this.lines = List.copyOf(requireNonNull(productionLines, "lines"));
      return this;
    }

    /**
     * Sets the clock (default: system UTC). Inject a fixed clock for reproducible runs.
     *
     * @param c the clock
     * @return this
     */
    public Builder clock(Clock c) {
      this.clock = requireNonNull(c, "clock");
      return this;
    }

    /**
     * Sets the seed passed to every strategy that draws random numbers (default 0).
     *
     * @param s the seed
     * @return this
     */
    public Builder seed(long s) {
      this.seed = s;
      return this;
    }

    /**
     * Sets the minimum audience of a released niche, the k of k-anonymity (default 20). Below
     * {@link AudienceGuard#FLOOR} (5) it is refused unless {@link #syntheticData()} was called
     * first.
     *
     * @param k at least {@link AudienceGuard#FLOOR}, or at least 1 for synthetic data
     * @return this
     * @throws InvalidConfigurationException if {@code k < 1}, or below the floor without the
     *     synthetic-data opt-in
     */
    public Builder minimumAudience(int k) {
      try {
        this.minimumAudience = AudienceGuard.checkFloor(k, syntheticData);
      } catch (IllegalArgumentException e) {
        throw new InvalidConfigurationException(e.getMessage());
      }
      return this;
    }

    /**
     * Declares that the data is synthetic (no real consumer in it), which alone allows a
     * {@link #minimumAudience(int)} below {@link AudienceGuard#FLOOR}; call it before that.
     *
     * @return this
     */
    public Builder syntheticData() {
      this.syntheticData = true;
      return this;
    }

    /**
     * Lets {@link C2m#tailorDesigns(List)} price a design from its members' whole profiles (the
     * mean over all the categories they shop in) when fewer than the minimum audience of them have
     * a price in the niche's category (default false: such a niche gets no design, so a shoes
     * design is never priced from coats). Even then, the price comes from at least the minimum
     * audience of members.
     *
     * @param allowed whether to fall back to whole-profile prices
     * @return this
     */
    public Builder profilePriceFallback(boolean allowed) {
      this.profilePriceFallback = allowed;
      return this;
    }

    /**
     * Sets the planning period (default one day).
     *
     * @param p whole milliseconds, from 1 ms to 3,660 days
     * @return this
     * @throws InvalidConfigurationException if out of that range
     */
    public Builder period(Duration p) {
      requireNonNull(p, "period");
      if (p.compareTo(Duration.ofMillis(1)) < 0 || p.compareTo(MAX_PERIOD) > 0
          || p.getNano() % 1_000_000 != 0) {
        throw new InvalidConfigurationException("The planning period (" + p
            + ") must be whole milliseconds from 1 ms to " + MAX_PERIOD.toDays() + " days.");
      }
      this.period = p;
      return this;
    }

    /**
     * Sets how signals become preferences (default {@link ProfileSettings#defaults()}).
     *
     * @param s the settings
     * @return this
     */
    public Builder profileSettings(ProfileSettings s) {
      this.profileSettings = requireNonNull(s, "profileSettings");
      return this;
    }

    /**
     * Sets the executor on which the engine reads all profiles out of its profile store in
     * parallel ({@link C2m#profiles()}, which niche discovery and design tailoring start from),
     * in pieces the calling thread also takes, so that a busy, single-threaded or direct executor
     * never deadlocks it. The default is {@link ForkJoinPool#commonPool()}; pass {@code
     * Runnable::run} to keep that work on the calling thread, or an application's own pool to
     * bound or isolate it. Results do not depend on the executor. A strategy that works in
     * parallel itself (the built-in attribute miner uses parallel streams) does not run on it.
     *
     * @param e the executor
     * @return this
     */
    public Builder executor(Executor e) {
      this.executor = requireNonNull(e, "executor");
      return this;
    }

    /**
     * Sets the niche inference (default {@link NicheInference#attributeMiner()}).
     *
     * @param s the strategy
     * @return this
     */
    public Builder inference(NicheInference s) {
      this.inference = requireNonNull(s, "inference");
      return this;
    }

    /**
     * Sets the design tailor (default {@link DesignTailor#modal()}).
     *
     * @param s the strategy
     * @return this
     */
    public Builder tailor(DesignTailor s) {
      this.tailor = requireNonNull(s, "tailor");
      return this;
    }

    /**
     * Sets the demand forecaster (default a 7-period moving average).
     *
     * @param s the forecaster
     * @return this
     */
    public Builder forecaster(DemandForecaster s) {
      this.forecaster = requireNonNull(s, "forecaster");
      return this;
    }

    /**
     * Sets the batching strategy (default {@link BatchingStrategy#groupBuy()}).
     *
     * @param s the strategy
     * @return this
     */
    public Builder batching(BatchingStrategy s) {
      this.batching = requireNonNull(s, "batching");
      return this;
    }

    /**
     * Sets the production constraints of designs without constraints of their own (default
     * {@link ProductionConstraints#unconstrained()}).
     *
     * @param c the constraints
     * @return this
     */
    public Builder defaultConstraints(ProductionConstraints c) {
      this.defaultConstraints = requireNonNull(c, "defaultConstraints");
      return this;
    }

    /**
     * Builds the engine.
     *
     * @return the engine
     */
    public C2m build() {
      return new C2m(this);
    }
  }
}
