package io.c2m.demand.eval;

import io.c2m.internal.Checks;

/**
 * The accuracy of one method over many holdouts: means over the holdouts it could forecast.
 *
 * @param method the method's name
 * @param forecasts how many holdouts it forecast
 * @param failures how many it refused (history too short, values it cannot model)
 * @param smape mean sMAPE (percent, M3 convention)
 * @param mase mean MASE, over the holdouts with a positive scale
 * @param pinball mean pinball loss of the 10%, 50% and 90% quantiles, scaled like MASE
 * @param coverage share of test values inside the 10%-90% interval (nominal 0.8)
 */
public record MethodSummary(String method, int forecasts, int failures, double smape, double mase,
    double pinball, double coverage) {
  /**
   * Validates.
   *
   * @throws IllegalArgumentException if a count is negative or the method blank
   */
  public MethodSummary {
    Checks.requireNonBlank(method, "method");
    Checks.requireNonNegative(forecasts, "forecasts");
    Checks.requireNonNegative(failures, "failures");
  }
}
