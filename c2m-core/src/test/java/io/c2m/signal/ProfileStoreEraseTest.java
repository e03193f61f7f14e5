package io.c2m.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.AttributeValue;
import io.c2m.Attributes;
import io.c2m.ConsumerId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProfileStoreEraseTest {
  private static final Instant T = Instant.parse("2026-02-01T00:00:00Z");

  private static ProfileStore store() {
    return new ProfileStore(ProfileSettings.defaults(), c -> true, T);
  }

  @Test
  void erasedConsumersVanishFromProfilesCountsAndMerges() {
    ConsumerId a = ConsumerId.of("a");
    ConsumerId b = ConsumerId.of("b");
    Attributes sage = Attributes.of("color", "sage");
    ProfileStore left = store();
    left.add(new Signal(a, SignalType.PURCHASE, T, sage, "web", 30));
    left.add(Signal.of(b, SignalType.VIEW, T, sage, "web"));
    assertTrue(left.erase(a));
    assertFalse(left.erase(a));
    assertFalse(left.erase(ConsumerId.of("never-seen")));
    assertEquals(1, left.consumers());
    assertEquals(List.of(b), left.profiles(T).stream().map(ConsumerProfile::consumer).toList());
    assertTrue(left.profile(a, T).isEmpty());

    ProfileStore right = store();
    right.merge(left);
    assertTrue(right.profile(a, T).isEmpty(), "an erased consumer must not travel in a merge");

    left.add(Signal.of(a, SignalType.VIEW, T, sage, "web"));
    ConsumerProfile back = left.profile(a, T).orElseThrow();
    assertEquals(1, back.signalCount());
    assertEquals(SignalType.VIEW.defaultWeight(), back.affinity(AttributeValue.of("color", "sage")),
        1e-12);
    assertTrue(back.pricePoint().isEmpty(), "the old purchase price is gone");
  }
}
