package io.c2m.sim;

import static java.util.Objects.requireNonNull;

import io.c2m.ConsumerId;
import io.c2m.internal.Checks;
import io.c2m.signal.ConsumerAccount;
import io.c2m.signal.Signal;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A generated population: the consumers, their signals in time order, and the ground truth of
 * which planted niche each consumer belongs to (for measuring inference).
 *
 * @param spec the spec it was drawn from
 * @param seed the seed it was drawn with
 * @param accounts the consumers with their consents, by id
 * @param signals every signal, sorted by instant then consumer
 * @param membership consumer to the index of their planted niche in {@code spec.niches()};
 *     noise consumers are absent
 */
public record Population(
    MarketplaceSpec spec,
    long seed,
    List<ConsumerAccount> accounts,
    List<Signal> signals,
    Map<ConsumerId, Integer> membership) {
  /** Validates and copies. */
  public Population {
    requireNonNull(spec, "spec");
    accounts = List.copyOf(Checks.requireNoNulls(accounts, "accounts"));
    signals = List.copyOf(Checks.requireNoNulls(signals, "signals"));
    membership = Collections.unmodifiableMap(
        new TreeMap<>(Checks.requireNoNulls(membership, "membership")));
    for (Map.Entry<ConsumerId, Integer> e : membership.entrySet()) {
      if (e.getValue() < 0 || e.getValue() >= spec.niches().size()) {
        throw new IllegalArgumentException("The membership of " + e.getKey() + " ("
            + e.getValue() + ") is not the index of a planted niche (0 to "
            + (spec.niches().size() - 1) + ").");
      }
    }
  }

  /**
   * Returns the planted niche a consumer belongs to.
   *
   * @param consumer the consumer
   * @return the niche, or empty for a noise consumer
   */
  public Optional<PlantedNiche> plantedNicheOf(ConsumerId consumer) {
    Integer i = membership.get(consumer);
    return i == null ? Optional.empty() : Optional.of(spec.niches().get(i));
  }
}
