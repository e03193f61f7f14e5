package io.c2m.demand.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.demand.DemandForecast;
import io.c2m.demand.DemandForecaster;
import io.c2m.demand.DemandSeries;
import io.c2m.demand.ForecastPoint;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 12's AirPassengers target: {@code auto} within 10% of the best single method's sMAPE on
 * 1960 (trained on 1949-1959), the best single method being Holt-Winters with additive season.
 */
class AutoAirPassengersWithinTenPercent12Test {
  /** Box and Jenkins' monthly international airline passengers, thousands, 1949-1960. */
  static final double[] AIR_PASSENGERS = {
      112, 118, 132, 129, 121, 135, 148, 148, 136, 119, 104, 118,
      115, 126, 141, 135, 125, 149, 170, 170, 158, 133, 114, 140,
      145, 150, 178, 163, 172, 178, 199, 199, 184, 162, 146, 166,
      171, 180, 193, 181, 183, 218, 230, 242, 209, 191, 172, 194,
      196, 196, 236, 235, 229, 243, 264, 272, 237, 211, 180, 201,
      204, 188, 235, 227, 234, 264, 302, 293, 259, 229, 203, 229,
      242, 233, 267, 269, 270, 315, 364, 347, 312, 274, 237, 278,
      284, 277, 317, 313, 318, 374, 413, 405, 355, 306, 271, 306,
      315, 301, 356, 348, 355, 422, 465, 467, 404, 347, 305, 336,
      340, 318, 362, 348, 363, 435, 491, 505, 404, 359, 310, 337,
      360, 342, 406, 396, 420, 472, 548, 559, 463, 407, 362, 405,
      417, 391, 419, 461, 472, 535, 622, 606, 508, 461, 390, 432
  };

  private static double smape(double[] actual, DemandForecast f) {
    double s = 0;
    for (int h = 0; h < actual.length; h++) {
      double p = f.points().get(h).mean();
      s += 200 * Math.abs(actual[h] - p) / (Math.abs(actual[h]) + Math.abs(p));
    }
    return s / actual.length;
  }

  @Test
  void autoIsWithinTenPercentOfHoltWintersAdditive() {
    DemandSeries train = new DemandSeries("air", Arrays.copyOf(AIR_PASSENGERS, 132));
    double[] test = Arrays.copyOfRange(AIR_PASSENGERS, 132, 144);
    DemandForecast auto = DemandForecaster.auto(12).forecast(train, 12);
    DemandForecast hw = DemandForecaster.holtWintersAdditive(12).forecast(train, 12);
    double a = smape(test, auto);
    double best = smape(test, hw);
    assertTrue(a <= 1.1 * best, "auto " + a + " against holt-winters-additive " + best);
    Map<String, String> settings = auto.provenance().settings();
    double lambda = Double.parseDouble(settings.get("lambda"));
    assertTrue(lambda >= 0 && lambda <= 1, settings.toString());
    for (ForecastPoint p : auto.points()) {
      assertTrue(p.p10() <= p.mean() && p.mean() <= p.p90(), p.toString());
    }
  }

  @Test
  void theThetaMembersSayWhichTransformTheyUsed() {
    DemandSeries train = new DemandSeries("air", Arrays.copyOf(AIR_PASSENGERS, 132));
    String auto = DemandForecaster.auto(12).forecast(train, 12).provenance().settings()
        .get("lambda");
    Map<String, String> theta = new Theta(Theta.Variant.STM, 12, true).forecast(train, 12)
        .provenance().settings();
    assertEquals(auto, theta.get("lambda"));
    // The public theta keeps the M3 adjustment and says nothing of a transform.
    assertTrue(!DemandForecaster.theta(12).forecast(train, 12).provenance().settings()
        .containsKey("lambda"));
  }
}
