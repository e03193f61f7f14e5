package io.c2m;

import static java.util.Objects.requireNonNull;

import io.c2m.order.OrderReceipt;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts what an engine does, in memory: a {@link C2mListener} to set on
 * {@link C2m.Builder#listener(C2mListener)} and read from a dashboard, a health check or a test.
 * Counters only grow; {@link #snapshot()} gives them all by name, the names a Micrometer binding
 * would use. Thread-safe (one {@link LongAdder} per counter); no consumer data is kept.
 *
 * <pre>{@code
 * C2mMetrics metrics = new C2mMetrics();
 * C2m c2m = C2m.builder().listener(metrics).build();
 * ...
 * long refusedByPrice = metrics.ordersRejected("price");
 * }</pre>
 */
public final class C2mMetrics implements C2mListener {
  private final LongAdder signalsProfiled = new LongAdder();
  private final LongAdder signalsSkipped = new LongAdder();
  private final LongAdder eventsRead = new LongAdder();
  private final Map<String, LongAdder> eventsRejected = new ConcurrentHashMap<>();
  private final Map<OrderReceipt.Status, LongAdder> orders = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> ordersRejected = new ConcurrentHashMap<>();
  private final LongAdder nicheSearches = new LongAdder();
  private final LongAdder nichesFound = new LongAdder();
  private final LongAdder designsTailored = new LongAdder();
  private final LongAdder plansComputed = new LongAdder();
  private final LongAdder planNanos = new LongAdder();

  /** Creates counters at zero. */
  public C2mMetrics() {}

  @Override
  public void signalsIngested(long profiled, long skippedWithoutConsent) {
    signalsProfiled.add(profiled);
    signalsSkipped.add(skippedWithoutConsent);
  }

  @Override
  public void eventsRead(long read, Map<String, Long> rejectedByRule) {
    eventsRead.add(read);
    rejectedByRule.forEach((rule, n) -> count(eventsRejected, rule).add(n));
  }

  @Override
  public void orderAnswered(OrderReceipt.Status status, String rule) {
    orders.computeIfAbsent(requireNonNull(status, "status"), s -> new LongAdder()).increment();
    if (status == OrderReceipt.Status.REJECTED) {
      count(ordersRejected, rule.isBlank() ? "other" : rule).increment();
    }
  }

  @Override
  public void nichesFound(String strategy, int profiles, int niches, Duration took) {
    nicheSearches.increment();
    nichesFound.add(niches);
  }

  @Override
  public void designsTailored(int niches, int designs) {
    designsTailored.add(designs);
  }

  @Override
  public void planComputed(String strategy, int openOrders, int batches, int pending,
      Duration took) {
    plansComputed.increment();
    planNanos.add(took.toNanos());
  }

  private static LongAdder count(Map<String, LongAdder> byRule, String rule) {
    return byRule.computeIfAbsent(requireNonNull(rule, "rule"), r -> new LongAdder());
  }

  private static long sum(Map<String, LongAdder> byRule) {
    long n = 0;
    for (LongAdder a : byRule.values()) {
      n += a.sum();
    }
    return n;
  }

  /**
   * Returns the signals profiled.
   *
   * @return the count
   */
  public long signalsProfiled() {
    return signalsProfiled.sum();
  }

  /**
   * Returns the signals counted but not profiled for lack of consent.
   *
   * @return the count
   */
  public long signalsSkippedWithoutConsent() {
    return signalsSkipped.sum();
  }

  /**
   * Returns the events read (as reported through {@link #eventsRead(long, Map)}).
   *
   * @return the count
   */
  public long eventsRead() {
    return eventsRead.sum();
  }

  /**
   * Returns the events rejected, all rules together.
   *
   * @return the count
   */
  public long eventsRejected() {
    return sum(eventsRejected);
  }

  /**
   * Returns the events rejected by one rule.
   *
   * @param rule the rule's name
   * @return the count, 0 for a rule never reported
   */
  public long eventsRejected(String rule) {
    LongAdder a = eventsRejected.get(requireNonNull(rule, "rule"));
    return a == null ? 0 : a.sum();
  }

  /**
   * Returns the orders answered with a status.
   *
   * @param status the status
   * @return the count
   */
  public long orders(OrderReceipt.Status status) {
    LongAdder a = orders.get(requireNonNull(status, "status"));
    return a == null ? 0 : a.sum();
  }

  /**
   * Returns the orders accepted (new).
   *
   * @return the count
   */
  public long ordersAccepted() {
    return orders(OrderReceipt.Status.ACCEPTED);
  }

  /**
   * Returns the orders answered as duplicates of accepted ones (idempotent retries).
   *
   * @return the count
   */
  public long ordersDuplicate() {
    return orders(OrderReceipt.Status.DUPLICATE);
  }

  /**
   * Returns the orders rejected, all rules together.
   *
   * @return the count
   */
  public long ordersRejected() {
    return orders(OrderReceipt.Status.REJECTED);
  }

  /**
   * Returns the orders rejected by one rule.
   *
   * @param rule the rule's name ({@code "price"}, see {@link C2mListener#orderAnswered})
   * @return the count, 0 for a rule that never refused
   */
  public long ordersRejected(String rule) {
    LongAdder a = ordersRejected.get(requireNonNull(rule, "rule"));
    return a == null ? 0 : a.sum();
  }

  /**
   * Returns the niche searches done.
   *
   * @return the count
   */
  public long nicheSearches() {
    return nicheSearches.sum();
  }

  /**
   * Returns the niches found, summed over every search.
   *
   * @return the count
   */
  public long nichesFound() {
    return nichesFound.sum();
  }

  /**
   * Returns the designs tailored and offered.
   *
   * @return the count
   */
  public long designsTailored() {
    return designsTailored.sum();
  }

  /**
   * Returns the plans computed.
   *
   * @return the count
   */
  public long plansComputed() {
    return plansComputed.sum();
  }

  /**
   * Returns the time spent computing plans.
   *
   * @return the total
   */
  public Duration planTime() {
    return Duration.ofNanos(planNanos.sum());
  }

  /**
   * Returns every counter by name, sorted: {@code c2m.signals.profiled},
   * {@code c2m.events.rejected.<rule>}, {@code c2m.orders.rejected.<rule>}, and so on.
   *
   * @return a copy
   */
  public Map<String, Long> snapshot() {
    Map<String, Long> out = new TreeMap<>();
    out.put("c2m.signals.profiled", signalsProfiled());
    out.put("c2m.signals.skipped-without-consent", signalsSkippedWithoutConsent());
    out.put("c2m.events.read", eventsRead());
    out.put("c2m.events.rejected", eventsRejected());
    eventsRejected.forEach((r, a) -> out.put("c2m.events.rejected." + r, a.sum()));
    out.put("c2m.orders.accepted", ordersAccepted());
    out.put("c2m.orders.duplicate", ordersDuplicate());
    out.put("c2m.orders.rejected", ordersRejected());
    ordersRejected.forEach((r, a) -> out.put("c2m.orders.rejected." + r, a.sum()));
    out.put("c2m.niches.searches", nicheSearches());
    out.put("c2m.niches.found", nichesFound());
    out.put("c2m.designs.tailored", designsTailored());
    out.put("c2m.plans.computed", plansComputed());
    return out;
  }

  @Override
  public String toString() {
    return "C2mMetrics" + snapshot();
  }
}
