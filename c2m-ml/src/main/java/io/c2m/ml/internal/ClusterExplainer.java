package io.c2m.ml.internal;

import io.c2m.AttributeValue;
import io.c2m.Attributes;
import io.c2m.ml.ClusterExplanation;
import io.c2m.ml.Clustering;
import io.c2m.niche.DemandScore;
import io.c2m.niche.Niche;
import io.c2m.niche.NicheRequest;
import io.c2m.niche.Trend;
import io.c2m.niche.TrendSettings;
import io.c2m.signal.ConsumerProfile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Explains clusters as niche definitions and turns them into {@link Niche}s comparable with the
 * attribute miner's: same audience (every consumer of the request whose preferences match the
 * definition, not the cluster's size), same lift (the audience over the largest audience one of
 * its values predicts within the category, as the miner's productivity test), same demand
 * heuristic ({@link DemandScore}, over the matching consumers only) and trend. Two clusters with
 * the same explanation make one niche; a definition matched by fewer than the minimum audience is
 * dropped.
 *
 * <p>Before a cluster's explanation becomes a niche, its unproductive values are dropped, as the
 * miner only keeps productive combinations (Webb 2007, "Discovering significant patterns", Machine
 * Learning 68:1-33): while the definition's lift is below {@code minLift}, the value with the
 * lowest lift of its own goes (see {@code productive}). A clustering that cuts a group along an
 * attribute its members do not share (k-means cutting a planted group by size) then yields the
 * group's niche instead of one niche per cut, and a cluster of noise consumers that happen to share
 * a colour yields nothing. The explanation's {@link ClusterExplanation#definition()} is this
 * productive definition (its {@code shares} keep every over-represented value), so the clusters
 * explained as one niche carry that niche's definition. Measured on {@code
 * MarketplaceSpec.nicheEvaluation()} with k-means at a fixed k = 32: 8 of 8 planted niches and no
 * other, against 15 niches (8 planted) before (the default k now follows the population, 40 there;
 * see BENCHMARKS.md for the current figures).
 *
 * <p>A cluster's category is the category value more than {@code minShare} of its members prefer
 * (never tested for over-representation: one category may hold most consumers). Another preferred
 * value explains the cluster when more than {@code minShare} of its members prefer it (strictly,
 * so at most one value per key and no ties) and that share is at least {@code minLift} times its
 * share among the rest of the category: the consumers who prefer the category but are not in the
 * cluster, by Laplace's rule of succession ({@code (k + 1) / (n + 2)}, as the miner and {@code
 * productive}). Not the whole category: it holds the cluster, so a cluster of more than {@code 1 /
 * minLift} of its category's consumers (two thirds at the default lift) could never pass, however
 * distinctive; on a 400-consumer population whose two planted niches were 80 of 119 dress and 70
 * of 111 sneaker consumers, k-means and HDBSCAN put each niche into one cluster and then explained
 * neither (BENCHMARKS.md, niche quality). A cluster is a niche when it reaches the minimum audience
 * and its explanation holds a category and at least one more value.
 *
 * @param minShare the least share of members, in (0, 1]
 * @param minLift the least over-representation, at least 1
 * @param trendSettings how trends are read
 */
public record ClusterExplainer(double minShare, double minLift, TrendSettings trendSettings) {
  /**
   * Validates.
   *
   * @throws IllegalArgumentException if a threshold is out of range
   */
  public ClusterExplainer {
    if (!(minShare > 0 && minShare <= 1)) {
      throw new IllegalArgumentException("The minimum share (" + minShare + ") must be in (0, 1].");
    }
    if (!(minLift >= 1) || Double.isInfinite(minLift)) {
      throw new IllegalArgumentException(
          "The minimum lift (" + minLift + ") must be a finite number, 1 or more.");
    }
    java.util.Objects.requireNonNull(trendSettings, "trendSettings");
  }

  /**
   * The defaults: share 0.5, lift 1.5, default trend settings.
   *
   * @return the explainer
   */
  public static ClusterExplainer defaults() {
    return new ClusterExplainer(0.5, 1.5, TrendSettings.defaults());
  }

