package io.c2m.testkit.niche;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.Attributes;
import io.c2m.NicheId;
import io.c2m.niche.Niche;
import io.c2m.niche.NicheInference;
import io.c2m.niche.NicheRequest;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The contract of {@link NicheInference}: extend it with the inference under test. Every niche
 * reaches the minimum audience, and its audience is the number of the request's profiles whose
 * preferences match its definition; in a single-vertical shop, groups favouring a colour and
 * material of their own are found; scores are in
 * range (demand between 0 and the audience, lift finite and non-negative, trend growth finite);
 * ids are distinct; the same request gives the same niches; no profiles give no niches.
 */
public abstract class NicheInferenceContract {
  /** For subclasses. */
  protected NicheInferenceContract() {}

  /**
   * Returns the inference under test.
   *
   * @return a fresh or shared inference; it must be thread-safe
   */
  protected abstract NicheInference inference();

  /**
   * The requests the properties run on; override to narrow them.
   *
   * @return the arbitrary
   */
  @Provide
  protected Arbitrary<NicheRequest> requests() {
    return NicheArbitraries.requests();
  }

  @Property(tries = 25)
  void nichesRespectTheMinimumAudienceAndScoresAreInRange(@ForAll("requests") NicheRequest r) {
    List<Niche> niches = inference().infer(r);
    assertNotNull(niches);
    Set<NicheId> ids = new HashSet<>();
    for (Niche n : niches) {
      assertTrue(n.audience() >= r.minAudience(), () -> "below the minimum audience: " + n);
      assertTrue(n.audience() <= r.profiles().size(), () -> "more audience than consumers: " + n);
      assertTrue(n.demandScore() >= 0 && n.demandScore() <= n.audience(),
          () -> "demand score out of [0, audience]: " + n);
      assertTrue(Double.isFinite(n.lift()) && n.lift() >= 0, () -> "lift out of range: " + n);
      assertTrue(Double.isFinite(n.trend().growth()), () -> "growth not finite: " + n);
      assertFalse(n.definition().isEmpty());
      assertTrue(ids.add(n.id()), () -> "id twice: " + n.id());
      long matching = r.profiles().stream()
          .filter(p -> p.preferences().matches(n.definition()))
          .count();
      assertEquals(matching, n.audience(),
          () -> "the audience is not the number of profiles matching the definition: " + n);
    }
  }

  /**
   * The single-vertical requests the recall property runs on; override to narrow them.
   *
   * @return the arbitrary
   */
  @Provide
  protected Arbitrary<NicheArbitraries.PlantedRequest> singleCategoryRequests() {
    return NicheArbitraries.singleCategoryRequests();
  }

  /**
   * Whether the inference claims to find every distinct planted group of a single-vertical shop;
   * an inference that does not (a known gap) overrides this to return false and says why.
   *
   * @return true by default
   */
  protected boolean findsDistinctGroups() {
    return true;
  }

  // A fixed seed: recall over random populations is statistical, and a build must not fail by
  // chance. Change the seed to explore.
  @Property(tries = 15, seed = "20261122")
  void findsDistinctPlantedGroupsWhenOneCategoryHoldsEveryConsumer(
      @ForAll("singleCategoryRequests") NicheArbitraries.PlantedRequest planted) {
    if (!findsDistinctGroups()) {
      return;
    }
    Set<Attributes> found = new HashSet<>();
    inference().infer(planted.request()).forEach(n -> found.add(n.definition()));
    for (Attributes group : planted.distinctGroups()) {
      assertTrue(found.contains(group), () -> "missed the planted group " + group + "; found "
          + found);
    }
  }

  @Property(tries = 15)
  void theSameRequestGivesTheSameNiches(@ForAll("requests") NicheRequest r) {
    assertEquals(inference().infer(r), inference().infer(r));
  }

  @Example
  void noProfilesGiveNoNiches() {
    assertEquals(List.of(), inference().infer(
        new NicheRequest(List.of(), 1, NicheArbitraries.AS_OF, 0)));
  }
}
