package io.c2m.demand;

import io.c2m.DesignId;
import io.c2m.Provenance;
import io.c2m.internal.Checks;
import io.c2m.niche.Niche;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Turns a forecaster and demand histories into what production planning takes: the per-period
 * forecasts of uncommitted demand that size newsvendor top-ups ({@code
 * BatchingProblem.withForecasts}), the forecast of a new design without history (cold start from
 * its niche), and the expected profit of a top-up. Stateless and thread-safe.
 *
 * <p>A history too short for the forecaster never fails: it is forecast with {@code naive}
 * instead, and the forecast's provenance says so (setting {@code fallback}); a design with fewer
 * periods of history than asked for gets the cold-start forecast of its niche ({@link ColdStart}),
 * its provenance naming {@code cold-start}.
 */
public final class PlanForecasts {
  private static final int GRID = 2000;

  private PlanForecasts() {}

  /**
   * Forecasts each design's demand for the periods of a plan.
   *
   * @param forecaster the configured forecaster
   * @param histories each design's demand per period, oldest first, ending just before the plan's
   *     first period; designs with an empty history are left out (see {@link #forDesign})
   * @param horizon the plan's number of periods, in [1, {@link DemandForecaster#MAX_HORIZON}]
   * @return per design, its forecast, in design order
   * @throws io.c2m.StrategyException if the forecaster fails on a history long enough for it
   */
  public static Map<DesignId, DemandForecast> forecasts(DemandForecaster forecaster,
      Map<DesignId, DemandSeries> histories, int horizon) {
    Objects.requireNonNull(forecaster, "forecaster");
    Objects.requireNonNull(histories, "histories");
    Map<DesignId, DemandForecast> out = new TreeMap<>();
    for (Map.Entry<DesignId, DemandSeries> e : histories.entrySet()) {
      DemandSeries h = Objects.requireNonNull(e.getValue(), "history of " + e.getKey());
      if (h.length() == 0) {
        continue;
      }
      out.put(e.getKey(), forecast(forecaster, h, horizon));
    }
    return out;
  }

  /**
   * The points of each forecast, the form {@code BatchingProblem.withForecasts} takes.
   *
   * @param forecasts per design, its forecast (e.g. from {@link #forecasts})
   * @return per design, one point per period
   */
  public static Map<DesignId, List<ForecastPoint>> points(
      Map<DesignId, DemandForecast> forecasts) {
    Map<DesignId, List<ForecastPoint>> out = new TreeMap<>();
    forecasts.forEach((d, f) -> out.put(d, f.points()));
    return out;
  }

  /**
   * Forecasts a design: from its history with the forecaster when it has at least {@code
   * minHistory} periods, otherwise from its niche ({@link ColdStart}: audience, trend, propensity
   * and conversion).
   *
   * @param forecaster the configured forecaster
   * @param history the design's demand so far, possibly empty
   * @param minHistory the fewest periods of history to trust over the niche, at least 1
   * @param niche the niche the design is tailored to
   * @param propensity probability that a member is in the market in one period, in [0, 1]
   * @param conversion probability that a member in the market orders the design, in [0, 1]
   * @param horizon periods to forecast, in [1, {@link DemandForecaster#MAX_HORIZON}]
   * @param periodDays the length of a period in days, positive
   * @return the forecast; its provenance strategy is {@code cold-start} when it came from the
   *     niche
   */
  public static DemandForecast forDesign(DemandForecaster forecaster, DemandSeries history,
      int minHistory, Niche niche, double propensity, double conversion, int horizon,
      double periodDays) {
    Objects.requireNonNull(forecaster, "forecaster");
    Objects.requireNonNull(history, "history");
    Checks.requirePositive(minHistory, "minimum history");
    if (history.length() >= minHistory) {
      return forecast(forecaster, history, horizon);
    }
    DemandForecast c = ColdStart.forecast(niche, propensity, conversion, horizon, periodDays,
        ColdStart.DEFAULT_TREND_WINDOW_DAYS);
    return new DemandForecast(history.id(), c.method(), c.points(), Provenance.builtIn(
        c.method(), 0, Map.of("niche", niche.id().value(), "fallback", "history of "
            + history.length() + " period(s), fewer than " + minHistory)));
  }

