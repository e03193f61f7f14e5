package io.c2m.demand.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;

class AccuracyProperties {
  @Property(tries = 200)
  void smapeIsBetween0And200AndSymmetric(
      @ForAll @Size(min = 1, max = 20) List<@DoubleRange(min = 0, max = 1e6) Double> values,
      @ForAll @DoubleRange(min = 0, max = 1e6) double f) {
    double[] y = values.stream().mapToDouble(Double::doubleValue).toArray();
    double[] fc = new double[y.length];
    java.util.Arrays.fill(fc, f);
    double s = Accuracy.smape(y, fc);
    assertTrue(s >= 0 && s <= 200 + 1e-9, "sMAPE " + s);
    assertEquals(s, Accuracy.smape(fc, y), 1e-9);
  }

  @Property(tries = 200)
  void pinballOfTheMedianIsHalfTheAbsoluteError(
      @ForAll @Size(min = 1, max = 20) List<@DoubleRange(min = -1e3, max = 1e3) Double> values,
      @ForAll @DoubleRange(min = -1e3, max = 1e3) double q) {
    double[] y = values.stream().mapToDouble(Double::doubleValue).toArray();
    double[] qs = new double[y.length];
    java.util.Arrays.fill(qs, q);
    double mae = 0;
    for (double v : y) {
      mae += Math.abs(v - q);
    }
    assertEquals(mae / y.length / 2, Accuracy.pinball(y, qs, 0.5), 1e-9);
  }
}
