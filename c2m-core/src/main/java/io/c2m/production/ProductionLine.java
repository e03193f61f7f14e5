package io.c2m.production;

import io.c2m.DesignId;
import io.c2m.internal.Checks;
import java.util.Map;
import java.util.TreeMap;

/**
 * A production line shared by several designs: its capacity per period is consumed by the setups
 * and units of every design on it (the capacitated lot-sizing setting of Trigeiro, Thomas and
 * McClain, 1989).
 *
 * @param id the line's name
 * @param capacityPerPeriod capacity available in each period, in the units of {@link LineUse}
 * @param uses the designs on the line and their use of its capacity, sorted by design
 */
public record ProductionLine(String id, double capacityPerPeriod, Map<DesignId, LineUse> uses) {
  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException if the id is blank or the capacity not positive
   */
  public ProductionLine {
    Checks.requireNonBlank(id, "line id");
    Checks.requirePositive(capacityPerPeriod, "capacity per period of line " + id);
    uses = java.util.Collections.unmodifiableMap(
        new TreeMap<>(Checks.requireNoNulls(uses, "uses")));
  }

  /**
   * The tolerance of the capacity rule, relative to the capacity (or absolute below a capacity of
   * one): loads computed in floating point may exceed the capacity by this much.
   */
  public static final double TOLERANCE = 1e-9;

  /**
   * Tells whether a load fits one period of the line: the single capacity rule used to size the
   * largest batch, to place batches and to check plans, so they can never disagree.
   *
   * @param load setup times plus unit uses in one period
   * @return true when {@code load <= capacity + TOLERANCE * max(1, capacity)}
   */
  public boolean fits(double load) {
    return load <= capacityPerPeriod + TOLERANCE * Math.max(1, capacityPerPeriod);
  }
}
