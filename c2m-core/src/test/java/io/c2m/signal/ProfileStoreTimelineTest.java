package io.c2m.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.Attributes;
import io.c2m.ConsumerId;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The interest timeline moves from dense day rows to its sparse table when the rows would be
 * mostly empty or span too many days, and stays exact (against sums computed here) through the
 * move, further signals and merges with stores in either layout.
 */
class ProfileStoreTimelineTest {
  private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");
  private static final long DAY = 86_400_000L;

  private final Map<Attributes, Map<Long, Double>> expected = new HashMap<>();

  private void add(ProfileStore store, String consumer, Attributes item, long day,
      SignalType type) {
    Instant at = EPOCH.plusMillis(day * DAY + 3_600_000L);
    store.add(new Signal(ConsumerId.of(consumer), type, at, item, "test", Double.NaN));
    double w = store.settings().weight(type);
    if (w > 0) {
      expected.computeIfAbsent(item, k -> new TreeMap<>())
          .merge(Math.floorDiv(at.toEpochMilli(), DAY), w, Double::sum);
    }
  }

  private void assertTimeline(ProfileStore store) {
    Map<Attributes, Map<Long, Double>> got = new HashMap<>();
    for (InterestTimeline.ItemInterest ii : store.timeline().items()) {
      Map<Long, Double> days = new TreeMap<>();
      ii.days().forEach(d -> days.put(d.day(), d.interest()));
      got.put(ii.item(), days);
    }
    assertEquals(expected.keySet(), got.keySet());
    expected.forEach((item, days) -> {
      assertEquals(days.keySet(), got.get(item).keySet(), "days of " + item);
      days.forEach((d, m) -> assertEquals(m, got.get(item).get(d), 1e-9));
    });
  }

  @Test
  void aWideSpanOfDaysGoesSparseAndStaysExact() {
    ProfileSettings settings = ProfileSettings.defaults().withHalfLife(Duration.ofDays(3650));
    ProfileStore store = new ProfileStore(settings, c -> true, EPOCH);
    Attributes a = Attributes.of("category", "dress", "color", "sage");
    Attributes b = Attributes.of("category", "shirt", "color", "navy");
    add(store, "c1", a, 0, SignalType.VIEW);
    add(store, "c1", b, 1, SignalType.PURCHASE);
    add(store, "c2", a, 0, SignalType.LIKE);
    long denseBytes = store.timelineBytes();
    add(store, "c2", b, 150_000, SignalType.CART_ADD); // beyond 100,000 days: sparse
    add(store, "c3", a, -20_000, SignalType.VIEW);
    add(store, "c3", a, 150_000, SignalType.VIEW);
    assertTimeline(store);
    assertTrue(store.timelineBytes() < 150_000L * 8, "a sparse table, not 150,000 day rows");
    assertTrue(denseBytes > 0);

    // A dense store merged into the sparse one, then the sparse one into a dense one: each
    // merge target ends up with every signal added so far.
    ProfileStore dense = new ProfileStore(settings, c -> true, EPOCH);
    add(dense, "c4", a, 2, SignalType.PURCHASE);
    add(dense, "c1", b, 1, SignalType.VIEW);
    store.merge(dense);
    assertTimeline(store);
    ProfileStore other = new ProfileStore(settings, c -> true, EPOCH);
    add(other, "c5", b, 3, SignalType.LIKE);
    other.merge(store);
    assertTimeline(other);
  }

  @Test
  void manyItemsWithFewSignalsGoSparseAndStaysExact() {
    ProfileStore store = new ProfileStore(ProfileSettings.defaults(), c -> true, EPOCH);
    int items = 30_000;
    Attributes[] catalogue = new Attributes[items];
    for (int i = 0; i < items; i++) {
      catalogue[i] = Attributes.of("category", "c" + (i % 7), "sku", "s" + i);
      store.itemIndex(catalogue[i]); // the whole catalogue known up front: full-width rows
    }
    SplittableRandom random = new SplittableRandom(7);
    for (int s = 0; s < 2_000; s++) {
      add(store, "c" + random.nextInt(50), catalogue[random.nextInt(items)],
          random.nextInt(90), SignalType.values()[random.nextInt(SignalType.values().length)]);
    }
    assertTimeline(store);
    // Dense rows would take 90 days x 30,000 items x 8 bytes = 21.6 MB.
    assertTrue(store.timelineBytes() < 1_000_000,
        "sparse once rows would pass 8 MB mostly empty: " + store.timelineBytes());
  }
}
