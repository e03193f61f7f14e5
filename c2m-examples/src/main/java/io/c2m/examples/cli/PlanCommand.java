package io.c2m.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c2m.DesignId;
import io.c2m.OrderId;
import io.c2m.order.Order;
import io.c2m.production.BatchPlan;
import io.c2m.production.BatchingProblem;
import io.c2m.production.BatchingStrategies;
import io.c2m.production.BatchingStrategy;
import io.c2m.production.LineUse;
import io.c2m.production.PendingOrder;
import io.c2m.production.PeriodCosts;
import io.c2m.production.ProductionBatch;
import io.c2m.production.ProductionConstraints;
import io.c2m.production.ProductionLine;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code c2m plan}: lot sizing for researchers. Reads demand per period ({@code period,demand} for
 * one design, {@code item,period,demand} for several sharing a line), optionally with per-period
 * {@code setup_cost}, {@code holding_cost} and {@code unit_cost} columns overriding the flags,
 * plans it with a batching strategy and prints production and stock per period and the cost split
 * into setup, holding and unit cost, or the plan as JSON with {@code --json}.
 *
 * <p>Each period's demand is an order known at the start and due in that period; stock is zero at
 * start and end; holding cost is charged on the stock left at the end of each period. Periods are
 * the integers of the file; missing periods between the first and the last have no demand.
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
    description = "Plan production batches (lot sizing) for demand per period from a CSV file.")
