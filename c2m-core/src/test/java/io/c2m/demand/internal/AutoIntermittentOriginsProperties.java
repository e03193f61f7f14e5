package io.c2m.demand.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.demand.DemandForecast;
import io.c2m.demand.DemandSeries;
import io.c2m.demand.ForecastPoint;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * On an intermittent series {@code auto} keeps the chosen Croston-family variant and its constants
 * when {@link Conformal} asks for forecasts from earlier origins, instead of choosing and fitting
 * again at each one.
 */
class AutoIntermittentOriginsProperties {

  @Provide
  Arbitrary<double[]> intermittent() {
    Arbitrary<Double> value = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, Arbitraries.just(0.0)),
        net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(1, 40).map(Integer::doubleValue)));
    return value.array(double[].class).ofMinSize(8).ofMaxSize(80);
  }

  private static boolean isIntermittent(double[] y) {
    int nonzero = 0;
    for (double v : y) {
      nonzero += v > 0 ? 1 : 0;
    }
    return nonzero > 0 && (double) y.length / nonzero > 1.32;
  }

  /** Auto's one fit to an intermittent series (other series are not generated). */
  private static FixedParameters.Origins fitOnce(double[] y, int horizon) {
    Assume.that(isIntermittent(y));
    return new Auto(1).fitOnce(new DemandSeries("s", y), y.length, horizon);
  }

  @Property(tries = 200)
  void fromTheLastOriginTheFixedConstantsGiveTheForecastItself(
      @ForAll("intermittent") double[] y, @ForAll @IntRange(min = 1, max = 12) int horizon) {
    FixedParameters.Origins origins = fitOnce(y, horizon);
    DemandForecast full = origins.forecast();
    assertEquals(full.points(), origins.at(y.length, horizon).points());
  }

  @Property(tries = 200)
  void fromEveryOriginTheForecastIsFiniteOrderedAndRepeatable(
      @ForAll("intermittent") double[] y, @ForAll @IntRange(min = 1, max = 6) int steps) {
    FixedParameters.Origins origins = fitOnce(y, steps);
    for (int origin = 1; origin <= y.length; origin++) {
      List<ForecastPoint> points = origins.at(origin, steps).points();
      assertEquals(steps, points.size());
      for (ForecastPoint p : points) {
        assertTrue(Double.isFinite(p.mean()) && Double.isFinite(p.p90()), p.toString());
        assertTrue(p.p10() <= p.p50() && p.p50() <= p.p90(), p.toString());
        assertTrue(p.p10() >= 0, p.toString());
      }
      assertEquals(points, origins.at(origin, steps).points());
    }
  }
}
