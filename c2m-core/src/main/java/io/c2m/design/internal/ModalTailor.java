package io.c2m.design.internal;

import io.c2m.AttributeValue;
import io.c2m.Attributes;
import io.c2m.DesignId;
import io.c2m.design.DesignTailor;
import io.c2m.design.ProductDesign;
import io.c2m.design.TailorRequest;
import io.c2m.signal.ConsumerProfile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Modal-preference tailoring: keep the niche's definition, fill every other attribute key with the
 * members' most common preferred value when at least {@code minShare} of the members share it
 * (ties broken by the smaller value), and price at the {@code priceQuantile} of the members' price
 * points (lower empirical quantile, rounded to cents).
 *
 * <p><b>Scoped to the niche's category.</b> When the request carries category price points
 * ({@link TailorRequest#pricePoints()}, the members' mean prices on items of the niche's category),
 * the price is the quantile of those, so a shoes niche is priced from what its members paid for
 * shoes, not from their coats. When the request carries no category price point, it prices from
 * {@link ConsumerProfile#pricePoint()} (the mean over all their categories) only if the request
 * allows it ({@link TailorRequest#profilePrices()}, true for a request without category scoping);
 * otherwise it offers no design. When the request carries the values seen on items of the category ({@link
 * TailorRequest#categoryValues()}), a member's preferred value is counted only if it occurs on
 * such items, so a shoes design is never given a coat's sleeve length. Profiles keep one affinity
 * per value over all categories, so a member's preferred colour may still come from another
 * category when that colour also exists in this one: the fill is scoped to the category's
 * attribute values, not to the members' behaviour within it.
 *
 * <p>With {@code maxDesigns > 1} it also offers variants for a concept test: for each filled key
 * whose runner-up value is also preferred by at least {@code minShare} of the members, the modal
 * design with that one value swapped, most popular runner-up first (ties by key), up to
 * {@code maxDesigns} designs in all. The first design's id is {@code "design:" + niche id}, the
 * variants' add {@code "#2"}, {@code "#3"}, ... Deterministic; draws no random numbers.
 */
public final class ModalTailor implements DesignTailor {
  /** Default minimum share of members for a filled attribute. */
  public static final double DEFAULT_MIN_SHARE = 0.3;
  /** Default price quantile: the median. */
  public static final double DEFAULT_PRICE_QUANTILE = 0.5;
  /** Default number of designs per niche. */
  public static final int DEFAULT_MAX_DESIGNS = 1;

  private final double minShare;
  private final double priceQuantile;
  private final int maxDesigns;

  /**
   * Creates a tailor offering one design per niche.
   *
   * @param minShare minimum share of members for a filled attribute, in (0, 1]
   * @param priceQuantile the quantile of price points to price at, in [0, 1]
   */
  public ModalTailor(double minShare, double priceQuantile) {
    this(minShare, priceQuantile, DEFAULT_MAX_DESIGNS);
  }

  /**
   * Creates a tailor.
   *
   * @param minShare minimum share of members for a filled attribute, in (0, 1]
   * @param priceQuantile the quantile of price points to price at, in [0, 1]
   * @param maxDesigns the most designs per niche, at least 1
   */
  public ModalTailor(double minShare, double priceQuantile, int maxDesigns) {
    if (!(minShare > 0 && minShare <= 1)) {
      throw new IllegalArgumentException(
          "The minimum share (" + minShare + ") must be in (0, 1].");
    }
    if (!(priceQuantile >= 0 && priceQuantile <= 1)) {
      throw new IllegalArgumentException(
          "The price quantile (" + priceQuantile + ") must be in [0, 1].");
    }
    if (maxDesigns < 1) {
      throw new IllegalArgumentException(
          "The maximum designs per niche (" + maxDesigns + ") must be at least 1.");
    }
    this.minShare = minShare;
    this.priceQuantile = priceQuantile;
    this.maxDesigns = maxDesigns;
  }

  @Override
  public String name() {
    return "modal";
  }

  @Override
  public List<ProductDesign> tailor(TailorRequest request) {
    Attributes definition = request.niche().definition();
    Map<AttributeValue, Integer> counts = new TreeMap<>();
    java.util.Set<AttributeValue> allowed = request.categoryValues();
    for (ConsumerProfile member : request.members()) {
      for (AttributeValue av : member.preferences().pairs()) {
        if (definition.get(av.key()).isEmpty()
            && (allowed.isEmpty() || allowed.contains(av))) {
          counts.merge(av, 1, Integer::sum);
        }
      }
    }
    double[] prices = new double[request.members().size()];
    int priced = 0;
    if (!request.pricePoints().isEmpty()) {
      for (ConsumerProfile member : request.members()) {
        Double p = request.pricePoints().get(member.consumer());
        if (p != null) {
          prices[priced++] = p;
        }
      }
    } else if (request.profilePrices()) {
      for (ConsumerProfile member : request.members()) {
        if (member.pricePoint().isPresent()) {
          prices[priced++] = member.pricePoint().getAsDouble();
        }
      }
    }
    if (priced == 0) {
      return List.of();
    }
    double[] sorted = Arrays.copyOf(prices, priced);
    Arrays.sort(sorted);
    int index = (int) Math.floor(priceQuantile * (priced - 1));
    double price = Math.round(sorted[index] * 100.0) / 100.0;
    if (price <= 0) {
      return List.of();
    }
    // Per key, values by count descending then value (counts is sorted by value).
    Map<String, List<Map.Entry<AttributeValue, Integer>>> byKey = new TreeMap<>();
    int needed = (int) Math.ceil(minShare * request.members().size());
    counts.forEach((av, c) -> {
      if (c >= needed) {
        byKey.computeIfAbsent(av.key(), k -> new ArrayList<>()).add(Map.entry(av, c));
      }
    });
    byKey.values().forEach(l -> l.sort(
        Comparator.comparingInt((Map.Entry<AttributeValue, Integer> e) -> -e.getValue())
            .thenComparing(Map.Entry::getKey)));
    List<AttributeValue> modal = new ArrayList<>();
    List<Map.Entry<AttributeValue, Integer>> runnersUp = new ArrayList<>();
    byKey.forEach((k, l) -> {
      modal.add(l.get(0).getKey());
      if (l.size() > 1) {
        runnersUp.add(l.get(1));
      }
    });
    Attributes spec = definition.withAll(Attributes.of(modal));
    String nicheId = request.niche().id().value();
    List<ProductDesign> out = new ArrayList<>();
    out.add(new ProductDesign(new DesignId("design:" + nicheId), request.niche().id(), spec,
        price));
    runnersUp.sort(Comparator.comparingInt((Map.Entry<AttributeValue, Integer> e) -> -e.getValue())
        .thenComparing(e -> e.getKey().key()));
    for (Map.Entry<AttributeValue, Integer> r : runnersUp) {
      if (out.size() >= maxDesigns) {
        break;
      }
      AttributeValue v = r.getKey();
      out.add(new ProductDesign(new DesignId("design:" + nicheId + "#" + (out.size() + 1)),
          request.niche().id(), spec.with(v.key(), v.value()), price));
    }
    return List.copyOf(out);
  }
}
