package io.c2m.sim;

import static java.util.Objects.requireNonNull;

/**
 * One strategy's run on one seed.
 *
 * @param metrics what it achieved
 * @param timeline what happened period by period
 */
public record RunResult(RunMetrics metrics, Timeline timeline) {
  /** Validates. */
  public RunResult {
    requireNonNull(metrics, "metrics");
    requireNonNull(timeline, "timeline");
  }
}
