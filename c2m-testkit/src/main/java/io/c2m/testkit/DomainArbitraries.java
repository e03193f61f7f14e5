package io.c2m.testkit;

import io.c2m.AttributeValue;
import io.c2m.Attributes;
import io.c2m.BatchId;
import io.c2m.ConsumerId;
import io.c2m.DesignId;
import io.c2m.NicheId;
import io.c2m.OrderId;
import io.c2m.Provenance;
import io.c2m.demand.DemandForecast;
import io.c2m.demand.DemandSeries;
import io.c2m.demand.ForecastPoint;
import io.c2m.design.ProductDesign;
import io.c2m.design.TailorRequest;
import io.c2m.json.EventProblem;
import io.c2m.json.EventReader;
import io.c2m.json.EventReport;
import io.c2m.niche.Niche;
import io.c2m.niche.NicheRequest;
import io.c2m.niche.Trend;
import io.c2m.niche.TrendDirection;
import io.c2m.order.Order;
import io.c2m.order.OrderReceipt;
import io.c2m.privacy.Consent;
import io.c2m.production.BatchPlan;
import io.c2m.production.BatchingProblem;
import io.c2m.production.CostBreakdown;
import io.c2m.production.PendingOrder;
import io.c2m.production.PendingReason;
import io.c2m.production.ProductionBatch;
import io.c2m.production.ProductionConstraints;
import io.c2m.signal.ConsumerAccount;
import io.c2m.signal.ConsumerProfile;
import io.c2m.signal.IngestReport;
import io.c2m.signal.ProfileSettings;
import io.c2m.signal.Signal;
import io.c2m.signal.SignalType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * jqwik arbitraries for every public record of c2m-core: valid values only, spread over the
 * ranges the records accept (including edge values such as empty lists, zero costs, absent
 * signal values and {@link Integer#MAX_VALUE} capacities). Use them in properties of your own
 * strategies and records:
 *
 * <pre>{@code
 * @Property(tries = 200)
 * void roundTrips(@ForAll("orders") Order order) { ... }
 *
 * @Provide
 * Arbitrary<Order> orders() { return DomainArbitraries.orders(); }
 * }</pre>
 *
 * <p>Every method returns a new arbitrary; arbitraries are immutable and may be shared.
 */
public final class DomainArbitraries {
  /** The earliest instant generated: 2000-01-01T00:00:00Z. */
  public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
  /** The latest instant generated, exclusive: 2100-01-01T00:00:00Z. */
  public static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

  private DomainArbitraries() {}

  // ---- building blocks ----

  /**
   * Non-blank text of 1 to 16 characters: letters, digits, punctuation, accented and CJK
   * letters, and characters JSON must escape.
   *
   * @return the arbitrary
   */
  public static Arbitrary<String> nonBlankText() {
    return text(1, 16).filter(s -> !s.isBlank());
  }

  /**
   * Text, possibly empty or blank, with characters JSON must escape.
   *
   * @param minLength the minimum length
   * @param maxLength the maximum length
   * @return the arbitrary
   */
  public static Arbitrary<String> text(int minLength, int maxLength) {
    return Arbitraries.strings()
        .withCharRange('a', 'z')
        .withCharRange('A', 'Z')
        .withCharRange('0', '9')
        .withChars(" -_.:;/=@\"\\\t\n\u00e9\u00df\u4e2d\u00a0")
        .ofMinLength(minLength)
        .ofMaxLength(maxLength);
  }

  /**
   * Finite doubles in {@code [min, max]} with up to 6 decimals, plus the bounds themselves.
   *
   * @param min the least value
   * @param max the greatest value
   * @return the arbitrary
   */
  public static Arbitrary<Double> finite(double min, double max) {
    return Arbitraries.doubles().between(min, max).ofScale(6)
        .withSpecialValue(min).withSpecialValue(max);
  }

  /**
   * Instants from {@link #EARLIEST} to {@link #LATEST}, with nanoseconds.
   *
   * @return the arbitrary
   */
  public static Arbitrary<Instant> instants() {
    Arbitrary<Long> seconds = Arbitraries.longs()
        .between(EARLIEST.getEpochSecond(), LATEST.getEpochSecond() - 1);
    Arbitrary<Integer> nanos = Arbitraries.oneOf(Arbitraries.just(0),
        Arbitraries.integers().between(0, 999_999_999));
    return Combinators.combine(seconds, nanos).as(Instant::ofEpochSecond);
  }

  /**
   * Positive durations from 1 ms to about 30 years.
   *
   * @return the arbitrary
   */
  public static Arbitrary<Duration> positiveDurations() {
    return Arbitraries.longs().between(1, 1_000_000_000_000L).map(Duration::ofMillis);
  }

  // ---- ids ----

  /**
   * Consumer ids.
   *
   * @return the arbitrary
   */
  public static Arbitrary<ConsumerId> consumerIds() {
    return nonBlankText().map(ConsumerId::new);
  }

  /**
   * Design ids.
   *
   * @return the arbitrary
   */
  public static Arbitrary<DesignId> designIds() {
    return nonBlankText().map(DesignId::new);
  }

  /**
   * Order ids.
   *
   * @return the arbitrary
   */
  public static Arbitrary<OrderId> orderIds() {
    return nonBlankText().map(OrderId::new);
  }

  /**
   * Niche ids.
   *
   * @return the arbitrary
   */
  public static Arbitrary<NicheId> nicheIds() {
    return nonBlankText().map(NicheId::new);
  }

  /**
   * Batch ids.
   *
   * @return the arbitrary
   */
  public static Arbitrary<BatchId> batchIds() {
    return nonBlankText().map(BatchId::new);
  }

  // ---- attributes ----

  /**
   * Attribute keys: lower-case words, such as {@code color} or {@code price_band}.
   *
   * @return the arbitrary
   */
  public static Arbitrary<String> attributeKeys() {
    return Arbitraries.oneOf(
        Arbitraries.of("category", "color", "size", "material", "style", "brand", "price_band"),
        Arbitraries.strings().withCharRange('a', 'z').withChars('_').ofMinLength(1)
            .ofMaxLength(10).filter(s -> !s.isBlank()));
  }

  /**
   * Attribute values, in any case and with surrounding spaces (they are normalised).
   *
   * @return the arbitrary
   */
  public static Arbitrary<String> attributeTexts() {
    return Arbitraries.oneOf(
        Arbitraries.of("dress", "sage", "linen", "M", " Navy ", "25-35", "cotton"),
        nonBlankText());
  }

  /**
   * Single attribute pairs.
   *
   * @return the arbitrary
   */
  public static Arbitrary<AttributeValue> attributeValues() {
    return Combinators.combine(attributeKeys(), attributeTexts()).as(AttributeValue::new);
  }

  /**
   * Sets of 0 to 6 attributes.
   *
   * @return the arbitrary
   */
  public static Arbitrary<Attributes> attributes() {
    return Arbitraries.maps(attributeKeys(), attributeTexts()).ofMaxSize(6).map(Attributes::of);
  }

  /**
   * Sets of 1 to 6 attributes, as a niche definition or a design spec needs.
   *
   * @return the arbitrary
   */
  public static Arbitrary<Attributes> nonEmptyAttributes() {
    return Arbitraries.maps(attributeKeys(), attributeTexts()).ofMinSize(1).ofMaxSize(6)
        .map(Attributes::of);
  }

  /**
   * Provenance of a strategy's result.
   *
   * @return the arbitrary
   */
  public static Arbitrary<Provenance> provenances() {
    return Combinators.combine(
        Arbitraries.oneOf(Arbitraries.of("group-buy", "wagner-whitin"), nonBlankText()),
        Arbitraries.oneOf(Arbitraries.just(Provenance.BUILT_IN_VERSION), nonBlankText()),
        Arbitraries.longs(),
        Arbitraries.maps(nonBlankText(), text(0, 8)).ofMaxSize(4))
        .as(Provenance::new);
  }

  // ---- signals and consumers ----

  /**
   * Signals; about one in three has no value (NaN).
   *
   * @return the arbitrary
   */
  public static Arbitrary<Signal> signals() {
    Arbitrary<Double> value = Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.just(Double.NaN)),
        Tuple.of(2, finite(-1e6, 1e6)));
    return Combinators.combine(consumerIds(), Arbitraries.of(SignalType.class), instants(),
        attributes(), Arbitraries.oneOf(Arbitraries.of("segment", "ga4", "web"), nonBlankText()),
        value).as(Signal::new);
  }

  /**
   * Consumer accounts with any set of consents.
   *
   * @return the arbitrary
   */
  public static Arbitrary<ConsumerAccount> consumerAccounts() {
    return Combinators.combine(consumerIds(), Arbitraries.subsetOf(Consent.values()))
        .as(ConsumerAccount::new);
  }

  /**
   * Consumer profiles, with positive and negative affinities.
   *
   * @return the arbitrary
   */
  public static Arbitrary<ConsumerProfile> consumerProfiles() {
    return Combinators.combine(consumerIds(),
        Arbitraries.maps(attributeValues(), finite(-100, 100)).ofMaxSize(8), instants(),
        Arbitraries.longs().between(0, 1_000_000), finite(0, 1e4), finite(0, 1e6))
        .as(ConsumerProfile::new);
  }

  /**
   * Profile settings: weights for some signal types and a positive half-life.
   *
   * @return the arbitrary
   */
  public static Arbitrary<ProfileSettings> profileSettings() {
    return Combinators.combine(
        Arbitraries.maps(Arbitraries.of(SignalType.class), finite(-10, 10)),
        positiveDurations()).as(ProfileSettings::new);
  }

  /**
   * Ingest reports.
   *
   * @return the arbitrary
   */
  public static Arbitrary<IngestReport> ingestReports() {
    return Combinators.combine(Arbitraries.longs().between(0, Long.MAX_VALUE / 2),
        Arbitraries.longs().between(0, Long.MAX_VALUE / 2)).as(IngestReport::new);
  }

  // ---- niches and designs ----

  /**
   * Trends.
   *
   * @return the arbitrary
   */
  public static Arbitrary<Trend> trends() {
    return Combinators.combine(Arbitraries.of(TrendDirection.class), finite(0, 100),
        finite(0, 3650)).as(Trend::new);
  }

  /**
   * Niches, with the conventional id of their definition or another id.
   *
   * @return the arbitrary
   */
  public static Arbitrary<Niche> niches() {
    return nonEmptyAttributes().flatMap(def -> Combinators.combine(
        Arbitraries.oneOf(Arbitraries.just(Niche.idFor(def)), nicheIds()),
        Arbitraries.integers().between(1, Integer.MAX_VALUE), finite(0, 1e6), finite(0, 1e3),
        trends()).as((id, audience, score, lift, trend) ->
            new Niche(id, def, audience, score, lift, trend)));
  }

  /**
   * Product designs.
   *
   * @return the arbitrary
   */
  public static Arbitrary<ProductDesign> productDesigns() {
    return Combinators.combine(designIds(), nicheIds(), nonEmptyAttributes(),
        finite(0.01, 1e5)).as(ProductDesign::new);
  }

  /**
   * Niche inference requests.
   *
   * @return the arbitrary
   */
  public static Arbitrary<NicheRequest> nicheRequests() {
    // One profile per consumer: a request refuses two of one consumer.
    return Combinators.combine(
        consumerProfiles().list().ofMaxSize(4).uniqueElements(ConsumerProfile::consumer),
        Arbitraries.integers().between(1, 10_000), instants(), Arbitraries.longs())
        .as(NicheRequest::new);
  }

  /**
   * Design tailoring requests.
   *
   * @return the arbitrary
   */
  public static Arbitrary<TailorRequest> tailorRequests() {
    return Combinators.combine(niches(), consumerProfiles().list().ofMaxSize(4),
        Arbitraries.longs()).as(TailorRequest::new);
  }

  // ---- demand ----

  /**
   * Demand series of 0 to 40 periods.
   *
   * @return the arbitrary
   */
  public static Arbitrary<DemandSeries> demandSeries() {
    return Combinators.combine(nonBlankText(), finite(0, 1e6).list().ofMaxSize(40))
        .as((id, values) -> new DemandSeries(id,
            values.stream().mapToDouble(Double::doubleValue).toArray()));
  }

  /**
   * Forecast points with ordered quantiles.
   *
   * @return the arbitrary
   */
  public static Arbitrary<ForecastPoint> forecastPoints() {
    return Combinators.combine(Arbitraries.integers().between(1, 1000), finite(-1e6, 1e6),
        finite(-1e6, 1e6).list().ofSize(3)).as((step, mean, q) -> {
          List<Double> s = new ArrayList<>(q);
          s.sort(null);
          return new ForecastPoint(step, mean, s.get(0), s.get(1), s.get(2));
        });
  }

  /**
   * Forecasts of 0 to 12 periods, steps numbered 1, 2, ...
   *
   * @return the arbitrary
   */
  public static Arbitrary<DemandForecast> demandForecasts() {
    return Combinators.combine(nonBlankText(),
        Arbitraries.oneOf(Arbitraries.of("moving-average", "ses"), nonBlankText()),
        forecastPoints().list().ofMaxSize(12), provenances()).as((id, method, points, prov) -> {
          List<ForecastPoint> renumbered = new ArrayList<>();
          for (int i = 0; i < points.size(); i++) {
            ForecastPoint p = points.get(i);
            renumbered.add(new ForecastPoint(i + 1, p.mean(), p.p10(), p.p50(), p.p90()));
          }
          return new DemandForecast(id, method, renumbered, prov);
        });
  }

  // ---- orders ----

  /**
   * Orders placed between {@link #EARLIEST} and {@link #LATEST}, promised up to a year later.
   *
   * @return the arbitrary
   */
  public static Arbitrary<Order> orders() {
    return ordersPlacedFrom(EARLIEST);
  }

  private static Arbitrary<Order> ordersPlacedFrom(Instant start) {
    Arbitrary<Instant> placed = instants().map(i -> i.isBefore(start) ? start : i);
    Arbitrary<Duration> promise = Arbitraries.longs().between(0, 366L * 24 * 3600)
        .map(Duration::ofSeconds);
    return Combinators.combine(orderIds(), consumerIds(), designIds(),
        Arbitraries.integers().between(1, 10_000), finite(0, 1e4), placed, promise)
        .as((id, consumer, design, qty, price, at, within) ->
            new Order(id, consumer, design, qty, price, at, at.plus(within)));
  }

  /**
   * Order receipts; rejections carry a reason.
   *
   * @return the arbitrary
   */
  public static Arbitrary<OrderReceipt> orderReceipts() {
    // A rejection carries a reason; the other statuses carry none.
    return Combinators.combine(orderIds(), Arbitraries.of(OrderReceipt.Status.class),
        text(1, 40).filter(r -> !r.isBlank())).as((id, status, reason) ->
            new OrderReceipt(id, status, status == OrderReceipt.Status.REJECTED ? reason : ""));
  }

  // ---- production ----

  /**
   * Feasible production constraints, sometimes with no maximum batch or capacity.
   *
   * @return the arbitrary
   */
  public static Arbitrary<ProductionConstraints> productionConstraints() {
    Arbitrary<Integer> multiple = Arbitraries.integers().between(1, 24);
    Arbitrary<Integer> moq = Arbitraries.integers().between(1, 500);
    Arbitrary<Integer> extra = Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.just(-1)),
        Tuple.of(4, Arbitraries.integers().between(0, 1000)));
    Arbitrary<Double> cost = finite(0, 1e4);
    return Combinators.combine(multiple, moq, extra, extra, cost, cost, cost,
        Arbitraries.integers().between(0, 60)).as((m, q, e1, e2, setup, unit, hold, lead) -> {
          int firstBatch = (q + m - 1) / m * m;
          int max = e1 < 0 ? Integer.MAX_VALUE : firstBatch + m * e1;
          int capacity = e2 < 0 ? Integer.MAX_VALUE : firstBatch + m * e2;
          return new ProductionConstraints(q, m, max, capacity, setup, unit, hold, lead);
        });
  }

  /**
   * Cost breakdowns, including zero.
   *
   * @return the arbitrary
   */
  public static Arbitrary<CostBreakdown> costBreakdowns() {
    return Arbitraries.oneOf(Arbitraries.just(CostBreakdown.ZERO),
        Combinators.combine(finite(0, 1e7), finite(0, 1e7), finite(0, 1e7))
            .as(CostBreakdown::new));
  }

  /**
   * Production batches with distinct orders.
   *
   * @return the arbitrary
   */
  public static Arbitrary<ProductionBatch> productionBatches() {
    Arbitrary<int[]> numbers = Combinators.combine(
        Arbitraries.integers().between(0, 1000), Arbitraries.integers().between(0, 60),
        Arbitraries.integers().between(1, 100_000), Arbitraries.doubles().between(0, 1))
        .as((period, lead, qty, share) ->
            new int[] {period, period + lead, qty, (int) Math.floor(qty * share)});
    return Combinators.combine(batchIds(), designIds(), numbers,
        orderIds().list().ofMaxSize(8).uniqueElements(), costBreakdowns())
        .as((id, design, n, orders, cost) ->
            new ProductionBatch(id, design, n[0], n[1], n[2], n[3], orders, cost));
  }

  /**
   * Pending orders.
   *
   * @return the arbitrary
   */
  public static Arbitrary<PendingOrder> pendingOrders() {
    return Combinators.combine(orderIds(), designIds(), Arbitraries.integers().between(1, 10_000),
        Arbitraries.of(PendingReason.class), nonBlankText()).as(PendingOrder::new);
  }

  /**
   * Batch plans (their parts are arbitrary, not a consistent plan of one problem).
   *
   * @return the arbitrary
   */
  public static Arbitrary<BatchPlan> batchPlans() {
    return Combinators.combine(productionBatches().list().ofMaxSize(4),
        pendingOrders().list().ofMaxSize(4), costBreakdowns(), provenances())
        .as(BatchPlan::new);
  }

  /**
   * Batching problems: distinct order ids, every order placed after the start.
   *
   * @return the arbitrary
   */
  public static Arbitrary<BatchingProblem> batchingProblems() {
    return instants().flatMap(start -> Combinators.combine(
        ordersPlacedFrom(start).list().ofMaxSize(6).uniqueElements(Order::id),
        Arbitraries.maps(designIds(), productionConstraints()).ofMaxSize(3),
        productionConstraints(), positiveDurations())
        .as((orders, constraints, defaults, period) ->
            new BatchingProblem(orders, constraints, defaults, start, period)))
        // sometimes a per-period forecast for a design with orders (or none), seeded by the size
        .map(p -> p.orders().isEmpty() || p.horizon() > 50 || p.orders().size() % 2 == 0 ? p
            : p.withForecasts(java.util.Map.of(p.orders().get(0).design(),
                io.c2m.testkit.production.BatchingArbitraries.forecast(
                    new java.util.Random(p.horizon()), p.horizon()))));
  }

  // ---- event reading ----

  /**
   * Event problems.
   *
   * @return the arbitrary
   */
  public static Arbitrary<EventProblem> eventProblems() {
    return Combinators.combine(Arbitraries.longs().between(1, Long.MAX_VALUE / 4),
        Arbitraries.integers().between(EventProblem.WHOLE_LINE, 2_500),
        Arbitraries.of(EventProblem.Kind.class), nonBlankText()).as(EventProblem::new);
  }

  /**
   * Event reports whose counts add up.
   *
   * @return the arbitrary
   */
  public static Arbitrary<EventReport> eventReports() {
    Arbitrary<Long> count = Arbitraries.longs().between(0, 1_000_000);
    return Combinators.combine(count, count, count, count,
        eventProblems().list().ofMaxSize(4)).as((accepted, skipped, omitted, extraSignals,
            problems) -> {
          long rejected = problems.size() + omitted;
          return new EventReport(accepted + skipped + rejected, accepted, skipped, rejected,
              accepted + extraSignals, problems);
        });
  }

  /**
   * Results of reading events: signals and a report.
   *
   * @return the arbitrary
   */
  public static Arbitrary<EventReader.Result> eventReadResults() {
    return Combinators.combine(signals().list().ofMaxSize(4), eventReports())
        .as(EventReader.Result::new);
  }

  /**
   * One arbitrary per public record type of c2m-core, keyed by the type: what a property over
   * "every record" iterates.
   *
   * @return the arbitraries by record type, in a stable order
   */
  public static Map<Class<?>, Arbitrary<?>> allRecords() {
    Map<Class<?>, Arbitrary<?>> m = new LinkedHashMap<>();
    m.put(ConsumerId.class, consumerIds());
    m.put(DesignId.class, designIds());
    m.put(OrderId.class, orderIds());
    m.put(NicheId.class, nicheIds());
    m.put(BatchId.class, batchIds());
    m.put(AttributeValue.class, attributeValues());
    m.put(Attributes.class, attributes());
    m.put(Provenance.class, provenances());
    m.put(Signal.class, signals());
    m.put(ConsumerAccount.class, consumerAccounts());
    m.put(ConsumerProfile.class, consumerProfiles());
    m.put(ProfileSettings.class, profileSettings());
    m.put(IngestReport.class, ingestReports());
    m.put(Trend.class, trends());
    m.put(Niche.class, niches());
    m.put(NicheRequest.class, nicheRequests());
    m.put(ProductDesign.class, productDesigns());
    m.put(TailorRequest.class, tailorRequests());
    m.put(DemandSeries.class, demandSeries());
    m.put(ForecastPoint.class, forecastPoints());
    m.put(DemandForecast.class, demandForecasts());
    m.put(Order.class, orders());
    m.put(OrderReceipt.class, orderReceipts());
    m.put(ProductionConstraints.class, productionConstraints());
    m.put(CostBreakdown.class, costBreakdowns());
    m.put(ProductionBatch.class, productionBatches());
    m.put(PendingOrder.class, pendingOrders());
    m.put(BatchPlan.class, batchPlans());
    m.put(BatchingProblem.class, batchingProblems());
    m.put(EventProblem.class, eventProblems());
    m.put(EventReport.class, eventReports());
    m.put(EventReader.Result.class, eventReadResults());
    return Collections.unmodifiableMap(m);
  }

  /**
   * Any public record of c2m-core: the union of {@link #allRecords()}.
   *
   * @return the arbitrary
   */
  public static Arbitrary<Object> anyRecord() {
    List<Arbitrary<?>> all = new ArrayList<>(allRecords().values());
    List<Arbitrary<Object>> widened = new ArrayList<>();
    for (Arbitrary<?> a : all) {
      widened.add(a.map(o -> (Object) o));
    }
    return Arbitraries.oneOf(widened);
  }
}
