package io.c2m.niche;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.Attributes;
import io.c2m.ConsumerId;
import io.c2m.signal.ConsumerProfile;
import io.c2m.signal.ProfileSettings;
import io.c2m.signal.ProfileStore;
import io.c2m.signal.Signal;
import io.c2m.signal.SignalType;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Regressions of the niche review (issue 4): one profile per consumer; no ids in messages. */
class NicheRequestNamesNoConsumer4Test {
  private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

  private static ConsumerProfile profile(String id) {
    ProfileStore store = new ProfileStore(ProfileSettings.defaults(), c -> true, T);
    store.add(Signal.of(ConsumerId.of(id), SignalType.PURCHASE, T,
        Attributes.of("category", "dress"), "web"));
    return store.profiles(T).get(0);
  }

  @Test
  void aRequestRefusesTwoProfilesOfOneConsumerWithoutNamingThem() {
    ConsumerProfile a = profile("secret-consumer-17");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new NicheRequest(List.of(a, profile("other"), a), 1, T, 0));
    assertTrue(e.getMessage().contains("index 2"), e.getMessage());
    assertFalse(e.getMessage().contains("secret-consumer-17"), e.getMessage());
  }

  @Test
  void mergingProfilesOfTwoConsumersDoesNotNameThem() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> profile("secret-a").merge(profile("secret-b"),
            ProfileSettings.defaults().halfLife()));
    assertFalse(e.getMessage().contains("secret-a") || e.getMessage().contains("secret-b"),
        e.getMessage());
  }
}
