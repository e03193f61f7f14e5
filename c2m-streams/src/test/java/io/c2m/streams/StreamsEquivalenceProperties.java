package io.c2m.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.c2m.niche.Niche;
import io.c2m.signal.ConsumerProfile;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/**
 * The streams topology and the in-process engine agree on the same input: generated Segment
 * events, shuffled out of time order, some sent twice, with consents granted, withdrawn and
 * erased in the middle of the stream. Profiles are equal bit for bit; niches equal in id,
 * definition, audience, lift and trend, and in demand score up to rounding.
 */
class StreamsEquivalenceProperties {

  @Property(tries = 8)
  void theStreamsProfilesAndNichesEqualTheEngines(
      @ForAll long seed,
      @ForAll @IntRange(min = 30, max = 100) int consumers,
      @ForAll @IntRange(min = 1, max = 4) int eventsPerConsumer,
      @ForAll @DoubleRange(min = 0, max = 0.3) double duplicateShare,
      @ForAll @DoubleRange(min = 0, max = 0.3) double churn,
      @ForAll @IntRange(min = 2, max = 12) int minimumAudience) {
    List<Workload.Op> ops =
        Workload.generate(seed, consumers, eventsPerConsumer, duplicateShare, churn);
    Reference reference = new Reference(ops, minimumAudience);
    Instant end = Reference.end(ops);
    try (Driver d = new Driver(end, minimumAudience)) {
      d.pipe(ops);
      assertSameProfiles(reference.profiles(), d.profiles(end));
      NicheResult result = d.mine();
      assertEquals(end, result.asOf());
      List<Niche> expected = reference.niches();
      assertSameNiches(expected, result.niches());
      Statistics.collect(expected.isEmpty() ? "no niche" : "niches found");
    }
  }

  static void assertSameProfiles(List<ConsumerProfile> expected, List<ConsumerProfile> actual) {
    assertEquals(expected.size(), actual.size(), "profiles");
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.get(i), actual.get(i), "profile " + i);
    }
  }

  static void assertSameNiches(List<Niche> expected, List<Niche> actual) {
    assertEquals(expected.size(), actual.size(), () -> "niches " + expected + " vs " + actual);
    for (int i = 0; i < expected.size(); i++) {
      Niche e = expected.get(i);
      Niche a = actual.get(i);
      assertEquals(e.id(), a.id());
      assertEquals(e.definition(), a.definition());
      assertEquals(e.audience(), a.audience(), () -> "audience of " + e.id());
      assertEquals(e.lift(), a.lift(), () -> "lift of " + e.id());
      assertEquals(e.trend(), a.trend(), () -> "trend of " + e.id());
      assertEquals(e.demandScore(), a.demandScore(), 1e-9 * Math.max(1, e.demandScore()),
          () -> "demand of " + e.id());
    }
  }
}
