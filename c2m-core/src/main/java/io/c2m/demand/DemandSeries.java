package io.c2m.demand;

import io.c2m.internal.Checks;
import java.util.Arrays;

/**
 * Observed demand per period, oldest first, for one design, niche or product.
 *
 * <p>The array is copied in and out, so the series is immutable; equality compares values.
 *
 * @param id the series' id (design id, niche id or any label)
 * @param values demand per period; finite and non-negative
 */
public record DemandSeries(String id, double[] values) {
  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException if a value is negative, NaN or infinite, naming the series and
   *     the period
   */
  public DemandSeries {
    Checks.requireNonBlank(id, "series id");
    java.util.Objects.requireNonNull(values, "values");
    values = values.clone();
    for (int t = 0; t < values.length; t++) {
      double v = values[t];
      if (!Double.isFinite(v) || v < 0) {
        throw new IllegalArgumentException(
            "The demand (" + v + ") of series " + id + " at period " + (t + 1)
                + " must be a finite number, zero or more.");
      }
    }
  }

  /**
   * Creates a series.
   *
   * @param id its id
   * @param values its values
   * @return the series
   */
  public static DemandSeries of(String id, double... values) {
    return new DemandSeries(id, values);
  }

  /**
   * Returns a copy of the values.
   *
   * @return the values, oldest first
   */
  @Override
  public double[] values() {
    return values.clone();
  }

  /**
   * Returns the value of a period.
   *
   * @param t the period index, 0-based
   * @return the value
   */
  public double get(int t) {
    return values[t];
  }

  /**
   * Returns the number of periods.
   *
   * @return the length
   */
  public int length() {
    return values.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DemandSeries s && id.equals(s.id) && Arrays.equals(values, s.values);
  }

  @Override
  public int hashCode() {
    return 31 * id.hashCode() + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "DemandSeries[id=" + id + ", values=" + Arrays.toString(values) + "]";
  }
}
