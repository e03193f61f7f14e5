package io.c2m.niche.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.Attributes;
import io.c2m.ConsumerId;
import io.c2m.niche.Niche;
import io.c2m.niche.NicheInferences;
import io.c2m.niche.NicheRequest;
import io.c2m.niche.TrendSettings;
import io.c2m.signal.ProfileSettings;
import io.c2m.signal.ProfileStore;
import io.c2m.signal.Signal;
import io.c2m.signal.SignalType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Issue 11: 20 consumers sharing 150 custom attributes ran out of a 2 GB heap after 57 s in
 * attribute mining (C(150, 5) combinations); one consumer with 100 attributes at minimum
 * audience 1 ran past 90 s. The search is now bounded and the cap reported.
 */
class AttributeMinerBudgetIssue11Test {
  private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");

  private static NicheRequest request(int consumers, int attributes, int minAudience) {
    ProfileStore store = new ProfileStore(ProfileSettings.defaults(), c -> true, NOW);
    Map<String, String> item = new TreeMap<>();
    item.put("category", "shirt");
    for (int a = 0; a < attributes; a++) {
      item.put("custom" + a, "v" + a);
    }
    for (int c = 0; c < consumers; c++) {
      store.add(Signal.of(ConsumerId.of("c" + c), SignalType.PURCHASE, NOW.minusSeconds(60),
          Attributes.of(item), "test"));
    }
    return new NicheRequest(store.profiles(NOW), minAudience, NOW, 1, store.timeline());
  }

  @Test
  void manySharedCustomAttributesFinishQuicklyAndTheCapIsReported() {
    AttributeMiner miner = new AttributeMiner(5);
    List<Niche> niches = assertTimeoutPreemptively(Duration.ofSeconds(30),
        () -> miner.infer(request(20, 150, 5)));
    assertTrue(miner.lastCap().isPresent());
    assertTrue(miner.lastCap().get().contains("maxValuesPerConsumer (24)"),
        miner.lastCap().get());
    for (Niche n : niches) {
      assertTrue(n.definition().size() <= 5, n::toString);
    }
  }

  @Test
  void oneConsumerWithAHundredAttributesAtAudienceOneFinishes() {
    AttributeMiner miner = new AttributeMiner(5);
    assertTimeoutPreemptively(Duration.ofSeconds(30), () -> miner.infer(request(1, 100, 1)));
  }

  @Test
  void theItemsetBudgetStopsTheSearchDeterministically() {
    AttributeMiner miner = new AttributeMiner(5, 1.5, 5, 0.25, TrendSettings.defaults(), 40,
        1000);
    NicheRequest r = request(20, 60, 5);
    List<Niche> first = miner.infer(r);
    assertTrue(miner.lastCap().orElse("").contains("maxItemsets (1000)"),
        miner.lastCap().toString());
    assertEquals(first, miner.infer(r));
  }

  @Test
  void withinBudgetNothingIsReported() {
    AttributeMiner miner = new AttributeMiner(5);
    miner.infer(request(30, 3, 5));
    assertTrue(miner.lastCap().isEmpty());
  }

  @Test
  void budgetsAreSettingsAndValidated() {
    NicheInferences.byName("attribute-miner", Map.of("maxValuesPerConsumer", "10",
        "maxItemsets", "5000"));
    assertThrows(RuntimeException.class, () -> NicheInferences.byName("attribute-miner",
        Map.of("maxItemsets", "10")));
    assertThrows(IllegalArgumentException.class, () -> new AttributeMiner(5, 1.5, 5, 0.25,
        TrendSettings.defaults(), 4, 100_000));
  }
}
