package io.c2m.internal;

import io.c2m.C2m;
import io.c2m.C2mListener;
import io.c2m.order.OrderReceipt;
import io.c2m.production.BatchPlan;
import io.c2m.production.PendingOrder;
import io.c2m.production.PendingReason;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the engine tells its operator and its listener, in one place so that {@link C2m} only calls
 * one method per event. Internal: it logs through SLF4J (logger {@code io.c2m.C2m}) the strategies
 * chosen, searches, plans and the fallbacks taken at INFO, each refusal at DEBUG with its rule, and
 * the refusals counted by rule with the next plan; it forwards to the listener, catching and
 * logging what a listener throws. Never consumer data: counts, durations, strategy and rule names.
 * Thread-safe: orders are answered concurrently.
 */
public final class EngineEvents {
  private static final Logger LOG = LoggerFactory.getLogger(C2m.class);
  private static final Pattern RULE = Pattern.compile("refused by the ([a-z-]+) rule");
  /** Ingest reports progress every this many signals. */
  public static final int PROGRESS_EVERY = 1 << 14;

  private final C2mListener listener;
  private final Map<String, LongAdder> refusedSincePlan = new ConcurrentHashMap<>();

  /**
   * Wraps a listener.
   *
   * @param listener the engine's listener
   */
  public EngineEvents(C2mListener listener) {
    this.listener = listener;
  }

  /**
   * The engine was built with these strategies.
   *
   * @param strategies by role ("inference", "batching", ...), the strategy's name
   * @param minimumAudience k
   * @param period the planning period
   */
  public void built(Map<String, String> strategies, int minimumAudience, Duration period) {
    LOG.info("c2m engine built: {}, minimum audience {}, period {}", new TreeMap<>(strategies),
        minimumAudience, period);
  }

  /**
   * Signals were ingested.
   *
   * @param profiled profiled
   * @param skipped skipped without consent
   * @param nanos time taken
   */
  public void ingested(long profiled, long skipped, long nanos) {
    LOG.debug("Ingested {} signals: {} profiled, {} skipped without consent, in {} ms",
        profiled + skipped, profiled, skipped, nanos / 1_000_000);
    safely(() -> listener.signalsIngested(profiled, skipped));
  }

  /**
   * Progress of a task.
   *
   * @param task the task
   * @param done units done
   * @param total units in all
   */
  public void progress(String task, long done, long total) {
    safely(() -> listener.progress(task, done, total));
  }

  /**
   * A niche search finished.
   *
   * @param strategy the inference
   * @param profiles consenting profiles searched
   * @param niches niches released
   * @param nanos time taken
   */
  public void nichesFound(String strategy, int profiles, int niches, long nanos) {
    LOG.info("Niche search by {}: {} niches released among {} consenting profiles, in {} ms",
        strategy, niches, profiles, nanos / 1_000_000);
    safely(() -> listener.nichesFound(strategy, profiles, niches, Duration.ofNanos(nanos)));
  }

  /**
   * Designs were tailored.
   *
   * @param niches niches given
   * @param designs designs newly offered
   */
  public void tailored(int niches, int designs) {
    LOG.info("Tailored {} new designs for {} niches", designs, niches);
    safely(() -> listener.designsTailored(niches, designs));
  }

  /**
   * A reader read events.
   *
   * @param report what it did
   */
  public void eventsRead(io.c2m.json.EventReport report) {
    Map<String, Long> byRule = new TreeMap<>();
    for (io.c2m.json.EventProblem p : report.problems()) {
      byRule.merge(p.kind().name(), 1L, Long::sum);
    }
    if (report.problemsOmitted() > 0) {
      byRule.put("UNLISTED", report.problemsOmitted());
    }
    LOG.info("Read {} events: {} accepted, {} skipped, {} rejected, by rule: {}", report.read(),
        report.accepted(), report.skipped(), report.rejected(), byRule);
    safely(() -> listener.eventsRead(report.read(), byRule));
  }

  /**
   * An order was answered.
   *
   * @param receipt the answer
   */
  public void orderAnswered(OrderReceipt receipt) {
    String rule = receipt.status() == OrderReceipt.Status.REJECTED ? rule(receipt.reason()) : "";
    if (!rule.isEmpty()) {
      LOG.debug("An order was refused by the {} rule", rule);
      refusedSincePlan.computeIfAbsent(rule, r -> new LongAdder()).increment();
    }
    safely(() -> listener.orderAnswered(receipt.status(), rule));
  }

  /**
   * The rule named by a refusal's reason, never its details (they may quote the order).
   *
   * @param reason the receipt's reason
   * @return the rule: a name of {@code OrderBook}'s rules, {@code id-conflict}, or {@code other}
   */
  public static String rule(String reason) {
    Matcher m = RULE.matcher(reason);
    if (m.find()) {
      return m.group(1);
    }
    return reason.contains("is already taken") ? "id-conflict" : "other";
  }

  /**
   * Forecasts for a plan fell back to simpler methods.
   *
   * @param fallbacks "design: reason" lines (design ids are products, not consumers)
   */
  public void forecastFallbacks(List<String> fallbacks) {
    if (!fallbacks.isEmpty()) {
      LOG.info("Forecasts of {} designs fell back to a simpler method: {}", fallbacks.size(),
          fallbacks);
    }
  }

  /**
   * A plan was computed.
   *
   * @param strategy the batching strategy
   * @param openOrders orders planned
   * @param plan the plan
   * @param nanos time taken
   */
  public void planComputed(String strategy, int openOrders, BatchPlan plan, long nanos) {
    Map<PendingReason, Integer> pending = new EnumMap<>(PendingReason.class);
    for (PendingOrder p : plan.pending()) {
      pending.merge(p.reason(), 1, Integer::sum);
    }
    Map<String, Long> refused = new TreeMap<>();
    for (String rule : List.copyOf(refusedSincePlan.keySet())) {
      LongAdder a = refusedSincePlan.remove(rule);
      if (a != null) {
        refused.put(rule, a.sum());
      }
    }
    LOG.info("Plan by {}: {} open orders, {} batches, {} pending {}, in {} ms; orders refused "
        + "since the last plan, by rule: {}", strategy, openOrders, plan.batches().size(),
        plan.pending().size(), pending, nanos / 1_000_000, refused);
    safely(() -> listener.planComputed(strategy, openOrders, plan.batches().size(),
        plan.pending().size(), Duration.ofNanos(nanos)));
  }

  private void safely(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      LOG.warn("The c2m listener ({}) failed: {}", listener.getClass().getName(),
          e.getClass().getName());
    }
  }
}
