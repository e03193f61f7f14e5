package io.c2m.production.internal;

import io.c2m.DesignId;
import io.c2m.order.Order;
import io.c2m.production.BatchPlan;
import io.c2m.production.BatchingProblem;
import io.c2m.production.BatchingStrategy;
import java.util.List;
import java.util.Map;

/**
 * The Silver-Meal heuristic per design ({@code silver-meal}), see {@link LotSizing#silverMeal}, on
 * the lot-sizing instance of {@link DesignDemand}.
 */
public final class SilverMeal implements BatchingStrategy {
  /** The stable name. */
  public static final String NAME = "silver-meal";

  /** Creates the strategy. */
  public SilverMeal() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public BatchPlan plan(BatchingProblem problem) {
    PlanBuilder builder = new PlanBuilder(problem);
    for (Map.Entry<DesignId, List<Order>> e : problem.ordersByDesign().entrySet()) {
      DesignDemand dd = new DesignDemand(builder, e.getKey(), e.getValue());
      dd.emit(builder, LotSizing.silverMeal(dd.demand, dd.setup, dd.unit, dd.hold, dd.moq,
          dd.multiple, dd.largest, dd.placed));
    }
    return builder.build(NAME, Map.of());
  }
}
