package io.c2m.production;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.BatchId;
import io.c2m.DesignId;
import io.c2m.OrderId;
import io.c2m.Provenance;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 13 (ERP export): batches as draft production orders in the ERPs' import columns. */
class ErpExportTest {
  private static final DesignId SHIRT = DesignId.of("shirt");
  private static final ErpProduct SHIRT_PRODUCT =
      new ErpProduct("SHIRT-NAVY-M", "Units", "BOM-SHIRT, v2");
  private static final PlanCalendar WEEKS =
      new PlanCalendar(LocalDate.of(2027, 1, 4), Period.ofWeeks(1));

  private static ProductionBatch batch(String id, int period, int ready, int qty, String... orders) {
    return new ProductionBatch(BatchId.of(id), SHIRT, period, ready, qty, qty,
        java.util.Arrays.stream(orders).map(OrderId::of).toList(), List.of(),
        CostBreakdown.ZERO);
  }

  private static BatchPlan plan(ProductionBatch... batches) {
    return new BatchPlan(List.of(batches), List.of(), CostBreakdown.ZERO,
        Provenance.builtIn("test", 0, Map.of()));
  }

  @Test
  void datesFollowTheCalendarAndTheLeadTime() {
    List<DraftProductionOrder> d = ErpExport.drafts(
        plan(batch("b1", 0, 0, 40, "o1", "o2"), batch("b2", 2, 4, 10, "o3")),
        Map.of(SHIRT, SHIRT_PRODUCT), WEEKS);
    assertEquals(LocalDateTime.of(2027, 1, 4, 0, 0), d.get(0).plannedStart());
    // No lead time: made within its week.
    assertEquals(LocalDateTime.of(2027, 1, 10, 23, 59, 59), d.get(0).plannedFinish());
    // Released in week 2, ready in week 4: made in weeks 2 and 3.
    assertEquals(LocalDateTime.of(2027, 1, 18, 0, 0), d.get(1).plannedStart());
    assertEquals(LocalDateTime.of(2027, 1, 31, 23, 59, 59), d.get(1).plannedFinish());
    assertEquals(List.of(OrderId.of("o1"), OrderId.of("o2")), d.get(0).origin());
    assertEquals(40, d.get(0).quantity());
  }

  @Test
  void aDesignWithoutProductFailsNamingIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ErpExport.drafts(plan(batch("b1", 0, 0, 5, "o1")), Map.of(), WEEKS));
    assertTrue(e.getMessage().contains("shirt") && e.getMessage().contains("\nMaybe"),
        e.getMessage());
  }

  @Test
  void odooCsvHasMrpProductionImportColumns() {
    String csv = ErpExport.write(ErpFormat.ODOO_CSV, ErpExport.drafts(
        plan(batch("b1", 0, 0, 40, "o1", "o2")), Map.of(SHIRT, SHIRT_PRODUCT), WEEKS),
        ErpSite.NONE, Instant.EPOCH);
    assertEquals("product_id,product_qty,product_uom_id,bom_id,date_start,date_finished,origin\r\n"
        + "SHIRT-NAVY-M,40,Units,\"BOM-SHIRT, v2\",2027-01-04 00:00:00,2027-01-10 23:59:59,"
        + "\"o1, o2\"\r\n", csv);
  }

  @Test
  void erpnextCsvHasWorkOrderImportColumns() {
    String csv = ErpExport.write(ErpFormat.ERPNEXT_CSV, ErpExport.drafts(
        plan(batch("b1", 0, 0, 40, "o1")), Map.of(SHIRT,
            new ErpProduct("SHIRT-NAVY-M", "Nos", "BOM-SHIRT-NAVY-M-001")), WEEKS),
        new ErpSite("Acme", "Work In Progress - A", "Finished Goods - A"), Instant.EPOCH);
    assertEquals("Series,Item To Manufacture,BOM No,Company,Qty To Manufacture,Stock UOM,"
        + "Planned Start Date,Planned End Date,Expected Delivery Date,"
        + "Work-in-Progress Warehouse,Target Warehouse,C2M Origin\r\n"
        + "MFG-WO-.YYYY.-,SHIRT-NAVY-M,BOM-SHIRT-NAVY-M-001,Acme,40,Nos,2027-01-04 00:00:00,"
        + "2027-01-10 23:59:59,2027-01-10,Work In Progress - A,Finished Goods - A,o1\r\n", csv);
  }

  @Test
  void unknownFormatListsTheKnownOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ErpFormat.byName("sap-idoc"));
    assertTrue(e.getMessage().contains("json, odoo-csv, erpnext-csv"), e.getMessage());
    assertEquals(ErpFormat.ODOO_CSV, ErpFormat.byName("Odoo-CSV"));
  }

  @Test
  void jsonIsAProductionOrdersEnvelope() {
    String json = ErpExport.write(ErpFormat.JSON, ErpExport.drafts(
        plan(batch("b1", 0, 0, 40, "o1")), Map.of(SHIRT, SHIRT_PRODUCT), WEEKS),
        ErpSite.NONE, Instant.parse("2027-01-01T08:00:00Z"));
    assertTrue(json.startsWith("["), json);
    assertTrue(json.contains("\"plannedStart\" : \"2027-01-04T00:00:00\""), json);
    assertTrue(json.contains("\"origin\" : [ \"o1\" ]"), json);
  }
}