  private static DemandForecast forecast(DemandForecaster f, DemandSeries h, int horizon) {
    if (h.length() >= Math.max(1, f.minLength())) {
      return f.forecast(h, horizon);
    }
    DemandForecast n = DemandForecaster.naive().forecast(h, horizon);
    Map<String, String> settings = new HashMap<>();
    settings.put("chosen", "naive");
    settings.put("fallback", "history of " + h.length() + " period(s), " + f.name() + " needs "
        + f.minLength());
    return new DemandForecast(h.id(), f.name(), n.points(),
        Provenance.builtIn(f.name(), 0, settings));
  }

  /**
   * The expected profit of making {@code units} speculative units for the uncommitted demand of
   * some periods, beyond the committed orders (which are sold whatever the top-up): {@code E[p
   * min(D, q) + s (q - D)+] - c q}. The demand {@code D} of the periods is taken as in {@code
   * NewsvendorTopUp.units(double, List)}: a split normal with the summed medians and, on each
   * side, the root of the summed squared per-period standard deviations ({@code (p50 - p10) /
   * z_0.9} below, {@code (p90 - p50) / z_0.9} above), never below zero; the expectation is taken
   * over 2,000 equally spaced quantiles.
   *
   * @param price selling price of a unit
   * @param unitCost cost of making a unit
   * @param salvageValue value of an unsold unit
   * @param units the top-up, zero or more
   * @param periods the forecast of each covered period
   * @return the expected profit of the top-up; zero for zero units
   * @throws IllegalArgumentException if a money amount is negative or not finite, or units
   *     negative
   */
  public static double expectedTopUpProfit(double price, double unitCost, double salvageValue,
      int units, List<ForecastPoint> periods) {
    Checks.requireFinite(price, "price");
    Checks.requireFinite(unitCost, "unit cost");
    Checks.requireFinite(salvageValue, "salvage value");
    Checks.requireNonNegative(price, "price");
    Checks.requireNonNegative(unitCost, "unit cost");
    Checks.requireNonNegative(salvageValue, "salvage value");
    Checks.requireNonNegative(units, "units");
    Objects.requireNonNull(periods, "periods");
    if (units == 0) {
      return 0;
    }
    double median = 0;
    double varLo = 0;
    double varHi = 0;
    for (ForecastPoint p : periods) {
      median += p.p50();
      double lo = (p.p50() - p.p10()) / 1.2815515655446004;
      double hi = (p.p90() - p.p50()) / 1.2815515655446004;
      varLo += lo * lo;
      varHi += hi * hi;
    }
    NormalDistribution z = new NormalDistribution(null, 0, 1);
    double sdLo = Math.sqrt(varLo);
    double sdHi = Math.sqrt(varHi);
    double sum = 0;
    for (int k = 0; k < GRID; k++) {
      double u = (k + 0.5) / GRID;
      double q = z.inverseCumulativeProbability(u);
      double d = Math.max(0, median + q * (q < 0 ? sdLo : sdHi));
      sum += price * Math.min(d, units) + salvageValue * Math.max(units - d, 0);
    }
    return sum / GRID - unitCost * units;
  }

  /**
   * Lists the designs whose forecast fell back to a simpler method, with the reason, for a
   * report.
   *
   * @param forecasts per design, its forecast
   * @return "design: reason" lines, in design order
   */
  public static List<String> fallbacks(Map<DesignId, DemandForecast> forecasts) {
    List<String> out = new ArrayList<>();
    new TreeMap<>(forecasts).forEach((d, f) -> {
      String r = f.provenance().settings().get("fallback");
      if (r != null) {
        out.add(d.value() + ": " + r);
      }
    });
    return out;
  }
}
