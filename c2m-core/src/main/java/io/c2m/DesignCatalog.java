package io.c2m;

import io.c2m.design.ProductDesign;
import io.c2m.order.Offer;
import io.c2m.order.OrderBook;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The designs {@link C2m} has on offer, in the order they were offered, each with an offer on the
 * order book. Read and written under the engine's lock, except {@link #isOffered(DesignId)}.
 */
final class DesignCatalog {
  private final OrderBook orders;
  private final Map<DesignId, ProductDesign> designs = new LinkedHashMap<>();
  /**
   * The ids on offer, readable without the engine's lock: the order book asks it while holding its
   * own lock, so taking the engine's lock there could deadlock against {@link C2m#planBatches()}.
   */
  private final Set<DesignId> offered = ConcurrentHashMap.newKeySet();

  DesignCatalog(OrderBook orders) {
    this.orders = orders;
  }

  boolean isOffered(DesignId id) {
    return offered.contains(id) || orders.offer(id).isPresent();
  }

  boolean contains(DesignId id) {
    return designs.containsKey(id);
  }

  List<ProductDesign> designs() {
    return List.copyOf(designs.values());
  }

  /** Offers a tailored design unless its id or spec is already on offer; true if offered. */
  boolean offerIfNew(ProductDesign d) {
    if (designs.containsKey(d.id()) || offersSpec(d.spec())) {
      return false;
    }
    put(d);
    return true;
  }

  private boolean offersSpec(Attributes spec) {
    for (ProductDesign d : designs.values()) {
      if (d.spec().equals(spec)) {
        return true;
      }
    }
    return false;
  }

  /** The body of {@link C2m#offer(ProductDesign)}. */
  void offer(ProductDesign design) {
    ProductDesign existing = designs.get(design.id());
    if (existing != null && !existing.equals(design)) {
      throw new IllegalArgumentException("The design id (" + design.id()
          + ") is already on offer with another spec or price; orders may refer to it.");
    }
    put(design);
  }

  private void put(ProductDesign design) {
    designs.put(design.id(), design);
    offered.add(design.id());
    if (orders.offer(design.id()).isEmpty()) {
      orders.offer(Offer.of(design.id(), design.unitPrice()));
    }
  }
}
