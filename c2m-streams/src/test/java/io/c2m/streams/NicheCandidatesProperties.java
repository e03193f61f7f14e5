package io.c2m.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.niche.Niche;
import io.c2m.signal.ConsumerProfile;
import io.c2m.signal.InterestTimeline;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Counting per partition and merging gives the engine's niches for any split of the consumers
 * over partitions, and never releases a niche whose audience over all partitions is below k,
 * even when every partition alone holds fewer than k of its members.
 */
class NicheCandidatesProperties {

  @Property(tries = 20)
  void anySplitOverPartitionsMinesTheEnginesNiches(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 8) int partitions,
      @ForAll @IntRange(min = 2, max = 15) int minimumAudience) {
    List<Workload.Op> ops = Workload.generate(seed, 120, 3, 0.05, 0.05);
    Reference reference = new Reference(ops, minimumAudience);
    List<ConsumerProfile> profiles = reference.profiles();
    Instant asOf = Reference.end(ops);
    Random r = new Random(seed);
    List<List<ConsumerProfile>> parts = new ArrayList<>();
    for (int p = 0; p < partitions; p++) {
      parts.add(new ArrayList<>());
    }
    for (ConsumerProfile p : profiles) {
      parts.get(r.nextInt(partitions)).add(p);
    }
    InterestTimeline timeline = reference.engineTimeline();
    List<CandidateCounts> counts = new ArrayList<>();
    for (int p = 0; p < partitions; p++) {
      // The whole timeline goes with partition 0: interest merges by addition anyway.
      counts.add(NicheCandidates.count(p, asOf, parts.get(p),
          p == 0 ? timeline : InterestTimeline.empty()));
    }
    NicheResult merged = NicheCandidates.mine(counts, minimumAudience, 0);
    StreamsEquivalenceProperties.assertSameNiches(reference.niches(), merged.niches());
    for (Niche n : merged.niches()) {
      assertTrue(n.audience() >= minimumAudience, () -> n.id() + " below k");
      long members = profiles.stream()
          .filter(p -> p.preferences().matches(n.definition())).count();
      assertEquals(members, n.audience(), () -> "audience of " + n.id());
    }
  }
}
