package io.c2m.streams;

import static java.util.Objects.requireNonNull;

import io.c2m.AttributeValue;
import io.c2m.Attributes;
import io.c2m.ConsumerId;
import io.c2m.niche.DemandScore;
import io.c2m.niche.Niche;
import io.c2m.niche.NicheInference;
import io.c2m.niche.NicheRequest;
import io.c2m.niche.TrendSettings;
import io.c2m.privacy.AudienceGuard;
import io.c2m.signal.ConsumerProfile;
import io.c2m.signal.InterestTimeline;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Niche discovery split across partitions: each partition {@linkplain #count counts} its
 * consumers' preferred-value combinations into mergeable {@link CandidateCounts}, and one place
 * {@linkplain #mine merges} the counts of all partitions and mines them with core's attribute
 * miner (the engine's default {@link NicheInference#attributeMiner()}), checked by {@link
 * NicheInference#checked(NicheInference)} and released by an {@link AudienceGuard}: the same
 * niches, audiences, lifts and trends as the in-process engine over all the profiles, and the
 * same demand scores up to floating-point rounding (they are summed per partition first).
 *
 * <p>The attribute miner reads only each consumer's preferred values (one per key, with a
 * category) and, for the demand score, each member's probability to order; so the counts keep a
 * count per distinct combination and the summed probability of its consumers per
 * sub-combination a niche can have (the category and 2 to 4 more values). Merging expands each
 * combination into that many anonymous placeholder profiles for the miner; its memory is linear in
 * the consumers counted. Stateless and thread-safe.
 */
public final class NicheCandidates {
  /** The fewest values of a niche the miner reports: a category and two more. */
  static final int MIN_VALUES = 3;
  /** The most values of a niche the default miner reports. */
  static final int MAX_VALUES = 5;
  private static final TrendSettings TREND = TrendSettings.defaults();
  private static final long DAY_MILLIS = 86_400_000L;

  private NicheCandidates() {}

  /**
   * Counts one partition's profiles.
   *
   * @param partition the partition
   * @param asOf the instant the profiles are decayed to
   * @param profiles the partition's profiles of consenting consumers, decayed to {@code asOf}
   * @param interest the partition's daily interest per item; only the trend window is kept
   * @return the counts
   */
  public static CandidateCounts count(int partition, Instant asOf,
      Iterable<ConsumerProfile> profiles, InterestTimeline interest) {
    requireNonNull(asOf, "asOf");
    requireNonNull(profiles, "profiles");
    requireNonNull(interest, "interest");
    Map<Attributes, long[]> counts = new HashMap<>();
    Map<Attributes, Map<String, Double>> demand = new HashMap<>();
    Map<Attributes, List<Attributes>> subsets = new HashMap<>();
    for (ConsumerProfile p : profiles) {
      Attributes preferred = p.preferences();
      if (preferred.get(Niche.CATEGORY).isEmpty()) {
        continue;
      }
      counts.computeIfAbsent(preferred, k -> new long[1])[0]++;
      Map<String, Double> d = demand.computeIfAbsent(preferred, k -> new TreeMap<>());
      for (Attributes def : subsets.computeIfAbsent(preferred, NicheCandidates::definitions)) {
        d.merge(Niche.idFor(def).value(), DemandScore.orderProbability(p, def), Double::sum);
      }
    }
    List<CandidateCounts.Pattern> patterns = new ArrayList<>(counts.size());
    counts.forEach((k, c) -> patterns.add(new CandidateCounts.Pattern(k, c[0], demand.get(k))));
    patterns.sort((a, b) -> a.preferred().toString().compareTo(b.preferred().toString()));
    return new CandidateCounts(partition, asOf, patterns, window(interest, asOf));
  }

  /** The sub-combinations of a preferred-value combination that a niche can be. */
  static List<Attributes> definitions(Attributes preferred) {
    List<AttributeValue> others = new ArrayList<>();
    AttributeValue category = null;
    for (AttributeValue v : preferred.pairs()) {
      if (v.key().equals(Niche.CATEGORY)) {
        category = v;
      } else {
        others.add(v);
      }
    }
    List<Attributes> out = new ArrayList<>();
    int n = others.size();
    for (int mask = 1; mask < 1 << n; mask++) {
      int size = Integer.bitCount(mask) + 1;
      if (size < MIN_VALUES || size > MAX_VALUES) {
        continue;
      }
      List<AttributeValue> def = new ArrayList<>(size);
      def.add(category);
      for (int i = 0; i < n; i++) {
        if ((mask & 1 << i) != 0) {
          def.add(others.get(i));
        }
      }
      out.add(Attributes.of(def));
    }
    return out;
  }

  /**
   * The first UTC day of interest a trend as of an instant may read, with a week's margin for
   * partitions whose stream times differ: interest of earlier days is never read again.
   *
   * @param asOf the instant
   * @return the day, counted from 1970-01-01
   */
  public static long firstTrendDay(Instant asOf) {
    return Math.floorDiv(asOf.toEpochMilli(), DAY_MILLIS) - TREND.totalDays() - 7;
  }

  /** The interest of the days a trend as of {@code asOf} may read. */
  private static InterestTimeline window(InterestTimeline interest, Instant asOf) {
    long first = firstTrendDay(asOf);
    Map<Attributes, Map<Long, Double>> kept = new HashMap<>();
    for (InterestTimeline.ItemInterest item : interest.items()) {
      for (InterestTimeline.DayInterest d : item.days()) {
        if (d.day() >= first) {
          kept.computeIfAbsent(item.item(), k -> new TreeMap<>()).put(d.day(), d.interest());
        }
      }
    }
    return InterestTimeline.of(kept);
  }

  /**
   * Merges the counts of every partition and mines them.
   *
   * @param parts the latest counts of each partition, one per partition
   * @param minimumAudience the least audience of a released niche (k-anonymity), counted over all
   *     parts
   * @param seed the seed of the request (the attribute miner draws no random number)
   * @return the niches as of the latest {@code asOf} of the parts
   * @throws IllegalArgumentException if two parts are of one partition or the minimum audience is
   *     not positive
   */
  public static NicheResult mine(Collection<CandidateCounts> parts, int minimumAudience,
      long seed) {
    requireNonNull(parts, "parts");
    AudienceGuard guard = new AudienceGuard(minimumAudience);
    Instant asOf = Instant.EPOCH;
    Map<Attributes, Long> counts = new TreeMap<>(
        (a, b) -> a.toString().compareTo(b.toString()));
    Map<String, Double> demand = new HashMap<>();
    Map<Attributes, Map<Long, Double>> interest = new HashMap<>();
    java.util.Set<Integer> seen = new java.util.HashSet<>();
    for (CandidateCounts part : parts) {
      if (!seen.add(part.partition())) {
        throw new IllegalArgumentException(
            "The counts of partition " + part.partition() + " are given twice.");
      }
      if (part.asOf().isAfter(asOf)) {
        asOf = part.asOf();
      }
      for (CandidateCounts.Pattern p : part.patterns()) {
        counts.merge(p.preferred(), p.count(), Long::sum);
        p.demand().forEach((id, d) -> demand.merge(id, d, Double::sum));
      }
      for (InterestTimeline.ItemInterest item : part.interest().items()) {
        Map<Long, Double> days = interest.computeIfAbsent(item.item(), k -> new TreeMap<>());
        for (InterestTimeline.DayInterest d : item.days()) {
          days.merge(d.day(), d.interest(), Double::sum);
        }
      }
    }
    List<ConsumerProfile> anonymous = new ArrayList<>();
    for (Map.Entry<Attributes, Long> e : counts.entrySet()) {
      Map<AttributeValue, Double> affinities = new TreeMap<>();
      for (AttributeValue v : e.getKey().pairs()) {
        affinities.put(v, 1.0);
      }
      for (long i = 0; i < e.getValue(); i++) {
        anonymous.add(new ConsumerProfile(
            new ConsumerId("n" + anonymous.size()), affinities, asOf, 1, 0, 0));
      }
    }
    NicheRequest request = new NicheRequest(anonymous, minimumAudience, asOf, seed,
        InterestTimeline.of(interest));
    List<Niche> mined = guard.release(
        NicheInference.checked(NicheInference.attributeMiner()).infer(request));
    List<Niche> niches = new ArrayList<>(mined.size());
    for (Niche n : mined) {
      double d = demand.getOrDefault(n.id().value(), 0.0);
      niches.add(new Niche(n.id(), n.definition(), n.audience(), Math.min(d, n.audience()),
          n.lift(), n.trend()));
    }
    return new NicheResult(asOf, seen.size(), anonymous.size(), niches);
  }
}
