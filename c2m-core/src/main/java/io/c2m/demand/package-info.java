/** Demand series and forecasts with quantiles, and the DemandForecaster SPI. */
package io.c2m.demand;
