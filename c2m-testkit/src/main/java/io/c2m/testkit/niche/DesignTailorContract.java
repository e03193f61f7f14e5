package io.c2m.testkit.niche;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.DesignId;
import io.c2m.design.DesignTailor;
import io.c2m.design.ProductDesign;
import io.c2m.design.TailorRequest;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The contract of {@link DesignTailor}: extend it with the tailor under test. Every design keeps
 * the niche's definition, names the niche, has a positive price and a distinct id; the same
 * request gives the same designs.
 */
public abstract class DesignTailorContract {
  /** For subclasses. */
  protected DesignTailorContract() {}

  /**
   * Returns the tailor under test.
   *
   * @return the tailor; it must be thread-safe
   */
  protected abstract DesignTailor tailor();

  /**
   * The niches and members the properties run on.
   *
   * @return the arbitrary
   */
  @Provide
  protected Arbitrary<NicheArbitraries.NicheWithMembers> niches() {
    return NicheArbitraries.nichesWithMembers();
  }

  @Property(tries = 40)
  void designsKeepTheDefinitionAndHaveAPrice(
      @ForAll("niches") NicheArbitraries.NicheWithMembers n) {
    List<ProductDesign> designs =
        tailor().tailor(new TailorRequest(n.niche(), n.members(), n.seed()));
    assertNotNull(designs);
    Set<DesignId> ids = new HashSet<>();
    for (ProductDesign d : designs) {
      assertTrue(d.spec().matches(n.niche().definition()), () -> "spec loses definition: " + d);
      assertEquals(n.niche().id(), d.niche());
      assertTrue(d.unitPrice() > 0 && Double.isFinite(d.unitPrice()));
      assertTrue(ids.add(d.id()), () -> "id twice: " + d.id());
    }
  }

  @Property(tries = 20)
  void theSameRequestGivesTheSameDesigns(@ForAll("niches") NicheArbitraries.NicheWithMembers n) {
    TailorRequest r = new TailorRequest(n.niche(), n.members(), n.seed());
    assertEquals(tailor().tailor(r), tailor().tailor(r));
  }
}
