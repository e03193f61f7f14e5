package io.c2m.niche;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.Attributes;
import io.c2m.ConsumerId;
import io.c2m.NicheId;
import io.c2m.StrategyException;
import io.c2m.signal.ConsumerProfile;
import io.c2m.signal.ProfileSettings;
import io.c2m.signal.ProfileStore;
import io.c2m.signal.Signal;
import io.c2m.signal.SignalType;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckedNicheInferenceTest {
  private static final Instant NOW = Instant.parse("2026-05-01T00:00:00Z");
  private static final Attributes SAGE = Attributes.of("category", "dress", "color", "sage");

  /** Three consumers who bought a sage dress, one who bought a navy shirt. */
  private static NicheRequest request(int minAudience) {
    ProfileStore store = new ProfileStore(ProfileSettings.defaults(), c -> true, NOW);
    for (int i = 0; i < 3; i++) {
      store.add(new Signal(ConsumerId.of("c" + i), SignalType.PURCHASE, NOW, SAGE, "web", 30));
    }
    store.add(new Signal(ConsumerId.of("x"), SignalType.PURCHASE, NOW,
        Attributes.of("category", "shirt", "color", "navy"), "web", 30));
    List<ConsumerProfile> profiles = store.profiles(NOW);
    return new NicheRequest(profiles, minAudience, NOW, 0);
  }

  private static Niche niche(String id, int audience, double demand) {
    return new Niche(NicheId.of(id), SAGE, audience, demand, 2, Trend.steady());
  }

  @Test
  void aNicheFewerThanTheMinimumMatchIsWithheldWhateverItsReportedAudience() {
    NicheInference liar = r -> List.of(niche("sage", 1_000, 1));
    assertEquals(List.of(), NicheInference.checked(liar).infer(request(4)));
  }

  @Test
  void aNicheWithTheRecountedAudienceIsReleased() {
    Niche honest = niche("sage", 3, 2);
    assertEquals(List.of(honest),
        NicheInference.checked(r -> List.of(honest)).infer(request(3)));
  }

  @Test
  void anAudienceOtherThanTheRecountIsTheStrategysError() {
    NicheInference liar = new NicheInference() {
      @Override
      public List<Niche> infer(NicheRequest r) {
        return List.of(niche("sage", 4, 1));
      }

      @Override
      public String name() {
        return "liar";
      }
    };
    StrategyException e = assertThrows(StrategyException.class,
        () -> NicheInference.checked(liar).infer(request(2)));
    assertEquals("liar", e.strategyId());
    assertTrue(e.getMessage().contains("3 profiles"), e.getMessage());
  }

  @Test
  void aDemandScoreAboveTheAudienceARepeatedIdAndAFailureAreTheStrategysError() {
    assertThrows(StrategyException.class, () -> NicheInference.checked(
        r -> List.of(niche("sage", 3, 3.5))).infer(request(1)));
    assertThrows(StrategyException.class, () -> NicheInference.checked(
        r -> List.of(niche("sage", 3, 1), niche("sage", 3, 1))).infer(request(1)));
    IllegalStateException cause = new IllegalStateException("boom");
    StrategyException e = assertThrows(StrategyException.class, () -> NicheInference.checked(
        r -> {
          throw cause;
        }).infer(request(1)));
    assertSame(cause, e.getCause());
    assertThrows(StrategyException.class,
        () -> NicheInference.checked(r -> null).infer(request(1)));
  }

  @Test
  void wrappingTwiceWrapsOnceAndKeepsTheName() {
    NicheInference checked = NicheInference.checked(NicheInference.attributeMiner());
    assertSame(checked, NicheInference.checked(checked));
    assertEquals("attribute-miner", checked.name());
  }
}
