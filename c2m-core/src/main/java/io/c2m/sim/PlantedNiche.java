package io.c2m.sim;

import static java.util.Objects.requireNonNull;

import io.c2m.Attributes;
import io.c2m.internal.Checks;

/**
 * A niche planted in a synthetic population: the definition its members prefer, how many members
 * it has, the price its members pay around, and when in the signal window their interest in it is
 * active. Interest active only late in the window makes an emerging niche; only early, a fading
 * one (demand that may be fleeting).
 *
 * @param definition the attributes the members prefer; not empty
 * @param members how many consumers belong to it; positive
 * @param priceCenter the typical unit price of its items; positive
 * @param activeFrom the share of the window before the members' focused signals start, in [0, 1)
 * @param activeTo the share of the window after which they stop, in (activeFrom, 1]
 */
public record PlantedNiche(
    Attributes definition, int members, double priceCenter, double activeFrom, double activeTo) {
  /**
   * Validates.
   *
   * @throws IllegalArgumentException if a number is out of range
   */
  public PlantedNiche {
    requireNonNull(definition, "definition");
    if (definition.isEmpty()) {
      throw new IllegalArgumentException("A planted niche needs at least one attribute.");
    }
    Checks.requirePositive(members, "members of planted niche " + definition);
    Checks.requirePositive(priceCenter, "price center of planted niche " + definition);
    if (!(activeFrom >= 0 && activeFrom < activeTo && activeTo <= 1)) {
      throw new IllegalArgumentException("The active part (" + activeFrom + " to " + activeTo
          + ") of planted niche " + definition + " must satisfy 0 <= from < to <= 1.");
    }
  }

  /**
   * A niche whose members' interest spans the whole window (a steady niche).
   *
   * @param definition the attributes the members prefer
   * @param members how many consumers belong to it
   * @param priceCenter the typical unit price of its items
   */
  public PlantedNiche(Attributes definition, int members, double priceCenter) {
    this(definition, members, priceCenter, 0, 1);
  }

  /**
   * Returns a copy whose members' interest is active only in part of the window.
   *
   * @param from the share of the window before it starts
   * @param to the share of the window after which it stops
   * @return the new niche
   */
  public PlantedNiche activeBetween(double from, double to) {
    return new PlantedNiche(definition, members, priceCenter, from, to);
  }
}
