package io.c2m.production;

import static java.util.Objects.requireNonNull;

/**
 * What an ERP calls the product of a c2m design: the user's own mapping, one per design, since
 * only the user knows which product, unit of measure and bill of materials make it.
 *
 * @param sku the product's reference in the ERP: Odoo's Internal Reference ({@code default_code})
 *     or product name, ERPNext's Item Code
 * @param unitOfMeasure the unit the quantity is in, as the ERP names it (Odoo {@code Units},
 *     ERPNext {@code Nos})
 * @param billOfMaterials the bill of materials to make it with, as the ERP names it (Odoo: the
 *     BoM's reference or product; ERPNext: the BOM name such as {@code BOM-SHIRT-001}); empty to
 *     let the ERP take the product's default
 */
public record ErpProduct(String sku, String unitOfMeasure, String billOfMaterials) {
  /**
   * Validates.
   *
   * @throws IllegalArgumentException if the SKU or unit is blank, or a field holds a line break
   */
  public ErpProduct {
    requireNonNull(sku, "sku");
    requireNonNull(unitOfMeasure, "unitOfMeasure");
    requireNonNull(billOfMaterials, "billOfMaterials");
    if (sku.isBlank() || unitOfMeasure.isBlank()) {
      throw new IllegalArgumentException("The SKU (" + sku + ") and unit of measure ("
          + unitOfMeasure + ") of a product must not be blank.");
    }
    for (String s : new String[] {sku, unitOfMeasure, billOfMaterials}) {
      if (s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
        throw new IllegalArgumentException(
            "A product's SKU, unit and bill of materials must be one line each: " + sku);
      }
    }
  }
}
