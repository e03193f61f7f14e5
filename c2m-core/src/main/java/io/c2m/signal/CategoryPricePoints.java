package io.c2m.signal;

import static java.util.Objects.requireNonNull;

import io.c2m.ConsumerId;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Each consumer's price point <em>per product category</em>: the decayed, weighted mean of the
 * prices of their priced signals on items of that category (the {@value #CATEGORY}
 * attribute). A {@link io.c2m.signal.ConsumerProfile} keeps one price aggregate over all
 * categories, so a shoes niche priced from its members' profiles would mix in their coat
 * purchases; this aggregate keeps the categories apart so a design is priced from what its members
 * paid for, or put in their cart for, items of its own category.
 *
 * <p>Price evidence is counted as {@link io.c2m.signal.ProfileStore} counts it: a signal with a
 * positive weight in the {@link ProfileSettings}, a value of zero or more, and a type other than
 * {@link SignalType#REVIEW} (whose value is a rating); each price is weighted by its signal's
 * weight times {@code 2^(-age / halfLife)}, so the mean equals the profile's price point when a
 * consumer buys in one category only. Signals whose item has no category are ignored.
 *
 * <p>Mergeable: {@link #merge(CategoryPricePoints)} of two aggregates built from any split of the
 * signals equals (up to floating-point rounding) the aggregate of all of them, in any order of
 * arrival. Holds a few numbers per consumer and category. Not thread-safe: confine an instance to
 * one thread or lock around it (the engine {@code C2m} does).
 */
public final class CategoryPricePoints {
  /**
   * The attribute key of an item's product category ({@code io.c2m.niche.Niche#CATEGORY} is the
   * same key): price evidence is collected per value of it.
   */
  public static final String CATEGORY = "category";

  private final double[] weights = new double[SignalType.values().length];
  private final long halfLifeMillis;
  /** Per consumer, per category: {reference epoch millis, decayed weight, decayed weighted sum}. */
  private final Map<ConsumerId, Map<String, double[]>> points = new HashMap<>();

  /**
   * Creates an empty aggregate.
   *
   * @param settings the signal weights and half-life, those of the profiles
   */
  public CategoryPricePoints(ProfileSettings settings) {
    requireNonNull(settings, "settings");
    for (SignalType t : SignalType.values()) {
      weights[t.ordinal()] = settings.weight(t);
    }
    this.halfLifeMillis = Math.max(1, settings.halfLife().toMillis());
  }

  /**
   * Adds one signal's price evidence, if it carries any.
   *
   * @param signal the signal, of a consumer who consents to profiling (the caller checks)
   * @return true if the signal was price evidence for a category
   */
  public boolean add(Signal signal) {
    requireNonNull(signal, "signal");
    double w = weights[signal.type().ordinal()];
    double value = signal.value();
    if (!(w > 0) || !(value >= 0) || signal.type() == SignalType.REVIEW) {
      return false;
    }
    String category = signal.item().get(CATEGORY).orElse(null);
    if (category == null) {
      return false;
    }
    long at = signal.at().toEpochMilli();
    double[] p = points.computeIfAbsent(signal.consumer(), c -> new HashMap<>(4))
        .get(category);
    if (p == null) {
      points.get(signal.consumer()).put(category, new double[] {at, w, w * value});
      return true;
    }
    add(p, at, w, w * value);
    return true;
  }

  /** Adds decayed evidence to an entry, keeping the later reference instant. */
  private void add(double[] p, double at, double weight, double sum) {
    if (at > p[0]) {
      double f = Math.pow(2.0, -(at - p[0]) / halfLifeMillis);
      p[0] = at;
      p[1] = p[1] * f + weight;
      p[2] = p[2] * f + sum;
    } else {
      double f = Math.pow(2.0, -(p[0] - at) / halfLifeMillis);
      p[1] += weight * f;
      p[2] += sum * f;
    }
  }

  /**
   * Adds another aggregate's evidence to this one (the other is unchanged). Associative and
   * commutative up to rounding. Erasure is not remembered: a consumer erased from this aggregate
   * ({@link #erase}) whose evidence the other still holds is added back, so erase a consumer from
   * every partial aggregate (or erase again after merging).
   *
   * @param other the other aggregate, built with the same signal weights and half-life
   * @return this aggregate
   * @throws IllegalArgumentException if the weights or half-lives differ (the decayed sums would
   *     not be comparable), or {@code other} is this aggregate
   */
  public CategoryPricePoints merge(CategoryPricePoints other) {
    requireNonNull(other, "other");
    if (other == this) {
      throw new IllegalArgumentException("Category price points cannot merge with themselves "
          + "(the evidence would be read while it is written); merge a copy.");
    }
    if (halfLifeMillis != other.halfLifeMillis || !Arrays.equals(weights, other.weights)) {
      throw new IllegalArgumentException("Only category price points with the same signal "
          + "weights and half-life merge; got half-lives " + Duration.ofMillis(halfLifeMillis)
          + " and " + Duration.ofMillis(other.halfLifeMillis) + ", weights "
          + Arrays.toString(weights) + " and " + Arrays.toString(other.weights) + ".");
    }
    other.points.forEach((consumer, byCategory) -> byCategory.forEach((category, q) -> {
      Map<String, double[]> mine = points.computeIfAbsent(consumer, c -> new HashMap<>(4));
      double[] p = mine.get(category);
      if (p == null) {
        mine.put(category, q.clone());
      } else {
        add(p, q[0], q[1], q[2]);
      }
    }));
    return this;
  }

  /**
   * Returns a consumer's price point in one category.
   *
   * @param consumer the consumer
   * @param category the category, the value of the {@value #CATEGORY} attribute
   * @return the decayed, weighted mean price of their priced signals on items of the category, or
   *     empty if they have none
   */
  public OptionalDouble pricePoint(ConsumerId consumer, String category) {
    requireNonNull(consumer, "consumer");
    requireNonNull(category, "category");
    Map<String, double[]> byCategory = points.get(consumer);
    double[] p = byCategory == null ? null : byCategory.get(category);
    return p == null || !(p[1] > 0) ? OptionalDouble.empty() : OptionalDouble.of(p[2] / p[1]);
  }

  /**
   * Erases a consumer's evidence (right to erasure, or consent withdrawn).
   *
   * @param consumer the consumer
   * @return true if there was any
   */
  public boolean erase(ConsumerId consumer) {
    return points.remove(requireNonNull(consumer, "consumer")) != null;
  }
}
