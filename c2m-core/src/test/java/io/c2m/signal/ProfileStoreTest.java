package io.c2m.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.AttributeValue;
import io.c2m.Attributes;
import io.c2m.ConsumerId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProfileStoreTest {
  private static final Instant EPOCH = Instant.parse("2026-03-01T00:00:00Z");
  private static final ConsumerId ANN = ConsumerId.of("ann");
  private static final ConsumerId BOB = ConsumerId.of("bob");
  private static final Attributes SAGE_DRESS =
      Attributes.of("category", "dress", "color", "sage", "material", "linen");
  private static final Attributes NAVY_DRESS = Attributes.of("category", "dress", "color", "navy");

  private static ProfileStore store() {
    return new ProfileStore(ProfileSettings.defaults(), c -> !c.equals(BOB), EPOCH);
  }

  @Test
  void aPurchaseOneHalfLifeAgoCountsHalfItsWeight() {
    ProfileStore s = store();
    Instant t = EPOCH.plus(Duration.ofDays(3));
    s.add(new Signal(ANN, SignalType.PURCHASE, t, SAGE_DRESS, "web", 40.0));
    // Default purchase weight 5, half-life 30 days: 30 days later the evidence is 2.5.
    ConsumerProfile p = s.profile(ANN, t.plus(Duration.ofDays(30))).orElseThrow();
    assertEquals(2.5, p.affinity(AttributeValue.of("color", "sage")), 1e-12);
    assertEquals(2.5, p.affinity(AttributeValue.of("material", "linen")), 1e-12);
    assertEquals(40.0, p.pricePoint().getAsDouble(), 1e-9);
    assertEquals(1, p.signalCount());
  }

  @Test
  void signalsBeforeTheEpochAndInAnyOrderAreWeighedByTheirOwnAge() {
    ProfileStore s = store();
    Instant asOf = EPOCH.plus(Duration.ofDays(10));
    s.add(Signal.of(ANN, SignalType.VIEW, asOf, NAVY_DRESS, "web"));
    s.add(Signal.of(ANN, SignalType.VIEW, EPOCH.minus(Duration.ofDays(50)), NAVY_DRESS, "web"));
    // 1 (now) + 1 * 2^-2 (60 days old).
    ConsumerProfile p = s.profile(ANN, asOf).orElseThrow();
    assertEquals(1.25, p.affinity(AttributeValue.of("color", "navy")), 1e-12);
  }

  @Test
  void returnsCountAgainstAndPreferencesFollowTheStrongestPositiveValue() {
    ProfileStore s = store();
    Instant t = EPOCH.plus(Duration.ofDays(1));
    s.add(Signal.of(ANN, SignalType.CART_ADD, t, SAGE_DRESS, "web"));
    s.add(Signal.of(ANN, SignalType.VIEW, t, NAVY_DRESS, "web"));
    s.add(Signal.of(ANN, SignalType.VIEW, t, NAVY_DRESS, "web"));
    s.add(Signal.of(ANN, SignalType.RETURN, t, SAGE_DRESS, "web"));
    ConsumerProfile p = s.profile(ANN, t).orElseThrow();
    assertEquals(-1.0, p.affinity(AttributeValue.of("color", "sage")), 1e-12);
    assertEquals(Attributes.of("category", "dress", "color", "navy"), p.preferences());
  }

  @Test
  void signalsWithoutConsentAreCountedNotProfiled() {
    ProfileStore s = store();
    assertFalse(s.add(Signal.of(BOB, SignalType.PURCHASE, EPOCH, SAGE_DRESS, "web")));
    assertTrue(s.add(Signal.of(ANN, SignalType.VIEW, EPOCH, SAGE_DRESS, "web")));
    assertEquals(1, s.skippedWithoutConsent());
    assertEquals(1, s.accepted());
    assertTrue(s.profile(BOB, EPOCH).isEmpty());
    assertEquals(List.of(ANN), s.profiles(EPOCH).stream().map(ConsumerProfile::consumer).toList());
    assertEquals(-1, s.admit(BOB));
    assertFalse(s.add(-1, s.itemIndex(SAGE_DRESS), SignalType.VIEW, 0, Double.NaN));
    assertEquals(2, s.skippedWithoutConsent());
  }

  @Test
  void aSignalFarFromTheEpochIsRefusedWithTheRule() {
    ProfileStore s = new ProfileStore(
        ProfileSettings.defaults().withHalfLife(Duration.ofHours(1)), c -> true, EPOCH);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> s.add(Signal.of(ANN, SignalType.VIEW, EPOCH.plus(Duration.ofDays(40)), NAVY_DRESS,
            "web")));
    assertTrue(e.getMessage().contains("half-lives"), e.getMessage());
  }

  @Test
  void manyValuesPerConsumerGrowTheirTableAndStayExact() {
    ProfileStore s = store();
    int consumers = 300;
    int values = 70;
    for (int c = 0; c < consumers; c++) {
      for (int v = 0; v < values; v++) {
        Attributes item = Attributes.of("color", "c" + v);
        for (int k = 0; k <= (c + v) % 3; k++) {
          s.add(Signal.of(ConsumerId.of("u" + c), SignalType.VIEW, EPOCH, item, "web"));
        }
      }
    }
    assertEquals(consumers, s.consumers());
    for (int c = 0; c < consumers; c += 37) {
      ConsumerProfile p = s.profile(ConsumerId.of("u" + c), EPOCH).orElseThrow();
      assertEquals(values, p.affinities().size());
      for (int v = 0; v < values; v++) {
        assertEquals(1 + (c + v) % 3, p.affinity(AttributeValue.of("color", "c" + v)), 1e-12);
      }
    }
    assertTrue(s.evidenceBytes() > 0);
  }

  @Test
  void aConsumerWithThousandsOfValuesGetsATableOfItsOwnOnEveryPath() {
    // 4,000 values need a table of 8,192 slots, larger than the chunks small tables share: one by
    // one (grown step by step), in one bulk run (sized at once) and by merging, with small
    // consumers' tables allocated around it.
    int values = 4_000;
    ProfileStore oneByOne = store();
    ProfileStore bulk = store();
    SignalBatch batch = SignalBatch.ofStoreIndices(16);
    int bigBulk = bulk.admit(ANN);
    int[] smallBulk = new int[50];
    for (int c = 0; c < smallBulk.length; c++) {
      smallBulk[c] = bulk.admit(ConsumerId.of("small" + c));
    }
    for (int v = 0; v < values; v++) {
      Attributes item = Attributes.of("color", "c" + v);
      int i = bulk.itemIndex(item);
      for (int k = 0; k <= v % 3; k++) {
        oneByOne.add(Signal.of(ANN, SignalType.VIEW, EPOCH, item, "web"));
        batch.add(bigBulk, i, SignalType.VIEW, EPOCH.toEpochMilli(), Double.NaN);
      }
      if (v % 80 == 0) {
        ConsumerId small = ConsumerId.of("small" + v / 80);
        oneByOne.add(Signal.of(small, SignalType.VIEW, EPOCH, item, "web"));
      }
    }
    for (int v = 0; v < values; v += 80) {
      batch.add(smallBulk[v / 80], bulk.itemIndex(Attributes.of("color", "c" + v)),
          SignalType.VIEW, EPOCH.toEpochMilli(), Double.NaN);
    }
    assertEquals(batch.size(), bulk.addAll(batch).profiled());
    ProfileStore merged = store().merge(bulk);
    for (ProfileStore s : List.of(oneByOne, bulk, merged)) {
      ConsumerProfile p = s.profile(ANN, EPOCH).orElseThrow();
      assertEquals(values, p.affinities().size());
      for (int v = 0; v < values; v++) {
        assertEquals(1 + v % 3, p.affinity(AttributeValue.of("color", "c" + v)), 1e-12);
      }
      for (int c = 0; c < smallBulk.length; c++) {
        ConsumerProfile small = s.profile(ConsumerId.of("small" + c), EPOCH).orElseThrow();
        assertEquals(Set.of(AttributeValue.of("color", "c" + c * 80)),
            small.affinities().keySet());
      }
    }
    assertEquals(oneByOne.profiles(EPOCH), bulk.profiles(EPOCH));
  }

  @Test
  void theTimelineSumsPositiveInterestPerMatchingItemAndDay() {
    ProfileStore s = store();
    Instant day0 = EPOCH;
    s.add(Signal.of(ANN, SignalType.VIEW, day0, SAGE_DRESS, "web"));
    s.add(Signal.of(ANN, SignalType.PURCHASE, day0.plus(Duration.ofHours(30)), SAGE_DRESS, "web"));
    s.add(Signal.of(ANN, SignalType.LIKE, day0.plus(Duration.ofHours(30)), NAVY_DRESS, "web"));
    s.add(Signal.of(ANN, SignalType.RETURN, day0.plus(Duration.ofHours(30)), SAGE_DRESS, "web"));
    s.add(Signal.of(BOB, SignalType.PURCHASE, day0, SAGE_DRESS, "web"));
    InterestTimeline t = s.timeline();
    assertEquals(2, t.items().size());
    double[] sage = t.dailyInterest(Attributes.of("color", "sage"), day0.plus(Duration.ofDays(1)), 3);
    // Day -1 nothing; day 0 a view (1); day 1 a purchase (5); the return and Bob do not count.
    assertEquals(List.of(0.0, 1.0, 5.0), List.of(sage[0], sage[1], sage[2]));
    double[] dresses =
        t.dailyInterest(Attributes.of("category", "dress"), day0.plus(Duration.ofDays(1)), 2);
    assertEquals(1.0, dresses[0]);
    assertEquals(7.0, dresses[1]);
  }

  @Test
  void storesWithDifferentEpochsDoNotMerge() {
    ProfileStore a = store();
    ProfileStore b = new ProfileStore(ProfileSettings.defaults(), c -> true, EPOCH.plusSeconds(1));
    assertThrows(IllegalArgumentException.class, () -> a.merge(b));
  }
}
