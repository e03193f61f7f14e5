package io.c2m.production;

import static java.util.Objects.requireNonNull;

import io.c2m.BatchId;
import io.c2m.DesignId;
import io.c2m.OrderId;
import java.time.LocalDateTime;
import java.util.List;

/**
 * One batch of a plan as a draft production order for an ERP (Odoo's Manufacturing Order,
 * ERPNext's Work Order): the ERP creates it unconfirmed, a planner confirms it there.
 *
 * @param batch the batch it comes from
 * @param design the design made
 * @param product the design's product in the ERP
 * @param quantity how many, in the product's unit, at least 1
 * @param plannedStart when production starts: the start of the batch's period
 * @param plannedFinish when it ends: the end of the last period before the goods are ready (the
 *     batch's own period when there is no lead time)
 * @param origin the c2m orders the batch is made for, in the batch's order
 */
public record DraftProductionOrder(BatchId batch, DesignId design, ErpProduct product,
    int quantity, LocalDateTime plannedStart, LocalDateTime plannedFinish, List<OrderId> origin) {
  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException if the quantity is not positive or the finish is before the
   *     start
   */
  public DraftProductionOrder {
    requireNonNull(batch, "batch");
    requireNonNull(design, "design");
    requireNonNull(product, "product");
    requireNonNull(plannedStart, "plannedStart");
    requireNonNull(plannedFinish, "plannedFinish");
    origin = List.copyOf(origin);
    if (quantity < 1) {
      throw new IllegalArgumentException(
          "The quantity (" + quantity + ") of the order for batch " + batch + " must be positive.");
    }
    if (plannedFinish.isBefore(plannedStart)) {
      throw new IllegalArgumentException("The planned finish (" + plannedFinish
          + ") of batch " + batch + " is before its start (" + plannedStart + ").");
    }
  }
}
