package io.c2m.testkit.niche;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.AttributeValue;
import io.c2m.design.DesignTailor;
import io.c2m.design.DesignTailors;
import io.c2m.design.ProductDesign;
import io.c2m.design.TailorRequest;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class ModalTailorContractTest extends DesignTailorContract {
  @Override
  protected DesignTailor tailor() {
    return DesignTailors.byName("modal", Map.of("maxDesigns", "3"));
  }

  /**
   * With category evidence, the modal tailor prices within the members' category price points
   * (a quantile of them) and fills only values that occur in the category.
   */
  @Property(tries = 60)
  void pricesWithinTheCategoryAndFillsOnlyItsValues(
      @ForAll("niches") NicheArbitraries.NicheWithMembers n) {
    TailorRequest r = withCategoryEvidence(n);
    List<ProductDesign> designs = tailor().tailor(r);
    double min = r.pricePoints().values().stream().mapToDouble(Double::doubleValue).min()
        .orElse(Double.NaN);
    double max = r.pricePoints().values().stream().mapToDouble(Double::doubleValue).max()
        .orElse(Double.NaN);
    for (ProductDesign d : designs) {
      if (!r.pricePoints().isEmpty()) {
        assertTrue(d.unitPrice() >= min - 0.005 && d.unitPrice() <= max + 0.005,
            () -> "price " + d.unitPrice() + " outside the category's [" + min + ", " + max + "]");
      }
      for (AttributeValue v : d.spec().pairs()) {
        assertTrue(r.categoryValues().contains(v), () -> "filled a value not in the category: "
            + v);
      }
    }
  }
}
