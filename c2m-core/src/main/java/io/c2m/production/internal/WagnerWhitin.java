package io.c2m.production.internal;

import io.c2m.DesignId;
import io.c2m.StrategyException;
import io.c2m.order.Order;
import io.c2m.production.BatchPlan;
import io.c2m.production.BatchingProblem;
import io.c2m.production.BatchingStrategy;
import java.util.List;
import java.util.Map;

/**
 * Optimal uncapacitated lot sizing per design ({@code wagner-whitin}).
 *
 * <p>Each design is a lot-sizing instance ({@link DesignDemand}): demand per latest release
 * period, setup, unit and holding costs per period. What is guaranteed:
 *
 * <ul>
 *   <li>Classic case (MOQ 1, multiple 1, no binding largest batch, every order placed in period
 *       0): the plan minimises setup + holding + unit cost exactly, by {@link LotSizing#fast}, in
 *       O(T log T) (Wagelmans, van Hoesel and Kolen, 1992), or by the O(T^2) {@link
 *       LotSizing#reference} when {@code algorithm=reference}.
 *   <li>Otherwise (MOQ, multiple, largest batch, or orders placed after period 0 that a batch
 *       cannot serve before they exist): {@link LotSizing#reference}, O(T^2), which is exact among
 *       plans whose batches each serve whole consecutive release periods with the rounding
 *       surplus not carried forward. With an MOQ, carrying surplus stock forward can be cheaper;
 *       such plans are outside this class, so there the result is a heuristic for the general MOQ
 *       lot-sizing problem (exact for C2M's no-speculative-stock rule).
 * </ul>
 *
 * <p>Shared line capacity is not modelled; batches that do not fit are moved later by {@link
 * PlanBuilder} and flagged late (use {@code capacitated}).
 */
public final class WagnerWhitin implements BatchingStrategy {
  /** The stable name. */
  public static final String NAME = "wagner-whitin";

  private final boolean reference;

  /**
   * Creates the strategy.
   *
   * @param reference true to use the O(T^2) reference even in the classic case
   */
  public WagnerWhitin(boolean reference) {
    this.reference = reference;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public BatchPlan plan(BatchingProblem problem) {
    PlanBuilder builder = new PlanBuilder(problem);
    for (Map.Entry<DesignId, List<Order>> e : problem.ordersByDesign().entrySet()) {
      DesignDemand dd = new DesignDemand(builder, e.getKey(), e.getValue());
      LotSizing.Solution sol;
      if (dd.classic() && !reference) {
        sol = LotSizing.fast(dd.demand, dd.setup, dd.unit, dd.hold);
      } else {
        sol = LotSizing.reference(dd.demand, dd.setup, dd.unit, dd.hold, dd.moq, dd.multiple,
            dd.largest, dd.placed);
      }
      if (sol == null) {
        throw new StrategyException(NAME, "found no plan for design " + e.getKey()
            + " although every release period alone fits a batch.");
      }
      dd.emit(builder, sol);
    }
    return builder.build(NAME, Map.of("algorithm", reference ? "reference" : "fast"));
  }
}
