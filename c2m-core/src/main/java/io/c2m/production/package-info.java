/**
 * Production constraints, batches and plans, and the BatchingStrategy SPI.
 *
 * <p>A {@link io.c2m.production.BatchingProblem} holds the committed orders, per-design
 * {@link io.c2m.production.ProductionConstraints} (MOQ, multiple, largest batch, capacity, costs,
 * lead time), the horizon, per-period costs, shared {@link io.c2m.production.ProductionLine}s,
 * price breaks and optional newsvendor top-ups. A {@link io.c2m.production.BatchingStrategy}
 * turns it into a {@link io.c2m.production.BatchPlan}: batches listing their orders, late orders
 * and cost breakdown, and pending orders with a reason. {@link
 * io.c2m.production.BatchPlanChecks} states the contract every strategy keeps. Built-ins:
 * {@code group-buy}, {@code time-window}, {@code deadline}, {@code test-and-reorder},
 * {@code silver-meal}, {@code wagner-whitin} and {@code capacitated}.
 */
package io.c2m.production;
