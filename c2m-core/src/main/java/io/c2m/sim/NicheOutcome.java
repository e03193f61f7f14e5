package io.c2m.sim;

import static java.util.Objects.requireNonNull;

import io.c2m.Attributes;

/**
 * How one planted niche fared in a run.
 *
 * @param definition the niche's definition
 * @param emergence the period it emerged in (0 for an established niche)
 * @param fade the period it had faded by
 * @param timeToFirstBatch periods from its emergence to the first batch or lot of a design that
 *     serves it (its spec holds the whole definition); NaN when none was made
 * @param potentialDemand units its members would have ordered had a perfect design been offered
 *     at their price with no wait, each member once (drawn with the same draws every strategy
 *     sees)
 * @param servedBeforeFade units delivered, by its fade, to members who ordered while wanting it
 * @param servedShare {@code servedBeforeFade / potentialDemand}, at most 1 (0 without demand)
 */
public record NicheOutcome(
    Attributes definition,
    int emergence,
    int fade,
    double timeToFirstBatch,
    double potentialDemand,
    double servedBeforeFade,
    double servedShare) {
  /** Validates. */
  public NicheOutcome {
    requireNonNull(definition, "definition");
    if (fade < emergence) {
      throw new IllegalArgumentException("The fade (" + fade + ") of planted niche " + definition
          + " must not be before its emergence (" + emergence + ").");
    }
  }
}
