package io.c2m;

import io.c2m.order.OrderReceipt;
import java.time.Duration;
import java.util.Map;

/**
 * Hears what an engine does, for counters and dashboards: signals profiled, events read and
 * rejected, orders accepted, duplicate or refused, niches found, designs tailored, plans
 * computed, and the progress of long work. Set one with {@link C2m.Builder#listener(C2mListener)};
 * {@link C2mMetrics} counts everything in memory. Every method has an empty default, so a listener
 * implements only what it needs, and methods added later will be defaults too.
 *
 * <p>Nothing given to a listener is consumer data: counts, durations, strategy names and the
 * names of the rules that refused something, never a consumer id or a raw value. A listener is
 * called on the thread doing the work, possibly from several threads at once (orders are accepted
 * concurrently): implementations must be thread-safe and quick. One that throws is logged
 * (SLF4J, warning) and ignored: the engine's work is never undone by a listener.
 *
 * <p>Micrometer, for example, without a dependency of c2m on it: keep a {@link C2mMetrics} and
 * register {@code FunctionCounter.builder("c2m.orders.accepted", metrics,
 * C2mMetrics::ordersAccepted)} for each counter of {@link C2mMetrics#snapshot()}.
 */
public interface C2mListener extends ProgressListener {
  /**
   * Signals were given to {@link C2m#ingest(Iterable)}.
   *
   * @param profiled how many were profiled
   * @param skippedWithoutConsent how many were counted but not profiled for lack of consent
   */
  default void signalsIngested(long profiled, long skippedWithoutConsent) {}

  /**
   * A reader read events (a file, a request body): called by whoever reads, typically with an
   * {@link io.c2m.json.EventReport}'s counts, since readers run outside the engine.
   *
   * @param read the records read
   * @param rejectedByRule per rule (an {@link io.c2m.json.EventProblem.Kind} name, for instance),
   *     how many records it rejected
   */
  default void eventsRead(long read, Map<String, Long> rejectedByRule) {}

  /**
   * An order was answered by {@link C2m#acceptOrder(io.c2m.order.Order)}.
   *
   * @param status accepted, duplicate or rejected
   * @param rule for a rejection the rule that refused it ({@code "offer"}, {@code "price"},
   *     {@code "sales-window"}, {@code "cap-per-order"}, {@code "known-consumer"},
   *     {@code "id-conflict"}), otherwise empty
   */
  default void orderAnswered(OrderReceipt.Status status, String rule) {}

  /**
   * A niche search finished ({@link C2m#discoverNiches()}).
   *
   * @param strategy the inference's name
   * @param profiles the consenting profiles searched
   * @param niches the niches released (at or above the minimum audience)
   * @param took how long it took
   */
  default void nichesFound(String strategy, int profiles, int niches, Duration took) {}

  /**
   * Designs were tailored ({@link C2m#tailorDesigns(java.util.List)}).
   *
   * @param niches the niches given
   * @param designs the designs newly offered
   */
  default void designsTailored(int niches, int designs) {}

  /**
   * A batch plan was computed ({@link C2m#planBatches()}, {@link C2m#advance()}, {@link
   * C2m#schedule()}).
   *
   * @param strategy the batching strategy's name
   * @param openOrders the orders planned
   * @param batches the batches of the plan
   * @param pending the orders left pending
   * @param took how long it took
   */
  default void planComputed(String strategy, int openOrders, int batches, int pending,
      Duration took) {}

  @Override
  default void progress(String task, long done, long total) {}

  /**
   * Returns a listener that ignores everything: the engine's default.
   *
   * @return the listener
   */
  static C2mListener none() {
    return new C2mListener() {};
  }
}
