package io.c2m.sim;

import io.c2m.internal.Checks;
import java.util.List;

/**
 * What happened in a run period by period, for charts.
 *
 * @param demandByNiche per planted niche, per period: units its members wanted while wanting it
 *     (ordered, or lost to an empty shelf)
 * @param productionByNiche per planted niche, per period: units released for designs serving it
 * @param stock per period: units on the shelf at the end of the period
 * @param ordered per period: units ordered
 * @param delivered per period: units delivered
 * @param batchSizes the size of every batch or lot released, in release order
 */
public record Timeline(
    List<List<Double>> demandByNiche,
    List<List<Double>> productionByNiche,
    List<Double> stock,
    List<Double> ordered,
    List<Double> delivered,
    List<Integer> batchSizes) {
  /** Copies. */
  public Timeline {
    demandByNiche = Checks.requireNoNulls(demandByNiche, "demandByNiche").stream()
        .map(List::copyOf).toList();
    productionByNiche = Checks.requireNoNulls(productionByNiche, "productionByNiche").stream()
        .map(List::copyOf).toList();
    stock = List.copyOf(Checks.requireNoNulls(stock, "stock"));
    ordered = List.copyOf(Checks.requireNoNulls(ordered, "ordered"));
    delivered = List.copyOf(Checks.requireNoNulls(delivered, "delivered"));
    batchSizes = List.copyOf(Checks.requireNoNulls(batchSizes, "batchSizes"));
  }
}
