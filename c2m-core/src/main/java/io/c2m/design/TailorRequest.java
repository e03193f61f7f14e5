package io.c2m.design;

import static java.util.Objects.requireNonNull;

import io.c2m.AttributeValue;
import io.c2m.ConsumerId;
import io.c2m.internal.Checks;
import io.c2m.niche.Niche;
import io.c2m.signal.ConsumerProfile;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The input of a {@link DesignTailor}: a niche, the profiles of its consenting members, and what is
 * known of them within the niche's category.
 *
 * <p>Profiles hold one price aggregate and one affinity per attribute value over all categories.
 * The two category-scoped components let a tailor keep a shoes niche's design from being priced or
 * specified from its members' coat purchases: {@code pricePoints} gives each member's price point
 * on items of the niche's category (from {@link CategoryPricePoints}), {@code categoryValues} the
 * attribute values that occur on items of that category. Both are empty when unknown (the niche
 * has no category, or the caller has no such data); a tailor then falls back to the profiles.
 *
 * @param niche the niche
 * @param members the profiles of the consumers in it
 * @param seed the random seed
 * @param pricePoints each member's price point within the niche's category; members without one
 *     are absent; values finite and zero or more; every key a member
 * @param categoryValues the attribute values seen on items of the niche's category (a catalogue
 *     aggregate, no consumer data); empty when unknown
 */
public record TailorRequest(Niche niche, List<ConsumerProfile> members, long seed,
    Map<ConsumerId, Double> pricePoints, Set<AttributeValue> categoryValues) {
  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException if a price point is negative or not finite, or belongs to no
   *     member
   */
  public TailorRequest {
    requireNonNull(niche, "niche");
    members = List.copyOf(Checks.requireNoNulls(members, "members"));
    pricePoints = Map.copyOf(Checks.requireNoNulls(pricePoints, "pricePoints"));
    categoryValues = Set.copyOf(Checks.requireNoNulls(categoryValues, "categoryValues"));
    if (!pricePoints.isEmpty()) {
      Set<ConsumerId> ids = new HashSet<>();
      members.forEach(m -> ids.add(m.consumer()));
      for (Map.Entry<ConsumerId, Double> e : pricePoints.entrySet()) {
        // No consumer id in messages: no consumer data in messages.
        if (!ids.contains(e.getKey())) {
          throw new IllegalArgumentException("A category price point of niche " + niche.id()
              + " belongs to a consumer who is not among its members.");
        }
        if (!(e.getValue() >= 0) || Double.isInfinite(e.getValue())) {
          throw new IllegalArgumentException("A category price point (" + e.getValue()
              + ") of niche " + niche.id() + " must be finite and zero or more.");
        }
      }
    }
  }

  /**
   * A request without category-scoped evidence: tailors use the members' whole profiles.
   *
   * @param niche the niche
   * @param members the profiles of the consumers in it
   * @param seed the random seed
   */
  public TailorRequest(Niche niche, List<ConsumerProfile> members, long seed) {
    this(niche, members, seed, Map.of(), Set.of());
  }

}
