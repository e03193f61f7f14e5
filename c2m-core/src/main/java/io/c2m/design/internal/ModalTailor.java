package io.c2m.design.internal;

import io.c2m.AttributeValue;
import io.c2m.Attributes;
import io.c2m.DesignId;
import io.c2m.design.DesignTailor;
import io.c2m.design.ProductDesign;
import io.c2m.design.TailorRequest;
import io.c2m.signal.ConsumerProfile;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Modal-preference tailoring: keep the niche's definition, fill every other attribute key with the
 * members' most common preferred value when at least {@code minShare} of the members share it
 * (ties broken by the smaller value), and price at the {@code priceQuantile} of the members' price
 * points (lower empirical quantile, so the price is one members actually engaged with).
 */
public final class ModalTailor implements DesignTailor {
  /** Default minimum share of members for a filled attribute. */
  public static final double DEFAULT_MIN_SHARE = 0.3;
  /** Default price quantile: the median. */
  public static final double DEFAULT_PRICE_QUANTILE = 0.5;

  private final double minShare;
  private final double priceQuantile;

  /**
   * Creates a tailor.
   *
   * @param minShare minimum share of members for a filled attribute, in (0, 1]
   * @param priceQuantile the quantile of price points to price at, in [0, 1]
   */
  public ModalTailor(double minShare, double priceQuantile) {
    if (!(minShare > 0 && minShare <= 1)) {
      throw new IllegalArgumentException(
          "The minimum share (" + minShare + ") must be in (0, 1].");
    }
    if (!(priceQuantile >= 0 && priceQuantile <= 1)) {
      throw new IllegalArgumentException(
          "The price quantile (" + priceQuantile + ") must be in [0, 1].");
    }
    this.minShare = minShare;
    this.priceQuantile = priceQuantile;
  }

  @Override
  public String name() {
    return "modal";
  }

  @Override
  public List<ProductDesign> tailor(TailorRequest request) {
    Attributes definition = request.niche().definition();
    Map<AttributeValue, Integer> counts = new TreeMap<>();
    double[] prices = new double[request.members().size()];
    int priced = 0;
    for (ConsumerProfile member : request.members()) {
      for (AttributeValue av : member.preferences().pairs()) {
        if (definition.get(av.key()).isEmpty()) {
          counts.merge(av, 1, Integer::sum);
        }
      }
      if (member.pricePoint().isPresent()) {
        prices[priced++] = member.pricePoint().getAsDouble();
      }
    }
    if (priced == 0) {
      return List.of();
    }
    Map<String, AttributeValue> modal = new TreeMap<>();
    Map<String, Integer> modalCount = new TreeMap<>();
    int needed = (int) Math.ceil(minShare * request.members().size());
    counts.forEach((av, c) -> {
      Integer best = modalCount.get(av.key());
      if (c >= needed && (best == null || c > best)) {
        modal.put(av.key(), av);
        modalCount.put(av.key(), c);
      }
    });
    Attributes spec = definition.withAll(Attributes.of(modal.values()));
    double[] sorted = Arrays.copyOf(prices, priced);
    Arrays.sort(sorted);
    int index = (int) Math.floor(priceQuantile * (priced - 1));
    double price = Math.round(sorted[index] * 100.0) / 100.0;
    if (price <= 0) {
      return List.of();
    }
    DesignId id = new DesignId("design:" + request.niche().id().value());
    return List.of(new ProductDesign(id, request.niche().id(), spec, price));
  }
}
