package io.c2m.demand.eval;

import io.c2m.demand.DemandForecast;
import io.c2m.demand.DemandForecaster;
import io.c2m.demand.DemandSeries;
import io.c2m.demand.ForecastPoint;
import io.c2m.demand.IntervalForecast;
import io.c2m.demand.IntervalForecaster;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Evaluates forecasters on holdouts and summarises each method. Holdouts are forecast one after
 * the other on the caller's thread, or on an {@link Executor} the caller gives; results are
 * combined in holdout order, so the summary is the same on any number of threads.
 *
 * <p>A method that refuses or fails a holdout (any {@link RuntimeException}: a history too short
 * for it, a numerical failure, a bug) counts as a failure with its reason ({@link
 * MethodSummary#failureReasons()}) and is left out of its means; one failure never aborts the
 * evaluation. Compare methods on the same holdouts by checking {@link MethodSummary#failures()}.
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
    return evaluate(forecasters, holdouts, Runnable::run);
  }

  /**
   * Evaluates each forecaster on every holdout, forecasting the holdouts on an executor (e.g. a
   * {@link java.util.concurrent.ForkJoinPool} of your choice; the forecasters must then be
   * thread-safe, as the SPI requires).
   *
   * @param forecasters the methods, in the order of the result
   * @param holdouts the holdouts
   * @param executor runs the holdouts' forecasts; {@code Runnable::run} for the caller's thread
   * @return one summary per forecaster
   */
  public static List<MethodSummary> evaluate(
      List<DemandForecaster> forecasters, List<Holdout> holdouts, Executor executor) {
    Objects.requireNonNull(forecasters, "forecasters");
    List<Holdout> hs = List.copyOf(holdouts);
    List<MethodSummary> out = new ArrayList<>();
    for (DemandForecaster f : forecasters) {
      out.add(evaluate(f, hs, executor));
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
    return evaluate(forecaster, holdouts, Runnable::run);
  }

  /**
   * Evaluates one forecaster on every holdout, forecasting the holdouts on an executor.
   *
   * @param forecaster the method
   * @param holdouts the holdouts
   * @param executor runs the holdouts' forecasts; {@code Runnable::run} for the caller's thread
   * @return its summary
   */
  public static MethodSummary evaluate(
      DemandForecaster forecaster, List<Holdout> holdouts, Executor executor) {
    Objects.requireNonNull(forecaster, "forecaster");
    Objects.requireNonNull(executor, "executor");
    List<Holdout> hs = List.copyOf(holdouts);
    double[][] scores = new double[hs.size()][];
    String[] reasons = new String[hs.size()];
    List<CompletableFuture<Void>> runs = new ArrayList<>(hs.size());
    for (int i = 0; i < hs.size(); i++) {
      int k = i;
      runs.add(CompletableFuture.runAsync(() -> {
        try {
          scores[k] = score(forecaster, hs.get(k));
        } catch (RuntimeException e) {
          reasons[k] = "series " + hs.get(k).train().id() + ": "
              + (e.getMessage() == null ? e.toString() : e.getMessage());
        }
      }, executor));
    }
    CompletableFuture.allOf(runs.toArray(new CompletableFuture<?>[0])).join();
    List<String> failureReasons = new ArrayList<>();
    for (String r : reasons) {
      if (r != null) {
        failureReasons.add(r);
      }
    }
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
        points == 0 ? Double.NaN : covered / points, failureReasons);
  }

  /**
   * Evaluates one forecaster's point forecasts and prediction intervals on every holdout,
   * forecasting the holdouts on an executor; results are combined in holdout order.
   *
   * @param forecaster the method, giving intervals (e.g. {@link
   *     io.c2m.demand.DemandForecaster#conformal(io.c2m.demand.DemandForecaster)})
   * @param holdouts the holdouts
   * @param executor runs the holdouts' forecasts; {@code Runnable::run} for the caller's thread
   * @param levels the interval levels, each in (0, 1), e.g. 0.8 and 0.95
   * @return its summary
   */
  public static IntervalSummary evaluateIntervals(IntervalForecaster forecaster,
      List<Holdout> holdouts, Executor executor, double... levels) {
    Objects.requireNonNull(forecaster, "forecaster");
    Objects.requireNonNull(executor, "executor");
    double[] lv = levels.clone();
    List<Holdout> hs = List.copyOf(holdouts);
    int k = lv.length;
    // Per holdout: sMAPE, MASE, then per level covered count and MSIS, then the points.
    double[][] scores = new double[hs.size()][];
    String[] reasons = new String[hs.size()];
    List<CompletableFuture<Void>> runs = new ArrayList<>(hs.size());
    for (int i = 0; i < hs.size(); i++) {
      int at = i;
      runs.add(CompletableFuture.runAsync(() -> {
        Holdout h = hs.get(at);
        try {
          double[] test = h.test();
          IntervalForecast f = forecaster.intervals(h.train(), test.length, lv);
          double[] mean = new double[test.length];
          for (int s = 0; s < test.length; s++) {
            mean[s] = f.forecast().points().get(s).mean();
          }
          double[] train = h.train().values();
          double[] out = new double[3 + 2 * k];
          out[0] = Accuracy.smape(test, mean);
          out[1] = Accuracy.maseScale(train, h.season()) > 0
              ? Accuracy.mase(train, h.season(), test, mean) : Double.NaN;
          for (int j = 0; j < k; j++) {
            double[] lo = new double[test.length];
            double[] hi = new double[test.length];
            for (int s = 0; s < test.length; s++) {
              IntervalForecast.Interval iv = f.interval(s + 1, lv[j]);
              lo[s] = iv.lower();
              hi[s] = iv.upper();
            }
            out[2 + j] = Accuracy.coverage(test, lo, hi) * test.length;
            out[2 + k + j] = Accuracy.msis(train, h.season(), test, lo, hi, lv[j]);
          }
          out[2 + 2 * k] = test.length;
          scores[at] = out;
        } catch (RuntimeException e) {
          reasons[at] = "series " + h.train().id() + ": "
              + (e.getMessage() == null ? e.toString() : e.getMessage());
        }
      }, executor));
    }
    CompletableFuture.allOf(runs.toArray(new CompletableFuture<?>[0])).join();
    List<String> failureReasons = new ArrayList<>();
    int ok = 0;
    int scaled = 0;
    double smape = 0;
    double mase = 0;
    double points = 0;
    double[] covered = new double[k];
    double[] msis = new double[k];
    for (int i = 0; i < scores.length; i++) {
      double[] s = scores[i];
      if (s == null) {
        failureReasons.add(reasons[i]);
        continue;
      }
      ok++;
      smape += s[0];
      points += s[2 + 2 * k];
      boolean isScaled = !Double.isNaN(s[1]);
      if (isScaled) {
        mase += s[1];
        scaled++;
      }
      for (int j = 0; j < k; j++) {
        covered[j] += s[2 + j];
        if (isScaled) {
          msis[j] += s[2 + k + j];
        }
      }
    }
    List<Double> levelList = new ArrayList<>();
    List<Double> coverage = new ArrayList<>();
    List<Double> msisList = new ArrayList<>();
    for (int j = 0; j < k; j++) {
      levelList.add(lv[j]);
      coverage.add(points == 0 ? Double.NaN : covered[j] / points);
      msisList.add(scaled == 0 ? Double.NaN : msis[j] / scaled);
    }
    return new IntervalSummary(forecaster.name(), ok, failureReasons.size(),
        ok == 0 ? Double.NaN : smape / ok, scaled == 0 ? Double.NaN : mase / scaled, levelList,
        coverage, msisList, failureReasons);
  }

  /**
   * Formats summaries as a fixed-width text table, one row per method, in the given order.
   *
   * @param summaries the summaries
   * @return the table, with a header line and a line per method; the method column is as wide
   *     as the longest name, the {@code holdouts} column counts the holdouts forecast
   */
  public static String table(List<MethodSummary> summaries) {
    int width = "method".length();
    for (MethodSummary s : summaries) {
      width = Math.max(width, s.method().length());
    }
    StringBuilder sb = new StringBuilder(String.format(java.util.Locale.ROOT,
        "%-" + width + "s %8s %8s %9s %9s %9s %9s%n", "method", "holdouts", "failed", "sMAPE",
        "MASE", "pinball", "coverage"));
    for (MethodSummary s : summaries) {
      sb.append(String.format(java.util.Locale.ROOT,
          "%-" + width + "s %8d %8d %9.3f %9.3f %9.3f %9.3f%n",
          s.method(), s.forecasts(), s.failures(), s.smape(), s.mase(), s.pinball(),
          s.coverage()));
    }
    return sb.toString();
  }

  /** Scores one holdout: sMAPE, MASE, scaled pinball, covered points, points. */
  private static double[] score(DemandForecaster f, Holdout h) {
    double[] test = h.test();
    DemandForecast fc = f.forecast(h.train(), test.length);
    if (fc == null || fc.points().size() != test.length) {
      throw new IllegalStateException("The forecast of " + f.name() + " has "
          + (fc == null ? "no" : Integer.toString(fc.points().size())) + " points for "
          + test.length + " test values.");
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
