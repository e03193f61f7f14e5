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
 * on items of the niche's category (from {@link io.c2m.signal.CategoryPricePoints}), {@code categoryValues} the
 * attribute values that occur on items of that category.
 *
 * <p><b>Pricing.</b> When {@code pricePoints} is not empty a tailor prices from it. When it is
 * empty, a tailor may price from the members' whole profiles ({@link
 * ConsumerProfile#pricePoint()}, a mean over all their categories) only if {@code profilePrices}
 * is true; otherwise it offers no design, so a shoes design is never priced from coats. A
 * category-scoped request ({@link #withinCategory}) has {@code profilePrices} false; the request
 * without category evidence ({@link #TailorRequest(Niche, List, long)}) has it true. The engine
 * passes category price points only when at least the minimum audience of members has one, so a
 * price never reveals one consumer's (see {@code C2m.tailorDesigns}); a caller building requests
 * itself should do the same.
 *
 * @param niche the niche
 * @param members the profiles of the consumers in it
 * @param seed the random seed
 * @param pricePoints each member's price point within the niche's category; members without one
 *     are absent; values finite and zero or more; every key a member
 * @param categoryValues the attribute values seen on items of the niche's category (a catalogue
 *     aggregate, no consumer data); empty when unknown
 * @param profilePrices whether a tailor may price from the members' whole profiles (all
 *     categories) when {@code pricePoints} is empty
 */
public record TailorRequest(Niche niche, List<ConsumerProfile> members, long seed,
    Map<ConsumerId, Double> pricePoints, Set<AttributeValue> categoryValues,
    boolean profilePrices) {
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
   * A category-scoped request: tailors price only from {@code pricePoints} and offer no design
   * when it is empty (never from the members' other categories); the same as {@link
   * #withinCategory}.
   *
   * @param niche the niche
   * @param members the profiles of the consumers in it
   * @param seed the random seed
   * @param pricePoints each member's price point within the niche's category
   * @param categoryValues the attribute values seen on items of the niche's category
   */
  public TailorRequest(Niche niche, List<ConsumerProfile> members, long seed,
      Map<ConsumerId, Double> pricePoints, Set<AttributeValue> categoryValues) {
    this(niche, members, seed, pricePoints, categoryValues, false);
  }

  /**
   * A request <em>without category scoping</em>: tailors specify and price from the members' whole
   * profiles, which mix all the categories they shop in (a shoes niche's price may then come from
   * its members' coats). Use {@link #withinCategory} when the niche has a category and its
   * members' prices within it are known.
   *
   * @param niche the niche
   * @param members the profiles of the consumers in it
   * @param seed the random seed
   */
  public TailorRequest(Niche niche, List<ConsumerProfile> members, long seed) {
    this(niche, members, seed, Map.of(), Set.of(), true);
  }

  /**
   * A category-scoped request: the price comes from the members' price points within the niche's
   * category only (no design when there is none), and filled values from those seen in it.
   *
   * @param niche the niche
   * @param members the profiles of the consumers in it
   * @param seed the random seed
   * @param pricePoints each member's price point within the niche's category; members without one
   *     are absent; pass at least the minimum audience of them, or none
   * @param categoryValues the attribute values seen on items of the niche's category
   * @return the request
   */
  public static TailorRequest withinCategory(Niche niche, List<ConsumerProfile> members,
      long seed, Map<ConsumerId, Double> pricePoints, Set<AttributeValue> categoryValues) {
    return new TailorRequest(niche, members, seed, pricePoints, categoryValues, false);
  }

}
