package io.c2m.design;

import static java.util.Objects.requireNonNull;

import io.c2m.Attributes;
import io.c2m.DesignId;
import io.c2m.NicheId;
import io.c2m.internal.Checks;

/**
 * A product tailored to a niche and offered to consumers before it is produced.
 *
 * @param id the design's id
 * @param niche the niche it was tailored for
 * @param spec the full product spec: the niche's definition plus the attributes the tailor filled
 * @param unitPrice the offered unit price, in the plan's one currency; positive
 */
public record ProductDesign(DesignId id, NicheId niche, Attributes spec, double unitPrice) {
  /**
   * Validates.
   *
   * @throws IllegalArgumentException if the spec is empty or the price not positive
   */
  public ProductDesign {
    requireNonNull(id, "id");
    requireNonNull(niche, "niche");
    requireNonNull(spec, "spec");
    if (spec.isEmpty()) {
      throw new IllegalArgumentException("The spec of design (" + id + ") must not be empty.");
    }
    Checks.requirePositive(unitPrice, "unit price of design " + id);
  }

  /**
   * Returns a copy with another price.
   *
   * @param price the new unit price
   * @return the new design
   */
  public ProductDesign withUnitPrice(double price) {
    return new ProductDesign(id, niche, spec, price);
  }
}
