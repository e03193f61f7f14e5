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
import io.c2m.signal.InterestTimeline;
import io.c2m.signal.ProfileSettings;
import io.c2m.signal.ProfileStore;
import io.c2m.signal.Signal;
import io.c2m.signal.SignalType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The preferred-values path of {@link NicheInference} (issue 15). */
class PreferenceRequestTest {
  private static final Instant NOW = Instant.parse("2026-05-01T00:00:00Z");
  private static final Attributes SAGE = Attributes.of("category", "dress", "color", "sage");

  /** c0..c3 bought a sage dress, x a navy shirt. */
  private static ProfileStore store() {
    ProfileStore store = new ProfileStore(ProfileSettings.defaults(), c -> true, NOW);
    for (int i = 0; i < 4; i++) {
      store.add(new Signal(ConsumerId.of("c" + i), SignalType.PURCHASE, NOW, SAGE, "web", 30));
    }
    store.add(new Signal(ConsumerId.of("x"), SignalType.PURCHASE, NOW,
        Attributes.of("category", "shirt", "color", "navy"), "web", 30));
    return store;
  }

  /** The rows of c1, c2, c3 and x: c0 left out. */
  private static BitSet allButFirst() {
    BitSet rows = new BitSet();
    rows.set(1, 5);
    return rows;
  }

  private static List<ConsumerProfile> allButFirst(ProfileStore store) {
    List<ConsumerProfile> all = store.profiles(NOW);
    return new ArrayList<>(all.subList(1, all.size()));
  }

  @Test
  void theRequestHoldsTheIncludedRowsProfilesBuiltOnce() {
    ProfileStore store = store();
    AtomicInteger built = new AtomicInteger();
    PreferenceRequest r = new PreferenceRequest(store.preferredValues(NOW), allButFirst(), 2, 7,
        InterestTimeline.empty(), () -> {
          built.incrementAndGet();
          return allButFirst(store);
        });
    assertEquals(0, built.get());
    assertEquals(4, r.size());
    NicheRequest request = r.request();
    assertSame(request, r.request());
    assertEquals(1, built.get());
    assertEquals(List.of("c1", "c2", "c3", "x"),
        request.profiles().stream().map(p -> p.consumer().value()).toList());
    assertEquals(2, request.minAudience());
    assertEquals(NOW, request.asOf());
    assertEquals(7, request.seed());
  }

  @Test
  void theDefaultPathAsksTheObjectPath() {
    ProfileStore store = store();
    List<Integer> seen = new ArrayList<>();
    NicheInference counting = r -> {
      seen.add(r.profiles().size());
      return List.of();
    };
    counting.infer(new PreferenceRequest(store.preferredValues(NOW), allButFirst(), 2, 0,
        InterestTimeline.empty(), () -> allButFirst(store)));
    assertEquals(List.of(4), seen);
  }

  @Test
  void profilesOfOtherConsumersAreRefused() {
    ProfileStore store = store();
    PreferenceRequest r = new PreferenceRequest(store.preferredValues(NOW), allButFirst(), 2, 0,
        InterestTimeline.empty(), () -> store.profiles(NOW));
    IllegalStateException e = assertThrows(IllegalStateException.class, r::request);
    assertTrue(e.getMessage().contains("5 profiles supplied"), e.getMessage());
  }

  @Test
  void rowsOutsideThePreferredValuesAndABadMinimumAreRefused() {
    ProfileStore store = store();
    BitSet rows = new BitSet();
    rows.set(5);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new PreferenceRequest(store.preferredValues(NOW), rows, 2, 0,
            InterestTimeline.empty(), List::of));
    assertTrue(e.getMessage().contains("row 5"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> new PreferenceRequest(store.preferredValues(NOW), allButFirst(), 0, 0,
            InterestTimeline.empty(), List::of));
  }

  @Test
  void theCheckRecountsAmongTheIncludedRowsOnly() {
    ProfileStore store = store();
    PreferenceRequest r = new PreferenceRequest(store.preferredValues(NOW), allButFirst(), 3, 0,
        InterestTimeline.empty(), () -> allButFirst(store));
    Niche three = new Niche(NicheId.of("sage"), SAGE, 3, 1, 2, Trend.steady());
    Niche four = new Niche(NicheId.of("sage"), SAGE, 4, 1, 2, Trend.steady());
    // Preferred-values path of a strategy that overrides it: three of the included rows match.
    NicheInference honest = new NicheInference() {
      @Override
      public List<Niche> infer(NicheRequest request) {
        return List.of(three);
      }

      @Override
      public List<Niche> infer(PreferenceRequest request) {
        return List.of(three);
      }
    };
    assertEquals(List.of(three), NicheInference.checked(honest).infer(r));
    NicheInference counter = new NicheInference() {
      @Override
      public List<Niche> infer(NicheRequest request) {
        return List.of(four);
      }

      @Override
      public List<Niche> infer(PreferenceRequest request) {
        return List.of(four); // counts c0, who is not in the request
      }
    };
    assertThrows(StrategyException.class, () -> NicheInference.checked(counter).infer(r));
    PreferenceRequest larger = new PreferenceRequest(store.preferredValues(NOW), allButFirst(), 4,
        0, InterestTimeline.empty(), () -> allButFirst(store));
    assertEquals(List.of(), NicheInference.checked(counter).infer(larger));
  }

  @Test
  void theStoreRequestIsAboutEveryConsumer() {
    ProfileStore store = store();
    PreferenceRequest r = PreferenceRequest.of(store, 2, NOW, 1);
    assertEquals(5, r.size());
    assertEquals(store.profiles(NOW), r.request().profiles());
    assertEquals(NicheInference.attributeMiner().infer(r.request()),
        NicheInference.attributeMiner().infer(r));
  }
}
