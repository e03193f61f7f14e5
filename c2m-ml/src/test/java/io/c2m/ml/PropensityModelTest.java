package io.c2m.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.Attributes;
import io.c2m.ConsumerId;
import io.c2m.niche.Niche;
import io.c2m.niche.NicheInference;
import io.c2m.niche.NicheRequest;
import io.c2m.niche.Trend;
import io.c2m.signal.ConsumerProfile;
import io.c2m.signal.ProfileSettings;
import io.c2m.signal.ProfileStore;
import io.c2m.signal.Signal;
import io.c2m.signal.SignalType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PropensityModelTest {
  private static final Instant NOW = Instant.parse("2026-05-01T00:00:00Z");
  private static final Attributes ITEM = Attributes.of("category", "dress", "color", "sage");

  /** Buyers carted and bought; browsers only viewed. */
  private static List<PropensityModel.Outcome> outcomes() {
    ProfileStore store = new ProfileStore(ProfileSettings.defaults(), c -> true, NOW);
    for (int i = 0; i < 60; i++) {
      ConsumerId id = ConsumerId.of("c" + i);
      boolean buyer = i % 3 == 0;
      for (int k = 0; k < 3 + i % 4; k++) {
        store.add(Signal.of(id, SignalType.VIEW, NOW, ITEM, "web"));
      }
      if (buyer) {
        store.add(new Signal(id, SignalType.CART_ADD, NOW, ITEM, "web", 30));
        store.add(new Signal(id, SignalType.PURCHASE, NOW, ITEM, "web", 30));
      }
    }
    List<PropensityModel.Outcome> out = new ArrayList<>();
    for (ConsumerProfile p : store.profiles(NOW)) {
      int i = Integer.parseInt(p.consumer().value().substring(1));
      out.add(new PropensityModel.Outcome(p, i % 3 == 0));
    }
    return out;
  }

  @Test
  void separatesBuyersFromBrowsersAndGivesProbabilities() {
    List<PropensityModel.Outcome> data = outcomes();
    PropensityModel model = PropensityModel.train(data, 20, 7);
    double[] scores = new double[data.size()];
    boolean[] labels = new boolean[data.size()];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = model.probability(data.get(i).profile());
      labels[i] = data.get(i).ordered();
      assertTrue(scores[i] >= 0 && scores[i] <= 1);
    }
    assertEquals(1.0, Metrics.rocAuc(scores, labels), 1e-12);
    List<ConsumerProfile> all = data.stream().map(PropensityModel.Outcome::profile).toList();
    double expected = model.expectedOrders(all);
    assertTrue(expected > 10 && expected < 30, "expected orders " + expected);
  }

  @Test
  void demandOfWrappedNichesIsTheMembersExpectedOrders() {
    List<PropensityModel.Outcome> data = outcomes();
    PropensityModel model = PropensityModel.train(data, 20, 7);
    List<ConsumerProfile> profiles = data.stream().map(PropensityModel.Outcome::profile).toList();
    Niche niche = new Niche(Niche.idFor(ITEM), ITEM, 60, 1, 2, Trend.steady());
    NicheInference fixed = r -> List.of(niche);
    Niche rescored = model.withDemand(fixed).infer(new NicheRequest(profiles, 1, NOW, 0)).get(0);
    assertEquals(model.expectedOrders(profiles), rescored.demandScore(), 1e-9);
    assertEquals(niche.definition(), rescored.definition());
  }

  @Test
  void oneClassIsNotEnoughToTrain() {
    List<PropensityModel.Outcome> onlyBuyers = outcomes().stream()
        .filter(PropensityModel.Outcome::ordered).toList();
    assertThrows(IllegalArgumentException.class, () -> PropensityModel.train(onlyBuyers, 5, 1));
  }
}
