package io.c2m.streams;

import static java.util.Objects.requireNonNull;

import io.c2m.ConsumerId;
import io.c2m.DesignId;
import io.c2m.InvalidConfigurationException;
import io.c2m.json.EventReader;
import io.c2m.order.BookedBatch;
import io.c2m.privacy.AudienceGuard;
import io.c2m.order.BookedOrder;
import io.c2m.order.Offer;
import io.c2m.order.OrderEvent;
import io.c2m.order.OrderReceipt;
import io.c2m.production.BatchingStrategies;
import io.c2m.production.BatchingStrategy;
import io.c2m.production.ProductionConstraints;
import io.c2m.signal.ConsumerAccount;
import io.c2m.signal.ConsumerProfile;
import io.c2m.signal.ProfileSettings;
import io.c2m.streams.internal.ConsentParser;
import io.c2m.streams.internal.DeadLetterWriter;
import io.c2m.streams.internal.EventParser;
import io.c2m.streams.internal.Growth;
import io.c2m.streams.internal.NicheMerger;
import io.c2m.streams.internal.OfferLoader;
import io.c2m.streams.internal.OrderCommand;
import io.c2m.streams.internal.OrderHistory;
import io.c2m.streams.internal.OrderIdGuard;
import io.c2m.streams.internal.OrderIntake;
import io.c2m.streams.internal.OrderParser;
import io.c2m.streams.internal.ProfileCommand;
import io.c2m.streams.internal.ProfileProcessor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * c2m on Kafka Streams: the in-process engine's profiles and niches, computed across the
 * partitions of a marketplace's topics by as many application instances as it starts.
 *
 * <pre>{@code
 * Topology topology = C2mStreams.builder()
 *     .signalsTopic("events")          // Segment / GA4 JSON, one event per record
 *     .consentsTopic("consents")       // ConsumerAccount JSON keyed by consumer id
 *     .nichesTopic("niches")
 *     .deadLetterTopic("c2m-dead-letters")
 *     .eventReader(EventReader.pseudonymizing(pseudonymizer))
 *     .minimumAudience(25)
 *     .build(properties);
 * KafkaStreams streams = new KafkaStreams(topology, properties);
 * }</pre>
 *
 * <h2>What the topology does</h2>
 * <ol>
 *   <li>Events are read with core's {@link EventReader} (a bad record goes to the dead-letter
 *       topic with the reason, topic, partition and offset), keyed by consumer and repartitioned
 *       with the consents, so one task owns each consumer.
 *   <li>Each signal of a consumer whose latest consents include profiling is folded into their
 *       {@link ProfileEvidence} in the persistent store {@value #PROFILES_STORE}, with the
 *       engine's arithmetic; consents without profiling, or a tombstone on the consents topic,
 *       delete the profile (a tombstone in the changelog too).
 *   <li>Each task counts its profiles into {@link CandidateCounts} every {@link
 *       Builder#nicheInterval(Duration)} of wall-clock time when anything changed; the counts of
 *       all partitions meet in one task, which mines them ({@link NicheCandidates#mine}), keeps
 *       the result in {@value #NICHES_STORE} and publishes it to the niches topic. No niche below
 *       the minimum audience, counted over all partitions, is released.
 *   <li>With an orders topic, orders are accepted by core's engine (its order book) in the task
 *       of their design and acknowledged once durable; every {@link
 *       Builder#campaignCheck(Duration)} of stream time the task runs the engine's {@code
 *       advance()} (campaigns, then the {@link Builder#batching(String) batching strategy} on the
 *       other open orders, the current period's batches released and frozen) and publishes each
 *       design's changed {@link DesignPlan}, also kept in {@value #PLANS_STORE}.
 * </ol>
 *
 * <p>The application must run with {@code processing.guarantee=exactly_once_v2}: with
 * at-least-once, a signal processed again after a crash would count twice.
 */
public final class C2mStreams {
  /** The store of each consumer's profile evidence, keyed by consumer id. */
  public static final String PROFILES_STORE = "c2m-profiles";
  /** The store of each consumer's latest consents. */
  public static final String CONSENTS_STORE = "c2m-consents";
  /** The store of daily interest per item (for trends). */
  public static final String INTEREST_STORE = "c2m-interest";
  /** The store of each partition's latest candidate counts (in the merging task). */
  public static final String CANDIDATES_STORE = "c2m-candidates";
  /** The store of the latest {@link NicheResult}, under key {@value NicheMerger#LATEST}. */
  public static final String NICHES_STORE = "c2m-niches";
  /** The store of the design each order id first named (keyed by order id). */
  public static final String ORDER_IDS_STORE = "c2m-order-ids";
  /** The store of each order's current record ({@link BookedOrder}), keyed by order id. */
  public static final String ORDERS_STORE = "c2m-orders";
  /** The store of each order's events. */
  public static final String ORDER_HISTORY_STORE = "c2m-order-history";
  /** The store of the order insertion sequence of each task. */
  public static final String ORDER_SEQUENCE_STORE = "c2m-order-sequence";
  /** The global store of each design's offer (on every instance). */
  public static final String OFFERS_STORE = "c2m-offers";
  /** The store of the released batches. */
  public static final String BATCHES_STORE = "c2m-batches";
  /** The store of each design's latest {@link DesignPlan}, keyed by design id. */
  public static final String PLANS_STORE = "c2m-plans";

  private C2mStreams() {}

  /**
   * Starts configuring a topology.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads the latest niches from this instance's niche store (interactive query). The store lives
   * on the one instance that runs the merging task; on another instance the result is empty:
   * find the owner with {@code streams.queryMetadataForKey(NICHES_STORE, "latest", ...)}.
   *
   * @param streams a running application
   * @return the latest niches, if this instance holds them
   */
  public static Optional<NicheResult> niches(KafkaStreams streams) {
    requireNonNull(streams, "streams");
    ReadOnlyKeyValueStore<String, NicheResult> store = streams.store(
        StoreQueryParameters.fromNameAndType(NICHES_STORE,
            QueryableStoreTypes.<String, NicheResult>keyValueStore()));
    return Optional.ofNullable(store.get(NicheMerger.LATEST));
  }

  /**
   * Reads one consumer's profile from this instance's profile store (interactive query); the
   * consumer's partition must be hosted here (see {@code streams.queryMetadataForKey}).
   *
   * @param streams a running application
   * @param consumer the consumer
   * @param asOf the instant to decay the profile to
   * @param settings the profile settings the topology was built with
   * @return the profile, if this instance holds one
   */
  public static Optional<ConsumerProfile> profile(KafkaStreams streams, ConsumerId consumer,
      Instant asOf, ProfileSettings settings) {
    requireNonNull(consumer, "consumer");
    ReadOnlyKeyValueStore<String, ProfileEvidence> store = streams.store(
        StoreQueryParameters.fromNameAndType(PROFILES_STORE,
            QueryableStoreTypes.<String, ProfileEvidence>keyValueStore()));
    return Optional.ofNullable(store.get(consumer.value()))
        .map(e -> e.profile(asOf, settings.halfLife()));
  }

  /**
   * Reads one design's latest plan from this instance's plans store (interactive query). The
   * design's partition of the orders-by-design topic must be hosted here: find its owner with
   * {@code streams.queryMetadataForKey(PLANS_STORE, design.value(),
   * Serdes.String().serializer())}.
   *
   * @param streams a running application
   * @param design the design
   * @return its latest plan, if this instance holds it
   */
  public static Optional<DesignPlan> plan(KafkaStreams streams, DesignId design) {
    requireNonNull(design, "design");
    return Optional.ofNullable(plansStore(streams).get(design.value()));
  }

  /**
   * Reads the latest plans of the designs whose partitions this instance hosts (interactive
   * query).
   *
   * @param streams a running application
   * @return the plans, by design id
   */
  public static List<DesignPlan> plans(KafkaStreams streams) {
    List<DesignPlan> out = new ArrayList<>();
    try (KeyValueIterator<String, DesignPlan> it = plansStore(streams).all()) {
      it.forEachRemaining(kv -> out.add(kv.value));
    }
    out.sort(Comparator.comparing(DesignPlan::design));
    return out;
  }

  private static ReadOnlyKeyValueStore<String, DesignPlan> plansStore(KafkaStreams streams) {
    requireNonNull(streams, "streams");
    return streams.store(StoreQueryParameters.fromNameAndType(PLANS_STORE,
        QueryableStoreTypes.<String, DesignPlan>keyValueStore()));
  }

  /**
   * Configures the topology. Setters check their argument; {@link #build(Properties)} checks the
   * combination. Not thread-safe.
   */
  public static final class Builder {
    private String signalsTopic;
    private String consentsTopic;
    private String nichesTopic;
    private String deadLetterTopic;
    private EventReader eventReader;
    private int minimumAudience = 20;
    private boolean syntheticData;
    private long seed;
    private ProfileSettings profileSettings = ProfileSettings.defaults();
    private Instant profileEpoch = Instant.parse("2025-01-01T00:00:00Z");
    private Duration nicheInterval = Duration.ofSeconds(10);
    private boolean persistentStores = true;
    private String ordersTopic;
    private String offersTopic;
    private String orderAcksTopic;
    private String orderEventsTopic;
    private Duration period = Duration.ofDays(1);
    private Duration campaignCheck = Duration.ofMinutes(1);
    private String plansTopic;
    private BatchingStrategy batching = BatchingStrategy.groupBuy();
    private ProductionConstraints defaultConstraints = ProductionConstraints.unconstrained();

    private Builder() {}

    private static String topic(String name, String what) {
      requireNonNull(name, what);
      if (name.isBlank()) {
        throw new IllegalArgumentException("The " + what + " (\"" + name + "\") must not be "
            + "blank.");
      }
      return name;
    }

    /**
     * Sets the topic of behavioural events: Segment or GA4 JSON, one event per record (several
     * lines are read as several events). Required.
     *
     * @param topic the topic
     * @return this
     */
    public Builder signalsTopic(String topic) {
      this.signalsTopic = topic(topic, "signals topic");
      return this;
    }

    /**
     * Sets the topic of consents: key the consumer id, value a {@link ConsumerAccount} as c2m's
     * JSON, a tombstone to forget the consumer. Only consumers who consent to profiling are
     * profiled, as in the engine. Required.
     *
     * @param topic the topic
     * @return this
     */
    public Builder consentsTopic(String topic) {
      this.consentsTopic = topic(topic, "consents topic");
      return this;
    }

    /**
     * Sets the topic the niches are published to (key {@code "latest"}, value a {@link
     * NicheResult}). Required.
     *
     * @param topic the topic
     * @return this
     */
    public Builder nichesTopic(String topic) {
      this.nichesTopic = topic(topic, "niches topic");
      return this;
    }

    /**
     * Sets the topic bad records go to, with their original bytes and the reason, topic,
     * partition and offset in headers. Required.
     *
     * @param topic the topic
     * @return this
     */
    public Builder deadLetterTopic(String topic) {
      this.deadLetterTopic = topic(topic, "dead-letter topic");
      return this;
    }

    /**
     * Sets the event reader; its id mapping (a pseudonymizer, usually) turns raw user ids into
     * consumer ids, and the consents topic must be keyed by those ids. Required: only the caller
     * knows whether its ids are already pseudonymous.
     *
     * @param reader the reader
     * @return this
     */
    public Builder eventReader(EventReader reader) {
      this.eventReader = requireNonNull(reader, "reader");
      return this;
    }

    /**
     * Sets the least audience of a released niche, counted over all partitions (k-anonymity).
     * Below {@link AudienceGuard#FLOOR} (5) it is refused unless {@link #syntheticData()} was
     * called first, as in the engine.
     *
     * @param k at least {@link AudienceGuard#FLOOR}, or at least 1 for synthetic data; default
     *     20, as the engine
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
     * Sets the seed of niche requests (the built-in miner draws no random number).
     *
     * @param s the seed; default 0
     * @return this
     */
    public Builder seed(long s) {
      this.seed = s;
      return this;
    }

    /**
     * Sets the weights and half-life of profile evidence.
     *
     * @param settings the settings; default {@link ProfileSettings#defaults()}
     * @return this
     */
    public Builder profileSettings(ProfileSettings settings) {
      this.profileSettings = requireNonNull(settings, "settings");
      return this;
    }

    /**
     * Sets the fixed instant profile evidence is anchored to (see {@link ProfileEvidence}). It
     * must never change for an application id: stored evidence is relative to it. Signals more
     * than 900 half-lives from it go to the dead-letter topic.
     *
     * @param epoch the epoch; default 2025-01-01T00:00:00Z
     * @return this
     */
    public Builder profileEpoch(Instant epoch) {
      this.profileEpoch = requireNonNull(epoch, "epoch");
      return this;
    }

    /**
     * Sets how often (wall-clock time) each task counts its changed profiles for niches. Each
     * count scans the task's profile store, so a large store wants a longer interval.
     *
     * @param interval positive; default 10 seconds
     * @return this
     * @throws IllegalArgumentException if not positive
     */
    public Builder nicheInterval(Duration interval) {
      requireNonNull(interval, "interval");
      if (interval.isZero() || interval.isNegative()) {
        throw new IllegalArgumentException(
            "The niche interval (" + interval + ") must be positive.");
      }
      this.nicheInterval = interval;
      return this;
    }

    /**
     * Sets the topic of orders: key the order id, value an {@link io.c2m.order.Order} in c2m's
     * JSON. Optional: without it the topology has no order intake. With it, the offers, acks and
     * order events topics are required.
     *
     * @param topic the topic
     * @return this
     */
    public Builder ordersTopic(String topic) {
      this.ordersTopic = topic(topic, "orders topic");
      return this;
    }

    /**
     * Sets the topic of offers (a design's terms: price, MOQ, campaign window, sales window):
     * key the design id, value an {@link io.c2m.order.Offer} in c2m's JSON. Orders for a design
     * without an offer are refused, as in the engine.
     *
     * @param topic the topic
     * @return this
     */
    public Builder offersTopic(String topic) {
      this.offersTopic = topic(topic, "offers topic");
      return this;
    }

    /**
     * Sets the topic of acknowledgements: key the order id, value its {@link
     * io.c2m.order.OrderReceipt} (accepted, duplicate, or rejected with the rule). Read it with
     * {@code isolation.level=read_committed}: a receipt is visible only once the order is in the
     * committed state.
     *
     * @param topic the topic
     * @return this
     */
    public Builder orderAcksTopic(String topic) {
      this.orderAcksTopic = topic(topic, "order acks topic");
      return this;
    }

    /**
     * Sets the topic of order lifecycle events: key the order id, value an {@link
     * io.c2m.order.OrderEvent} (accepted, released into a batch, expired: refund due, ...).
     *
     * @param topic the topic
     * @return this
     */
    public Builder orderEventsTopic(String topic) {
      this.orderEventsTopic = topic(topic, "order events topic");
      return this;
    }

    /**
     * Sets the planning period: batches start at its boundaries, as in the engine.
     *
     * @param p positive; default one day
     * @return this
     * @throws IllegalArgumentException if not positive
     */
    public Builder period(Duration p) {
      requireNonNull(p, "period");
      if (p.isZero() || p.isNegative()) {
        throw new IllegalArgumentException("The period (" + p + ") must be positive.");
      }
      this.period = p;
      return this;
    }

    /**
     * Sets the topic each design's plan is published to when it changes: key the design id,
     * value a {@link DesignPlan} (frozen and planned batches with ISO-8601 dates, pending orders
     * with the reason). Optional: without it the plans are only kept in {@value #PLANS_STORE}
     * for interactive queries ({@link C2mStreams#plan(KafkaStreams, DesignId)}). Compact it: the
     * latest record of a design is its plan.
     *
     * @param topic the topic
     * @return this
     */
    public Builder plansTopic(String topic) {
      this.plansTopic = topic(topic, "plans topic");
      return this;
    }

    /**
     * Sets the batching strategy of the open orders outside campaigns by its name among the
     * installed providers ({@link BatchingStrategies#byName(String)}), as the engine's {@code
     * C2m.builder().batching(...)}; default {@code group-buy} ({@link
     * BatchingStrategy#groupBuy()}), as the engine.
     *
     * @param name the strategy's stable name, e.g. {@code "wagner-whitin"}
     * @return this
     * @throws InvalidConfigurationException if no provider has that name
     */
    public Builder batching(String name) {
      return batching(name, Map.of());
    }

    /**
     * Sets the batching strategy by name with settings ({@link BatchingStrategies#byName(String,
     * Map)}).
     *
     * @param name the strategy's stable name
     * @param settings its settings
     * @return this
     * @throws InvalidConfigurationException if the name or a setting is unknown or invalid
     */
    public Builder batching(String name, Map<String, String> settings) {
      requireNonNull(name, "name");
      requireNonNull(settings, "settings");
      return batching(BatchingStrategies.byName(name, settings));
    }

    /**
     * Sets the batching strategy. It is shared by the tasks of every stream thread, so it must be
     * thread-safe, as {@link BatchingStrategy} requires.
     *
     * @param strategy the strategy; default {@link BatchingStrategy#groupBuy()}, as the engine
     * @return this
     */
    public Builder batching(BatchingStrategy strategy) {
      this.batching = requireNonNull(strategy, "batching");
      return this;
    }

    /**
     * Sets the production constraints of every design, raised to each offer's minimum order
     * quantity, multiple and lead time as the engine raises them.
     *
     * @param c the constraints; default {@link ProductionConstraints#unconstrained()}, as the
     *     engine
     * @return this
     */
    public Builder defaultConstraints(ProductionConstraints c) {
      this.defaultConstraints = requireNonNull(c, "defaultConstraints");
      return this;
    }

    /**
     * Sets how often, in stream time, the order book advances as the engine's {@code advance()}
     * does: group-buy campaigns are released when they reached their MOQ and expire when their
     * window closed below it; the batching strategy plans the other open orders and its batches
     * of the current period are released; changed plans are published.
     *
     * @param interval positive; default one minute
     * @return this
     * @throws IllegalArgumentException if not positive
     */
    public Builder campaignCheck(Duration interval) {
      requireNonNull(interval, "interval");
      if (interval.isZero() || interval.isNegative()) {
        throw new IllegalArgumentException(
            "The campaign check interval (" + interval + ") must be positive.");
      }
      this.campaignCheck = interval;
      return this;
    }

    /**
     * Sets whether the state stores are persistent (RocksDB, the default) or in memory. Both are
     * backed by changelog topics and restored from them; in-memory stores restore in full on
     * every start and must fit the heap. In-memory stores also suit {@code TopologyTestDriver}
     * tests, which commit, and so flush every persistent store, after each record.
     *
     * @param persistent true for RocksDB stores
     * @return this
     */
    public Builder persistentStores(boolean persistent) {
      this.persistentStores = persistent;
      return this;
    }

    private KeyValueBytesStoreSupplier supplier(String name) {
      return persistentStores ? Stores.persistentKeyValueStore(name)
          : Stores.inMemoryKeyValueStore(name);
    }

    /**
     * Builds the topology.
     *
     * @param properties the application's Kafka Streams properties (for topology optimization
     *     and the checks below); the same are given to {@link KafkaStreams}
     * @return the topology
     * @throws InvalidConfigurationException if a required topic or the event reader is missing,
     *     or {@code processing.guarantee} is not {@code exactly_once_v2}
     */
    public Topology build(Properties properties) {
      requireNonNull(properties, "properties");
      if (signalsTopic == null && ordersTopic == null) {
        throw new InvalidConfigurationException("Neither the signalsTopic nor the ordersTopic "
            + "is set: the topology would do nothing.\nMaybe call signalsTopic(...) or "
            + "ordersTopic(...).");
      }
      if (signalsTopic != null) {
        require(Map.of("consentsTopic", String.valueOf(consentsTopic), "nichesTopic",
            String.valueOf(nichesTopic)), "signalsTopic");
        if (eventReader == null) {
          throw new InvalidConfigurationException("The event reader is not set.\nMaybe call "
              + "eventReader(EventReader.pseudonymizing(...)), or trustingIds() for ids that "
              + "are already pseudonymous.");
        }
      }
      if (ordersTopic != null) {
        require(Map.of("offersTopic", String.valueOf(offersTopic), "orderAcksTopic",
            String.valueOf(orderAcksTopic), "orderEventsTopic", String.valueOf(orderEventsTopic)),
            "ordersTopic");
      }
      require(Map.of("deadLetterTopic", String.valueOf(deadLetterTopic)), "topology");
      Object guarantee = properties.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG);
      if (!StreamsConfig.EXACTLY_ONCE_V2.equals(guarantee)) {
        throw new InvalidConfigurationException("The processing guarantee (" + guarantee
            + ") must be " + StreamsConfig.EXACTLY_ONCE_V2 + ": with at-least-once a signal "
            + "processed again after a crash counts twice.\nMaybe set "
            + StreamsConfig.PROCESSING_GUARANTEE_CONFIG + "=" + StreamsConfig.EXACTLY_ONCE_V2
            + ".");
      }
      return topology(properties);
    }

    private static void require(Map<String, String> settings, String with) {
      for (Map.Entry<String, String> e : new java.util.TreeMap<>(settings).entrySet()) {
        if (e.getValue().equals("null")) {
          throw new InvalidConfigurationException("The " + e.getKey() + " is not set; the "
              + with + " needs it.\nMaybe call C2mStreams.builder()." + e.getKey() + "(...).");
        }
      }
    }

    private Topology topology(Properties properties) {
      StreamsBuilder b = new StreamsBuilder();
      if (signalsTopic != null) {
        signals(b);
      }
      if (ordersTopic != null) {
        orders(b);
      }
      return b.build(properties);
    }

    private <V> void store(StreamsBuilder b, String name, Serde<String> keys, Serde<V> values) {
      b.addStateStore(Stores.keyValueStoreBuilder(supplier(name), keys, values));
    }

    private void signals(StreamsBuilder b) {
      Serde<byte[]> bytes = Serdes.ByteArray();
      ProfileSettings settings = profileSettings;
      Instant epoch = profileEpoch;
      store(b, PROFILES_STORE, Serdes.String(), C2mSerdes.json(ProfileEvidence.class));
      store(b, CONSENTS_STORE, Serdes.String(), C2mSerdes.json(ConsumerAccount.class));
      store(b, INTEREST_STORE, Serdes.String(), Serdes.Double());
      b.addStateStore(Stores.keyValueStoreBuilder(supplier(CANDIDATES_STORE), Serdes.Integer(),
          C2mSerdes.json(CandidateCounts.class)));
      store(b, NICHES_STORE, Serdes.String(), C2mSerdes.json(NicheResult.class));

      EventReader reader = eventReader;
      int audience = minimumAudience;
      long requestSeed = seed;
      KStream<String, ProfileCommand> events = b
          .stream(signalsTopic, Consumed.with(bytes, bytes).withName("c2m-signals"))
          .process(() -> {
            Growth range = new Growth(settings, epoch); // one per processor: not thread-safe
            return new EventParser(reader, s -> range.accepts(s.at()));
          }, Named.as("c2m-read-events"));
      KStream<String, ProfileCommand> consents = b
          .stream(consentsTopic, Consumed.with(bytes, bytes).withName("c2m-consents-in"))
          .process(ConsentParser::new, Named.as("c2m-read-consents"));
      Map<String, KStream<String, ProfileCommand>> branches = events
          .merge(consents, Named.as("c2m-commands"))
          .split(Named.as("c2m-"))
          .branch((k, v) -> v instanceof ProfileCommand.Dead, Branched.as("dead"))
          .defaultBranch(Branched.as("good"));
      branches.get("c2m-dead")
          .process(() -> new DeadLetterWriter<ProfileCommand>(
              v -> ((ProfileCommand.Dead) v).letter()), Named.as("c2m-dead-letters"))
          .to(deadLetterTopic, Produced.with(bytes, bytes).withName("c2m-dead-letters-out"));
      Duration interval = nicheInterval;
      branches.get("c2m-good")
          .repartition(Repartitioned.with(Serdes.String(), ProfileCommand.serde())
              .withName("c2m-by-consumer"))
          .process(() -> new ProfileProcessor(settings, epoch, interval, PROFILES_STORE,
                  CONSENTS_STORE, INTEREST_STORE), Named.as("c2m-profiles"),
              PROFILES_STORE, CONSENTS_STORE, INTEREST_STORE)
          .repartition(Repartitioned.with(Serdes.String(), C2mSerdes.json(CandidateCounts.class))
              .withName("c2m-candidates").withNumberOfPartitions(1))
          .process(() -> new NicheMerger(audience, requestSeed, CANDIDATES_STORE, NICHES_STORE),
              Named.as("c2m-niches"), CANDIDATES_STORE, NICHES_STORE)
          .to(nichesTopic, Produced.with(Serdes.String(), C2mSerdes.json(NicheResult.class))
              .withName("c2m-niches-out"));
    }

    private void orders(StreamsBuilder b) {
      Serde<byte[]> bytes = Serdes.ByteArray();
      store(b, ORDER_IDS_STORE, Serdes.String(), Serdes.String());
      store(b, ORDERS_STORE, Serdes.String(), C2mSerdes.json(BookedOrder.class));
      store(b, ORDER_HISTORY_STORE, Serdes.String(), C2mSerdes.json(OrderHistory.class));
      store(b, ORDER_SEQUENCE_STORE, Serdes.String(), Serdes.String());
      store(b, BATCHES_STORE, Serdes.String(), C2mSerdes.json(BookedBatch.class));
      store(b, PLANS_STORE, Serdes.String(), C2mSerdes.json(DesignPlan.class));
      // Offers are a global store: every instance holds all of them, loaded in full before any
      // order is processed, so an order never races ahead of an offer published before it.
      b.addGlobalStore(Stores.keyValueStoreBuilder(supplier(OFFERS_STORE), Serdes.String(),
              C2mSerdes.json(Offer.class)).withLoggingDisabled(), offersTopic,
          Consumed.with(bytes, bytes).withName("c2m-offers-global"),
          () -> new OfferLoader(OFFERS_STORE));
      Map<String, KStream<String, OrderCommand>> orders = b
          .stream(ordersTopic, Consumed.with(bytes, bytes).withName("c2m-orders-in"))
          .process(OrderParser::new, Named.as("c2m-read-orders"))
          .split(Named.as("c2m-orders-"))
          .branch((k, v) -> v instanceof OrderCommand.Dead, Branched.as("dead"))
          .defaultBranch(Branched.as("placed"));
      orders.get("c2m-orders-dead")
          .process(() -> new DeadLetterWriter<OrderCommand>(
              v -> ((OrderCommand.Dead) v).letter()), Named.as("c2m-order-dead-letters"))
          .to(deadLetterTopic, Produced.with(bytes, bytes).withName("c2m-order-dead-out"));
      Map<String, KStream<String, OrderCommand>> guarded = orders.get("c2m-orders-placed")
          .process(() -> new OrderIdGuard(ORDER_IDS_STORE), Named.as("c2m-order-ids"),
              ORDER_IDS_STORE)
          .split(Named.as("c2m-guarded-"))
          .branch((k, v) -> v instanceof OrderCommand.Ack, Branched.as("refused"))
          .defaultBranch(Branched.as("placed"));
      Duration p = period;
      Duration check = campaignCheck;
      BatchingStrategy strategy = batching;
      ProductionConstraints defaults = defaultConstraints;
      Map<String, KStream<String, OrderCommand>> out = guarded.get("c2m-guarded-placed")
          .repartition(Repartitioned.with(Serdes.String(), OrderCommand.serde())
              .withName("c2m-orders-by-design"))
          .process(() -> new OrderIntake(p, check, strategy, defaults, ORDERS_STORE,
                  ORDER_HISTORY_STORE, ORDER_SEQUENCE_STORE, OFFERS_STORE, BATCHES_STORE,
                  PLANS_STORE), Named.as("c2m-order-book"),
              ORDERS_STORE, ORDER_HISTORY_STORE, ORDER_SEQUENCE_STORE, BATCHES_STORE, PLANS_STORE)
          .split(Named.as("c2m-book-"))
          .branch((k, v) -> v instanceof OrderCommand.Ack, Branched.as("acks"))
          .branch((k, v) -> v instanceof OrderCommand.Plan, Branched.as("plans"))
          .defaultBranch(Branched.as("events"));
      if (plansTopic != null) {
        out.get("c2m-book-plans")
            .mapValues(v -> ((OrderCommand.Plan) v).plan(), Named.as("c2m-plans"))
            .to(plansTopic, Produced.with(Serdes.String(), C2mSerdes.json(DesignPlan.class))
                .withName("c2m-plans-out"));
      }
      Produced<String, OrderReceipt> acks =
          Produced.with(Serdes.String(), C2mSerdes.json(OrderReceipt.class));
      guarded.get("c2m-guarded-refused")
          .mapValues(v -> ((OrderCommand.Ack) v).receipt(), Named.as("c2m-refused-receipts"))
          .to(orderAcksTopic, acks.withName("c2m-refused-acks-out"));
      out.get("c2m-book-acks")
          .mapValues(v -> ((OrderCommand.Ack) v).receipt(), Named.as("c2m-receipts"))
          .to(orderAcksTopic, Produced.with(Serdes.String(), C2mSerdes.json(OrderReceipt.class))
              .withName("c2m-acks-out"));
      out.get("c2m-book-events")
          .mapValues(v -> ((OrderCommand.Event) v).event(), Named.as("c2m-order-events"))
          .to(orderEventsTopic, Produced.with(Serdes.String(), C2mSerdes.json(OrderEvent.class))
              .withName("c2m-order-events-out"));
    }
  }
}