  /**
   * Explains every cluster.
   *
   * @param request the request whose profiles were clustered
   * @param labels the cluster of each profile, -1 for noise
   * @return the clustering with its explanations
   */
  public Clustering explain(NicheRequest request, int[] labels) {
    List<ConsumerProfile> profiles = request.profiles();
    List<Attributes> prefs = preferences(profiles);
    Map<Integer, Map<AttributeValue, Integer>> counts = new TreeMap<>();
    Map<Integer, Integer> sizes = new TreeMap<>();
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0) {
        continue;
      }
      sizes.merge(labels[i], 1, Integer::sum);
      Map<AttributeValue, Integer> c = counts.computeIfAbsent(labels[i], k -> new HashMap<>());
      prefs.get(i).pairs().forEach(av -> c.merge(av, 1, Integer::sum));
    }
    // Consumers per preferred category, and per (category, value): over-representation of a
    // value is read within the cluster's category, never across categories, so that a category
    // holding most consumers (a single-vertical shop) still explains its clusters.
    Map<String, Integer> perCategory = new HashMap<>();
    Map<String, Map<AttributeValue, Integer>> inCategory = new HashMap<>();
    for (Attributes p : prefs) {
      p.get(Niche.CATEGORY).ifPresent(cat -> {
        perCategory.merge(cat, 1, Integer::sum);
        Map<AttributeValue, Integer> m = inCategory.computeIfAbsent(cat, k -> new HashMap<>());
        p.pairs().forEach(av -> m.merge(av, 1, Integer::sum));
      });
    }
    // The category of each cluster: a strict majority of members (so at most one), never tested
    // for lift.
    Map<Integer, AttributeValue> categories = new TreeMap<>();
    sizes.forEach((label, size) -> {
      for (Map.Entry<AttributeValue, Integer> e : counts.get(label).entrySet()) {
        if (e.getKey().key().equals(Niche.CATEGORY) && (double) e.getValue() / size > minShare) {
          categories.put(label, e.getKey());
        }
      }
    });
    // Per cluster, its members of its category and their values: the rest of the category, the
    // consumers a value's over-representation is measured against, is the category less these.
    Map<Integer, Integer> insideSizes = new HashMap<>();
    Map<Integer, Map<AttributeValue, Integer>> inside = new HashMap<>();
    for (int i = 0; i < labels.length; i++) {
      AttributeValue category = labels[i] < 0 ? null : categories.get(labels[i]);
      if (category != null && prefs.get(i).pairs().contains(category)) {
        insideSizes.merge(labels[i], 1, Integer::sum);
        Map<AttributeValue, Integer> m = inside.computeIfAbsent(labels[i], k -> new HashMap<>());
        prefs.get(i).pairs().forEach(av -> m.merge(av, 1, Integer::sum));
      }
    }
    List<ClusterExplanation> out = new ArrayList<>();
    sizes.forEach((label, size) -> {
      Map<AttributeValue, Double> shares = new TreeMap<>();
      AttributeValue category = categories.get(label);
      if (category != null) {
        shares.put(category, (double) counts.get(label).get(category) / size);
        int rest = perCategory.get(category.value()) - insideSizes.getOrDefault(label, 0);
        Map<AttributeValue, Integer> within = inCategory.get(category.value());
        Map<AttributeValue, Integer> mine = inside.getOrDefault(label, Map.of());
        counts.get(label).forEach((av, c) -> {
          if (av.key().equals(Niche.CATEGORY)) {
            return;
          }
          double share = (double) c / size;
          // The value's share among the rest of the category, by Laplace's rule of succession as
          // in expected(): against the whole category, which holds the cluster, a cluster more
          // than 1 / minLift of its category could never reach the lift, however distinctive.
          int restWith = within.getOrDefault(av, 0) - mine.getOrDefault(av, 0);
          double elsewhere = (restWith + 1.0) / (rest + 2.0);
          // Strictly more than minShare: at most one value per key, no ties to break.
          if (share > minShare && share >= minLift * elsewhere) {
            shares.put(av, share);
          }
        });
      }
      Attributes definition = Attributes.of(shares.keySet());
      boolean niche = size >= request.minAudience() && definition.size() >= 2 && category != null;
      if (niche) {
        // The explanation holds the productive definition, the one niches() turns into a niche,
        // so a cluster can be matched to its niche by definition (NicheEvaluation.byNiche).
        definition = productive(definition, prefs);
        niche = definition.size() >= 2;
      }
      out.add(new ClusterExplanation(label, size, shares,
          niche ? definition : Attributes.empty()));
    });
    List<Integer> boxed = new ArrayList<>(labels.length);
    for (int l : labels) {
      boxed.add(l);
    }
    return new Clustering(boxed, out);
  }

  /**
   * Turns explained clusters into niches, ranked by audience times lift, ties by id.
   *
   * @param request the request whose profiles were clustered
   * @param clustering the clustering
   * @return the niches
   */
  public List<Niche> niches(NicheRequest request, Clustering clustering) {
    List<ConsumerProfile> profiles = request.profiles();
    Set<Attributes> explained =
        new TreeSet<>(Comparator.comparing((Attributes a) -> Niche.idFor(a).value()));
    for (ClusterExplanation e : clustering.explanations()) {
      if (!e.definition().isEmpty()) {
        explained.add(e.definition());
      }
    }
    if (explained.isEmpty()) {
      return List.of();
    }
    List<Attributes> prefs = preferences(profiles);
    Set<Attributes> definitions =
        new TreeSet<>(Comparator.comparing((Attributes a) -> Niche.idFor(a).value()));
    for (Attributes def : explained) {
      Attributes productive = productive(def, prefs);
      if (productive.size() >= 2) {
        definitions.add(productive);
      }
    }
    List<Niche> out = new ArrayList<>();
    for (Attributes def : definitions) {
      // The audience: every consumer whose preferences match the definition, not the cluster.
      int audience = 0;
      double demand = 0;
      for (int i = 0; i < prefs.size(); i++) {
        if (prefs.get(i).matches(def)) {
          audience++;
          demand += DemandScore.orderProbability(profiles.get(i), def);
        }
      }
      if (audience < request.minAudience()) {
        continue;
      }
      double expected = expected(def, prefs);
      double lift = expected > 0 ? audience / expected : 0.0;
      Trend trend = Trend.of(request.timeline(), def, request.asOf(), trendSettings);
      out.add(new Niche(Niche.idFor(def), def, audience, Math.min(audience, demand), lift,
          trend));
    }
    out.sort(Comparator.comparingDouble((Niche x) -> -x.audience() * x.lift())
        .thenComparing(x -> x.id().value()));
    return List.copyOf(out);
  }

  /**
   * Drops the values that do not earn their place: while the definition's lift (its audience over
   * the most its values predict, see {@link #expected}) is below {@code minLift}, the value whose
   * own lift is lowest (ties: the larger value) is removed. A cluster split along an attribute
   * its members do not share as a group (k-means cutting a planted group by size) is explained
   * with that attribute added; the matching consumers then hold it no more often than the rest of
   * the category, so it goes and the split clusters become one niche again. Returns the category
   * alone when nothing else is productive.
   */
  private Attributes productive(Attributes def, List<Attributes> prefs) {
    Attributes current = def;
    while (current.size() >= 2) {
      int audience = 0;
      for (Attributes p : prefs) {
        if (p.matches(current)) {
          audience++;
        }
      }
      AttributeValue weakest = null;
      double weakestLift = Double.POSITIVE_INFINITY;
      for (AttributeValue v : current.pairs()) {
        if (v.key().equals(Niche.CATEGORY)) {
          continue;
        }
        double e = expectedWith(current, v, prefs);
        double lift = e > 0 ? audience / e : Double.POSITIVE_INFINITY;
        if (lift <= weakestLift) {
          weakestLift = lift;
          weakest = v;
        }
      }
      if (weakest == null || weakestLift >= minLift) {
        return current;
      }
      current = current.without(weakest.key());
    }
    return current;
  }

  /**
   * The audience a definition's value {@code v} predicts: the audience of the definition without
   * {@code v} times the share of {@code v} among the category's consumers outside that audience
   * (Laplace's rule of succession), as in {@link #expected}.
   */
  private static double expectedWith(Attributes def, AttributeValue v, List<Attributes> prefs) {
    String category = def.get(Niche.CATEGORY).orElseThrow();
    Attributes without = def.without(v.key());
    int base = 0;
    int outside = 0;
    int outsideWithV = 0;
    for (Attributes p : prefs) {
      if (p.matches(without)) {
        base++;
      } else if (p.get(Niche.CATEGORY).filter(category::equals).isPresent()) {
        outside++;
        if (p.pairs().contains(v)) {
          outsideWithV++;
        }
      }
    }
    return base * ((outsideWithV + 1.0) / (outside + 2.0));
  }

  /**
   * The attribute miner's expectation: over the definition's values {@code v} other than its
   * category, the largest of the audience of the definition without {@code v} times the share of
   * {@code v} among the category's consumers outside that audience (by Laplace's rule of
   * succession, {@code (k + 1) / (n + 2)}, as the miner).
   */
  private static double expected(Attributes def, List<Attributes> prefs) {
    double most = 0;
    for (AttributeValue v : def.pairs()) {
      if (!v.key().equals(Niche.CATEGORY)) {
        most = Math.max(most, expectedWith(def, v, prefs));
      }
    }
    return most;
  }

  private static List<Attributes> preferences(List<ConsumerProfile> profiles) {
    List<Attributes> prefs = new ArrayList<>(profiles.size());
    for (ConsumerProfile p : profiles) {
      prefs.add(p.preferences());
    }
    return prefs;
  }
}
