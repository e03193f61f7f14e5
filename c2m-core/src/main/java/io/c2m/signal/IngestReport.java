package io.c2m.signal;

import io.c2m.internal.Checks;

/**
 * What happened to a batch of ingested signals.
 *
 * @param profiled signals added to consumer profiles
 * @param withoutConsent signals not profiled because the consumer has not consented to profiling
 */
public record IngestReport(long profiled, long withoutConsent) {
  /** Validates. */
  public IngestReport {
    Checks.requireNonNegative(profiled, "profiled");
    Checks.requireNonNegative(withoutConsent, "withoutConsent");
  }

  /**
   * Returns the number of signals seen.
   *
   * @return profiled + withoutConsent
   */
  public long total() {
    return profiled + withoutConsent;
  }
}
