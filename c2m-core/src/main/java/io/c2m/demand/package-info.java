/**
 * Demand series and forecasts with quantiles, the DemandForecaster SPI and its built-ins.
 *
 * <p>Built-in forecasters, by stable name (static factories on {@link
 * io.c2m.demand.DemandForecaster}, or {@link io.c2m.demand.DemandForecasters#byName}): {@code
 * naive}, {@code seasonal-naive}, {@code moving-average}, {@code ses}, {@code holt}, {@code
 * holt-damped}, {@code holt-winters-additive}, {@code holt-winters-multiplicative}, {@code
 * croston}, {@code sba}, {@code tsb} and {@code auto}. Their parameters are fitted per series with
 * Commons Math optimisers; every forecast has per-period means and 10/50/90% quantiles, never
 * below zero. {@link io.c2m.demand.ColdStart} forecasts a design without history from its niche.
 * Accuracy measures and backtests are in {@code io.c2m.demand.eval}.
 */
package io.c2m.demand;
