package io.c2m.design;

import io.c2m.design.internal.ModalTailor;
import java.util.List;

/**
 * Decides the spec and price of the designs offered to a niche. Pure and thread-safe.
 */
@FunctionalInterface
public interface DesignTailor {
  /**
   * Tailors designs for a niche.
   *
   * @param request the niche and its members
   * @return zero or more designs; empty when the members give too little evidence (for example no
   *     price point at all)
   */
  List<ProductDesign> tailor(TailorRequest request);

  /**
   * Returns the stable name of this strategy.
   *
   * @return the name
   */
  default String name() {
    return getClass().getSimpleName();
  }

  /**
   * The built-in modal tailor: the niche's definition, the other attributes set to the members'
   * most common preferred value (when at least 30% share it) and the price at the median of the
   * members' price points; both scoped to the niche's category when the request carries category
   * evidence, as the engine's requests do (see {@link TailorRequest}); a category-scoped request
   * without category price points gets no design.
   *
   * @return the strategy named {@code "modal"}
   */
  static DesignTailor modal() {
    return new ModalTailor(ModalTailor.DEFAULT_MIN_SHARE, ModalTailor.DEFAULT_PRICE_QUANTILE);
  }
}
