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
import java.util.TreeMap;

/**
 * Explains clusters as niche definitions and turns them into {@link Niche}s comparable with the
 * attribute miner's: same audience meaning (consumers in the niche), same lift (the definition's
 * audience among all consumers over the audience independence predicts), same demand heuristic
 * ({@link DemandScore}) and trend. Two clusters with the same explanation make one niche.
 *
 * <p>A preferred value explains a cluster when at least {@code minShare} of its members prefer it
 * and that share is at least {@code minLift} times its share among all consumers. A cluster is a
 * niche when it reaches the minimum audience and its explanation holds a category and at least one
 * more value.
 *
 * @param minShare the least share of members, in (0, 1]
 * @param minLift the least over-representation, at least 1
 * @param trendSettings how trends are read
 */
public record ClusterExplainer(double minShare, double minLift, TrendSettings trendSettings) {
  /** The attribute key that scopes a niche to a product category. */
  static final String CATEGORY = "category";

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
    Map<AttributeValue, Integer> overall = new HashMap<>();
    prefs.forEach(p -> p.pairs().forEach(av -> overall.merge(av, 1, Integer::sum)));
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
    int n = profiles.size();
    List<ClusterExplanation> out = new ArrayList<>();
    sizes.forEach((label, size) -> {
      Map<AttributeValue, Double> shares = new TreeMap<>();
      counts.get(label).forEach((av, c) -> {
        double share = (double) c / size;
        double base = (double) overall.get(av) / n;
        if (share >= minShare && share >= minLift * base) {
          shares.put(av, share);
        }
      });
      // At most one value per key: the larger share, ties to the smaller value.
      Map<String, AttributeValue> perKey = new TreeMap<>();
      shares.forEach((av, s) -> {
        AttributeValue cur = perKey.get(av.key());
        if (cur == null || s > shares.get(cur)) {
          perKey.put(av.key(), av);
        }
      });
      Attributes definition = Attributes.of(perKey.values());
      boolean niche = size >= request.minAudience() && definition.size() >= 2
          && definition.get(CATEGORY).isPresent();
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
    int[] labels = clustering.labelArray();
    Map<Integer, Attributes> definitionOf = new HashMap<>();
    Map<Attributes, Integer> audience = new TreeMap<>(Comparator.comparing(Attributes::toString));
    for (ClusterExplanation e : clustering.explanations()) {
      if (!e.definition().isEmpty()) {
        definitionOf.put(e.cluster(), e.definition());
        audience.merge(e.definition(), e.size(), Integer::sum);
      }
    }
    if (audience.isEmpty()) {
      return List.of();
    }
    Map<Attributes, Double> demand = new HashMap<>();
    for (int i = 0; i < labels.length; i++) {
      Attributes def = definitionOf.get(labels[i]);
      if (def != null) {
        demand.merge(def, DemandScore.orderProbability(profiles.get(i), def), Double::sum);
      }
    }
    List<Attributes> prefs = preferences(profiles);
    Map<AttributeValue, Integer> overall = new HashMap<>();
    prefs.forEach(p -> p.pairs().forEach(av -> overall.merge(av, 1, Integer::sum)));
    int n = profiles.size();
    List<Niche> out = new ArrayList<>();
    audience.forEach((def, size) -> {
      long support = prefs.stream().filter(p -> p.matches(def)).count();
      double expected = n;
      for (AttributeValue av : def.pairs()) {
        expected *= (double) overall.getOrDefault(av, 0) / n;
      }
      double lift = expected > 0 ? support / expected : 0.0;
      Trend trend = Trend.of(request.timeline(), def, request.asOf(), trendSettings);
      out.add(new Niche(Niche.idFor(def), def, size, Math.min(size, demand.get(def)), lift,
          trend));
    });
    out.sort(Comparator.comparingDouble((Niche x) -> -x.audience() * x.lift())
        .thenComparing(x -> x.id().value()));
    return List.copyOf(out);
  }

  private static List<Attributes> preferences(List<ConsumerProfile> profiles) {
    List<Attributes> prefs = new ArrayList<>(profiles.size());
    for (ConsumerProfile p : profiles) {
      prefs.add(p.preferences());
    }
    return prefs;
  }
}
