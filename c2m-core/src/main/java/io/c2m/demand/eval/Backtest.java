package io.c2m.demand.eval;

import io.c2m.demand.DemandForecast;
import io.c2m.demand.DemandForecaster;
import io.c2m.demand.DemandSeries;
import io.c2m.demand.ForecastPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Evaluates forecasters on holdouts and summarises each method. Holdouts are forecast in parallel,
 * but results are combined in holdout order, so the summary is the same on any number of threads.
 *
 * <p>A method that refuses a holdout ({@link IllegalArgumentException}, e.g. a history too short
 * for it) counts as a failure and is left out of its means; compare methods on the same holdouts
 * by checking {@link MethodSummary#failures()}.
 */
public final class Backtest {
  private Backtest() {}

  /**
   * Rolling-origin holdouts (Tashman 2000, "Out-of-sample tests of forecasting accuracy", IJF
   * 16(4)): for each series, the origins {@code n - horizon - (origins - 1) ... n - horizon}, each
   * forecasting the next {@code horizon} values. Origins that would leave fewer than {@code
   * minTrain} values are skipped.
   *
   * @param series the series
   * @param horizon the horizon, at least 1
   * @param origins how many origins per series, at least 1
   * @param minTrain the minimum training length, at least 1
   * @param season the season length for the MASE scale
   * @return the holdouts, series by series, earliest origin first
   */
  public static List<Holdout> rollingOrigin(
      List<DemandSeries> series, int horizon, int origins, int minTrain, int season) {
    if (horizon < 1 || origins < 1 || minTrain < 1) {
      throw new IllegalArgumentException("The horizon (" + horizon + "), origins (" + origins
          + ") and minimum training length (" + minTrain + ") must be at least 1.");
    }
    List<Holdout> out = new ArrayList<>();
    for (DemandSeries s : series) {
      double[] v = s.values();
      for (int o = origins - 1; o >= 0; o--) {
        int cut = v.length - horizon - o;
        if (cut < minTrain) {
          continue;
        }
        out.add(new Holdout(new DemandSeries(s.id(), java.util.Arrays.copyOf(v, cut)),
            java.util.Arrays.copyOfRange(v, cut, cut + horizon), season));
      }
    }
    return out;
  }

  /**
   * Evaluates each forecaster on every holdout.
   *
   * @param forecasters the methods, in the order of the result
   * @param holdouts the holdouts
   * @return one summary per forecaster
   */
  public static List<MethodSummary> evaluate(
      List<DemandForecaster> forecasters, List<Holdout> holdouts) {
    Objects.requireNonNull(forecasters, "forecasters");
    List<Holdout> hs = List.copyOf(holdouts);
    List<MethodSummary> out = new ArrayList<>();
    for (DemandForecaster f : forecasters) {
      out.add(evaluate(f, hs));
    }
    return List.copyOf(out);
  }

  /**
   * Evaluates one forecaster on every holdout.
   *
   * @param forecaster the method
   * @param holdouts the holdouts
   * @return its summary
   */
  public static MethodSummary evaluate(DemandForecaster forecaster, List<Holdout> holdouts) {
    Objects.requireNonNull(forecaster, "forecaster");
    List<Holdout> hs = List.copyOf(holdouts);
    double[][] scores = new double[hs.size()][];
    IntStream.range(0, hs.size()).parallel().forEach(i -> scores[i] = score(forecaster, hs.get(i)));
    int ok = 0;
    int failed = 0;
    int scaled = 0;
    double smape = 0;
    double mase = 0;
    double pinball = 0;
    double covered = 0;
    int points = 0;
    for (double[] s : scores) {
      if (s == null) {
        failed++;
        continue;
      }
      ok++;
      smape += s[0];
      if (!Double.isNaN(s[1])) {
        mase += s[1];
        pinball += s[2];
        scaled++;
      }
      covered += s[3];
      points += (int) s[4];
    }
    return new MethodSummary(forecaster.name(), ok, failed, ok == 0 ? Double.NaN : smape / ok,
        scaled == 0 ? Double.NaN : mase / scaled, scaled == 0 ? Double.NaN : pinball / scaled,
        points == 0 ? Double.NaN : covered / points);
  }

  /**
   * Formats summaries as a fixed-width text table, one row per method, in the given order.
   *
   * @param summaries the summaries
   * @return the table, with a header line and a line per method
   */
  public static String table(List<MethodSummary> summaries) {
    StringBuilder sb = new StringBuilder(String.format(java.util.Locale.ROOT,
        "%-28s %7s %8s %9s %9s %9s %9s%n", "method", "series", "failed", "sMAPE", "MASE",
        "pinball", "coverage"));
    for (MethodSummary s : summaries) {
      sb.append(String.format(java.util.Locale.ROOT, "%-28s %7d %8d %9.3f %9.3f %9.3f %9.3f%n",
          s.method(), s.forecasts(), s.failures(), s.smape(), s.mase(), s.pinball(),
          s.coverage()));
    }
    return sb.toString();
  }

  /** Scores one holdout: sMAPE, MASE, scaled pinball, covered points, points; null if refused. */
  private static double[] score(DemandForecaster f, Holdout h) {
    double[] test = h.test();
    DemandForecast fc;
    try {
      fc = f.forecast(h.train(), test.length);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int n = test.length;
    double[] mean = new double[n];
    double[] p10 = new double[n];
    double[] p50 = new double[n];
    double[] p90 = new double[n];
    for (int i = 0; i < n; i++) {
      ForecastPoint p = fc.points().get(i);
      mean[i] = p.mean();
      p10[i] = p.p10();
      p50[i] = p.p50();
      p90[i] = p.p90();
    }
    double[] train = h.train().values();
    double scale = Accuracy.maseScale(train, h.season());
    double mase = scale > 0 ? Accuracy.mase(train, h.season(), test, mean) : Double.NaN;
    double pin = (Accuracy.pinball(test, p10, 0.1) + Accuracy.pinball(test, p50, 0.5)
        + Accuracy.pinball(test, p90, 0.9)) / 3;
    double covered = Accuracy.coverage(test, p10, p90) * n;
    return new double[] {
      Accuracy.smape(test, mean), mase, scale > 0 ? pin / scale : Double.NaN, covered, n
    };
  }
}
