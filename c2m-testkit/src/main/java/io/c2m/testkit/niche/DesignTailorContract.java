package io.c2m.testkit.niche;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.AttributeValue;
import io.c2m.ConsumerId;
import io.c2m.DesignId;
import io.c2m.design.DesignTailor;
import io.c2m.design.ProductDesign;
import io.c2m.design.TailorRequest;
import io.c2m.signal.ConsumerProfile;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
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

  /**
   * The request of a niche with category-scoped evidence drawn from its seed: about half the
   * members get a price point in the niche's category (10 to 100, in cents), and the category's
   * values are the members' preferred values, each left out with probability 0.3 (values that
   * exist only in other categories), plus the definition's.
   *
   * @param n the niche and its members
   * @return the request
   */
  protected static TailorRequest withCategoryEvidence(NicheArbitraries.NicheWithMembers n) {
    SplittableRandom random = new SplittableRandom(n.seed());
    Map<ConsumerId, Double> prices = new HashMap<>();
    Set<AttributeValue> values = new HashSet<>(n.niche().definition().pairs());
    for (ConsumerProfile m : n.members()) {
      if (random.nextBoolean()) {
        prices.put(m.consumer(), 10 + random.nextInt(9001) / 100.0);
      }
      for (AttributeValue v : m.preferences().pairs()) {
        if (random.nextDouble() >= 0.3) {
          values.add(v);
        }
      }
    }
    return new TailorRequest(n.niche(), n.members(), n.seed(), prices, values);
  }

  @Property(tries = 30)
  void categoryEvidenceKeepsTheContract(@ForAll("niches") NicheArbitraries.NicheWithMembers n) {
    TailorRequest r = withCategoryEvidence(n);
    List<ProductDesign> designs = tailor().tailor(r);
    Set<DesignId> ids = new HashSet<>();
    for (ProductDesign d : designs) {
      assertTrue(d.spec().matches(n.niche().definition()), () -> "spec loses definition: " + d);
      assertEquals(n.niche().id(), d.niche());
      assertTrue(d.unitPrice() > 0 && Double.isFinite(d.unitPrice()));
      assertTrue(ids.add(d.id()), () -> "id twice: " + d.id());
    }
    assertEquals(designs, tailor().tailor(withCategoryEvidence(n)));
  }
}