public final class PlanCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--strategy", required = true, paramLabel = "NAME",
      description = "Batching strategy: ${COMPLETION-CANDIDATES}.",
      completionCandidates = StrategyNames.class)
  String strategy;

  @Option(names = "--setup-cost", paramLabel = "S", description = "Setup cost per batch.")
  Double setupCost;

  @Option(names = "--holding-cost", paramLabel = "H",
      description = "Holding cost per unit left in stock at the end of a period.")
  Double holdingCost;

  @Option(names = "--unit-cost", paramLabel = "U", description = "Cost per unit made (default 0).")
  double unitCost;

  @Option(names = "--moq", paramLabel = "M", description = "Minimum batch (default 1).")
  int moq = 1;

  @Option(names = "--multiple", paramLabel = "K", description = "Batch multiple (default 1).")
  int multiple = 1;

  @Option(names = "--max-batch", paramLabel = "B", description = "Largest batch.")
  Integer maxBatch;

  @Option(names = "--capacity", paramLabel = "C", description = "Capacity per period: of the "
      + "design (one design), or of the line shared by all items (several designs).")
  Double capacity;

  @Option(names = "--lead-time", paramLabel = "L", description = "Lead time in periods.")
  int leadTime;

  @Option(names = "--items", paramLabel = "ITEMS.csv", description = "Per-item parameters: "
      + "item,setup_cost,holding_cost[,setup_time,unit_capacity_use].")
  Path items;

  @Option(names = "--setting", paramLabel = "KEY=VALUE",
      description = "A setting of the strategy, e.g. algorithm=reference; repeatable.")
  Map<String, String> settings = new LinkedHashMap<>();

  @Option(names = "--order-size", paramLabel = "N", description = "Split each period's demand "
      + "into orders of at most N units (default: one order per period); strategies keep orders "
      + "whole, so a smaller N lets a period's demand be made in several batches (by "
      + "capacitated, deadline, time-window, group-buy; wagner-whitin and silver-meal make one "
      + "batch per release period and leave orders beyond the largest batch pending BATCH_FULL).")
  int orderSize = Integer.MAX_VALUE;

  @Option(names = "--json", description = "Print the plan as JSON.")
  boolean json;

  @Parameters(index = "0", paramLabel = "FILE.csv", description = "The demand file.")
  Path file;

  /** Creates the command; picocli instantiates it. */
  public PlanCommand() {}

  /** The names of the installed strategies, for the help text. */
  static final class StrategyNames extends ArrayList<String> {
    private static final long serialVersionUID = 1L;

    StrategyNames() {
      super(BatchingStrategies.names());
    }
  }

  /** A design's parameters read from the items file. */
  private record Item(double setupCost, double holdingCost, double setupTime, double unitUse) {}

  /** The demand file, parsed. */
  private static final class Demand {
    final Map<String, Map<Integer, Integer>> demand = new TreeMap<>();
    final Map<String, Map<Integer, double[]>> costs = new TreeMap<>();
    boolean hasSetup;
    boolean hasHolding;
    boolean hasUnit;
    boolean multi;
    int first = Integer.MAX_VALUE;
    int last = Integer.MIN_VALUE;
  }

  private static List<String[]> rows(Path path, List<String> header) throws IOException {
    List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
    List<String[]> out = new ArrayList<>();
    boolean seenHeader = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (i == 0 && line.startsWith("\uFEFF")) {
        line = line.substring(1).strip(); // a UTF-8 byte order mark, as spreadsheets write
      }
      if (line.isEmpty() || line.startsWith("#")) {
        out.add(null);
        continue;
      }
      String[] cells = line.split(",", -1);
      for (int k = 0; k < cells.length; k++) {
        cells[k] = cells[k].strip();
      }
      if (!seenHeader) {
        for (String c : cells) {
          header.add(c.toLowerCase(Locale.ROOT));
        }
        seenHeader = true;
        out.add(null);
      } else {
        out.add(cells);
      }
    }
    if (!seenHeader) {
      throw new IllegalArgumentException(path + ": the file is empty; it needs a header line.");
    }
    return out;
  }

  private static String cell(String[] row, int col) {
    return col >= 0 && col < row.length ? row[col] : "";
  }

  private static double number(String text, String column, String where, List<String> errors) {
    try {
      double v = Double.parseDouble(text);
      if (!Double.isFinite(v) || v < 0) {
        errors.add(where + ": " + column + " (\"" + text + "\") must be a number, zero or more.");
        return 0;
      }
      return v;
    } catch (NumberFormatException e) {
      errors.add(where + ": " + column + " (\"" + text + "\") is not a number.");
      return 0;
    }
  }

  private static double optional(String text, int col, String column, String where,
      List<String> errors) {
    return col < 0 || text.isEmpty() ? Double.NaN : number(text, column, where, errors);
  }

  private static Integer integer(String text, String column, String where, List<String> errors,
      boolean nonNegative) {
    try {
      int v = Integer.parseInt(text);
      if (nonNegative && v < 0) {
        errors.add(where + ": " + column + " (" + v + ") must not be negative.");
        return null;
      }
      return v;
    } catch (NumberFormatException e) {
      errors.add(where + ": " + column + " (\"" + text + "\") is not a whole number.");
      return null;
    }
  }

  private static Demand readDemand(Path path) throws IOException {
    List<String> header = new ArrayList<>();
    List<String[]> rows = rows(path, header);
    Demand out = new Demand();
    int period = header.indexOf("period");
    int demand = header.indexOf("demand");
    int item = header.indexOf("item");
    int setup = header.indexOf("setup_cost");
    int holding = header.indexOf("holding_cost");
    int unit = header.indexOf("unit_cost");
    List<String> missing = new ArrayList<>();
    if (period < 0) {
      missing.add("period");
    }
    if (demand < 0) {
      missing.add("demand");
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(path + " line 1: missing column(s) " + missing
          + "; the header must have period,demand or item,period,demand.");
    }
    out.multi = item >= 0;
    out.hasSetup = setup >= 0;
    out.hasHolding = holding >= 0;
    out.hasUnit = unit >= 0;
    List<String> errors = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      String[] row = rows.get(i);
      if (row == null) {
        continue;
      }
      String where = path + " line " + (i + 1);
      if (row.length != header.size()) {
        errors.add(where + ": " + row.length + " cells, the header has " + header.size() + ".");
        continue;
      }
      String name = item >= 0 ? cell(row, item) : "item";
      if (name.isEmpty()) {
        errors.add(where + ": item is empty.");
        continue;
      }
      int before = errors.size();
      Integer p = integer(cell(row, period), "period", where, errors, false);
      Integer d = integer(cell(row, demand), "demand", where, errors, true);
      // an empty cost cell (or a missing column) means: use the flag, NaN here
      double[] c = {
        optional(cell(row, setup), setup, "setup_cost", where, errors),
        optional(cell(row, holding), holding, "holding_cost", where, errors),
        optional(cell(row, unit), unit, "unit_cost", where, errors)};
      if (errors.size() > before) {
        continue;
      }
      Map<Integer, Integer> series = out.demand.computeIfAbsent(name, x -> new TreeMap<>());
      if (series.containsKey(p)) {
        errors.add(where + ": period " + p + (out.multi ? " of item " + name : "")
            + " occurs twice.");
        continue;
      }
      series.put(p, d);
      out.costs.computeIfAbsent(name, x -> new TreeMap<>()).put(p, c);
      out.first = Math.min(out.first, p);
      out.last = Math.max(out.last, p);
    }
    if (!errors.isEmpty()) {
      throw new IllegalArgumentException(String.join("\n", errors));
    }
    if (out.demand.isEmpty()) {
      throw new IllegalArgumentException(path + ": no demand rows.");
    }
    if ((long) out.last - out.first + 1 > BatchingProblem.MAX_HORIZON) {
      throw new IllegalArgumentException(path + ": periods " + out.first + " to " + out.last
          + " span more than " + BatchingProblem.MAX_HORIZON + " periods.");
    }
    return out;
  }

  /** True when the items file has setup_time or unit_capacity_use columns. */
  private boolean itemsUseCapacity;

  private Map<String, Item> readItems(Path path) throws IOException {
    List<String> header = new ArrayList<>();
    List<String[]> rows = rows(path, header);
    int item = header.indexOf("item");
    int setup = header.indexOf("setup_cost");
    int holding = header.indexOf("holding_cost");
    int setupTime = header.indexOf("setup_time");
    int unitUse = header.indexOf("unit_capacity_use");
    itemsUseCapacity = setupTime >= 0 || unitUse >= 0;
    if (item < 0 || setup < 0 || holding < 0) {
      throw new IllegalArgumentException(path + " line 1: the header must have "
          + "item,setup_cost,holding_cost (and optionally setup_time,unit_capacity_use).");
    }
    Map<String, Item> out = new TreeMap<>();
    List<String> errors = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      String[] row = rows.get(i);
      if (row == null) {
        continue;
      }
      String where = path + " line " + (i + 1);
      if (row.length != header.size()) {
        errors.add(where + ": " + row.length + " cells, the header has " + header.size() + ".");
        continue;
      }
      String name = cell(row, item);
      int before = errors.size();
      Item it = new Item(number(cell(row, setup), "setup_cost", where, errors),
          number(cell(row, holding), "holding_cost", where, errors),
          setupTime >= 0 ? number(cell(row, setupTime), "setup_time", where, errors) : 0,
          unitUse >= 0 ? number(cell(row, unitUse), "unit_capacity_use", where, errors) : 1);
      if (name.isEmpty()) {
        errors.add(where + ": item is empty.");
      } else if (errors.size() == before && out.put(name, it) != null) {
        errors.add(where + ": item " + name + " occurs twice.");
      }
    }
    if (!errors.isEmpty()) {
      throw new IllegalArgumentException(String.join("\n", errors));
    }
    return out;
  }

  @Override
  public Integer call() throws IOException {
    CommandLine cl = spec.commandLine();
    for (Object[] check : new Object[][] {{"--moq", moq}, {"--multiple", multiple}}) {
      if ((int) check[1] < 1) {
        throw new CommandLine.ParameterException(cl, check[0] + " (" + check[1]
            + ") must be at least 1.");
      }
    }
    for (Object[] check : new Object[][] {{"--setup-cost", setupCost},
        {"--holding-cost", holdingCost}, {"--unit-cost", unitCost}}) {
      if (check[1] != null && !(Double.isFinite((Double) check[1]) && (Double) check[1] >= 0)) {
        throw new CommandLine.ParameterException(cl, check[0] + " (" + check[1]
            + ") must be a finite number, zero or more.");
      }
    }
    if (capacity != null && !(Double.isFinite(capacity) && capacity > 0)) {
      throw new CommandLine.ParameterException(cl, "--capacity (" + capacity
          + ") must be a finite number above zero.");
    }
    if (leadTime < 0) {
      throw new CommandLine.ParameterException(cl, "--lead-time (" + leadTime
          + ") must be zero or more.");
    }
    if ((maxBatch != null && maxBatch < 1) || orderSize < 1) {
      throw new CommandLine.ParameterException(cl, "--max-batch (" + maxBatch
          + ") and --order-size (" + orderSize + ") must be at least 1.");
    }
    BatchingStrategy s;
    try {
      s = BatchingStrategies.byName(strategy, settings);
    } catch (RuntimeException e) {
      throw new CommandLine.ParameterException(cl, e.getMessage());
    }
    Demand d;
    Map<String, Item> itemParams;
    try {
      d = readDemand(file);
      itemParams = items == null ? Map.of() : readItems(items);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new IllegalArgumentException("No such file: " + e.getFile() + ".", e);
    } catch (IOException e) {
      throw new IllegalArgumentException("Cannot read the input: " + e.getMessage(), e);
    }
    int horizon = d.last - d.first + 1;
    if (items != null && !d.multi) {
      throw new CommandLine.ParameterException(cl, "--items applies to a file of several designs "
          + "(columns item,period,demand); " + file + " has one design (period,demand): give its "
          + "costs with --setup-cost and --holding-cost.");
    }
    if (items == null) {
      for (Object[] need : new Object[][] {{"--setup-cost", setupCost, 0},
          {"--holding-cost", holdingCost, 1}}) {
        if (need[1] == null && !coversEveryPeriod(d, (int) need[2], horizon)) {
          throw new CommandLine.ParameterException(cl, "Missing " + need[0] + " (or --items, or a "
              + (((int) need[2]) == 0 ? "setup_cost" : "holding_cost")
              + " column with a value in every period).");
        }
      }
    }
    boolean shared = d.multi && capacity != null;
    if (!d.multi && capacity != null && capacity < 1) {
      throw new CommandLine.ParameterException(cl, "--capacity (" + capacity + ") is in units per "
          + "period for a one-design file: it must be at least 1.");
    }
    if (items != null && capacity == null && itemsUseCapacity) {
      cl.getErr().println("c2m plan: note: the setup_time and unit_capacity_use of " + items
          + " only matter with --capacity; without it they are ignored.");
    }
    ProductionConstraints base = new ProductionConstraints(moq, multiple,
        maxBatch == null ? Integer.MAX_VALUE : maxBatch,
        capacity == null || shared ? Integer.MAX_VALUE
            : (int) Math.min(Integer.MAX_VALUE, Math.floor(capacity)),
        setupCost == null ? 0 : setupCost, unitCost, holdingCost == null ? 0 : holdingCost,
        leadTime);
    Map<DesignId, int[]> demand = new TreeMap<>();
    Map<DesignId, ProductionConstraints> constraints = new HashMap<>();
    Map<DesignId, PeriodCosts> periodCosts = new HashMap<>();
    Map<DesignId, LineUse> uses = new TreeMap<>();
    for (Map.Entry<String, Map<Integer, Integer>> e : d.demand.entrySet()) {
      DesignId id = DesignId.of(e.getKey());
      int[] series = new int[horizon];
      e.getValue().forEach((p, q) -> series[p - d.first] = q);
      demand.put(id, series);
      Item it = itemParams.get(e.getKey());
      if (items != null && it == null) {
        throw new IllegalArgumentException(items + ": no line for item " + e.getKey()
            + " of " + file + ".");
      }
      ProductionConstraints c = it == null ? base
          : base.withCosts(it.setupCost(), unitCost, it.holdingCost());
      constraints.put(id, c);
      if (shared) {
        uses.put(id, it == null ? new LineUse(0, 1) : new LineUse(it.setupTime(), it.unitUse()));
      }
      if (d.hasSetup || d.hasHolding || d.hasUnit) {
        List<Double> setup = new ArrayList<>();
        List<Double> hold = new ArrayList<>();
        List<Double> unit = new ArrayList<>();
        Map<Integer, double[]> given = d.costs.get(e.getKey());
        for (int t = 0; t < horizon; t++) {
          double[] row = given.get(t + d.first);
          setup.add(row != null && !Double.isNaN(row[0]) ? row[0] : c.setupCost());
          hold.add(row != null && !Double.isNaN(row[1]) ? row[1] : c.holdingCostPerUnitPeriod());
          unit.add(row != null && !Double.isNaN(row[2]) ? row[2] : c.unitCost());
        }
        periodCosts.put(id, new PeriodCosts(d.hasSetup ? setup : List.of(),
            d.hasHolding ? hold : List.of(), d.hasUnit ? unit : List.of()));
      }
    }
    BatchingProblem problem;
    try {
      problem = BatchingProblem.ofPeriodDemand(demand, constraints, base, orderSize)
          .withHorizon(horizon).withPeriodCosts(periodCosts);
      if (shared) {
        problem = problem.withLines(List.of(new ProductionLine("line", capacity, uses)));
      }
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Infeasible instance: " + e.getMessage(), e);
    }
    BatchPlan plan = BatchingStrategy.checked(s).plan(problem);
    PrintWriter out = cl.getOut();
    if (json) {
      out.println(toJson(problem, plan, d.first));
    } else {
      printText(out, problem, plan, d.first);
    }
    long late = plan.batches().stream().mapToLong(b -> b.lateOrders().size()).sum();
    if (!plan.pending().isEmpty() || late > 0) {
      cl.getErr().println("c2m plan: infeasible with strategy " + s.name() + ": "
          + plan.pending().size() + " order(s) not produced and " + late
          + " produced late (see the plan).");
      return 1;
    }
    return 0;
  }

  /** True when every design's rows give cost {@code k} (0 setup, 1 holding) in every period. */
  private static boolean coversEveryPeriod(Demand d, int k, int horizon) {
    for (Map<Integer, double[]> rowsOf : d.costs.values()) {
      if (rowsOf.size() < horizon) {
        return false;
      }
      for (double[] c : rowsOf.values()) {
        if (Double.isNaN(c[k])) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * Production, end-of-period stock held for orders, and rounding surplus in stock, per design and
   * period (index 0 = first period). Difference arrays: linear in orders plus periods.
   */
  private static Map<DesignId, long[][]> perPeriod(BatchingProblem problem, BatchPlan plan) {
    int horizon = problem.horizon();
    Map<OrderId, Order> orders = new HashMap<>();
    problem.orders().forEach(o -> orders.put(o.id(), o));
    Map<DesignId, long[][]> out = new TreeMap<>();
    for (DesignId id : problem.designs()) {
      out.put(id, new long[3][horizon]);
    }
    Map<DesignId, long[][]> diff = new HashMap<>();
    for (ProductionBatch b : plan.batches()) {
      long[][] a = out.computeIfAbsent(b.design(), x -> new long[3][horizon]);
      long[][] df = diff.computeIfAbsent(b.design(), x -> new long[2][horizon + 1]);
      if (b.period() < horizon) {
        a[0][b.period()] += b.quantity();
      }
      int ready = Math.min(b.readyPeriod(), horizon);
      for (OrderId id : b.orders()) {
        Order o = orders.get(id);
        int due = Math.min(problem.calendar().duePeriod(o), horizon);
        if (ready < due) {
          df[0][ready] += o.quantity();
          df[0][due] -= o.quantity();
        }
      }
      // units made beyond the orders (MOQ, multiple) stay in stock to the end of the horizon
      df[1][ready] += b.quantity() - b.orderedQuantity();
    }
    diff.forEach((design, df) -> {
      long[][] a = out.get(design);
      long stock = 0;
      long surplus = 0;
      for (int t = 0; t < horizon; t++) {
        stock += df[0][t];
        surplus += df[1][t];
        a[1][t] = stock;
        a[2][t] = surplus;
      }
    });
    return out;
  }

  /** An order id of {@link BatchingProblem#ofPeriodDemand} ("item@t") with the file's period. */
  private static String shown(OrderId id, int first) {
    String v = id.value();
    int at = v.lastIndexOf('@');
    if (at < 0) {
      return v;
    }
    int end = v.indexOf('#', at);
    String num = v.substring(at + 1, end < 0 ? v.length() : end);
    try {
      return v.substring(0, at + 1) + (Long.parseLong(num) + first)
          + (end < 0 ? "" : v.substring(end));
    } catch (NumberFormatException e) {
      return v;
    }
  }

  private static void printText(PrintWriter out, BatchingProblem problem, BatchPlan plan,
      int first) {
    out.println("strategy " + plan.provenance().strategy() + " " + plan.provenance().settings());
    Map<DesignId, long[][]> pp = perPeriod(problem, plan);
    Map<DesignId, int[]> demand = new TreeMap<>();
    for (Order o : problem.orders()) {
      demand.computeIfAbsent(o.design(), x -> new int[problem.horizon()])[problem.calendar().duePeriod(o)]
          += o.quantity();
    }
    out.printf(Locale.ROOT, "%-12s %8s %10s %12s %10s %10s%n", "item", "period", "demand",
        "production", "stock", "surplus");
    boolean anySurplus = false;
    for (Map.Entry<DesignId, long[][]> e : pp.entrySet()) {
      int[] dem = demand.getOrDefault(e.getKey(), new int[problem.horizon()]);
      for (int t = 0; t < problem.horizon(); t++) {
        out.printf(Locale.ROOT, "%-12s %8d %10d %12d %10d %10d%n", e.getKey(), t + first, dem[t],
            e.getValue()[0][t], e.getValue()[1][t], e.getValue()[2][t]);
        anySurplus |= e.getValue()[2][t] > 0;
      }
    }
    if (anySurplus) {
      out.println("surplus: units made beyond the orders to meet the MOQ or order multiple; they "
          + "stay in stock (not in 'stock') and are not in the holding cost.");
    }
    for (ProductionBatch b : plan.batches()) {
      if (b.period() >= problem.horizon()) {
        out.println("batch " + b.id() + " released in period " + (b.period() + first)
            + ", after the horizon");
      }
    }
    for (PendingOrder p : plan.pending()) {
      out.println("not produced: " + shown(p.order(), first) + " (" + p.quantity() + " units): " + p.reason()
          + ": " + p.detail().replace('\n', ' '));
    }
    out.printf(Locale.ROOT, "total cost %.4f = setup %.4f + holding %.4f + unit %.4f%n",
        plan.cost().total(), plan.cost().setup(), plan.cost().holding(), plan.cost().unit());
    if (plan.lateOrderCount() > 0) {
      out.println("late orders: " + plan.lateOrderCount()
          + " (lateness is not costed: compare plans on this count too)");
    }
  }

  /**
   * The plan as JSON: the ERP shape of {@link io.c2m.json.C2mJson} (batches, pending, cost,
   * provenance; periods there are indexes from 0), plus the researcher's summary: cost parts,
   * the file's periods and production, stock and surplus per item and period.
   */
  private static String toJson(BatchingProblem problem, BatchPlan plan, int first) {
    ObjectMapper mapper = io.c2m.json.C2mJson.mapper().copy()
        .enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.valueToTree(plan);
    root.put("totalCost", plan.cost().total());
    root.put("setupCost", plan.cost().setup());
    root.put("holdingCost", plan.cost().holding());
    root.put("unitCost", plan.cost().unit());
    root.put("firstPeriod", first);
    root.put("lateOrderCount", plan.lateOrderCount());
    ArrayNode periods = root.putArray("periods");
    for (int t = 0; t < problem.horizon(); t++) {
      periods.add(t + first);
    }
    ArrayNode itemsNode = root.putArray("items");
    for (Map.Entry<DesignId, long[][]> e : perPeriod(problem, plan).entrySet()) {
      ObjectNode it = itemsNode.addObject();
      it.put("item", e.getKey().value());
      ArrayNode prod = it.putArray("production");
      ArrayNode stock = it.putArray("stock");
      ArrayNode surplus = it.putArray("surplus");
      for (int t = 0; t < problem.horizon(); t++) {
        prod.add(e.getValue()[0][t]);
        stock.add(e.getValue()[1][t]);
        surplus.add(e.getValue()[2][t]);
      }
    }
    try {
      return mapper.writeValueAsString(root);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("Could not write the plan as JSON: " + e.getMessage(), e);
    }
  }
}
