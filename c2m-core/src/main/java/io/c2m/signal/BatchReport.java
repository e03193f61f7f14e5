package io.c2m.signal;

import static java.util.Objects.requireNonNull;

import io.c2m.internal.Checks;
import java.util.List;

/**
 * What {@link ProfileStore#addAll(SignalBatch)} did with a batch: how many signals it profiled,
 * how many it counted without profiling (no consent), and every signal it refused, with its
 * position in the batch and the rule it broke.
 *
 * @param profiled signals added to consumer profiles
 * @param withoutConsent signals not profiled because the consumer index was negative (no consent)
 * @param rejected the bad signals, in batch order; none of them changed the store
 */
public record BatchReport(long profiled, long withoutConsent, List<Rejected> rejected) {
  /** Validates. */
  public BatchReport {
    Checks.requireNonNegative(profiled, "profiled");
    Checks.requireNonNegative(withoutConsent, "withoutConsent");
    rejected = List.copyOf(requireNonNull(rejected, "rejected"));
  }

  /**
   * A signal of a batch that the store refused.
   *
   * @param position its position in the batch
   * @param reason the rule it broke, as {@link ProfileStore#add(int, int, SignalType, long,
   *     double)} would have said it in an exception
   */
  public record Rejected(int position, String reason) {
    /** Validates. */
    public Rejected {
      Checks.requireNonNegative(position, "position");
      requireNonNull(reason, "reason");
    }
  }

  /**
   * Returns the number of signals in the batch.
   *
   * @return profiled + withoutConsent + rejected
   */
  public long total() {
    return profiled + withoutConsent + rejected.size();
  }
}
