package io.c2m.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c2m.DesignId;
import io.c2m.OrderId;
import io.c2m.json.JsonEnvelope;
import io.c2m.order.Order;
import io.c2m.production.BatchPlan;
import io.c2m.production.BatchingProblem;
import io.c2m.production.BatchingStrategies;
import io.c2m.production.BatchingStrategy;
import io.c2m.production.ErpFormat;
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
import java.util.Currency;
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
 *
 * <p>The CSV files are read by {@link PlanInput}; the ERP output lives in {@link
 * PlanOutputOptions}.
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
    description = {"Plan production batches (lot sizing) for demand per period from a CSV file: "
        + "period,demand or item,period,demand, any column order, quoted fields.",
      "Bad rows are reported with their line and column; the good ones are kept."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:plan printed", "1:failed (the message says why)",
        "2:bad usage: an unknown option or a bad value",
        "3:no usable row (every row rejected)"},
    footerHeading = "%nExamples:%n",
    footer = {"  c2m plan --strategy wagner-whitin --setup-cost 100 --holding-cost 1 \\",
        "      examples/wagner-whitin-1958.csv",
        "  c2m plan --strategy silver-meal --setup-cost 100 --holding-cost 1 --moq 20 \\",
        "      --json demand.csv",
        "  c2m plan --strategy wagner-whitin --setup-cost 100 --holding-cost 1 \\",
        "      --format odoo-csv --products examples/products.csv --start 2027-01-04 \\",
        "      examples/wagner-whitin-1958.csv",
        "  c2m plan --strategy wagner-whitin --setup-cost 100 --holding-cost 1 \\",
        "      --forecast auto --price 30 --salvage 5 history.csv"})
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

  @Option(names = "--json", description = "Print the plan as JSON (c2m's plan document).")
  boolean json;

  @CommandLine.Mixin
  PlanOutputOptions output = new PlanOutputOptions();

  @Option(names = "--separator", paramLabel = "C", defaultValue = ",",
      description = "The column separator of the CSV files, such as ; (default: ${DEFAULT-VALUE}).")
  char separator;

  @Option(names = "--max-rows", paramLabel = "N", defaultValue = "5000000",
      description = "The most data rows read from a file (default: ${DEFAULT-VALUE}).")
  long maxRows;
  @Option(names = "--forecast", paramLabel = "METHOD", description = "Also size newsvendor "
      + "top-ups beyond the file's demand: each design's demand series in the file is the history "
      + "a forecaster (e.g. auto) forecasts the plan's periods from, as demand not yet ordered; "
      + "needs --price and --salvage. Prints the top-ups with their expected profit beside the "
      + "committed-only plan. One of: ${COMPLETION-CANDIDATES}.",
      completionCandidates = ForecastMethodNames.class)
  String forecastMethod;

  @Option(names = "--price", paramLabel = "P", description = "With --forecast: selling price "
      + "of a top-up unit.")
  Double price;

  @Option(names = "--salvage", paramLabel = "S", description = "With --forecast: value of an "
      + "unsold top-up unit, below the price and the unit cost.")
  Double salvage;

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

  /** The names of the installed forecasters, for the help text. */
  static final class ForecastMethodNames extends ArrayList<String> {
    private static final long serialVersionUID = 1L;

    ForecastMethodNames() {
      super(new java.util.TreeSet<>(io.c2m.demand.DemandForecasters.names()));
    }
  }

  /** The largest cost (per setup, per unit held or made) read: 10^12, so sums stay finite. */
  static final double MAX_COST = 1e12;
  /** The most orders a plan is split into (see --order-size). */
  static final long MAX_ORDERS = 5_000_000L;
  /** The most designs (items) in one file. */
  static final int MAX_ITEMS = 100_000;
  /** The exit code when every data row was rejected. */
  static final int EXIT_NOTHING_USABLE = 3;

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
    if (leadTime < 0 || leadTime > BatchingProblem.MAX_HORIZON) {
      throw new CommandLine.ParameterException(cl, "--lead-time (" + leadTime
          + ") must be from 0 to " + BatchingProblem.MAX_HORIZON + " periods.");
    }
    for (Object[] check : new Object[][] {{"--setup-cost", setupCost},
        {"--holding-cost", holdingCost}, {"--unit-cost", unitCost}, {"--capacity", capacity}}) {
      if (check[1] != null && (Double) check[1] > MAX_COST) {
        throw new CommandLine.ParameterException(cl, check[0] + " (" + check[1]
            + ") must be at most " + (long) MAX_COST + ".");
      }
    }
    if (maxRows < 1 || separator == '"' || separator == '\n' || separator == '\r') {
      throw new CommandLine.ParameterException(cl, "--max-rows (" + maxRows + ") must be at "
          + "least 1 and --separator neither a quote nor a line break.");
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
    PlanInput input = new PlanInput(separator, maxRows);
    PlanInput.Demand d;
    Map<String, PlanInput.Item> itemParams;
    try {
      d = input.readDemand(file);
      itemParams = items == null ? Map.of() : input.readItems(items);
    } catch (PlanInput.NothingUsable e) {
      cl.getErr().println("c2m plan: no usable row: " + e.getMessage());
      return EXIT_NOTHING_USABLE;
    }
    int horizon = d.last - d.first + 1;
    long orders = 0;
    for (Map<Integer, Integer> series : d.demand.values()) {
      for (int q : series.values()) {
        orders += (q + (long) orderSize - 1) / orderSize; // at most 2^31 per period: no overflow
      }
    }
    if (orders > MAX_ORDERS) {
      throw new CommandLine.ParameterException(cl, "--order-size " + orderSize + " splits the "
          + "demand into " + orders + " orders, more than the limit of " + MAX_ORDERS
          + ".\nMaybe give a larger --order-size.");
    }
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
    if (items != null && capacity == null && input.itemsUseCapacity) {
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
      PlanInput.Item it = itemParams.get(e.getKey());
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
    ErpFormat erp = output.format(cl);
    if (erp != null && json) {
      throw new CommandLine.ParameterException(cl, "Give --json or --format, not both.");
    }
    BatchPlan plan = BatchingStrategy.checked(s).plan(problem);
    PrintWriter out = cl.getOut();
    if (forecastMethod != null || price != null || salvage != null) {
      return forecastTopUps(cl, s, problem, plan, demand, d.first);
    }
    if (erp != null) {
      out.print(output.erpFile(cl, erp, plan, PlanOutputOptions.now()));
    } else if (json) {
      printJson(out, problem, plan, d.first, output.currency(cl));
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

  /**
   * {@code --forecast}: plans again with newsvendor top-ups sized from the forecast of each
   * design's series ({@link io.c2m.demand.PlanForecasts}) and prints that plan, then per batch
   * its top-up units and their expected profit, and the committed-only plan's cost beside it.
   */
  private int forecastTopUps(CommandLine cl, BatchingStrategy s, BatchingProblem committed,
      BatchPlan committedPlan, Map<DesignId, int[]> demand, int first) {
    if (forecastMethod == null || price == null || salvage == null) {
      throw new CommandLine.ParameterException(cl,
          "--forecast, --price and --salvage go together: give all three.");
    }
    io.c2m.demand.DemandForecaster f;
    try {
      f = io.c2m.demand.DemandForecasters.byName(forecastMethod);
    } catch (io.c2m.C2mException e) {
      throw new CommandLine.ParameterException(cl, e.getMessage());
    }
    Map<DesignId, io.c2m.demand.DemandSeries> histories = new TreeMap<>();
    demand.forEach((id, series) -> histories.put(id, new io.c2m.demand.DemandSeries(id.value(),
        java.util.Arrays.stream(series).asDoubleStream().toArray())));
    Map<DesignId, io.c2m.demand.DemandForecast> fc =
        io.c2m.demand.PlanForecasts.forecasts(f, histories, committed.horizon());
    Map<DesignId, io.c2m.production.NewsvendorTopUp> topUps = new TreeMap<>();
    try {
      fc.forEach((id, x) -> topUps.put(id,
          new io.c2m.production.NewsvendorTopUp(price, salvage, x.points().get(0))));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cl, e.getMessage());
    }
    BatchingProblem problem;
    try {
      problem = committed.withTopUps(topUps)
          .withForecasts(io.c2m.demand.PlanForecasts.points(fc));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cl, e.getMessage());
    }
    BatchPlan plan = BatchingStrategy.checked(s).plan(problem);
    // Each batch's top-up covers its ready period up to the design's next batch's.
    List<Object[]> rows = new ArrayList<>(); // batch, units, expected profit
    double total = 0;
    for (ProductionBatch b : plan.batches()) {
      if (!problem.costs().hasForecastTopUp(b.design())) {
        continue;
      }
      int next = Integer.MAX_VALUE;
      for (ProductionBatch o : plan.batches()) {
        if (o.design().equals(b.design()) && o.period() > b.period()) {
          next = Math.min(next, o.period());
        }
      }
      int units = problem.costs().topUpUnits(b.design(), b.period(), next);
      ProductionConstraints c = problem.constraintsFor(b.design());
      int from = (int) Math.min(problem.horizon(), (long) b.period() + c.leadTimePeriods());
      int to = (int) Math.min(problem.horizon(), (long) next + c.leadTimePeriods());
      double profit = units == 0 || from >= to ? 0 : io.c2m.demand.PlanForecasts
          .expectedTopUpProfit(price, c.unitCost(), salvage, units,
              fc.get(b.design()).points().subList(from, to));
      total += profit;
      rows.add(new Object[] {b, units, profit});
    }
    PrintWriter out = cl.getOut();
    if (json) {
      ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
      ObjectNode root;
      try {
        java.io.StringWriter planJson = new java.io.StringWriter();
        try (PrintWriter w = new PrintWriter(planJson)) {
          printJson(w, problem, plan, first, output.currency(cl));
        }
        root = (ObjectNode) mapper.readTree(planJson.toString());
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException("Could not re-read the plan JSON: " + e.getMessage(), e);
      }
      ObjectNode data = (ObjectNode) root.get("data");
      ObjectNode co = data.putObject("committedOnly");
      co.put("totalCost", committedPlan.cost().total());
      ObjectNode tu = data.putObject("forecastTopUps");
      tu.put("method", forecastMethod);
      tu.put("expectedProfit", total);
      ArrayNode arr = tu.putArray("batches");
      for (Object[] r : rows) {
        ProductionBatch b = (ProductionBatch) r[0];
        ObjectNode n = arr.addObject();
        n.put("batch", b.id().toString());
        n.put("item", b.design().value());
        n.put("period", b.period() + first);
        n.put("units", (int) r[1]);
        n.put("expectedProfit", (double) r[2]);
      }
      ArrayNode fb = tu.putArray("fallbacks");
      io.c2m.demand.PlanForecasts.fallbacks(fc).forEach(fb::add);
      try {
        out.println(mapper.writeValueAsString(root));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException("Could not write the plan as JSON: " + e.getMessage(), e);
      }
    } else {
      printText(out, problem, plan, first);
      out.printf(Locale.ROOT, "forecast top-ups (%s, price %.4f, salvage %.4f):%n",
          forecastMethod, price, salvage);
      for (Object[] r : rows) {
        ProductionBatch b = (ProductionBatch) r[0];
        out.printf(Locale.ROOT, "  batch %s (%s) period %d: +%d units, expected profit %.4f%n",
            b.id(), b.design().value(), b.period() + first, (int) r[1], (double) r[2]);
      }
      io.c2m.demand.PlanForecasts.fallbacks(fc)
          .forEach(x -> out.println("  forecast fallback: " + x));
      out.printf(Locale.ROOT, "committed-only plan: total cost %.4f; with top-ups: total cost "
          + "%.4f and expected top-up profit %.4f%n", committedPlan.cost().total(),
          plan.cost().total(), total);
    }
    long late = plan.batches().stream().mapToLong(b -> b.lateOrders().size()).sum();
    return plan.pending().isEmpty() && late == 0 ? 0 : 1;
  }

  /** True when every design's rows give cost {@code k} (0 setup, 1 holding) in every period. */
  private static boolean coversEveryPeriod(PlanInput.Demand d, int k, int horizon) {
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
    TextTable table = new TextTable("", "item", "period>", "demand>", "production>", "stock>",
        "surplus>");
    boolean anySurplus = false;
    for (Map.Entry<DesignId, long[][]> e : pp.entrySet()) {
      int[] dem = demand.getOrDefault(e.getKey(), new int[problem.horizon()]);
      for (int t = 0; t < problem.horizon(); t++) {
        table.row(e.getKey(), t + first, dem[t], e.getValue()[0][t], e.getValue()[1][t],
            e.getValue()[2][t]);
        anySurplus |= e.getValue()[2][t] > 0;
      }
    }
    out.print(table);
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
   * The plan in c2m's JSON envelope (kind {@code plan}, schema
   * {@code docs/schemas/plan.schema.json}): the plan as {@link io.c2m.json.C2mJson} writes it
   * (batches, pending, provenance; periods there are indexes from 0) with every cost as money,
   * plus the researcher's summary: the file's periods and production, stock and surplus per item
   * and period. Streamed: the per-period arrays (millions of numbers at the largest horizon) are
   * written as they are computed, never held as a tree or a string.
   */
  private static void printJson(PrintWriter out, BatchingProblem problem, BatchPlan plan,
      int first, Currency currency) {
    ObjectMapper mapper = io.c2m.json.C2mJson.mapper().copy()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
    try (com.fasterxml.jackson.core.JsonGenerator g = mapper.createGenerator(out)) {
      g.disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET); // out stays
      g.enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
      g.writeStartObject();
      g.writeStringField("schemaVersion", JsonEnvelope.SCHEMA_VERSION);
      g.writeStringField("kind", "plan");
      g.writeStringField("c2mVersion", JsonEnvelope.currentVersion());
      g.writeStringField("asOf", PlanOutputOptions.now().toString());
      g.writeFieldName("data");
      g.writeStartObject();
      PlanOutputOptions.writePlanData(g, plan, currency);
      g.writeNumberField("firstPeriod", first);
      g.writeNumberField("lateOrderCount", plan.lateOrderCount());
      g.writeArrayFieldStart("periods");
      for (int t = 0; t < problem.horizon(); t++) {
        g.writeNumber((long) t + first);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("items");
      for (Map.Entry<DesignId, long[][]> e : perPeriod(problem, plan).entrySet()) {
        g.writeStartObject();
        g.writeStringField("item", e.getKey().value());
        String[] names = {"production", "stock", "surplus"};
        for (int k = 0; k < names.length; k++) {
          g.writeArrayFieldStart(names[k]);
          for (int t = 0; t < problem.horizon(); t++) {
            g.writeNumber(e.getValue()[k][t]);
          }
          g.writeEndArray();
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject(); // data
      g.writeEndObject();
    } catch (IOException e) {
      throw new IllegalStateException("Could not write the plan as JSON: " + e.getMessage(), e);
    }
    out.println();
  }
}
