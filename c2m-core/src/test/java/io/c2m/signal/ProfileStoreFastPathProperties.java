package io.c2m.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.c2m.AttributeValue;
import io.c2m.Attributes;
import io.c2m.ConsumerId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/**
 * The store's table-driven decay, sparse interest table and preferred-value read-out agree with
 * their definitions computed directly.
 */
class ProfileStoreFastPathProperties {
  private static final Instant EPOCH = Instant.parse("2026-03-01T00:00:00Z");

  /**
   * One signal anywhere within the store's range: its affinity, read at the epoch, is its weight
   * times {@code 2^(offset / halfLife)} (computed here with {@code Math.pow}), to 1e-12 relative.
   */
  @Property(tries = 300)
  void theDecayTablesGiveTheExactFactorOverTheWholeRange(
      @ForAll @LongRange(min = 1, max = 400L * 86_400_000L) long halfLifeMillis,
      @ForAll @IntRange(min = -1_000_000, max = 1_000_000) int position) {
    ProfileSettings settings =
        ProfileSettings.defaults().withHalfLife(Duration.ofMillis(halfLifeMillis));
    // position spans -MAX..MAX half-lives, in millionths of the range
    long offset = Math.round((double) ProfileStore.MAX_HALF_LIVES * halfLifeMillis
        * position / 1_000_000.0);
    Instant at = EPOCH.plusMillis(offset);
    ProfileStore store = new ProfileStore(settings, c -> true, EPOCH);
    store.add(new Signal(ConsumerId.of("a"), SignalType.PURCHASE, at,
        Attributes.of("color", "sage"), "test", Double.NaN));
    double got = store.profile(ConsumerId.of("a"), EPOCH).orElseThrow()
        .affinity(AttributeValue.of("color", "sage"));
    double expected = settings.weight(SignalType.PURCHASE)
        * Math.pow(2, (double) offset / halfLifeMillis);
    assertEquals(expected, got, 1e-12 * expected);
  }

  @Provide
  Arbitrary<Signal> signals() {
    Arbitrary<ConsumerId> consumer = Arbitraries.of("a", "b", "c", "d", "e").map(ConsumerId::of);
    Arbitrary<SignalType> type = Arbitraries.of(SignalType.class);
    // Few distinct instants (whole hours), so that equal affinities (ties) occur.
    Arbitrary<Instant> at = Arbitraries.integers().between(-24 * 400, 24 * 60)
        .map(h -> EPOCH.plus(Duration.ofHours(h)));
    Arbitrary<Instant> few = Arbitraries.of(EPOCH, EPOCH.minus(Duration.ofDays(3)));
    Arbitrary<Attributes> item = Combinators.combine(
        Arbitraries.of("dress", "shirt"), Arbitraries.of("sage", "navy", "red"),
        Arbitraries.of("linen", "silk", "wool")).as((c, col, m) ->
        Attributes.of("category", c, "color", col, "material", m));
    Arbitrary<Double> value = Arbitraries.oneOf(Arbitraries.just(Double.NaN),
        Arbitraries.doubles().between(1, 200));
    return Combinators.combine(consumer, type, Arbitraries.oneOf(at, few), item, value)
        .as((c, t, a, i, v) -> new Signal(c, t, a, i, "test", v));
  }

  /** The timeline holds, per item and UTC day, the summed positive weights: brute force. */
  @Property(tries = 200)
  void theSparseTimelineIsTheSumPerDayAndItem(
      @ForAll @Size(max = 80) List<@From("signals") Signal> signals) {
    ProfileStore store = new ProfileStore(ProfileSettings.defaults(), c -> true, EPOCH);
    Map<Attributes, Map<Long, Double>> expected = new HashMap<>();
    for (Signal s : signals) {
      store.add(s);
      double w = ProfileSettings.defaults().weight(s.type());
      if (w > 0) {
        expected.computeIfAbsent(s.item(), k -> new TreeMap<>())
            .merge(Math.floorDiv(s.at().toEpochMilli(), 86_400_000L), w, Double::sum);
      }
    }
    InterestTimeline t = store.timeline();
    Map<Attributes, Map<Long, Double>> got = new HashMap<>();
    for (InterestTimeline.ItemInterest ii : t.items()) {
      Map<Long, Double> days = new TreeMap<>();
      ii.days().forEach(d -> days.put(d.day(), d.interest()));
      got.put(ii.item(), days);
    }
    assertEquals(expected.keySet(), got.keySet());
    expected.forEach((item, days) -> {
      assertEquals(days.keySet(), got.get(item).keySet());
      days.forEach((d, m) -> assertEquals(m, got.get(item).get(d), 1e-9));
    });
  }

  /**
   * The read-out of preferred values is, row by row, exactly the consumers' {@link
   * ConsumerProfile#preferences()} with their affinities, in consumer id order.
   */
  @Property(tries = 200)
  void preferredValuesAreThoseOfTheProfiles(
      @ForAll @Size(max = 80) List<@From("signals") Signal> signals,
      @ForAll @IntRange(min = 0, max = 30) int daysLater) {
    ProfileStore store = new ProfileStore(ProfileSettings.defaults(), c -> true, EPOCH);
    signals.forEach(store::add);
    if (!signals.isEmpty()) {
      store.erase(signals.get(0).consumer());
    }
    Instant asOf = EPOCH.plus(Duration.ofDays(daysLater));
    List<ConsumerProfile> profiles = store.profiles(asOf);
    PreferredValues pv = store.preferredValues(asOf);
    assertEquals(profiles.size(), pv.size());
    for (int r = 0; r < pv.size(); r++) {
      ConsumerProfile p = profiles.get(r);
      assertEquals(p.consumer(), pv.consumer(r));
      List<AttributeValue> values = new ArrayList<>();
      for (int i = pv.start(r); i < pv.end(r); i++) {
        AttributeValue v = pv.value(pv.valueId(i));
        values.add(v);
        assertEquals(p.affinity(v), pv.affinity(i)); // exactly
      }
      assertEquals(p.preferences().pairs(), values);
    }
  }
}
