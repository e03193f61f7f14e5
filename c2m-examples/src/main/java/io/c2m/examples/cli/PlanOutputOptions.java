package io.c2m.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c2m.DesignId;
import io.c2m.json.C2mJson;
import io.c2m.json.JsonEnvelope;
import io.c2m.json.Money;
import io.c2m.production.BatchPlan;
import io.c2m.production.CostBreakdown;
import io.c2m.production.ErpExport;
import io.c2m.production.ErpFormat;
import io.c2m.production.ErpProduct;
import io.c2m.production.ErpSite;
import io.c2m.production.PlanCalendar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The output side of {@code c2m plan}: {@code --format} (draft production orders for an ERP),
 * the product mapping and calendar it needs, and the currency money is written in. A picocli
 * mixin, so that {@link PlanCommand} keeps its input options apart.
 */
final class PlanOutputOptions {
  @Option(names = "--format", paramLabel = "FORMAT", description = "Write the batches as draft "
      + "production orders: odoo-csv (Odoo mrp.production import), erpnext-csv (ERPNext Work "
      + "Order Data Import) or json (c2m's production-orders document). Needs --products and "
      + "--start.")
  String format;

  @Option(names = "--products", paramLabel = "PRODUCTS.csv", description = "The ERP product of "
      + "each design: a CSV file with the header design,sku,uom,bom (bom may be empty).")
  Path products;

  @Option(names = "--start", paramLabel = "DATE", description = "The date the file's first "
      + "period starts, e.g. 2027-01-04.")
  LocalDate start;

  @Option(names = "--period", paramLabel = "LENGTH", description = "The length of a period, "
      + "ISO-8601: P1D (a day, the default), P1W, P1M.")
  Period period = Period.ofDays(1);

  @Option(names = "--company", paramLabel = "NAME",
      description = "The ERPNext company of the Work Orders.")
  String company = "";

  @Option(names = "--wip-warehouse", paramLabel = "NAME",
      description = "The ERPNext work-in-progress warehouse.")
  String wipWarehouse = "";

  @Option(names = "--target-warehouse", paramLabel = "NAME",
      description = "The ERPNext warehouse the finished goods go to.")
  String targetWarehouse = "";

  @Option(names = "--currency", paramLabel = "CODE", description = "The ISO 4217 currency of "
      + "the costs, for --json (default XXX, \"no currency\").")
  String currency = "XXX";

