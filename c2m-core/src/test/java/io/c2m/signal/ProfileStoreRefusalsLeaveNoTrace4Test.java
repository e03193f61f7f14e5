package io.c2m.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.Attributes;
import io.c2m.ConsumerId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Regressions of the niche review (issue 4): refused signals leave no trace, no self-merge. */
class ProfileStoreRefusalsLeaveNoTrace4Test {
  private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
  private static final Attributes DRESS = Attributes.of("category", "dress", "color", "sage");

  private static ProfileStore store() {
    return new ProfileStore(ProfileSettings.defaults(), c -> true, T);
  }

  private static Instant tooFar() {
    return T.plus(ProfileSettings.defaults().halfLife()
        .multipliedBy(ProfileStore.MAX_HALF_LIVES + 1L));
  }

  @Test
  void aSignalTooFarFromTheEpochIsRefusedBeforeItsConsumerIsInterned() {
    ProfileStore store = store();
    assertTrue(store.accepts(T));
    assertFalse(store.accepts(tooFar()));
    assertFalse(store.accepts(Instant.MAX));
    Signal far = Signal.of(ConsumerId.of("c1"), SignalType.PURCHASE, tooFar(), DRESS, "web");
    assertThrows(IllegalArgumentException.class, () -> store.add(far));
    assertEquals(0, store.consumers(), "a refused signal must not leave an empty profile");
    assertTrue(store.profiles(T).isEmpty());
  }

  @Test
  void aStoreRefusesToMergeWithItself() {
    ProfileStore store = store();
    store.add(Signal.of(ConsumerId.of("c1"), SignalType.PURCHASE, T, DRESS, "web"));
    double before = store.profiles(T).get(0).affinity(DRESS.pairs().get(0));
    assertThrows(IllegalArgumentException.class, () -> store.merge(store));
    assertEquals(before, store.profiles(T).get(0).affinity(DRESS.pairs().get(0)));
  }
}
