package io.c2m.production;

import io.c2m.DesignId;
import io.c2m.OrderId;
import io.c2m.order.Order;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a plan against its problem: the contract every {@link BatchingStrategy} must keep. Used by
 * {@link BatchingStrategy#checked(BatchingStrategy)} and by the contract tests of c2m-testkit. It is
 * the single statement of the rules:
 *
 * <ul>
 *   <li>each order of the problem is in exactly one batch or pending, and nothing else is; a pending
 *       order matches its order's design and quantity;
 *   <li>a batch serves only orders of its design, placed no later than its period (production on
 *       demand); a batch without orders is allowed only for a design with a speculative top-up;
 *   <li>its ordered quantity is the sum of its orders; its quantity is at least the MOQ, a multiple
 *       of the order multiple, at most {@link BatchingProblem#largestBatch(DesignId)}, and no more
 *       than the smallest such quantity covering its orders plus the design's top-up (no
 *       speculative stock unless asked for): {@link BatchingCosts#topUpUnits(DesignId)}, or, for a
 *       design with a per-period forecast ({@link BatchingCosts#hasForecastTopUp(DesignId)}),
 *       {@link BatchingCosts#topUpUnits(DesignId, int, int)} from the batch's period to the
 *       design's next (later) batch period in the plan, on at most one batch per design and
 *       period; a season top-up ({@link BatchingCosts#topUpUnits(DesignId)}) on at most one
 *       batch of the design;
 *   <li>its ready period is its period plus the lead time; the orders it is ready too late for
 *       (ready after their due period) are exactly its {@link ProductionBatch#lateOrders()}:
 *       promises are met or flagged;
 *   <li>the units of a design made in one period fit its capacity per period, and the load of every
 *       shared line in every period (setup times plus unit uses) fits the line's capacity;
 *   <li>costs add up: setup cost of the release period, unit cost of the release period (or of
 *       the price break the quantity reaches) times the quantity, holding cost of each on-time order's units from the ready period to its due
 *       period ({@link BatchingCosts#holdingCost(DesignId, int, int)}), plus, for the units
 *       above the smallest batch covering its orders (its top-up),
 *       {@link BatchingCosts#topUpHoldingCost(DesignId, int, int)} each, to the design's next
 *       batch period in the plan for a per-period forecast, else to the end; the plan's cost is the
 *       sum of its batches', part by part.
 * </ul>
 */
public final class BatchPlanChecks {
  private static final double EPS = 1e-6;

  private BatchPlanChecks() {}

  private static boolean close(double a, double b) {
    return Math.abs(a - b) <= EPS * (1 + Math.abs(a) + Math.abs(b));
  }

  /**
   * {@link BatchingCosts#holdingCost(DesignId, int, int)} in constant time: prefix sums of the
   * per-period holding costs, built once per design (a per-order loop was quadratic).
   */
  private static double holding(BatchingProblem problem, Map<DesignId, double[]> prefixes,
      DesignId design, int from, int to) {
    PeriodCosts pc = problem.periodCosts().get(design);
    if (to <= from || pc == null || pc.holdingCost().isEmpty() || to > problem.horizon()
        || from < 0) {
      return problem.costs().holdingCost(design, from, to);
    }
    double[] prefix = prefixes.computeIfAbsent(design, d -> {
      double[] a = new double[problem.horizon() + 1];
      for (int t = 0; t < problem.horizon(); t++) {
        a[t + 1] = a[t] + problem.costs().holdingCost(d, t);
      }
      return a;
    });
    return prefix[to] - prefix[from];
  }

  /**
   * Lists every rule the plan breaks.
   *
   * @param problem the problem
   * @param plan the plan
   * @return the violations, empty when the plan is valid
   */
  public static List<String> violations(BatchingProblem problem, BatchPlan plan) {
    List<String> out = new ArrayList<>();
    Map<OrderId, Order> orders = new HashMap<>();
    for (Order o : problem.orders()) {
      orders.put(o.id(), o);
    }
    Map<OrderId, String> seen = new HashMap<>();
    Map<DesignId, Map<Integer, Long>> unitsByPeriod = new HashMap<>();
    Map<String, Map<Integer, Double>> lineLoad = new HashMap<>();
    Map<DesignId, double[]> prefixes = new HashMap<>();
    double setup = 0;
    double holding = 0;
    double unit = 0;
    // release periods of the designs whose top-up depends on the next batch's period
    Map<DesignId, java.util.TreeSet<Integer>> releases = new HashMap<>();
    for (ProductionBatch b : plan.batches()) {
      if (problem.costs().hasForecastTopUp(b.design())) {
        releases.computeIfAbsent(b.design(), d -> new java.util.TreeSet<>()).add(b.period());
      }
    }
    Set<String> toppedUp = new HashSet<>();
    for (ProductionBatch b : plan.batches()) {
      ProductionConstraints c = problem.constraintsFor(b.design());
      long ordered = 0;
      double expectedHolding = 0;
      Set<OrderId> late = new HashSet<>();
      for (OrderId id : b.orders()) {
        String prev = seen.put(id, "batch " + b.id());
        if (prev != null) {
          out.add("Order " + id + " is in batch " + b.id() + " and in " + prev + ".");
        }
        Order o = orders.get(id);
        if (o == null) {
          out.add("Batch " + b.id() + " lists order " + id + ", which is not in the problem.");
          continue;
        }
        ordered += o.quantity();
        if (!o.design().equals(b.design())) {
          out.add("Batch " + b.id() + " of design " + b.design() + " serves order " + id
              + " of design " + o.design() + ".");
        }
        if (problem.calendar().placedPeriod(o) > b.period()) {
          out.add("Batch " + b.id() + " is released in period " + b.period() + ", before order "
              + id + " was placed (period " + problem.calendar().placedPeriod(o) + ").");
        }
        int due = problem.calendar().duePeriod(o);
        if (b.readyPeriod() > due) {
          late.add(id);
        } else {
          expectedHolding += o.quantity() * holding(problem, prefixes, b.design(),
              b.readyPeriod(), due);
        }
      }
      if (!late.equals(new HashSet<>(b.lateOrders()))) {
        out.add("Batch " + b.id() + " flags " + b.lateOrders() + " as late, but is ready in period "
            + b.readyPeriod() + " after the due period of " + late + ".");
      }
      if (ordered != b.orderedQuantity()) {
        out.add("Batch " + b.id() + " claims " + b.orderedQuantity()
            + " ordered units but its orders sum to " + ordered + ".");
      }
      int topUp;
      int next;
      int plain = problem.batchQuantityFor(b.design(), (int) Math.min(Integer.MAX_VALUE,
          ordered));
      boolean toppingUp = b.quantity() > plain || b.orders().isEmpty();
      if (releases.containsKey(b.design())) {
        Integer later = releases.get(b.design()).higher(b.period());
        next = later == null ? Integer.MAX_VALUE : later;
        topUp = problem.costs().topUpUnits(b.design(), b.period(), next);
        if (toppingUp && !toppedUp.add(b.design().value() + "@" + b.period())) {
          out.add("Batch " + b.id() + " tops up design " + b.design() + " a second time in period "
              + b.period() + "; one batch per design and period may carry a top-up.");
        }
      } else {
        next = Integer.MAX_VALUE;
        topUp = problem.costs().topUpUnits(b.design());
        if (toppingUp && topUp > 0 && !toppedUp.add(b.design().value())) {
          out.add("Batch " + b.id() + " tops up design " + b.design() + " a second time; its "
              + "season top-up goes on one batch of the design only.");
        }
      }
      if (b.quantity() > plain) {
        expectedHolding += ((long) b.quantity() - plain)
            * problem.costs().topUpHoldingCost(b.design(), b.period(), next);
      }
      if (b.orders().isEmpty() && topUp == 0) {
        out.add("Batch " + b.id() + " serves no order and design " + b.design()
            + " has no speculative top-up.");
      }
      int largest = problem.largestBatch(b.design());
      if (!c.allows(b.quantity()) || b.quantity() > largest) {
        out.add("Batch " + b.id() + " has quantity " + b.quantity() + ", which breaks MOQ "
            + c.minimumOrderQuantity() + ", multiple " + c.orderMultiple() + " or largest batch "
            + largest + ".");
      }
      // exact: no batch exceeds Integer.MAX_VALUE, so clamping the wanted units there loses nothing
      long most = problem.batchQuantityFor(b.design(), (int) Math.min(Integer.MAX_VALUE,
          ordered + topUp));
      if (b.quantity() > most) {
        out.add("Batch " + b.id() + " makes " + b.quantity() + " units for " + ordered
            + " ordered (top-up " + topUp + "): speculative stock beyond rounding.");
      }
      if (b.readyPeriod() != b.period() + c.leadTimePeriods()) {
        out.add("Batch " + b.id() + " is ready in period " + b.readyPeriod() + " but released in "
            + b.period() + " with lead time " + c.leadTimePeriods() + ".");
      }
      double expSetup = problem.costs().setupCost(b.design(), b.period());
      if (!close(b.cost().setup(), expSetup)) {
        out.add("Batch " + b.id() + " has setup cost " + b.cost().setup() + ", expected "
            + expSetup + ".");
      }
      double expUnit = problem.costs().unitCost(b.design(), b.period(), b.quantity())
          * b.quantity();
      if (!close(b.cost().unit(), expUnit)) {
        out.add("Batch " + b.id() + " has unit cost " + b.cost().unit() + ", expected "
            + expUnit + ".");
      }
      if (!close(b.cost().holding(), expectedHolding)) {
        out.add("Batch " + b.id() + " has holding cost " + b.cost().holding() + ", expected "
            + expectedHolding + ".");
      }
      unitsByPeriod.computeIfAbsent(b.design(), d -> new HashMap<>())
          .merge(b.period(), (long) b.quantity(), Long::sum);
      problem.lineOf(b.design()).ifPresent(line -> lineLoad
          .computeIfAbsent(line.id(), l -> new HashMap<>())
          .merge(b.period(), line.uses().get(b.design()).load(b.quantity()), Double::sum));
      setup += b.cost().setup();
      holding += b.cost().holding();
      unit += b.cost().unit();
    }
    for (Map.Entry<DesignId, Map<Integer, Long>> e : unitsByPeriod.entrySet()) {
      int cap = problem.constraintsFor(e.getKey()).capacityPerPeriod();
      if (cap == Integer.MAX_VALUE) {
        continue; // the sentinel of "no capacity limit", not a real capacity
      }
      for (Map.Entry<Integer, Long> p : e.getValue().entrySet()) {
        if (p.getValue() > cap) {
          out.add("Design " + e.getKey() + " makes " + p.getValue() + " units in period "
              + p.getKey() + ", above its capacity of " + cap + ".");
        }
      }
    }
    for (ProductionLine line : problem.lines()) {
      for (Map.Entry<Integer, Double> p
          : lineLoad.getOrDefault(line.id(), Map.of()).entrySet()) {
        if (!line.fits(p.getValue())) {
          out.add("Line " + line.id() + " is loaded " + p.getValue() + " in period " + p.getKey()
              + ", above its capacity of " + line.capacityPerPeriod() + ".");
        }
      }
    }
    for (PendingOrder p : plan.pending()) {
      String prev = seen.put(p.order(), "pending");
      if (prev != null) {
        out.add("Order " + p.order() + " is pending and in " + prev + ".");
      }
      Order o = orders.get(p.order());
      if (o == null) {
        out.add("Pending order " + p.order() + " is not in the problem.");
      } else if (o.quantity() != p.quantity() || !o.design().equals(p.design())) {
        out.add("Pending order " + p.order() + " does not match the order's design or quantity.");
      }
    }
    for (OrderId id : orders.keySet()) {
      if (!seen.containsKey(id)) {
        out.add("Order " + id + " is neither in a batch nor pending.");
      }
    }
    CostBreakdown cost = plan.cost();
    if (!close(setup, cost.setup()) || !close(holding, cost.holding())
        || !close(unit, cost.unit())) {
      out.add("The plan's cost " + cost + " differs from the sum of its batches (setup " + setup
          + ", holding " + holding + ", unit " + unit + ").");
    }
    return out;
  }
}
