package io.c2m.production;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c2m.DesignId;
import io.c2m.OrderId;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A plan's batches as draft production orders an ERP imports: {@link #drafts} maps each batch to
 * a {@link DraftProductionOrder} (the product from the user's design mapping, dates from a
 * {@link PlanCalendar}, origin = the orders), {@link #write} writes them in an {@link ErpFormat}.
 *
 * <p>The CSV columns are the import fields the ERPs document:
 * <ul>
 *   <li>Odoo, model {@code mrp.production} (odoo/odoo {@code addons/mrp/models/mrp_production.py},
 *       Odoo 17 and later): {@code product_id} ("Product", matched by name or Internal
 *       Reference), {@code product_qty} ("Quantity To Produce"), {@code product_uom_id}
 *       ("Product Unit of Measure"), {@code bom_id} ("Bill of Material"), {@code date_start}
 *       ("Start", required), {@code date_finished} ("End"), {@code origin} ("Source"). Imported
 *       orders are in state Draft. Odoo 16 and earlier name the dates {@code
 *       date_planned_start} and {@code date_planned_finished}: rename those two columns.
 *   <li>ERPNext, DocType Work Order (frappe/erpnext {@code
 *       erpnext/manufacturing/doctype/work_order/work_order.json}), headers as the field labels
 *       of Data Import's own template: Series ({@code naming_series}), Item To Manufacture
 *       ({@code production_item}), BOM No ({@code bom_no}), Company ({@code company}), Qty To
 *       Manufacture ({@code qty}), Stock UOM ({@code stock_uom}), Planned Start Date ({@code
 *       planned_start_date}), Planned End Date ({@code planned_end_date}), Expected Delivery Date
 *       ({@code expected_delivery_date}), Work-in-Progress Warehouse ({@code wip_warehouse}),
 *       Target Warehouse ({@code fg_warehouse}). Imported Work Orders are drafts (not submitted).
 *       Work Order has no source-document field: the orders go in a last column, C2M Origin,
 *       which Data Import maps to a custom field of that label or is told to skip.
 * </ul>
 * Dates are the factory's local date-times, {@code yyyy-MM-dd HH:mm:ss}, as both import.
 *
 * <p>Stateless and thread-safe.
 */
public final class ErpExport {
  /** The date-time form both ERPs import. */
  private static final DateTimeFormatter ERP_TIME = DateTimeFormatter.ofPattern(
      "yyyy-MM-dd HH:mm:ss");

  /** Odoo mrp.production import columns, in order. */
  static final List<String> ODOO_COLUMNS = List.of("product_id", "product_qty", "product_uom_id",
      "bom_id", "date_start", "date_finished", "origin");

  /** ERPNext Work Order Data Import columns (field labels), in order. */
  static final List<String> ERPNEXT_COLUMNS = List.of("Series", "Item To Manufacture", "BOM No",
      "Company", "Qty To Manufacture", "Stock UOM", "Planned Start Date", "Planned End Date",
      "Expected Delivery Date", "Work-in-Progress Warehouse", "Target Warehouse", "C2M Origin");

  /** ERPNext's default naming series for Work Orders. */
  static final String ERPNEXT_SERIES = "MFG-WO-.YYYY.-";

  private ErpExport() {}

  /**
   * The draft production order of every batch of a plan, in the plan's batch order.
   *
   * @param plan the plan
   * @param products the ERP product of each design the plan makes
   * @param calendar the dates of the plan's periods
   * @return the drafts
   * @throws IllegalArgumentException if a design of the plan has no product; the message lists
   *     every such design
   */
  public static List<DraftProductionOrder> drafts(
      BatchPlan plan, Map<DesignId, ErpProduct> products, PlanCalendar calendar) {
    requireNonNull(plan, "plan");
    requireNonNull(products, "products");
    requireNonNull(calendar, "calendar");
    TreeSet<String> missing = new TreeSet<>();
    for (ProductionBatch b : plan.batches()) {
      if (!products.containsKey(b.design())) {
        missing.add(b.design().value());
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("No ERP product (SKU, unit, bill of materials) for the "
          + "design(s) " + String.join(", ", missing) + ".\nMaybe add a line for each to the "
          + "product mapping (design,sku,uom,bom).");
    }
    List<DraftProductionOrder> out = new ArrayList<>(plan.batches().size());
    for (ProductionBatch b : plan.batches()) {
      LocalDateTime start = calendar.start(b.period());
      LocalDateTime finish = calendar.start(Math.max(b.period() + 1, b.readyPeriod()))
          .minusSeconds(1);
      out.add(new DraftProductionOrder(b.id(), b.design(), products.get(b.design()),
          b.quantity(), start, finish, b.orders()));
    }
    return out;
  }

  /**
   * Writes drafts in a format.
   *
   * @param format the format
   * @param orders the drafts
   * @param site the company and warehouses (ERPNext), or {@link ErpSite#NONE}
   * @param asOf when the plan was made (kept for the callers that wrap JSON in an envelope)
   * @return the file's text; CSV lines end with CRLF, as RFC 4180 has them
   */
  public static String write(
      ErpFormat format, List<DraftProductionOrder> orders, ErpSite site, Instant asOf) {
    requireNonNull(format, "format");
    requireNonNull(orders, "orders");
    requireNonNull(site, "site");
    requireNonNull(asOf, "asOf");
    return switch (format) {
      case JSON -> json(orders);
      case ODOO_CSV -> csv(ODOO_COLUMNS, orders, o -> List.of(o.product().sku(),
          Integer.toString(o.quantity()), o.product().unitOfMeasure(),
          o.product().billOfMaterials(), ERP_TIME.format(o.plannedStart()),
          ERP_TIME.format(o.plannedFinish()), origin(o.origin())));
      case ERPNEXT_CSV -> csv(ERPNEXT_COLUMNS, orders, o -> List.of(ERPNEXT_SERIES,
          o.product().sku(), o.product().billOfMaterials(), site.company(),
          Integer.toString(o.quantity()), o.product().unitOfMeasure(),
          ERP_TIME.format(o.plannedStart()), ERP_TIME.format(o.plannedFinish()),
          o.plannedFinish().toLocalDate().toString(), site.workInProgressWarehouse(),
          site.finishedGoodsWarehouse(), origin(o.origin())));
    };
  }

  private static String origin(List<OrderId> orders) {
    return orders.stream().map(OrderId::value).collect(Collectors.joining(", "));
  }

  private static String csv(List<String> header, List<DraftProductionOrder> orders,
      java.util.function.Function<DraftProductionOrder, List<String>> row) {
    StringBuilder sb = new StringBuilder();
    line(sb, header);
    for (DraftProductionOrder o : orders) {
      line(sb, row.apply(o));
    }
    return sb.toString();
  }

  /** One RFC 4180 line: a field with a comma, quote or line break is quoted, quotes doubled. */
  private static void line(StringBuilder sb, List<String> fields) {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      String f = fields.get(i);
      if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0
          || f.indexOf('\r') >= 0) {
        sb.append('"').append(f.replace("\"", "\"\"")).append('"');
      } else {
        sb.append(f);
      }
    }
    sb.append("\r\n");
  }

  /**
   * The draft production orders as a JSON array, one object per order (batch, design, sku,
   * quantity, unit of measure, bill of materials, planned start and finish as local date-times,
   * origin order ids): the {@code data} of the {@code production-orders} document that the
   * command line wraps in c2m's JSON envelope ({@code io.c2m.json.JsonEnvelope}; production comes
   * before json in the pipeline, so the envelope is put on by the caller).
   *
   * @param orders the draft orders
   * @return the array
   */
  public static ArrayNode jsonData(List<DraftProductionOrder> orders) {
    ArrayNode data = JsonNodeFactory.instance.arrayNode();
    for (DraftProductionOrder o : orders) {
      ObjectNode n = data.addObject();
      n.put("batch", o.batch().value());
      n.put("design", o.design().value());
      n.put("sku", o.product().sku());
      n.put("quantity", o.quantity());
      n.put("unitOfMeasure", o.product().unitOfMeasure());
      n.put("billOfMaterials", o.product().billOfMaterials());
      n.put("plannedStart", DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(o.plannedStart()));
      n.put("plannedFinish", DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(o.plannedFinish()));
      ArrayNode origin = n.putArray("origin");
      o.origin().forEach(id -> origin.add(id.value()));
    }
    return data;
  }

  private static String json(List<DraftProductionOrder> orders) {
    return jsonData(orders).toPrettyString();
  }
}
