package io.c2m.demand.eval;

import io.c2m.internal.Checks;
import java.util.List;

/**
 * The accuracy of one method's point forecasts and prediction intervals over many holdouts.
 *
 * @param method the method's name
 * @param forecasts how many holdouts it forecast
 * @param failures how many it refused or failed
 * @param smape mean sMAPE (percent, M3 convention)
 * @param mase mean MASE, over the holdouts with a positive scale
 * @param levels the nominal coverages of the intervals, as asked for
 * @param coverage per level, the share of test values inside the interval
 * @param msis per level, the mean scaled interval score ({@link Accuracy#msis}) over the holdouts
 *     with a positive scale
 * @param failureReasons why each failed holdout failed, one per failure
 */
public record IntervalSummary(String method, int forecasts, int failures, double smape,
    double mase, List<Double> levels, List<Double> coverage, List<Double> msis,
    List<String> failureReasons) {
  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException if a count is negative, the lists differ in length or the
   *     reasons are not one per failure
   */
  public IntervalSummary {
    Checks.requireNonBlank(method, "method");
    Checks.requireNonNegative(forecasts, "forecasts");
    Checks.requireNonNegative(failures, "failures");
    levels = List.copyOf(Checks.requireNoNulls(levels, "levels"));
    coverage = List.copyOf(Checks.requireNoNulls(coverage, "coverage"));
    msis = List.copyOf(Checks.requireNoNulls(msis, "msis"));
    failureReasons = List.copyOf(Checks.requireNoNulls(failureReasons, "failure reasons"));
    if (coverage.size() != levels.size() || msis.size() != levels.size()) {
      throw new IllegalArgumentException("The coverage (" + coverage.size() + ") and MSIS ("
          + msis.size() + ") of method " + method + " must have one value per level ("
          + levels.size() + ").");
    }
    if (failureReasons.size() != failures) {
      throw new IllegalArgumentException("The failure reasons (" + failureReasons.size()
          + ") of method " + method + " must be one per failure (" + failures + ").");
    }
  }
}
