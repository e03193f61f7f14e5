package io.c2m.json;

import io.c2m.internal.Checks;
import java.util.List;

/**
 * What an {@link EventReader} did with its input. Every record is counted exactly once, as
 * accepted, skipped or rejected: {@code read == accepted + skipped + rejected}. A record is a
 * line holding one event, or one element of an envelope line (an event of a GA4 Measurement
 * Protocol body's {@code events[]}, a message of a Segment {@code batch[]}); an envelope that
 * cannot be read at all is one rejected record. For JSON lines of single events, records are
 * lines.
 *
 * @param read records read
 * @param accepted records that gave signals
 * @param skipped records deliberately ignored: blank lines and events that carry no product
 *     preference (page views, identify calls, checkout steps, full-order refunds; see
 *     {@link EventReader}), and events whose stated consent does not allow profiling
 * @param rejected records refused, each with a problem
 * @param signals signals produced by the accepted records (an order gives one per product)
 * @param problems the problems of the rejected records in input order; at most the reader's
 *     {@linkplain EventReader.Builder#maxProblemsKept(int) limit}, so there may be fewer than
 *     {@code rejected} (see {@link #problemsOmitted()})
 */
public record EventReport(
    long read, long accepted, long skipped, long rejected, long signals,
    List<EventProblem> problems) {
  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException if a count is negative, the counts do not add up, or there
   *     are more problems than rejected records
   */
  public EventReport {
    Checks.requireNonNegative(read, "read");
    Checks.requireNonNegative(accepted, "accepted");
    Checks.requireNonNegative(skipped, "skipped");
    Checks.requireNonNegative(rejected, "rejected");
    Checks.requireNonNegative(signals, "signals");
    problems = List.copyOf(Checks.requireNoNulls(problems, "problems"));
    if (read != accepted + skipped + rejected) {
      throw new IllegalArgumentException(
          "The records read (" + read + ") must equal accepted (" + accepted + ") + skipped ("
              + skipped + ") + rejected (" + rejected + ").");
    }
    if (problems.size() > rejected) {
      throw new IllegalArgumentException(
          "There are " + problems.size() + " problems but only " + rejected
              + " rejected records.");
    }
    if (signals < accepted) {
      throw new IllegalArgumentException(
          "The signals (" + signals + ") must be at least the accepted records (" + accepted
              + "): each accepted record gives at least one signal.");
    }
  }

  /**
   * Returns how many problems were counted in {@code rejected} but not kept in
   * {@code problems} because of the reader's limit.
   *
   * @return rejected - problems.size()
   */
  public long problemsOmitted() {
    return rejected - problems.size();
  }

  /**
   * Tells whether every record was accepted or skipped.
   *
   * @return true if nothing was rejected
   */
  public boolean isClean() {
    return rejected == 0;
  }
}
