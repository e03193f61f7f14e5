package io.c2m.production;

import static java.util.Objects.requireNonNull;

import io.c2m.DesignId;
import io.c2m.demand.ForecastPoint;
import io.c2m.internal.Checks;
import io.c2m.order.Order;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The input of a {@link BatchingStrategy}: the committed orders, the production constraints of each
 * design, the planning calendar (period 0 starts at {@code start}; each period lasts
 * {@code period}; the horizon has {@code horizon} periods), costs that vary per period, shared
 * production lines, optional speculative top-ups and an optional forecast of uncommitted demand
 * per period that sizes them batch by batch.
 *
 * <p>The timing model every strategy and {@link BatchPlanChecks} share: an order is placed in the
 * period of {@code placedAt} and due in the period of {@code latestDelivery}. A batch released in
 * period {@code s} is ready in {@code s + lead time}; its goods wait in stock until each order's due
 * period and pay the holding cost of every period they are left in stock at its end (periods
 * {@code ready .. due - 1}). Surplus units of rounding to the multiple and the MOQ are not held;
 * top-up units are charged {@link BatchingCosts#topUpHoldingCost(DesignId, int, int)} each.
 *
 * @param orders the committed orders; distinct ids, none placed before {@code start}
 * @param constraints constraints per design; designs not listed use {@code defaults}
 * @param defaults constraints for designs not listed
 * @param start the start of period 0
 * @param period the length of a period; positive
 * @param horizon the number of periods planned; every order is due within it
 * @param periodCosts per-design costs that vary over time (override the constraints' costs)
 * @param lines production lines shared by several designs; a design is on at most one line
 * @param topUps speculative newsvendor top-ups per design; none by default
 * @param priceBreaks all-units quantity discounts per design, by increasing quantity; they
 *     replace the unit cost of the release period for batches that reach them
 * @param forecasts optional forecast of each design's uncommitted demand per period: one point
 *     per period of the horizon, point {@code t} (step {@code t + 1}) for period {@code t}, its
 *     mean within [p10, p90]; with a {@link NewsvendorTopUp} it sizes each batch's top-up from
 *     the periods the batch covers (see {@link BatchingCosts#topUpUnits(DesignId, int, int)});
 *     the forecasts
 *     of designs without a top-up or without orders are ignored; none by default. A design with
 *     a top-up must have a salvage value below its lowest unit cost.
 * @param asOf the instant the plan is made as of: the orders placed until then are all there are
 *     so far, and a group-buy campaign whose window closes after it is still open (more orders may
 *     come), not failed. {@link Instant#MAX} (the default of the shorter constructor and the
 *     factories) means the orders are final: every window closing within the horizon counts as
 *     closed. The engine sets it to its clock's now and {@code start} to the start of the current
 *     period, so nothing is scheduled in the past; orders placed before {@code start} then count
 *     as placed in period 0.
 */
public record BatchingProblem(
    List<Order> orders,
    Map<DesignId, ProductionConstraints> constraints,
    ProductionConstraints defaults,
    Instant start,
    Duration period,
    int horizon,
    Map<DesignId, PeriodCosts> periodCosts,
    List<ProductionLine> lines,
    Map<DesignId, NewsvendorTopUp> topUps,
    Map<DesignId, List<PriceBreak>> priceBreaks,
    Map<DesignId, List<ForecastPoint>> forecasts,
    Instant asOf) {
  /**
   * The longest horizon, in periods, that the strategies planning period by period (lot sizing,
   * capacitated) accept; others plan any horizon.
   */
  public static final int MAX_HORIZON = 1_000_000;

  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException if an order id repeats, an order precedes the start or is due
   *     after the horizon, the period is not positive, a design is on two lines, per-period costs do
   *     not span the horizon, a design with orders cannot make any batch on its line, or a
   *     forecast does not have one point per period (steps 1, 2, ...), has a negative value or a
   *     mean outside [p10, p90], or a top-up's salvage value is not below the design's lowest unit
   *     cost (flat or per period, and price breaks)
   */
  public BatchingProblem {
    orders = List.copyOf(Checks.requireNoNulls(orders, "orders"));
    constraints = Map.copyOf(Checks.requireNoNulls(constraints, "constraints"));
    requireNonNull(defaults, "defaults");
    requireNonNull(start, "start");
    requireNonNull(period, "period");
    requireNonNull(asOf, "asOf");
    periodCosts = Map.copyOf(Checks.requireNoNulls(periodCosts, "periodCosts"));
    lines = List.copyOf(Checks.requireNoNulls(lines, "lines"));
    topUps = Map.copyOf(Checks.requireNoNulls(topUps, "topUps"));
    Map<DesignId, List<PriceBreak>> breaks = new HashMap<>();
    for (Map.Entry<DesignId, List<PriceBreak>> e
        : Checks.requireNoNulls(priceBreaks, "priceBreaks").entrySet()) {
      List<PriceBreak> sorted = new java.util.ArrayList<>(
          Checks.requireNoNulls(e.getValue(), "price breaks of design " + e.getKey()));
      sorted.sort(java.util.Comparator.comparingInt(PriceBreak::minQuantity));
      for (int k = 1; k < sorted.size(); k++) {
        if (sorted.get(k).minQuantity() == sorted.get(k - 1).minQuantity()) {
          throw new IllegalArgumentException("Design " + e.getKey() + " has two price breaks at "
              + sorted.get(k).minQuantity() + " units.");
        }
      }
      breaks.put(e.getKey(), List.copyOf(sorted));
    }
    priceBreaks = Map.copyOf(breaks);
    Map<DesignId, List<ForecastPoint>> fc = new HashMap<>();
    for (Map.Entry<DesignId, List<ForecastPoint>> e
        : Checks.requireNoNulls(forecasts, "forecasts").entrySet()) {
      List<ForecastPoint> points = List.copyOf(
          Checks.requireNoNulls(e.getValue(), "forecast of design " + e.getKey()));
      if (points.size() != horizon) {
        throw new IllegalArgumentException("The forecast of design " + e.getKey() + " has "
            + points.size() + " periods; it must have one per period of the horizon (" + horizon
            + ").");
      }
      for (int t = 0; t < points.size(); t++) {
        ForecastPoint f = points.get(t);
        if (f.step() != t + 1) {
          throw new IllegalArgumentException("Point " + t + " of the forecast of design "
              + e.getKey() + " has step " + f.step() + "; period " + t + " must have step "
              + (t + 1) + ".");
        }
        if (f.mean() < 0 || f.p10() < 0) {
          throw new IllegalArgumentException("The forecast of design " + e.getKey()
              + " in period " + t + " (mean " + f.mean() + ", p10 " + f.p10()
              + ") must not be negative.");
        }
        if (f.mean() < f.p10() || f.mean() > f.p90()) {
          throw new IllegalArgumentException("The forecast of design " + e.getKey()
              + " in period " + t + " has mean " + f.mean() + " outside [p10 " + f.p10()
              + ", p90 " + f.p90() + "]; the mean must lie between the 10% and 90% quantiles.");
        }
      }
      fc.put(e.getKey(), points);
    }
    forecasts = Map.copyOf(fc);
    if (period.isZero() || period.isNegative()) {
      throw new IllegalArgumentException("The planning period (" + period + ") must be positive.");
    }
    if (horizon < 1) {
      throw new IllegalArgumentException("The horizon (" + horizon + " periods) must be positive.");
    }
    Set<Object> ids = new HashSet<>();
    long periodMillis = period.toMillis();
    for (Order o : orders) {
      if (!ids.add(o.id())) {
        throw new IllegalArgumentException("The order id (" + o.id() + ") occurs twice.");
      }
      if (o.placedAt().isBefore(start) && asOf.equals(Instant.MAX)) {
        throw new IllegalArgumentException(
            "Order (" + o.id() + ") was placed at " + o.placedAt()
                + ", before the start of planning (" + start + ").\nMaybe plan as of a "
                + "moment (asOf): then orders placed before the start count as placed in period 0.");
      }
      long due = Math.min(Integer.MAX_VALUE - 1L, BatchingCalendar.periodIndex(start, periodMillis,
          o.latestDelivery()));
      if (due >= horizon) {
        throw new IllegalArgumentException("Order (" + o.id() + ") is due in period " + due
            + ", beyond the horizon of " + horizon + " periods.");
      }
    }
    for (Map.Entry<DesignId, PeriodCosts> e : periodCosts.entrySet()) {
      if (!e.getValue().fits(horizon)) {
        throw new IllegalArgumentException("The per-period costs of design " + e.getKey()
            + " must have one value per period of the horizon (" + horizon + ") or none.");
      }
    }
    for (Map.Entry<DesignId, NewsvendorTopUp> e : topUps.entrySet()) {
      DesignId d = e.getKey();
      double lowest = lowestUnitCost(constraints.getOrDefault(d, defaults), periodCosts.get(d),
          priceBreaks.get(d));
      double salvage = e.getValue().salvageValue();
      if (!(salvage < lowest)) {
        throw new IllegalArgumentException("The top-up of design " + d + " has salvage value "
            + salvage + ", not below its lowest unit cost (" + lowest + ", over its flat or "
            + "per-period unit costs and price breaks); a newsvendor top-up needs a salvage value "
            + "below the unit cost, else its critical fractile is 1 and every unsold unit is free."
            + "\nMaybe lower the salvage value or drop the top-up of design " + d + ".");
      }
    }
    Map<DesignId, String> lineOf = new HashMap<>();
    for (ProductionLine line : lines) {
      for (DesignId d : line.uses().keySet()) {
        String prev = lineOf.put(d, line.id());
        if (prev != null) {
          throw new IllegalArgumentException(
              "Design " + d + " is on two lines (" + prev + " and " + line.id() + ").");
        }
      }
    }
    Map<DesignId, Long> totals = new HashMap<>();
    for (Order o : orders) {
      long total = totals.merge(o.design(), (long) o.quantity(), Long::sum);
      if (total > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("The orders of design " + o.design() + " total at least "
            + total + " units, more than the " + Integer.MAX_VALUE
            + " units one plan can count per design.");
      }
    }
    for (Order o : orders) {
      DesignId d = o.design();
      ProductionConstraints c = constraints.getOrDefault(d, defaults);
      int largest = largestBatch(c, line(lines, d), d);
      int smallest = c.roundToMultiple(c.minimumOrderQuantity());
      if (largest < smallest) {
        throw new IllegalArgumentException("Design " + d + " has orders but its line has no "
            + "capacity for even one batch of the minimum order quantity (" + smallest
            + " units): largest batch " + largest + ".");
      }
    }
  }

  /**
   * A problem with per-design constraints and a horizon that ends with the last order's due
   * period; no per-period costs, no shared line, no top-up.
   *
   * @param orders the orders
   * @param constraints constraints per design
   * @param defaults constraints of other designs
   * @param start the start of period 0
   * @param period the period length
   */
  public BatchingProblem(List<Order> orders, Map<DesignId, ProductionConstraints> constraints,
      ProductionConstraints defaults, Instant start, Duration period) {
    this(orders, constraints, defaults, start, period, derivedHorizon(orders, start, period),
        Map.of(), List.of(), Map.of(), Map.of(), Map.of(), Instant.MAX);
  }

  /**
   * A problem planned as of an instant (see {@code asOf} in the class comment): the horizon ends
   * with the last order's due period; no per-period costs, no shared line, no top-up. Orders placed
   * before {@code start} count as placed in period 0.
   *
   * @param orders the orders
   * @param constraints constraints per design
   * @param defaults constraints of other designs
   * @param start the start of period 0
   * @param period the period length
   * @param asOf the instant the plan is made as of
   * @return the problem
   */
  public static BatchingProblem asOf(List<Order> orders,
      Map<DesignId, ProductionConstraints> constraints, ProductionConstraints defaults,
      Instant start, Duration period, Instant asOf) {
    return new BatchingProblem(orders, constraints, defaults, start, period,
        derivedHorizon(orders, start, period), Map.of(), List.of(), Map.of(), Map.of(), Map.of(),
        asOf);
  }

  /**
   * A problem with one set of constraints for every design.
   *
   * @param orders the orders
   * @param constraints the constraints of every design
   * @param start the start of period 0
   * @param period the period length
   * @return the problem
   */
  public static BatchingProblem of(
      List<Order> orders, ProductionConstraints constraints, Instant start, Duration period) {
    return new BatchingProblem(orders, Map.of(), constraints, start, period);
  }

  /**
   * A lot-sizing problem given as demand per period, the form of textbooks and of {@code c2m plan}:
   * each positive demand of design {@code d} in period {@code t} becomes one order
   * {@code "d@t"} placed at the start of period 0 and due in period {@code t}. Periods last a day
   * from {@link Instant#EPOCH}; the horizon is the longest demand series.
   *
   * @param demand per design, demand per period (zero or more)
   * @param constraints per design
   * @param defaults constraints of designs not listed
   * @return the problem
   * @throws IllegalArgumentException if a demand is negative or no period is given
   */
  public static BatchingProblem ofPeriodDemand(Map<DesignId, int[]> demand,
      Map<DesignId, ProductionConstraints> constraints, ProductionConstraints defaults) {
    return ofPeriodDemand(demand, constraints, defaults, Integer.MAX_VALUE);
  }

  /**
   * Like {@link #ofPeriodDemand(Map, Map, ProductionConstraints)}, but each period's demand is
   * split into orders of at most {@code orderSize} units ({@code "d@t#k"}), so that strategies,
   * which keep orders whole, may split a period's demand between batches.
   *
   * @param demand per design, demand per period (zero or more)
   * @param constraints per design
   * @param defaults constraints of designs not listed
   * @param orderSize the largest order; positive
   * @return the problem
   * @throws IllegalArgumentException if a demand is negative or the order size not positive
   */
  public static BatchingProblem ofPeriodDemand(Map<DesignId, int[]> demand,
      Map<DesignId, ProductionConstraints> constraints, ProductionConstraints defaults,
      int orderSize) {
    Checks.requireNoNulls(demand, "demand");
    Checks.requirePositive(orderSize, "order size");
    List<Order> orders = new java.util.ArrayList<>();
    Duration day = Duration.ofDays(1);
    int horizon = 1;
    for (Map.Entry<DesignId, int[]> e : new TreeMap<>(demand).entrySet()) {
      int[] d = e.getValue();
      horizon = Math.max(horizon, d.length);
      for (int t = 0; t < d.length; t++) {
        if (d[t] < 0) {
          throw new IllegalArgumentException("The demand (" + d[t] + ") of design " + e.getKey()
              + " in period " + t + " must not be negative.");
        }
        int k = 0;
        for (int left = d[t]; left > 0; left -= orderSize) {
          String id = e.getKey().value() + "@" + t + (d[t] > orderSize ? "#" + (++k) : "");
          orders.add(new Order(io.c2m.OrderId.of(id), io.c2m.ConsumerId.of("demand"), e.getKey(),
              Math.min(left, orderSize), 0, Instant.EPOCH, Instant.EPOCH.plus(day.multipliedBy(t))));
        }
      }
    }
    return new BatchingProblem(orders, constraints, defaults, Instant.EPOCH, day, horizon,
        Map.of(), List.of(), Map.of(), Map.of(), Map.of(), Instant.MAX);
  }

  private static int derivedHorizon(List<Order> orders, Instant start, Duration period) {
    requireNonNull(orders, "orders");
    requireNonNull(start, "start");
    requireNonNull(period, "period");
    long max = 0;
    long millis = Math.max(1, period.toMillis());
    for (Order o : orders) {
      max = Math.max(max, Math.min(Integer.MAX_VALUE - 1L,
          BatchingCalendar.periodIndex(start, millis, o.latestDelivery())));
    }
    return (int) Math.min(Integer.MAX_VALUE, max + 1);
  }

  /**
   * The lowest unit cost a design's batch can have: the least of its per-period unit costs (or
   * its flat unit cost without them) and of its price breaks' unit costs.
   */
  private static double lowestUnitCost(ProductionConstraints c, PeriodCosts pc,
      List<PriceBreak> breaks) {
    double lowest = c.unitCost();
    if (pc != null && !pc.unitCost().isEmpty()) {
      lowest = Double.POSITIVE_INFINITY;
      for (double u : pc.unitCost()) {
        lowest = Math.min(lowest, u);
      }
    }
    if (breaks != null) {
      for (PriceBreak b : breaks) {
        lowest = Math.min(lowest, b.unitCost());
      }
    }
    return lowest;
  }

  private static Optional<ProductionLine> line(List<ProductionLine> lines, DesignId d) {
    for (ProductionLine l : lines) {
      if (l.uses().containsKey(d)) {
        return Optional.of(l);
      }
    }
    return Optional.empty();
  }

  private static int largestBatch(ProductionConstraints c, Optional<ProductionLine> line,
      DesignId d) {
    int largest = c.largestBatch();
    if (line.isPresent()) {
      LineUse use = line.get().uses().get(d);
      ProductionLine l = line.get();
      if (!l.fits(use.load(0))) {
        return 0;
      }
      if (use.unitUse() > 0) {
        // the largest u with l.fits(use.load(u)): the one rule of ProductionLine.fits
        double room = l.capacityPerPeriod() - use.setupTime();
        long u = (long) Math.max(0, Math.min((double) Integer.MAX_VALUE,
            Math.floor(room / use.unitUse())));
        while (u < Integer.MAX_VALUE && l.fits(use.load((int) (u + 1)))) {
          u++;
        }
        while (u > 0 && !l.fits(use.load((int) u))) {
          u--;
        }
        if (u < largest) {
          largest = (int) (u / c.orderMultiple() * c.orderMultiple());
        }
      }
    }
    return largest;
  }

  /**
   * Returns a copy planned as of an instant (see {@code asOf} in the class comment).
   *
   * @param instant the instant; {@link Instant#MAX} for final orders
   * @return the new problem
   */
  public BatchingProblem withAsOf(Instant instant) {
    return new BatchingProblem(orders, constraints, defaults, start, period, horizon, periodCosts,
        lines, topUps, priceBreaks, forecasts, instant);
  }

  /**
   * Returns a copy with another horizon.
   *
   * @param periods the number of periods
   * @return the new problem
   * @throws IllegalArgumentException if the problem has per-period forecasts of another length
   */
  public BatchingProblem withHorizon(int periods) {
    return new BatchingProblem(orders, constraints, defaults, start, period, periods, periodCosts,
        lines, topUps, priceBreaks, forecasts, asOf);
  }

  /**
   * Returns a copy with per-period costs.
   *
   * @param costs per design
   * @return the new problem
   */
  public BatchingProblem withPeriodCosts(Map<DesignId, PeriodCosts> costs) {
    return new BatchingProblem(orders, constraints, defaults, start, period, horizon, costs, lines,
        topUps, priceBreaks, forecasts, asOf);
  }

  /**
   * Returns a copy with shared production lines.
   *
   * @param productionLines the lines
   * @return the new problem
   */
  public BatchingProblem withLines(List<ProductionLine> productionLines) {
    return new BatchingProblem(orders, constraints, defaults, start, period, horizon, periodCosts,
        productionLines, topUps, priceBreaks, forecasts, asOf);
  }

  /**
   * Returns a copy with speculative top-ups.
   *
   * @param newsvendor per design
   * @return the new problem
   */
  public BatchingProblem withTopUps(Map<DesignId, NewsvendorTopUp> newsvendor) {
    return new BatchingProblem(orders, constraints, defaults, start, period, horizon, periodCosts,
        lines, newsvendor, priceBreaks, forecasts, asOf);
  }

  /**
   * Returns a copy with quantity price breaks.
   *
   * @param breaks per design
   * @return the new problem
   */
  public BatchingProblem withPriceBreaks(Map<DesignId, List<PriceBreak>> breaks) {
    return new BatchingProblem(orders, constraints, defaults, start, period, horizon, periodCosts,
        lines, topUps, breaks, forecasts, asOf);
  }

  /**
   * Returns a copy with per-period forecasts of uncommitted demand. With a design's
   * {@link NewsvendorTopUp} they size each of its batches' top-ups
   * ({@link BatchingCosts#topUpUnits(DesignId, int, int)}); without one they change nothing.
   *
   * @param perPeriod per design, one point per period of the horizon
   * @return the new problem
   * @throws IllegalArgumentException if a forecast does not match the horizon
   */
  public BatchingProblem withForecasts(Map<DesignId, List<ForecastPoint>> perPeriod) {
    return new BatchingProblem(orders, constraints, defaults, start, period, horizon, periodCosts,
        lines, topUps, priceBreaks, perPeriod, asOf);
  }

  /**
   * Returns the planning calendar: the period of an instant, of an order's placement and due
   * date, and the campaign windows closed as of {@code asOf}.
   *
   * @return the calendar of this problem
   */
  public BatchingCalendar calendar() {
    return new BatchingCalendar(start, period, horizon, asOf);
  }

  /**
   * Returns the cost queries: setup, unit and holding costs per design and period, top-ups.
   *
   * @return the costs of this problem
   */
  public BatchingCosts costs() {
    return new BatchingCosts(this);
  }

  /**
   * Refuses a horizon too long to plan period by period.
   *
   * @param strategy the strategy's name, for the message
   * @throws IllegalArgumentException if the horizon exceeds {@link #MAX_HORIZON}
   */
  public void requirePlannableHorizon(String strategy) {
    if (horizon > MAX_HORIZON) {
      throw new IllegalArgumentException("The horizon (" + horizon + " periods) is longer than "
          + "the " + MAX_HORIZON + " periods strategy " + strategy + " plans period by period."
          + "\nMaybe use a longer period.");
    }
  }

  /**
   * Returns the constraints of a design.
   *
   * @param design the design
   * @return its constraints, or the defaults
   */
  public ProductionConstraints constraintsFor(DesignId design) {
    return constraints.getOrDefault(design, defaults);
  }

  /**
   * Returns the designs that have orders, sorted.
   *
   * @return the designs
   */
  public SortedSet<DesignId> designs() {
    SortedSet<DesignId> out = new TreeSet<>();
    for (Order o : orders) {
      out.add(o.design());
    }
    return out;
  }

  /**
   * Returns the orders of each design, sorted by design.
   *
   * @return design to its orders, in the problem's order
   */
  public Map<DesignId, List<Order>> ordersByDesign() {
    Map<DesignId, List<Order>> out = new HashMap<>();
    for (Order o : orders) {
      out.computeIfAbsent(o.design(), d -> new java.util.ArrayList<>()).add(o);
    }
    return new TreeMap<>(out);
  }

  /**
   * Returns the line a design is on.
   *
   * @param design the design
   * @return its line, empty if it has its own
   */
  public Optional<ProductionLine> lineOf(DesignId design) {
    return line(lines, design);
  }

  /**
   * Returns the largest batch of a design: its constraints' largest batch, further limited by the
   * capacity of its line after one setup, rounded down to the order multiple.
   *
   * @param design the design
   * @return the largest feasible batch
   */
  public int largestBatch(DesignId design) {
    return largestBatch(constraintsFor(design), lineOf(design), design);
  }

  /**
   * Says which limit sets {@link #largestBatch(DesignId)}, for messages: the maximum batch, the
   * design's capacity per period, or its shared line's capacity after one setup.
   *
   * @param design the design
   * @return e.g. "set by the maximum batch of 40 units"
   */
  public String largestBatchLimit(DesignId design) {
    ProductionConstraints c = constraintsFor(design);
    int largest = largestBatch(design);
    if (lineOf(design).isPresent() && largest < c.largestBatch()) {
      ProductionLine l = lineOf(design).get();
      LineUse use = l.uses().get(design);
      return "set by the capacity of line " + l.id() + " (" + l.capacityPerPeriod()
          + " per period, setup time " + use.setupTime() + ", " + use.unitUse() + " per unit)";
    }
    if (c.capacityPerPeriod() <= c.maximumBatch()) {
      return "set by the capacity of " + c.capacityPerPeriod() + " units per period";
    }
    return "set by the maximum batch of " + c.maximumBatch() + " units";
  }

  /**
   * Returns the smallest batch that serves {@code ordered} units: at least the MOQ, rounded up to
   * the order multiple.
   *
   * @param design the design
   * @param ordered the committed units
   * @return the batch quantity
   */
  public int batchQuantityFor(DesignId design, int ordered) {
    ProductionConstraints c = constraintsFor(design);
    return c.roundToMultiple(Math.max(ordered, c.minimumOrderQuantity()));
  }

}
