package io.c2m.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.c2m.Attributes;
import io.c2m.ConsumerId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Size;

/**
 * The timeline a store keeps up to date ({@link ProfileStore#timeline()}) equals the one built
 * from its interest grid from scratch, under any interleaving of signals added one by one, in
 * batches and by merges with reads of the timeline; and a read with nothing added since gives the
 * same timeline again.
 */
class ProfileStoreTimelineProperties {
  private static final Instant EPOCH = Instant.parse("2026-03-01T00:00:00Z");
  private static final long DAY = 86_400_000L;
  /** Long enough that days far from the epoch are accepted and the grid may go sparse. */
  private static final ProfileSettings SETTINGS =
      ProfileSettings.defaults().withHalfLife(Duration.ofDays(3650));

  /**
   * One step: 0 to 5 add a signal one by one, 6 and 7 append it to the pending batch, 8 adds the
   * pending batch, 9 merges a store holding the signal, 10 and 11 read the timeline.
   */
  record Step(int kind, int consumer, int item, long day, SignalType type) {}

  @Provide
  Arbitrary<Step> step() {
    // Up to 150 items, so that the changed bits span several words; days mostly near the epoch,
    // sometimes far enough that the grid goes sparse.
    Arbitrary<Integer> item = Arbitraries.frequencyOf(
        Tuple.of(10, Arbitraries.integers().between(0, 9)),
        Tuple.of(3, Arbitraries.integers().between(0, 149)));
    Arbitrary<Long> day = Arbitraries.frequencyOf(
        Tuple.of(20, Arbitraries.longs().between(-20, 40)),
        Tuple.of(1, Arbitraries.longs().between(-300_000, 300_000)));
    return Combinators.combine(Arbitraries.integers().between(0, 11),
        Arbitraries.integers().between(0, 20), item, day, Arbitraries.of(SignalType.class))
        .as(Step::new);
  }

  private static Attributes item(int i) {
    return Attributes.of("category", "c" + i % 7, "color", "k" + i);
  }

  @Property(tries = 200)
  void keptTimelineEqualsTheOneFromScratch(@ForAll @Size(max = 120) List<@From("step") Step> steps) {
    ProfileStore store = new ProfileStore(SETTINGS, c -> !c.value().endsWith("7"), EPOCH);
    SignalBatch pending = new SignalBatch();
    InterestTimeline last = null;
    boolean addedSinceRead = true;
    for (Step s : steps) {
      ConsumerId consumer = ConsumerId.of("c" + s.consumer());
      long at = EPOCH.toEpochMilli() + s.day() * DAY + 3_600_000L;
      if (s.kind() <= 5) {
        store.add(consumer, item(s.item()), s.type(), at, Double.NaN);
        addedSinceRead = true;
      } else if (s.kind() <= 7) {
        pending.add(pending.consumerRef(consumer), pending.itemRef(item(s.item())), s.type(), at,
            Double.NaN);
      } else if (s.kind() == 8) {
        store.addAll(pending);
        pending.clear();
        addedSinceRead = true;
      } else if (s.kind() == 9) {
        ProfileStore other = new ProfileStore(SETTINGS, c -> true, EPOCH);
        other.add(consumer, item(s.item()), s.type(), at, Double.NaN);
        store.merge(other);
        addedSinceRead = true;
      } else {
        InterestTimeline kept = store.timeline();
        assertEquals(store.timelineFromScratch(), kept);
        if (!addedSinceRead) {
          assertSame(last, kept);
        }
        last = kept;
        addedSinceRead = false;
      }
    }
    store.addAll(pending);
    assertEquals(store.timelineFromScratch(), store.timeline());
  }

  @Property(tries = 50)
  void theCanonicalConstructorSortsAsBefore(@ForAll @Size(max = 40) List<@From("step") Step> steps) {
    // The timeline made from a map (InterestTimeline.of) equals the one the store keeps.
    ProfileStore store = new ProfileStore(SETTINGS, c -> true, EPOCH);
    java.util.Map<Attributes, java.util.Map<Long, Double>> sums = new java.util.HashMap<>();
    for (Step s : steps) {
      long at = EPOCH.toEpochMilli() + s.day() * DAY;
      store.add(ConsumerId.of("c" + s.consumer()), item(s.item()), s.type(), at, Double.NaN);
      double w = SETTINGS.weight(s.type());
      if (w > 0) {
        sums.computeIfAbsent(item(s.item()), k -> new java.util.TreeMap<>())
            .merge(EPOCH.toEpochMilli() / DAY + s.day(), w, Double::sum);
      }
    }
    assertEquals(InterestTimeline.of(sums), store.timeline());
  }
}
