package io.c2m.production;

import static java.util.Objects.requireNonNull;

/**
 * Where in the ERP the production orders go, for the formats that ask for it (ERPNext's Work
 * Order requires a company, and a work-in-progress warehouse unless material transfer is
 * skipped); empty texts leave the column empty for the ERP's defaults.
 *
 * @param company the company, as the ERP names it
 * @param workInProgressWarehouse the work-in-progress warehouse
 * @param finishedGoodsWarehouse the warehouse the finished goods go to
 */
public record ErpSite(
    String company, String workInProgressWarehouse, String finishedGoodsWarehouse) {
  /** No site: every such column left empty. */
  public static final ErpSite NONE = new ErpSite("", "", "");

  /** Validates. */
  public ErpSite {
    requireNonNull(company, "company");
    requireNonNull(workInProgressWarehouse, "workInProgressWarehouse");
    requireNonNull(finishedGoodsWarehouse, "finishedGoodsWarehouse");
  }
}
