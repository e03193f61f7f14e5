package io.c2m.production;

import static java.util.Objects.requireNonNull;

import io.c2m.Provenance;
import io.c2m.internal.Checks;
import java.util.List;

/**
 * The result of batching: the batches to run, the orders left out with their reasons, the total
 * cost and the strategy that decided.
 *
 * @param batches the batches, by period then design then id
 * @param pending the orders in no batch, each with a reason
 * @param cost the sum of the batches' costs
 * @param provenance the strategy, version and settings that produced the plan
 */
public record BatchPlan(
    List<ProductionBatch> batches,
    List<PendingOrder> pending,
    CostBreakdown cost,
    Provenance provenance) {
  /** Validates and copies. */
  public BatchPlan {
    batches = List.copyOf(Checks.requireNoNulls(batches, "batches"));
    pending = List.copyOf(Checks.requireNoNulls(pending, "pending"));
    requireNonNull(cost, "cost");
    requireNonNull(provenance, "provenance");
  }

  /**
   * Returns the units produced over all batches.
   *
   * @return the total quantity
   */
  public long totalQuantity() {
    long sum = 0;
    for (ProductionBatch b : batches) {
      sum += b.quantity();
    }
    return sum;
  }

  /**
   * Counts the orders made after their promise (the batches' late orders). Lateness has no cost in
   * {@link #cost()}: compare plans on this count as well as on cost.
   *
   * @return the number of late orders
   */
  public int lateOrderCount() {
    int n = 0;
    for (ProductionBatch b : batches) {
      n += b.lateOrders().size();
    }
    return n;
  }
}
