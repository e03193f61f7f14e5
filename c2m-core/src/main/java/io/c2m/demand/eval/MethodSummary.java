package io.c2m.demand.eval;

import io.c2m.internal.Checks;
import java.util.List;

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
 * @param failureReasons why each failed holdout failed (series id and message), in holdout order;
 *     as many as {@code failures}
 */
public record MethodSummary(String method, int forecasts, int failures, double smape, double mase,
    double pinball, double coverage, List<String> failureReasons) {
  /**
   * Validates.
   *
   * @throws IllegalArgumentException if a count is negative, the method blank, or the reasons
   *     not one per failure
   */
  public MethodSummary {
    Checks.requireNonBlank(method, "method");
    Checks.requireNonNegative(forecasts, "forecasts");
    Checks.requireNonNegative(failures, "failures");
    failureReasons = List.copyOf(Checks.requireNoNulls(failureReasons, "failure reasons"));
    if (failureReasons.size() != failures) {
      throw new IllegalArgumentException("The failure reasons (" + failureReasons.size()
          + ") of method " + method + " must be one per failure (" + failures + ").");
    }
  }

  /**
   * Returns whether every holdout failed (and there was at least one).
   *
   * @return true if the method forecast nothing
   */
  public boolean allFailed() {
    return forecasts == 0 && failures > 0;
  }
}
