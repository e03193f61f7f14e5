package io.c2m.production.internal;

import io.c2m.DesignId;
import io.c2m.StrategyException;
import io.c2m.production.BatchPlan;
import io.c2m.production.BatchingProblem;
import io.c2m.production.BatchingStrategy;
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
 *   <li>MOQ 1 and multiple 1 but a binding largest batch, or orders placed after period 0 (a batch
 *       cannot serve orders that do not exist yet): exact among plans whose batches each serve
 *       whole consecutive release periods, by {@link LotSizing#fastLimited} in O(T log^2 T).
 *   <li>With an MOQ, an order multiple or price breaks: {@link LotSizing#reference}, O(T^2),
 *       exact among the
 *       same interval plans with the rounding surplus made but not carried forward. Carrying
 *       surplus stock forward can be cheaper; such plans are outside this class, so there the
 *       result is a heuristic for the general MOQ lot-sizing problem (and exact for C2M's
 *       no-speculative-stock rule).
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
    java.util.SortedMap<String, Integer> ran = new java.util.TreeMap<>();
    OrderTable table = OrderTable.of(problem);
    for (int g = 0; g < table.designs.length; g++) {
      DesignId design = table.designs[g];
      DesignDemand dd = new DesignDemand(builder, table, g);
      LotSizing.Solution sol = dd.optimal(reference);
      ran.merge(dd.ran, 1, Integer::sum);
      if (sol == null) {
        throw new StrategyException(NAME, "found no plan for design " + design
            + " although every release period alone fits a batch.");
      }
      dd.emit(builder, sol);
    }
    // the setting asked for, and what actually ran per design (e.g. "fast=3,reference=1")
    StringBuilder sb = new StringBuilder();
    ran.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ",").append(k).append('=').append(v));
    return builder.build(NAME, Map.of("algorithm", reference ? "reference" : "fast",
        "ran", sb.toString()));
  }
}
