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
 * top-up units are charged {@link #topUpHoldingCost(DesignId, int, int)} each.
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
 *     the periods the batch covers (see {@link #topUpUnits(DesignId, int, int)}); the forecasts
 *     of designs without a top-up or without orders are ignored; none by default. A design with
 *     a top-up must have a salvage value below its lowest unit cost.
 * @param asOf the instant the plan is made as of: the orders placed until then are all there are
 *     so far, and a group-buy campaign whose window closes after it is still open (more orders may
 *     come), not failed. {@link Instant#MAX} (the default of the shorter constructors) means the
 *     orders are final: every window closing within the horizon counts as closed. The engine sets
 *     it to its clock's now and {@code start} to the start of the current period, so nothing is
 *     scheduled in the past; orders placed before {@code start} then count as placed in period 0.
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
      long due = Math.min(Integer.MAX_VALUE - 1L, periodIndex(start, periodMillis,
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
   * A problem whose orders are final ({@code asOf} = {@link Instant#MAX}).
   *
   * @param orders the orders
   * @param constraints constraints per design
   * @param defaults constraints of other designs
   * @param start the start of period 0
   * @param period the period length
   * @param horizon the number of periods
   * @param periodCosts per-period costs per design
   * @param lines shared lines
   * @param topUps newsvendor top-ups per design
   * @param priceBreaks quantity price breaks per design
   * @param forecasts per-period forecasts per design
   */
  public BatchingProblem(List<Order> orders, Map<DesignId, ProductionConstraints> constraints,
      ProductionConstraints defaults, Instant start, Duration period, int horizon,
      Map<DesignId, PeriodCosts> periodCosts, List<ProductionLine> lines,
      Map<DesignId, NewsvendorTopUp> topUps, Map<DesignId, List<PriceBreak>> priceBreaks,
      Map<DesignId, List<ForecastPoint>> forecasts) {
    this(orders, constraints, defaults, start, period, horizon, periodCosts, lines, topUps,
        priceBreaks, forecasts, Instant.MAX);
  }

  /**
   * A problem without per-period forecasts (the form before forecasts were added).
   *
   * @param orders the orders
   * @param constraints constraints per design
   * @param defaults constraints of other designs
   * @param start the start of period 0
   * @param period the period length
   * @param horizon the number of periods
   * @param periodCosts per-period costs per design
   * @param lines shared lines
   * @param topUps newsvendor top-ups per design
   * @param priceBreaks quantity price breaks per design
   */
  public BatchingProblem(List<Order> orders, Map<DesignId, ProductionConstraints> constraints,
      ProductionConstraints defaults, Instant start, Duration period, int horizon,
      Map<DesignId, PeriodCosts> periodCosts, List<ProductionLine> lines,
      Map<DesignId, NewsvendorTopUp> topUps, Map<DesignId, List<PriceBreak>> priceBreaks) {
    this(orders, constraints, defaults, start, period, horizon, periodCosts, lines, topUps,
        priceBreaks, Map.of());
  }

  /**
   * A problem without price breaks.
   *
   * @param orders the orders
   * @param constraints constraints per design
   * @param defaults constraints of other designs
   * @param start the start of period 0
   * @param period the period length
   * @param horizon the number of periods
   * @param periodCosts per-period costs per design
   * @param lines shared lines
   * @param topUps newsvendor top-ups per design
   */
  public BatchingProblem(List<Order> orders, Map<DesignId, ProductionConstraints> constraints,
      ProductionConstraints defaults, Instant start, Duration period, int horizon,
      Map<DesignId, PeriodCosts> periodCosts, List<ProductionLine> lines,
      Map<DesignId, NewsvendorTopUp> topUps) {
    this(orders, constraints, defaults, start, period, horizon, periodCosts, lines, topUps,
        Map.of());
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
        Map.of(), List.of(), Map.of());
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
        Map.of(), List.of(), Map.of());
  }

  private static int derivedHorizon(List<Order> orders, Instant start, Duration period) {
    requireNonNull(orders, "orders");
    requireNonNull(start, "start");
    requireNonNull(period, "period");
    long max = 0;
    long millis = Math.max(1, period.toMillis());
    for (Order o : orders) {
      max = Math.max(max, Math.min(Integer.MAX_VALUE - 1L,
          periodIndex(start, millis, o.latestDelivery())));
    }
    return (int) Math.min(Integer.MAX_VALUE, max + 1);
  }

  private static long periodIndex(Instant start, long periodMillis, Instant instant) {
    return Math.max(0, Math.floorDiv(millisBetween(start, instant), Math.max(1, periodMillis)));
  }

  /**
   * {@code Duration.between(start, instant).toMillis()} (truncated toward zero), or
   * {@link Long#MAX_VALUE} where that overflows, computed without allocating: strategies ask it
   * twice per order.
   */
  private static long millisBetween(Instant start, Instant instant) {
    // Instant seconds are within +-3.2e16, so the difference cannot overflow
    long secs = instant.getEpochSecond() - start.getEpochSecond();
    long nanos = (long) instant.getNano() - start.getNano();
    if (nanos < 0) {
      nanos += 1_000_000_000L;
      secs--;
    }
    // as Duration.toMillis: a negative duration counts its nanoseconds toward zero
    if (secs < 0 && nanos > 0) {
      secs++;
      nanos -= 1_000_000_000L;
    }
    long ms = secs * 1000;
    if (Math.abs(secs) > Long.MAX_VALUE / 1000 - 1) {
      return Long.MAX_VALUE;
    }
    return ms + nanos / 1_000_000;
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
   * Returns the signed index of the period an instant falls in: negative before {@code start}
   * (unlike {@link #periodOf(Instant)}, which counts such instants in period 0), clamped to the
   * range of an int.
   *
   * @param instant the instant
   * @return the signed period index
   */
  public long signedPeriodOf(Instant instant) {
    long secs = instant.getEpochSecond() - start.getEpochSecond();
    long pm = period.toMillis();
    if (Math.abs(secs) > Long.MAX_VALUE / 2000) {
      return secs < 0 ? Integer.MIN_VALUE : Integer.MAX_VALUE;
    }
    long ms = secs * 1000 + ((long) instant.getNano() - start.getNano()) / 1_000_000;
    return Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, Math.floorDiv(ms, pm)));
  }

  /**
   * Returns the number of periods known to be over for campaign windows: a window closing at the
   * start of period {@code c} has closed when {@code c <= closedThrough()}. The horizon when the
   * orders are final ({@code asOf} = {@link Instant#MAX}); else the signed period of {@code asOf},
   * at most the horizon.
   *
   * @return the period index up to which windows have closed
   */
  public long closedThrough() {
    return asOf.equals(Instant.MAX) ? horizon : Math.min(horizon, signedPeriodOf(asOf));
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
   * ({@link #topUpUnits(DesignId, int, int)}); without one they change nothing.
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
   * Returns the unit cost of a batch of a design released in a period: the period's unit cost, or
   * that of the largest price break the quantity reaches.
   *
   * @param design the design
   * @param t the release period
   * @param quantity the batch quantity
   * @return the cost per unit
   */
  public double unitCost(DesignId design, int t, int quantity) {
    double cost = unitCost(design, t);
    for (PriceBreak b : priceBreaks.getOrDefault(design, List.of())) {
      if (quantity >= b.minQuantity()) {
        cost = b.unitCost();
      }
    }
    return cost;
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

  /**
   * Returns the speculative units a design's batches may add beyond their orders when it has no
   * per-period forecast: the newsvendor top-up of its season forecast, not rounded (strategies
   * add it to the design's first batch and round the batch once: a batch of {@code ordered}
   * units with top-up {@code q} makes {@code batchQuantityFor(design, ordered + q)}); zero
   * without a top-up. With a per-period forecast, see {@link #topUpUnits(DesignId, int, int)}.
   *
   * @param design the design
   * @return the top-up units
   */
  public int topUpUnits(DesignId design) {
    NewsvendorTopUp t = topUps.get(design);
    if (t == null) {
      return 0;
    }
    return t.units(constraintsFor(design).unitCost());
  }

  /**
   * Tells whether a design's top-ups are sized per batch from a per-period forecast: it has both a
   * {@link NewsvendorTopUp} and a forecast in {@link #forecasts()}.
   *
   * @param design the design
   * @return true if {@link #topUpUnits(DesignId, int, int)} depends on the periods
   */
  public boolean hasForecastTopUp(DesignId design) {
    return topUps.containsKey(design) && forecasts.containsKey(design);
  }

  /**
   * Returns the speculative units one batch of a design released in {@code releasePeriod} may add
   * beyond its orders, when the design's next batch is released in {@code nextReleasePeriod}.
   *
   * <p>Without a top-up: zero. With a top-up but no per-period forecast: the season-wide
   * {@link #topUpUnits(DesignId)}, whatever the periods. With both: the newsvendor quantity
   * ({@link NewsvendorTopUp#units(double, List)}) of the forecast demand of the periods the batch
   * covers, from its ready period {@code releasePeriod + lead time} up to (excluding) the next
   * batch's ready period {@code nextReleasePeriod + lead time}, or to the end of the horizon;
   * zero if that range is empty. Not rounded: the batch rounds {@code ordered + top-up} once, up to
   * the order multiple ({@link #batchQuantityFor(DesignId, int)}). Only one batch per design and
   * release period carries a top-up.
   *
   * <p>Each batch is sized as a fresh newsvendor: the top-up units of an earlier batch that are
   * still unsold when this batch is ready are not netted against its window (stock of earlier
   * top-ups is not tracked). The sizing is therefore generous when windows are short and demand
   * falls below the forecast; its cost is charged as {@link #topUpHoldingCost(DesignId, int, int)}
   * per top-up unit. Forecasts of designs without a top-up, or without orders (no batch to top
   * up), are ignored.
   *
   * @param design the design
   * @param releasePeriod the batch's release period
   * @param nextReleasePeriod the design's next (later) release period; {@link Integer#MAX_VALUE}
   *     for none
   * @return the top-up units, zero or more
   */
  public int topUpUnits(DesignId design, int releasePeriod, int nextReleasePeriod) {
    NewsvendorTopUp t = topUps.get(design);
    if (t == null) {
      return 0;
    }
    List<ForecastPoint> f = forecasts.get(design);
    if (f == null) {
      return topUpUnits(design);
    }
    ProductionConstraints c = constraintsFor(design);
    long from = Math.max(0, (long) releasePeriod + c.leadTimePeriods());
    long to = Math.min(horizon, (long) nextReleasePeriod + c.leadTimePeriods());
    if (from >= to) {
      return 0;
    }
    return t.units(c.unitCost(), f.subList((int) from, (int) to));
  }

  /**
   * Returns the holding cost charged per top-up unit of a batch of a design released in
   * {@code releasePeriod}, the design's next release being {@code nextReleasePeriod}. The
   * convention: the top-up covers the periods from the batch's ready period
   * {@code from = releasePeriod + lead time} up to (excluding) {@code to}, the next batch's ready
   * period or the end of the horizon, as in {@link #topUpUnits(DesignId, int, int)} (for a season
   * top-up without a per-period forecast: to the end of the horizon); its units are taken to sell
   * evenly over those periods, and a unit sold in period {@code t} pays the holding cost of
   * periods {@code from .. t - 1}, as a committed order due in {@code t} does. So the charge is the
   * average of {@link #holdingCost(DesignId, int, int) holdingCost(design, from, t)} over
   * {@code t} in {@code [from, to)}: with a constant holding cost {@code h}, {@code h (to - from -
   * 1) / 2}. Zero if the range is empty. Units left unsold at the end are not charged further.
   *
   * @param design the design
   * @param releasePeriod the batch's release period
   * @param nextReleasePeriod the design's next release period; {@link Integer#MAX_VALUE} for none
   * @return the holding cost per top-up unit, zero or more
   */
  public double topUpHoldingCost(DesignId design, int releasePeriod, int nextReleasePeriod) {
    ProductionConstraints c = constraintsFor(design);
    long from = Math.max(0, (long) releasePeriod + c.leadTimePeriods());
    long to = Math.min(horizon, (long) nextReleasePeriod + c.leadTimePeriods());
    if (from >= to) {
      return 0;
    }
    PeriodCosts pc = periodCosts.get(design);
    if (pc == null || pc.holdingCost().isEmpty()) {
      return c.holdingCostPerUnitPeriod() * (to - from - 1) / 2.0;
    }
    double sum = 0;
    double running = 0;
    for (long t = from; t < to; t++) {
      sum += running; // the holding cost from `from` to t
      running += holdingCost(design, (int) t);
    }
    return sum / (to - from);
  }

  /**
   * Returns the setup cost of a batch of a design released in a period.
   *
   * @param design the design
   * @param t the period; beyond the horizon the constant cost applies
   * @return the setup cost
   */
  public double setupCost(DesignId design, int t) {
    PeriodCosts pc = periodCosts.get(design);
    if (pc != null && !pc.setupCost().isEmpty() && t < pc.setupCost().size()) {
      return pc.setupCost().get(t);
    }
    return constraintsFor(design).setupCost();
  }

  /**
   * Returns the unit cost of a design made in a period.
   *
   * @param design the design
   * @param t the period
   * @return the cost per unit
   */
  public double unitCost(DesignId design, int t) {
    PeriodCosts pc = periodCosts.get(design);
    if (pc != null && !pc.unitCost().isEmpty() && t < pc.unitCost().size()) {
      return pc.unitCost().get(t);
    }
    return constraintsFor(design).unitCost();
  }

  /**
   * Returns the cost of one unit of a design left in stock at the end of a period.
   *
   * @param design the design
   * @param t the period
   * @return the holding cost
   */
  public double holdingCost(DesignId design, int t) {
    PeriodCosts pc = periodCosts.get(design);
    if (pc != null && !pc.holdingCost().isEmpty() && t < pc.holdingCost().size()) {
      return pc.holdingCost().get(t);
    }
    return constraintsFor(design).holdingCostPerUnitPeriod();
  }

  /**
   * Returns the holding cost of one unit ready in period {@code from} and shipped in period
   * {@code to}: the sum of the holding costs of periods {@code from .. to - 1}; zero if
   * {@code to <= from}.
   *
   * @param design the design
   * @param from the ready period
   * @param to the due period
   * @return the cost per unit
   */
  public double holdingCost(DesignId design, int from, int to) {
    if (to <= from) {
      return 0;
    }
    PeriodCosts pc = periodCosts.get(design);
    if (pc == null || pc.holdingCost().isEmpty()) {
      return constraintsFor(design).holdingCostPerUnitPeriod() * ((long) to - from);
    }
    double sum = 0;
    for (int t = from; t < to; t++) {
      sum += holdingCost(design, t);
    }
    return sum;
  }

  /**
   * Returns the period an order was placed in.
   *
   * @param order the order
   * @return the period
   */
  public int placedPeriod(Order order) {
    return periodOf(order.placedAt());
  }

  /**
   * Returns the period an order is due in (the period of its latest delivery).
   *
   * @param order the order
   * @return the period
   */
  public int duePeriod(Order order) {
    return periodOf(order.latestDelivery());
  }

  /**
   * Returns the period an instant falls in.
   *
   * @param instant an instant not before the start
   * @return the 0-based period index
   */
  public int periodOf(Instant instant) {
    long p = periodIndex(start, period.toMillis(), instant);
    return (int) Math.min(Integer.MAX_VALUE - 1L, p);
  }

  /**
   * Returns the start of a period.
   *
   * @param index the 0-based period index
   * @return its first instant
   */
  public Instant startOf(int index) {
    return start.plus(period.multipliedBy(index));
  }
}