  /** The format asked for, or null; a bad name fails listing the known ones. */
  ErpFormat format(CommandLine cl) {
    if (format == null) {
      return null;
    }
    try {
      return ErpFormat.byName(format);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cl, "--format: " + e.getMessage());
    }
  }

  Currency currency(CommandLine cl) {
    try {
      return Currency.getInstance(currency.strip().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cl, "--currency (" + currency + ") is not an "
          + "ISO 4217 currency code.\nMaybe EUR, USD or CNY.");
    }
  }

  /** The drafts of a plan in the asked format. */
  String erpFile(CommandLine cl, ErpFormat f, BatchPlan plan, Instant asOf) throws IOException {
    if (products == null || start == null) {
      throw new CommandLine.ParameterException(cl, "--format " + f.formatName() + " needs "
          + "--products PRODUCTS.csv (design,sku,uom,bom) and --start DATE (the first period's "
          + "date).");
    }
    PlanCalendar calendar;
    try {
      calendar = new PlanCalendar(start, period);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cl, "--period: " + e.getMessage());
    }
    var drafts = ErpExport.drafts(plan, readProducts(products), calendar);
    if (f == ErpFormat.JSON) {
      return JsonEnvelope.of("production-orders", asOf, ErpExport.jsonData(drafts)).toJson();
    }
    return ErpExport.write(f, drafts, new ErpSite(company, wipWarehouse, targetWarehouse), asOf);
  }

  /**
   * Reads the product mapping: header {@code design,sku,uom,bom}, then one line per design;
   * fields may be quoted as in RFC 4180. Every bad line is reported with its number.
   */
  static Map<DesignId, ErpProduct> readProducts(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    Map<DesignId, ErpProduct> out = new LinkedHashMap<>();
    List<String> errors = new ArrayList<>();
    boolean header = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).replace("\uFEFF", "");
      if (line.isBlank()) {
        continue;
      }
      List<String> f = fields(line);
      if (!header) {
        if (f.size() < 3 || !f.get(0).strip().equals("design") || !f.get(1).strip().equals("sku")
            || !f.get(2).strip().equals("uom")) {
          throw new IllegalArgumentException(file + ": line " + (i + 1) + ": the header must be "
              + "design,sku,uom,bom.");
        }
        header = true;
        continue;
      }
      try {
        if (f.size() < 3 || f.size() > 4) {
          throw new IllegalArgumentException("expected 3 or 4 fields (design,sku,uom,bom), got "
              + f.size());
        }
        DesignId design = DesignId.of(f.get(0).strip());
        ErpProduct p = new ErpProduct(f.get(1).strip(), f.get(2).strip(),
            f.size() == 4 ? f.get(3).strip() : "");
        if (out.putIfAbsent(design, p) != null) {
          throw new IllegalArgumentException("design " + design.value() + " is given twice");
        }
      } catch (IllegalArgumentException e) {
        errors.add(file + ": line " + (i + 1) + ": " + e.getMessage());
      }
    }
    if (!errors.isEmpty()) {
      throw new IllegalArgumentException(String.join("\n", errors));
    }
    return out;
  }

  /** The fields of one CSV line, RFC 4180 quoting. */
  static List<String> fields(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder sb = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          sb.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          sb.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(sb.toString());
        sb.setLength(0);
      } else {
        sb.append(c);
      }
    }
    out.add(sb.toString());
    return out;
  }

  /**
   * The plan document of {@code --json}: c2m's envelope, kind {@code plan}, whose data is the
   * plan as C2mJson writes it with every cost as money ({@code {"amount", "currency"}}), plus
   * the researcher's summary the caller adds.
   */
  static ObjectNode planData(BatchPlan plan, Currency currency) {
    ObjectNode root = (ObjectNode) C2mJson.toTree(plan);
    moneyCosts(root, currency);
    root.set("totalCost", JsonEnvelope.money(Money.of(plan.cost().total(), currency)));
    return root;
  }

  /**
   * Writes the fields of {@link #planData} one batch and one pending order at a time, so a plan
   * of hundreds of thousands of batches is never held as one tree (issue 11: bounded memory at
   * the largest horizon). The same fields and values as {@link #planData}.
   *
   * @param g the generator, inside the data object
   * @param plan the plan
   * @param currency the currency of the costs
   * @throws IOException if writing fails
   */
  static void writePlanData(com.fasterxml.jackson.core.JsonGenerator g, BatchPlan plan,
      Currency currency) throws IOException {
    com.fasterxml.jackson.databind.ObjectMapper mapper =
        (com.fasterxml.jackson.databind.ObjectMapper) g.getCodec();
    g.writeArrayFieldStart("batches");
    for (io.c2m.production.ProductionBatch b : plan.batches()) {
      JsonNode n = C2mJson.toTree(b);
      moneyCosts(n, currency);
      mapper.writeTree(g, n);
    }
    g.writeEndArray();
    g.writeArrayFieldStart("pending");
    for (io.c2m.production.PendingOrder p : plan.pending()) {
      mapper.writeTree(g, C2mJson.toTree(p));
    }
    g.writeEndArray();
    ObjectNode holder = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    holder.set("cost", C2mJson.toTree(plan.cost()));
    moneyCosts(holder, currency);
    g.writeFieldName("cost");
    mapper.writeTree(g, holder.get("cost"));
    g.writeFieldName("provenance");
    mapper.writeTree(g, C2mJson.toTree(plan.provenance()));
    g.writeFieldName("totalCost");
    mapper.writeTree(g, JsonEnvelope.money(Money.of(plan.cost().total(), currency)));
  }

  /** Replaces every {@code cost} object of doubles (a CostBreakdown) by money, recursively. */
  private static void moneyCosts(JsonNode node, Currency currency) {
    if (node instanceof ObjectNode o) {
      JsonNode cost = o.get("cost");
      if (cost instanceof ObjectNode c && c.has("setup") && c.has("holding") && c.has("unit")
          && c.get("setup").isNumber()) {
        CostBreakdown b = new CostBreakdown(c.get("setup").asDouble(),
            c.get("holding").asDouble(), c.get("unit").asDouble());
        ObjectNode m = o.putObject("cost");
        m.set("setup", JsonEnvelope.money(Money.of(b.setup(), currency)));
        m.set("holding", JsonEnvelope.money(Money.of(b.holding(), currency)));
        m.set("unit", JsonEnvelope.money(Money.of(b.unit(), currency)));
        m.set("total", JsonEnvelope.money(Money.of(b.total(), currency)));
      }
      o.elements().forEachRemaining(child -> moneyCosts(child, currency));
    } else if (node != null && node.isArray()) {
      node.elements().forEachRemaining(child -> moneyCosts(child, currency));
    }
  }

  /** Now, to the second: the {@code asOf} of documents about a plan made now. */
  static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS);
  }
}
