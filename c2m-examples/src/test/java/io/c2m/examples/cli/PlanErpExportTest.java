package io.c2m.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.examples.cli.C2mCommandTest.Outcome;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 (ERP export): {@code c2m plan --format} turns the example plan (Wagner and Whitin's
 * 1958 instance) into an Odoo and an ERPNext import file with the columns those ERPs document
 * (see {@link io.c2m.production.ErpExport} for the sources).
 */
class PlanErpExportTest {
  private static final String DEMAND = Path.of("..", "examples", "wagner-whitin-1958.csv")
      .toString();
  private static final String PRODUCTS = Path.of("..", "examples", "products.csv").toString();
  private static final int TOTAL_DEMAND = 69 + 29 + 36 + 61 + 61 + 26 + 34 + 67 + 45 + 67 + 79
      + 56;

  private static Outcome plan(String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("plan", "--strategy",
        "wagner-whitin", "--setup-cost", "100", "--holding-cost", "1"));
    args.addAll(List.of(more));
    args.add(DEMAND);
    return C2mCommandTest.run(args.toArray(String[]::new));
  }

  /** The rows of a CSV text (none of these fields holds a line break). */
  private static List<List<String>> rows(String csv) {
    assertTrue(csv.endsWith("\r\n"), "RFC 4180 line ends");
    return csv.lines().map(PlanOutputOptions::fields).toList();
  }

  private static int quantities(List<List<String>> rows, int column) {
    return rows.stream().skip(1).mapToInt(r -> Integer.parseInt(r.get(column))).sum();
  }

  @Test
  void odooFileHasMrpProductionColumnsAndEveryUnitOnce() {
    Outcome o = plan("--format", "odoo-csv", "--products", PRODUCTS, "--start", "2027-01-04");
    assertEquals(0, o.code(), o.err());
    List<List<String>> rows = rows(o.out());
    assertEquals(List.of("product_id", "product_qty", "product_uom_id", "bom_id", "date_start",
        "date_finished", "origin"), rows.get(0));
    assertEquals(TOTAL_DEMAND, quantities(rows, 1));
    List<String> first = rows.get(1);
    assertEquals(List.of("SHIRT-NAVY-M", "98", "Units", "BOM-SHIRT-NAVY-M, v2",
        "2027-01-04 00:00:00", "2027-01-04 23:59:59", "item@0, item@1"), first);
  }

  @Test
  void erpnextFileHasWorkOrderColumns() {
    Outcome o = plan("--format", "erpnext-csv", "--products", PRODUCTS, "--start", "2027-01-04",
        "--period", "P1W", "--company", "Acme", "--wip-warehouse", "WIP - A");
    assertEquals(0, o.code(), o.err());
    List<List<String>> rows = rows(o.out());
    assertEquals(List.of("Series", "Item To Manufacture", "BOM No", "Company",
        "Qty To Manufacture", "Stock UOM", "Planned Start Date", "Planned End Date",
        "Expected Delivery Date", "Work-in-Progress Warehouse", "Target Warehouse",
        "C2M Origin"), rows.get(0));
    assertEquals(TOTAL_DEMAND, quantities(rows, 4));
    // The second batch is released in the third week.
    assertEquals("2027-01-18 00:00:00", rows.get(2).get(6));
    assertEquals("Acme", rows.get(2).get(3));
  }

  @Test
  void unknownFormatListsTheKnownOnesAndMissingMappingSaysWhatIsNeeded() {
    Outcome bad = plan("--format", "sap-idoc");
    assertEquals(2, bad.code());
    assertTrue(bad.err().contains("json, odoo-csv, erpnext-csv"), bad.err());
    Outcome noProducts = plan("--format", "odoo-csv");
    assertEquals(2, noProducts.code());
    assertTrue(noProducts.err().contains("--products") && noProducts.err().contains("--start"),
        noProducts.err());
    Outcome both = plan("--format", "json", "--json");
    assertEquals(2, both.code());
  }
}
