package io.c2m.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.Attributes;
import io.c2m.signal.Signal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SyntheticMarketplaceTest {
  private static final MarketplaceSpec SPEC = MarketplaceSpec.fashion().withConsumers(1500);

  @Test
  void sameSeedSamePopulationOtherSeedOther() {
    Population a = SyntheticMarketplace.generate(SPEC, 3);
    Population b = SyntheticMarketplace.generate(SPEC, 3);
    assertEquals(a, b);
    assertNotEquals(a.signals(), SyntheticMarketplace.generate(SPEC, 4).signals());
  }

  @Test
  void plantedNichesHaveTheirMembersAndMembersFocusOnThem() {
    Population p = SyntheticMarketplace.generate(SPEC, 5);
    int[] members = new int[SPEC.niches().size()];
    p.membership().values().forEach(i -> members[i]++);
    for (int i = 0; i < members.length; i++) {
      assertEquals(SPEC.niches().get(i).members(), members[i]);
    }
    assertEquals(SPEC.consumers(), p.accounts().size());
    Map<Boolean, int[]> onNiche = new HashMap<>();
    for (Signal s : p.signals()) {
      p.plantedNicheOf(s.consumer()).ifPresent(n -> {
        int[] c = onNiche.computeIfAbsent(s.item().matches(n.definition()), k -> new int[1]);
        c[0]++;
      });
    }
    double share = (double) onNiche.get(true)[0]
        / (onNiche.get(true)[0] + onNiche.get(false)[0]);
    assertTrue(share > SPEC.nicheFocus() - 0.02 && share < SPEC.nicheFocus() + 0.05,
        "share of niche members' signals on their niche: " + share);
  }

  @Test
  void signalsAreInTimeOrderWithinTheWindow() {
    List<Signal> signals = SyntheticMarketplace.generate(SPEC, 1).signals();
    for (int i = 1; i < signals.size(); i++) {
      assertTrue(!signals.get(i).at().isBefore(signals.get(i - 1).at()));
    }
    assertTrue(!signals.get(0).at().isBefore(SPEC.start()));
    assertTrue(signals.get(signals.size() - 1).at().isBefore(SPEC.end()));
  }

  @Test
  void aNichesFocusedSignalsFallInItsActivePartOfTheWindow() {
    Population p = SyntheticMarketplace.generate(SPEC, 9);
    long half = SPEC.span().toMillis() / 2;
    long checked = p.signals().stream().filter(s -> p.plantedNicheOf(s.consumer())
        .filter(n -> n.activeTo() < 1 && s.item().matches(n.definition())).isPresent()).count();
    long late = p.signals().stream().filter(s -> p.plantedNicheOf(s.consumer())
        .filter(n -> n.activeTo() < 1 && s.item().matches(n.definition())).isPresent())
        .filter(s -> s.at().toEpochMilli() - SPEC.start().toEpochMilli() > half).count();
    assertTrue(checked > 500, "too few focused signals to judge: " + checked);
    assertTrue(late < checked / 20, late + " of " + checked + " focused signals after the niche"
        + " stopped: only random items may match by chance");
    assertThrows(IllegalArgumentException.class,
        () -> SPEC.niches().get(0).activeBetween(0.5, 0.5));
  }

  @Test
  void specRefusesPlantedAttributesOutsideTheCatalogue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SPEC.withNiches(List.of(new PlantedNiche(Attributes.of("color", "chartreuse"), 10,
            20))));
    assertTrue(e.getMessage().contains("color=chartreuse"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> SPEC.withConsumers(100));
  }
}
