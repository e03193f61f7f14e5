package io.c2m.niche;

import static java.util.Objects.requireNonNull;

import io.c2m.Attributes;
import io.c2m.NicheId;
import io.c2m.internal.Checks;
import io.c2m.privacy.Releasable;
import io.c2m.signal.CategoryPricePoints;

/**
 * A narrow group of consumers who share a product preference: the unit a manufacturer designs and
 * produces for. A niche carries only aggregates, never its members.
 *
 * @param id the niche's id, stable for the same definition
 * @param definition the attribute constraints that define it, e.g. {@code category=dress,
 *     color=sage, material=linen}; not empty
 * @param audience how many consumers prefer it; positive
 * @param demandScore expected orders from the members' signal strength; zero or more
 * @param lift how much more often the combination occurs than if its attributes were independent
 *     (1 = no more than chance); zero or more
 * @param trend the trend of interest
 */
public record Niche(
    NicheId id, Attributes definition, int audience, double demandScore, double lift, Trend trend)
    implements Releasable {
  /** The attribute key that scopes a niche to a product category. */
  public static final String CATEGORY = CategoryPricePoints.CATEGORY;

  /**
   * Validates.
   *
   * @throws IllegalArgumentException if the definition is empty, the audience not positive, or a
   *     score negative
   */
  public Niche {
    requireNonNull(id, "id");
    requireNonNull(definition, "definition");
    if (definition.isEmpty()) {
      throw new IllegalArgumentException(
          "The definition of niche (" + id + ") must have at least one attribute.");
    }
    Checks.requirePositive(audience, "audience of niche " + id);
    Checks.requireNonNegative(demandScore, "demand score of niche " + id);
    Checks.requireNonNegative(lift, "lift of niche " + id);
    requireNonNull(trend, "trend");
  }

  /**
   * The conventional id of a niche with a definition: its attributes joined, e.g.
   * {@code "category=dress;color=sage"}.
   *
   * @param definition the definition
   * @return the id
   */
  public static NicheId idFor(Attributes definition) {
    StringBuilder sb = new StringBuilder();
    definition.values().forEach((k, v) -> {
      if (sb.length() > 0) {
        sb.append(';');
      }
      sb.append(k).append('=').append(v);
    });
    return new NicheId(sb.toString());
  }
}
