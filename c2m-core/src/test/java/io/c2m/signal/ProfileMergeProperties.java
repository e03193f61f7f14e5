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
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** Profiles are mergeable: any split of the signals, merged, is the profile of one pass. */
class ProfileMergeProperties {
  private static final Instant EPOCH = Instant.parse("2026-03-01T00:00:00Z");
  private static final Instant AS_OF = EPOCH.plus(Duration.ofDays(45));
  private static final ProfileSettings SETTINGS = ProfileSettings.defaults();

  @Provide
  Arbitrary<Signal> signals() {
    Arbitrary<ConsumerId> consumer = Arbitraries.of("a", "b", "c", "d").map(ConsumerId::of);
    Arbitrary<SignalType> type = Arbitraries.of(SignalType.class);
    Arbitrary<Instant> at = Arbitraries.longs().between(-90L * 24 * 3600, 60L * 24 * 3600)
        .map(EPOCH::plusSeconds);
    Arbitrary<Attributes> item = Combinators.combine(
        Arbitraries.of("dress", "shirt"), Arbitraries.of("sage", "navy", "red"),
        Arbitraries.of("linen", "silk")).as((c, col, m) ->
        Attributes.of("category", c, "color", col, "material", m));
    Arbitrary<Double> value = Arbitraries.oneOf(Arbitraries.just(Double.NaN),
        Arbitraries.doubles().between(1, 200));
    return Combinators.combine(consumer, type, at, item, value)
        .as((c, t, a, i, v) -> new Signal(c, t, a, i, "test", v));
  }

  @Property(tries = 200)
  void aSplitMergedIsOnePass(
      @ForAll @Size(max = 60) List<@From("signals") Signal> signals,
      @ForAll @Size(max = 60) List<Boolean> side) {
    Set<ConsumerId> denied = Set.of(ConsumerId.of("d"));
    ProfileStore whole = new ProfileStore(SETTINGS, c -> !denied.contains(c), EPOCH);
    ProfileStore left = new ProfileStore(SETTINGS, c -> !denied.contains(c), EPOCH);
    ProfileStore right = new ProfileStore(SETTINGS, c -> !denied.contains(c), EPOCH);
    for (int i = 0; i < signals.size(); i++) {
      whole.add(signals.get(i));
      boolean l = i < side.size() && side.get(i);
      (l ? left : right).add(signals.get(i));
    }
    left.merge(right);
    assertSameProfiles(whole.profiles(AS_OF), left.profiles(AS_OF));
    assertEquals(whole.accepted(), left.accepted());
    assertEquals(whole.skippedWithoutConsent(), left.skippedWithoutConsent());
    for (Attributes probe : List.of(Attributes.of("color", "sage"), Attributes.of("category",
        "shirt"))) {
      double[] a = whole.timeline().dailyInterest(probe, AS_OF, 160);
      double[] b = left.timeline().dailyInterest(probe, AS_OF, 160);
      for (int d = 0; d < a.length; d++) {
        assertEquals(a[d], b[d], 1e-9);
      }
    }
  }

  @Property(tries = 200)
  void theStoreAgreesWithTheDefinitionComputedDirectly(
      @ForAll @Size(max = 60) List<@From("signals") Signal> signals) {
    ProfileStore store = new ProfileStore(SETTINGS, c -> true, EPOCH);
    signals.forEach(store::add);
    // Brute force from the definition: affinity = sum of w * 2^(-(asOf - t) / halfLife).
    Map<ConsumerId, Map<AttributeValue, Double>> expected = new HashMap<>();
    double halfLifeMillis = SETTINGS.halfLife().toMillis();
    for (Signal s : signals) {
      double age = Duration.between(s.at(), AS_OF).toMillis();
      double w = SETTINGS.weight(s.type()) * Math.pow(2, -age / halfLifeMillis);
      Map<AttributeValue, Double> m = expected.computeIfAbsent(s.consumer(), c -> new HashMap<>());
      if (SETTINGS.weight(s.type()) != 0) {
        for (AttributeValue av : s.item().pairs()) {
          m.merge(av, w, Double::sum);
        }
      }
    }
    List<ConsumerProfile> profiles = store.profiles(AS_OF);
    assertEquals(new TreeSet<>(expected.keySet()),
        new TreeSet<>(profiles.stream().map(ConsumerProfile::consumer).toList()));
    for (ConsumerProfile p : profiles) {
      Map<AttributeValue, Double> e = expected.get(p.consumer());
      assertEquals(e.keySet(), p.affinities().keySet());
      e.forEach((k, v) -> assertEquals(v, p.affinity(k), 1e-9 * (1 + Math.abs(v))));
    }
  }

  private static void assertSameProfiles(List<ConsumerProfile> a, List<ConsumerProfile> b) {
    assertEquals(a.size(), b.size());
    List<ConsumerId> ida = new ArrayList<>();
    a.forEach(p -> ida.add(p.consumer()));
    assertEquals(ida, b.stream().map(ConsumerProfile::consumer).toList());
    for (int i = 0; i < a.size(); i++) {
      ConsumerProfile x = a.get(i);
      ConsumerProfile y = b.get(i);
      assertEquals(x.affinities().keySet(), y.affinities().keySet());
      for (AttributeValue k : x.affinities().keySet()) {
        assertEquals(x.affinity(k), y.affinity(k), 1e-9 * (1 + Math.abs(x.affinity(k))));
      }
      assertEquals(x.signalCount(), y.signalCount());
      assertEquals(x.priceWeight(), y.priceWeight(), 1e-9 * (1 + x.priceWeight()));
      assertEquals(x.priceSum(), y.priceSum(), 1e-9 * (1 + x.priceSum()));
    }
  }
}
