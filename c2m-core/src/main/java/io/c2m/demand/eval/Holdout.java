package io.c2m.demand.eval;

import io.c2m.demand.DemandSeries;
import io.c2m.internal.Checks;
import java.util.Objects;

/**
 * One forecasting test: a training history and the values that followed it.
 *
 * @param train the history the forecaster sees
 * @param test the values of the following periods, at least one, finite
 * @param season the season length for the MASE scale (1 for non-seasonal data)
 */
public record Holdout(DemandSeries train, double[] test, int season) {
  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException if the test is empty or not finite, or the season below 1
   */
  public Holdout {
    Objects.requireNonNull(train, "train");
    Objects.requireNonNull(test, "test");
    test = test.clone();
    if (test.length == 0) {
      throw new IllegalArgumentException(
          "The test values of series " + train.id() + " must not be empty.");
    }
    for (int i = 0; i < test.length; i++) {
      Checks.requireFinite(test[i], "test value " + (i + 1) + " of series " + train.id());
    }
    Checks.requirePositive(season, "season of series " + train.id());
  }

  /**
   * Splits a series into a history and its last {@code length} values.
   *
   * @param series the full series
   * @param length how many final values to hold out, less than the series' length
   * @param season the season length for the MASE scale
   * @return the holdout
   */
  public static Holdout last(DemandSeries series, int length, int season) {
    int n = series.length();
    if (length < 1 || length >= n) {
      throw new IllegalArgumentException("The holdout length (" + length + ") of series "
          + series.id() + " must be between 1 and " + (n - 1) + ".");
    }
    double[] v = series.values();
    return new Holdout(new DemandSeries(series.id(), java.util.Arrays.copyOf(v, n - length)),
        java.util.Arrays.copyOfRange(v, n - length, n), season);
  }

  /**
   * Returns a copy of the test values.
   *
   * @return the test values
   */
  @Override
  public double[] test() {
    return test.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Holdout h && train.equals(h.train)
        && java.util.Arrays.equals(test, h.test) && season == h.season;
  }

  @Override
  public int hashCode() {
    return train.hashCode() * 31 + java.util.Arrays.hashCode(test) + season;
  }

  @Override
  public String toString() {
    return "Holdout[train=" + train + ", test=" + java.util.Arrays.toString(test) + ", season="
        + season + "]";
  }
}
