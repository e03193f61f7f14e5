package io.c2m.sim;

import static java.util.Objects.requireNonNull;

import io.c2m.Attributes;
import io.c2m.internal.Checks;

/**
 * A niche planted in a synthetic population: the definition its members prefer, how many members
 * it has, and the price its members pay around.
 *
 * @param definition the attributes the members prefer; not empty
 * @param members how many consumers belong to it; positive
 * @param priceCenter the typical unit price of its items; positive
 */
public record PlantedNiche(Attributes definition, int members, double priceCenter) {
  /** Validates. */
  public PlantedNiche {
    requireNonNull(definition, "definition");
    if (definition.isEmpty()) {
      throw new IllegalArgumentException("A planted niche needs at least one attribute.");
    }
    Checks.requirePositive(members, "members of planted niche " + definition);
    Checks.requirePositive(priceCenter, "price center of planted niche " + definition);
  }
}
