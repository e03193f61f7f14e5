package io.c2m.niche.internal;

import io.c2m.AttributeValue;
import io.c2m.Attributes;
import io.c2m.niche.Niche;
import io.c2m.niche.NicheInference;
import io.c2m.niche.NicheRequest;
import io.c2m.niche.Trend;
import io.c2m.signal.ConsumerProfile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Level-wise (Apriori) mining of attribute combinations over each consumer's preferred values.
 *
 * <p>Each consumer contributes one "transaction": their preferred value per attribute key
 * ({@link ConsumerProfile#preferences()}). A combination is a niche when it includes a
 * {@code category}, at least {@code minAudience} consumers prefer all of it, and it is
 * <em>closed</em>: no strictly larger combination has the same audience, and its lift (audience over
 * the audience expected if its attributes were independent) is at least {@code minLift}, which
 * drops the combinations that random taste produces by chance. Two more rules keep the niches
 * distinct rather than redundant: every attribute of a definition must itself be distinctive (the
 * lift of the combination over the combination without that attribute is at least {@code minLift}),
 * and a combination whose audience is mostly (at least {@value #ABSORB_SHARE} of it) inside a more
 * specific niche is absorbed by it. Niches are ranked by audience times lift. The level-wise
 * search stops at {@code maxAttributes} attributes.
 */
public final class AttributeMiner implements NicheInference {
  /** Default cap on the attributes of one niche definition. */
  public static final int DEFAULT_MAX_ATTRIBUTES = 5;

  /** The attribute key that scopes a niche to a product category. */
  public static final String CATEGORY = "category";

  /** Share of a niche's audience inside a more specific niche above which it is absorbed. */
  public static final double ABSORB_SHARE = 0.75;

  /** Default minimum lift. */
  public static final double DEFAULT_MIN_LIFT = 1.5;

  private final int maxAttributes;
  private final double minLift;

  /**
   * Creates a miner.
   *
   * @param maxAttributes the most attributes in one definition, at least 1
   * @param minLift the minimum lift of a niche, zero or more
   */
  public AttributeMiner(int maxAttributes, double minLift) {
    if (maxAttributes < 1) {
      throw new IllegalArgumentException(
          "The maximum attributes per niche (" + maxAttributes + ") must be at least 1.");
    }
    if (!(minLift >= 0) || Double.isInfinite(minLift)) {
      throw new IllegalArgumentException(
          "The minimum lift (" + minLift + ") must be a finite number, zero or more.");
    }
    this.maxAttributes = maxAttributes;
    this.minLift = minLift;
  }

  @Override
  public String name() {
    return "attribute-miner";
  }

  @Override
  public List<Niche> infer(NicheRequest request) {
    List<List<AttributeValue>> transactions = new ArrayList<>();
    Map<AttributeValue, Integer> single = new HashMap<>();
    for (ConsumerProfile p : request.profiles()) {
      List<AttributeValue> t = p.preferences().pairs();
      if (t.stream().noneMatch(av -> av.key().equals(CATEGORY))) {
        continue;
      }
      transactions.add(t);
      for (AttributeValue av : t) {
        single.merge(av, 1, Integer::sum);
      }
    }
    int n = transactions.size();
    int min = request.minAudience();
    Map<List<AttributeValue>, Integer> all = new HashMap<>();
    Map<List<AttributeValue>, Integer> level = new HashMap<>();
    single.forEach((av, c) -> {
      if (c >= min) {
        level.put(List.of(av), c);
      }
    });
    all.putAll(level);
    for (int size = 2; size <= maxAttributes && !level.isEmpty(); size++) {
      Set<List<AttributeValue>> candidates = candidates(level.keySet());
      Map<List<AttributeValue>, Integer> counts = new HashMap<>();
      for (List<AttributeValue> t : transactions) {
        for (List<AttributeValue> c : candidates) {
          if (t.containsAll(c)) {
            counts.merge(c, 1, Integer::sum);
          }
        }
      }
      level.clear();
      counts.forEach((c, k) -> {
        if (k >= min) {
          level.put(c, k);
        }
      });
      all.putAll(level);
    }
    List<Niche> niches = new ArrayList<>();
    for (Map.Entry<List<AttributeValue>, Integer> e : all.entrySet()) {
      List<AttributeValue> combo = e.getKey();
      int audience = e.getValue();
      if (combo.size() < 2 || combo.stream().noneMatch(av -> av.key().equals(CATEGORY))) {
        continue;
      }
      if (!isClosed(combo, audience, all)) {
        continue;
      }
      double expected = n;
      for (AttributeValue av : combo) {
        expected *= (double) single.get(av) / n;
      }
      double lift = audience / expected;
      if (lift < minLift || !everyAttributeDistinctive(combo, audience, all, single, n)) {
        continue;
      }
      double demand = demandScore(request.profiles(), Attributes.of(combo));
      Attributes definition = Attributes.of(combo);
      niches.add(new Niche(Niche.idFor(definition), definition, audience, demand, lift,
          Trend.steady()));
    }
    List<Niche> kept = new ArrayList<>();
    for (Niche candidate : niches) {
      boolean absorbed = false;
      for (Niche other : niches) {
        if (other != candidate
            && other.definition().size() > candidate.definition().size()
            && other.definition().matches(candidate.definition())
            && other.audience() >= ABSORB_SHARE * candidate.audience()) {
          absorbed = true;
          break;
        }
      }
      if (!absorbed) {
        kept.add(candidate);
      }
    }
    kept.sort(Comparator.comparingDouble((Niche x) -> -x.audience() * x.lift())
        .thenComparing(x -> x.id().value()));
    return List.copyOf(kept);
  }

  /**
   * Tells whether each attribute (other than the category) adds distinctiveness: the audience of
   * the combination over the audience of the combination without it, relative to the attribute's
   * overall share, is at least the minimum lift.
   */
  private boolean everyAttributeDistinctive(List<AttributeValue> combo, int audience,
      Map<List<AttributeValue>, Integer> all, Map<AttributeValue, Integer> single, int n) {
    if (combo.size() < 3) {
      return true;
    }
    for (int i = 0; i < combo.size(); i++) {
      AttributeValue a = combo.get(i);
      if (a.key().equals(CATEGORY)) {
        continue;
      }
      List<AttributeValue> rest = new ArrayList<>(combo);
      rest.remove(i);
      Integer restAudience = all.get(rest);
      if (restAudience == null) {
        continue;
      }
      double conditional = (double) audience / restAudience / ((double) single.get(a) / n);
      if (conditional < minLift) {
        return false;
      }
    }
    return true;
  }

  /** Joins frequent (k-1)-sets that share their first k-2 items, keeping one value per key. */
  private static Set<List<AttributeValue>> candidates(Set<List<AttributeValue>> frequent) {
    List<List<AttributeValue>> sorted = new ArrayList<>(frequent);
    sorted.sort(AttributeMiner::compareLists);
    Set<List<AttributeValue>> out = new TreeSet<>(AttributeMiner::compareLists);
    for (int i = 0; i < sorted.size(); i++) {
      List<AttributeValue> a = sorted.get(i);
      for (int j = i + 1; j < sorted.size(); j++) {
        List<AttributeValue> b = sorted.get(j);
        if (!a.subList(0, a.size() - 1).equals(b.subList(0, b.size() - 1))) {
          break;
        }
        AttributeValue last = b.get(b.size() - 1);
        if (last.key().equals(a.get(a.size() - 1).key())) {
          continue;
        }
        List<AttributeValue> c = new ArrayList<>(a);
        c.add(last);
        if (allSubsetsFrequent(c, frequent)) {
          out.add(List.copyOf(c));
        }
      }
    }
    return out;
  }

  private static boolean allSubsetsFrequent(
      List<AttributeValue> c, Set<List<AttributeValue>> frequent) {
    for (int skip = 0; skip < c.size(); skip++) {
      List<AttributeValue> sub = new ArrayList<>(c);
      sub.remove(skip);
      if (!frequent.contains(sub)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isClosed(
      List<AttributeValue> combo, int audience, Map<List<AttributeValue>, Integer> all) {
    for (Map.Entry<List<AttributeValue>, Integer> e : all.entrySet()) {
      List<AttributeValue> other = e.getKey();
      if (other.size() == combo.size() + 1 && e.getValue() == audience && other.containsAll(combo)) {
        return false;
      }
    }
    return true;
  }

  private static double demandScore(List<ConsumerProfile> profiles, Attributes definition) {
    // Expected orders: each member contributes their engagement with the niche's attributes,
    // squashed to a probability-like score in [0, 1).
    double sum = 0;
    for (ConsumerProfile p : profiles) {
      if (p.preferences().matches(definition)) {
        double strength = 0;
        for (AttributeValue av : definition.pairs()) {
          strength += Math.max(0, p.affinity(av));
        }
        sum += 1 - Math.exp(-strength / (10.0 * definition.size()));
      }
    }
    return sum;
  }

  private static int compareLists(List<AttributeValue> a, List<AttributeValue> b) {
    int n = Math.min(a.size(), b.size());
    for (int i = 0; i < n; i++) {
      int c = a.get(i).compareTo(b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }
}
