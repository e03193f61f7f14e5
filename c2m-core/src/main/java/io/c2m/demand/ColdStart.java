package io.c2m.demand;

import io.c2m.internal.Checks;
import io.c2m.niche.Niche;
import io.c2m.niche.TrendDirection;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.commons.math3.distribution.PoissonDistribution;

/**
 * Forecasts the demand of a design that has no sales history yet, from its niche.
 *
 * <p>The expected orders of period {@code h} are {@code audience x propensity x conversion x
 * shape(h)}: the niche's audience, the probability that a member is in the market in one period
 * (from a propensity model), and the probability that such a member orders this design. The
 * niche's trend shapes the rate:
 *
 * <ul>
 *   <li>steady: flat;
 *   <li>fading: decays with the niche's half-life, {@code 0.5^(h d / halfLife)} for periods of
 *       {@code d} days; without an estimated half-life, the growth ratio (below 1) is applied per
 *       trend window, {@code growth^(h d / window)};
 *   <li>emerging: grows by the growth ratio per trend window, {@code growth^(h d / window)}, but
 *       never beyond every member ordering once per period ({@code audience x conversion}).
 * </ul>
 *
 * <p>Orders are independent consumers' choices, so each period's demand is taken as Poisson with
 * that mean; the quantiles are Poisson quantiles. Stateless and thread-safe.
 */
public final class ColdStart {
  /** Default length of the window over which a trend's growth ratio is measured, in days. */
  public static final double DEFAULT_TREND_WINDOW_DAYS = 28;

  private static final String METHOD = "cold-start";

  private ColdStart() {}

  /**
   * Forecasts daily periods with the default trend window.
   *
   * @param niche the niche the design is tailored to
   * @param propensity probability that a member is in the market in one period, in [0, 1]
   * @param conversion probability that a member in the market orders the design, in [0, 1]
   * @param horizon periods to forecast, at least 1
   * @return the forecast, with the niche's id as series id and method {@code "cold-start"}
   */
  public static DemandForecast forecast(
      Niche niche, double propensity, double conversion, int horizon) {
    return forecast(niche, propensity, conversion, horizon, 1, DEFAULT_TREND_WINDOW_DAYS);
  }

  /**
   * Forecasts periods of a given length.
   *
   * @param niche the niche the design is tailored to
   * @param propensity probability that a member is in the market in one period, in [0, 1]
   * @param conversion probability that a member in the market orders the design, in [0, 1]
   * @param horizon periods to forecast, at least 1
   * @param periodDays the length of a period in days, positive
   * @param trendWindowDays the window over which the niche's growth ratio was measured, positive
   * @return the forecast
   * @throws IllegalArgumentException if a probability is outside [0, 1] or a length not positive
   */
  public static DemandForecast forecast(Niche niche, double propensity, double conversion,
      int horizon, double periodDays, double trendWindowDays) {
    Objects.requireNonNull(niche, "niche");
    Checks.requireProbability(propensity, "propensity");
    Checks.requireProbability(conversion, "conversion");
    Checks.requirePositive(horizon, "horizon");
    Checks.requirePositive(periodDays, "period length in days");
    Checks.requirePositive(trendWindowDays, "trend window in days");
    double base = niche.audience() * propensity * conversion;
    double cap = niche.audience() * conversion;
    double growth = niche.trend().growth();
    double halfLife = niche.trend().halfLifeDays();
    TrendDirection direction = niche.trend().direction();
    List<ForecastPoint> points = new ArrayList<>(horizon);
    for (int h = 1; h <= horizon; h++) {
      double days = h * periodDays;
      double shape = switch (direction) {
        case STEADY -> 1.0;
        case FADING -> halfLife > 0
            ? Math.pow(0.5, days / halfLife)
            : Math.pow(Math.min(1.0, growth), days / trendWindowDays);
        case EMERGING -> Math.pow(Math.max(1.0, growth), days / trendWindowDays);
      };
      double mean = Math.min(cap, base * shape);
      points.add(poissonPoint(h, mean));
    }
    return new DemandForecast(niche.id().value(), METHOD, points);
  }

  private static ForecastPoint poissonPoint(int step, double mean) {
    if (!(mean > 0)) {
      return new ForecastPoint(step, 0, 0, 0, 0);
    }
    if (mean > 1e5) {
      double sd = Math.sqrt(mean);
      double z = 1.2815515655446004;
      return new ForecastPoint(step, mean, Math.max(0, Math.floor(mean - z * sd)), Math.floor(
          mean), Math.ceil(mean + z * sd));
    }
    PoissonDistribution d = new PoissonDistribution(null, mean,
        PoissonDistribution.DEFAULT_EPSILON, PoissonDistribution.DEFAULT_MAX_ITERATIONS);
    return new ForecastPoint(step, mean, d.inverseCumulativeProbability(0.1),
        d.inverseCumulativeProbability(0.5), d.inverseCumulativeProbability(0.9));
  }
}
