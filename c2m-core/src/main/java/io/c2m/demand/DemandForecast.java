package io.c2m.demand;

import io.c2m.Provenance;
import io.c2m.internal.Checks;
import java.util.List;
import java.util.Map;

/**
 * Demand forecast for the periods after a series' last observation.
 *
 * @param seriesId the series forecast
 * @param method the stable name of the forecaster that produced it
 * @param points one point per future period, step 1 first
 * @param provenance the model that produced it: for a method choosing among others ({@code
 *     auto}) the strategy is that method and the setting {@code chosen} names the model it chose
 */
public record DemandForecast(
    String seriesId, String method, List<ForecastPoint> points, Provenance provenance) {
  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException if the steps are not 1, 2, ... in order
   */
  public DemandForecast {
    Checks.requireNonBlank(seriesId, "series id");
    Checks.requireNonBlank(method, "method");
    java.util.Objects.requireNonNull(provenance, "provenance");
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
   * Creates a forecast whose provenance is the method itself, with no settings and seed 0 ({@link
   * Provenance#builtIn(String, long, Map)}).
   *
   * @param seriesId the series forecast
   * @param method the stable name of the forecaster
   * @param points one point per future period, step 1 first
   * @throws IllegalArgumentException if the steps are not 1, 2, ... in order
   */
  public DemandForecast(String seriesId, String method, List<ForecastPoint> points) {
    this(seriesId, method, points, Provenance.builtIn(
        Checks.requireNonBlank(method, "method"), 0, Map.of()));
  }

  /**
   * Returns the model that produced the points: the {@code chosen} setting of the provenance if
   * there is one (e.g. {@code holt-damped} under {@code auto}), otherwise the method.
   *
   * @return the model's name
   */
  public String model() {
    return provenance.settings().getOrDefault("chosen", method);
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
