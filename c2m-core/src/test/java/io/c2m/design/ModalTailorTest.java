package io.c2m.design;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.Attributes;
import io.c2m.ConsumerId;
import io.c2m.niche.Niche;
import io.c2m.niche.Trend;
import io.c2m.signal.ConsumerProfile;
import io.c2m.signal.ProfileSettings;
import io.c2m.signal.ProfileStore;
import io.c2m.signal.Signal;
import io.c2m.signal.SignalType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModalTailorTest {
  private static final Instant NOW = Instant.parse("2026-05-01T00:00:00Z");
  private static final Attributes DEFINITION =
      Attributes.of("category", "dress", "color", "sage", "material", "linen");
  private static final Niche NICHE =
      new Niche(Niche.idFor(DEFINITION), DEFINITION, 10, 5, 3, Trend.steady());

  /** Ten members: sizes m (5), s (4), l (1); all midi; bought at 20, 22, ..., 38. */
  private static List<ConsumerProfile> members() {
    ProfileStore store = new ProfileStore(ProfileSettings.defaults(), c -> true, NOW);
    String[] sizes = {"m", "m", "m", "m", "m", "s", "s", "s", "s", "l"};
    for (int i = 0; i < 10; i++) {
      Attributes item = DEFINITION.with("size", sizes[i]).with("length", "midi");
      store.add(new Signal(ConsumerId.of("m" + i), SignalType.PURCHASE, NOW, item, "web",
          20 + 2 * i));
    }
    return store.profiles(NOW);
  }

  @Test
  void fillsTheModalValuesAndPricesAtTheQuantile() {
    List<ProductDesign> designs =
        DesignTailor.modal().tailor(new TailorRequest(NICHE, members(), 0));
    assertEquals(1, designs.size());
    ProductDesign d = designs.get(0);
    assertEquals(DEFINITION.with("size", "m").with("length", "midi"), d.spec());
    // Lower median of 20..38 (ten values): index floor(0.5 * 9) = 4, the fifth price, 28.
    assertEquals(28.0, d.unitPrice());
    assertEquals(NICHE.id(), d.niche());
  }

  @Test
  void offersRunnerUpVariantsForAConceptTest() {
    DesignTailor tailor = DesignTailors.byName("modal",
        Map.of("maxDesigns", "3", "priceQuantile", "0.9"));
    List<ProductDesign> designs = tailor.tailor(new TailorRequest(NICHE, members(), 0));
    // Only size has a runner-up shared by at least 30% (s, 4 of 10); l (1 of 10) is not offered.
    assertEquals(2, designs.size());
    assertEquals(DEFINITION.with("size", "s").with("length", "midi"), designs.get(1).spec());
    List<String> ids = new ArrayList<>();
    designs.forEach(x -> ids.add(x.id().value()));
    assertEquals(List.of("design:" + NICHE.id().value(), "design:" + NICHE.id().value() + "#2"),
        ids);
    // floor(0.9 * 9) = 8: the ninth price, 36.
    assertEquals(36.0, designs.get(0).unitPrice());
    designs.forEach(x -> assertTrue(x.spec().matches(DEFINITION)));
  }
}
