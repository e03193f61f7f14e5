package io.c2m.demand;

import io.c2m.internal.Checks;
import java.util.List;

/**
 * Demand forecast for the periods after a series' last observation.
 *
 * @param seriesId the series forecast
 * @param method the stable name of the forecaster that produced it
 * @param points one point per future period, step 1 first
 */
public record DemandForecast(String seriesId, String method, List<ForecastPoint> points) {
  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException if the steps are not 1, 2, ... in order
   */
  public DemandForecast {
    Checks.requireNonBlank(seriesId, "series id");
    Checks.requireNonBlank(method, "method");
    points = List.copyOf(Checks.requireNoNulls(points, "points"));
    for (int i = 0; i < points.size(); i++) {
      if (points.get(i).step() != i + 1) {
        throw new IllegalArgumentException(
            "The forecast points of series " + seriesId + " must have steps 1.." + points.size()
                + " in order; index " + i + " has step " + points.get(i).step() + ".");
      }
    }
  }

  /**
   * Returns the number of periods forecast.
   *
   * @return the horizon
   */
  public int horizon() {
    return points.size();
  }

  /**
   * Returns the sum of the mean forecasts.
   *
   * @return the expected total demand over the horizon
   */
  public double totalMean() {
    double sum = 0;
    for (ForecastPoint p : points) {
      sum += p.mean();
    }
    return sum;
  }
}
