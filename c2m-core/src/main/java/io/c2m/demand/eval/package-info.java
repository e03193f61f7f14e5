/**
 * Judging forecasts: accuracy measures (sMAPE, MASE, pinball loss, interval coverage) and
 * backtests of many forecasters over many series, summarised per method.
 */
package io.c2m.demand.eval;
