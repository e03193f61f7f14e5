package io.c2m.production;

import io.c2m.OrderId;
import io.c2m.order.Order;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a plan against its problem: the contract every {@link BatchingStrategy} must keep. Used by
 * {@link BatchingStrategy#checked(BatchingStrategy)} and by the contract tests of c2m-testkit.
 *
 * <p>The rules: each order of the problem is in exactly one batch or pending, and nothing else is;
 * a batch serves only orders of its design, placed no later than its period; its ordered quantity
 * is the sum of its orders; its quantity is allowed by the design's constraints
 * ({@link ProductionConstraints#allows(int)}); its ready period is its period plus the lead time;
 * its setup and unit costs follow from the constraints; the plan's cost is the sum of the batches'.
 */
public final class BatchPlanChecks {
  private static final double EPS = 1e-6;

  private BatchPlanChecks() {}

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
    CostBreakdown sum = CostBreakdown.ZERO;
    for (ProductionBatch b : plan.batches()) {
      ProductionConstraints c = problem.constraintsFor(b.design());
      long ordered = 0;
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
        if (problem.periodOf(o.placedAt()) > b.period()) {
          out.add("Batch " + b.id() + " is released in period " + b.period() + ", before order "
              + id + " was placed (period " + problem.periodOf(o.placedAt()) + ").");
        }
      }
      if (ordered != b.orderedQuantity()) {
        out.add("Batch " + b.id() + " claims " + b.orderedQuantity()
            + " ordered units but its orders sum to " + ordered + ".");
      }
      if (!c.allows(b.quantity())) {
        out.add("Batch " + b.id() + " has quantity " + b.quantity() + ", which breaks MOQ "
            + c.minimumOrderQuantity() + ", multiple " + c.orderMultiple() + " or largest batch "
            + c.largestBatch() + ".");
      }
      if (b.readyPeriod() != b.period() + c.leadTimePeriods()) {
        out.add("Batch " + b.id() + " is ready in period " + b.readyPeriod() + " but released in "
            + b.period() + " with lead time " + c.leadTimePeriods() + ".");
      }
      if (Math.abs(b.cost().setup() - c.setupCost()) > EPS) {
        out.add("Batch " + b.id() + " has setup cost " + b.cost().setup() + ", expected "
            + c.setupCost() + ".");
      }
      if (Math.abs(b.cost().unit() - c.unitCost() * b.quantity()) > EPS * (1 + b.cost().unit())) {
        out.add("Batch " + b.id() + " has unit cost " + b.cost().unit() + ", expected "
            + c.unitCost() * b.quantity() + ".");
      }
      sum = sum.plus(b.cost());
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
    if (Math.abs(sum.total() - plan.cost().total()) > EPS * (1 + sum.total())) {
      out.add("The plan's cost " + plan.cost().total() + " differs from the sum of its batches "
          + sum.total() + ".");
    }
    return out;
  }
}
