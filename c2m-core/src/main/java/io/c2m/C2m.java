package io.c2m;

import static java.util.Objects.requireNonNull;

import io.c2m.demand.DemandForecast;
import io.c2m.demand.DemandForecaster;
import io.c2m.demand.DemandSeries;
import io.c2m.signal.CategoryPricePoints;
import io.c2m.design.ConceptTestRule;
import io.c2m.design.DesignTailor;
import io.c2m.design.ProductDesign;
import io.c2m.niche.Niche;
import io.c2m.niche.NicheInference;
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
import io.c2m.production.BatchingStrategy;
import io.c2m.production.NewsvendorTopUp;
import io.c2m.production.PeriodCosts;
import io.c2m.production.ProductionConstraints;
import io.c2m.production.ProductionLine;
import io.c2m.production.Schedule;
import io.c2m.signal.ConsumerAccount;
import io.c2m.signal.ConsumerProfile;
import io.c2m.signal.IngestReport;
import io.c2m.signal.ProfileSettings;
import io.c2m.signal.ProfileStore;
import io.c2m.signal.Signal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 * <p>The work is delegated to package-private classes: profiling, niches and tailoring to
 * {@code EngineDiscovery}, planning, schedules and releases to {@code EnginePlanner}, concept tests
 * to {@code ConceptTests}, consents to {@code ConsumerAccounts}, designs on offer to
 * {@code DesignCatalog}; orders to {@link io.c2m.order.OrderBook}.
 */
public final class C2m {
  private final Clock clock;
  private final long seed;
  private final DemandForecaster forecaster;

  private final ConsumerAccounts accounts = new ConsumerAccounts();
  private final ProfileStore profiles;
  /** Price points per consumer and category, so designs are priced within their category. */
  private final CategoryPricePoints categoryPrices;
  private final OrderBook orders;
  private final DesignCatalog designs;
  private final Object advanceLock = new Object();
  private final io.c2m.internal.EngineEvents events;
  private final EngineDiscovery discovery;
  private final EnginePlanner planner;

  private C2m(Builder b) {
    this.clock = b.clock;
    this.seed = b.seed;
    this.forecaster = DemandForecaster.checked(b.forecaster);
    BatchingStrategy batching = BatchingStrategy.checked(b.batching);
    this.profiles =
        new ProfileStore(b.profileSettings, accounts::mayProfile, clock.instant(), b.executor);
    this.categoryPrices = new CategoryPricePoints(b.profileSettings);
    this.orders = OrderBook.of(b.orderStore, clock,
        b.requireKnownConsumers ? accounts::isKnown : c -> true);
    this.designs = new DesignCatalog(orders);
    this.events = new io.c2m.internal.EngineEvents(b.listener);
    this.discovery = new EngineDiscovery(profiles, categoryPrices, accounts::mayProfile, clock,
        seed, b.minimumAudience, b.profilePriceFallback, b.inference, b.tailor, events);
    this.planner = new EnginePlanner(this, orders, b.period, b.defaultConstraints, b.lines,
        forecaster, batching, events);
    events.built(Map.of("inference", b.inference.name(), "tailor", b.tailor.name(), "forecaster",
        forecaster.name(), "batching", batching.name(), "order store",
        b.orderStore.getClass().getSimpleName()), b.minimumAudience, b.period);
  }

  /**
   * Starts configuring an engine. Every setting has a default.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
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
    accounts.put(account);
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
    boolean hadAccount = accounts.remove(consumer);
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
    return discovery.ingest(signals);
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
    return discovery.discoverNiches();
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
    return discovery.tailorDesigns(niches, designs::offerIfNew);
  }

  /**
   * Offers a design made elsewhere, so that orders may be placed for it. Offering the same design
   * again changes nothing.
   *
   * @param design the design
   * @throws IllegalArgumentException if another design is already on offer under the same id
   */
  public synchronized void offer(ProductDesign design) {
    designs.offer(requireNonNull(design, "design"));
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
    return designs.designs();
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
    if (!designs.contains(design)) {
      throw new IllegalArgumentException("The design (" + design + ") is not on offer.\n"
          + "Maybe tailor or offer it first.");
    }
    planner.constraints.put(design,
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
    planner.periodCosts.put(requireNonNull(design, "design"), requireNonNull(costs, "costs"));
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
    planner.topUps.put(requireNonNull(design, "design"), requireNonNull(topUp, "topUp"));
  }

  /**
   * Sets the observed uncommitted demand per period of a design, forecast with the configured
   * forecaster to size its top-ups batch by batch.
   *
   * @param design the design
   * @param history the demand per past period, the last value the latest period
   */
  public synchronized void demandHistory(DesignId design, DemandSeries history) {
    planner.demandHistory.put(requireNonNull(design, "design"), requireNonNull(history, "history"));
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
    return ConceptTests.closeLosers(orders, clock, verdicts);
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
    return ConceptTests.conceptTest(orders, designs::isOffered, rule, offeredAt, offeredTo);
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
    return planner.plan(clock.instant());
  }

  /**
   * Returns production as of the clock's now without changing anything: the frozen batches, the
   * campaigns that reached their minimum (to be released by the next {@link #advance()}) and the
   * strategy's plan of the open orders, with calendar dates.
   *
   * @return the schedule
   */
  public Schedule schedule() {
    return planner.schedule(clock.instant());
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
      return planner.advance(clock.instant());
    }
  }

  /**
   * Returns the start of period 0 of the next {@link #planBatches()}: the start of the planning
   * period (periods are aligned to the epoch) that holds the clock's now.
   *
   * @return the start of period 0
   */
  public Instant planningStart() {
    return planner.periodStart(clock.instant());
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
