package io.c2m.demand.internal;

import io.c2m.Provenance;
import io.c2m.demand.DemandForecast;
import io.c2m.demand.DemandForecaster;
import io.c2m.demand.DemandSeries;
import io.c2m.demand.ForecastPoint;
import io.c2m.demand.IntervalForecast;
import io.c2m.demand.IntervalForecaster;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Conformal prediction intervals for any forecaster, from its own rolling-origin errors on the
 * history (split conformal prediction with normalised scores, Lei, G'Sell, Rinaldo, Tibshirani and
 * Wasserman 2018, "Distribution-free predictive inference for regression", JASA 113; applied to
 * forecasting from rolling origins as in Stankeviciute, Alaa and van der Schaar 2021). Immutable
 * and thread-safe when the delegate is.
 *
 * <p>For a history of length {@code n} and a horizon {@code H}, the delegate forecasts from the
 * last {@code origins} origins {@code o = n - 1, n - 2, ...} (never below half the history, nor
 * below the delegate's minimum length) the {@code min(H, n - o)} values that followed. By default
 * a delegate that can keep its parameters ({@link FixedParameters}: every built-in smoother, theta
 * model and combination) is fitted once more, to the values before the first origin, and runs
 * with those parameters from every origin: the errors stay out of sample for the parameters, as
 * with refitting, at the cost of one fit instead of {@code origins} (the usual shortcut of
 * conformal intervals for time series). Other delegates, or {@code refit} true, are refitted at
 * every origin. Each error at step {@code h} is divided by the delegate's own spread at that step and
 * origin, {@code s_h = (p90_h - mean_h) / 1.2816} (its standard deviation under normal errors), so
 * that scores of every step are comparable and can be pooled. The interval of level {@code L} at
 * step {@code h} is {@code mean_h +- q s_h}, {@code s_h} from the final fit and {@code q} the
 * {@code ceil((N + 1) L)}-th smallest of the {@code N} pooled scores (the finite-sample conformal
 * quantile), floored by the Student-t quantile of the scores' root mean square with half the
 * origins as its sample size (see {@link #effectiveOrigins}); when {@code N} is too small for
 * that rank, the largest score takes its place. If the delegate's spread is
 * zero anywhere (e.g. a flat history), raw errors are pooled with the random-walk scale {@code
 * s_h = sqrt(h)} instead. A history too short for a single origin keeps the delegate's own
 * quantiles, and the provenance says so.
 *
 * <p>The coverage guarantee of conformal prediction holds for exchangeable errors; the errors of
 * a series over time are not exactly exchangeable, so the coverage is measured (BENCHMARKS.md,
 * "Forecast accuracy on M3") rather than assumed. The point forecast is the delegate's; the
 * median is the mean (the scores are symmetric). Provenance: the delegate's, with the settings
 * {@code intervals} ({@code conformal} or {@code model}), {@code scores} (how many) and {@code
 * origins} ({@code fixed parameters} or {@code refitted}) added.
 */
public final class Conformal implements IntervalForecaster {
  /** The default number of rolling origins. */
  public static final int DEFAULT_ORIGINS = 10;

  private static final double Z90 = Points.Z90;

  private final DemandForecaster delegate;
  private final int origins;
  private final boolean refit;

  /**
   * Wraps a forecaster.
   *
   * @param delegate the forecaster whose point forecasts are kept
   * @param origins how many rolling origins to refit it at, at least 1
   */
  public Conformal(DemandForecaster delegate, int origins) {
    this(delegate, origins, false);
  }

  /**
   * Wraps a forecaster, choosing how it forecasts from the rolling origins.
   *
   * @param delegate the forecaster whose point forecasts are kept
   * @param origins how many rolling origins to forecast from, at least 1
   * @param refit true to fit the delegate again at every origin; false (the default) to keep
   *     the parameters of its fit to the whole history where it can ({@link FixedParameters}:
   *     the built-in smoothers, theta models and combinations), which costs one fit instead of
   *     {@code origins + 1}
   */
  public Conformal(DemandForecaster delegate, int origins, boolean refit) {
    this.refit = refit;
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    if (origins < 1) {
      throw new IllegalArgumentException(
          "The number of origins (" + origins + ") of conformal intervals must be at least 1.");
    }
    this.origins = origins;
  }

  /**
   * Wraps a forecaster unless it already gives conformal intervals.
   *
   * @param delegate the forecaster
   * @return the calibrated forecaster, with the delegate's name
   */
  public static IntervalForecaster wrap(DemandForecaster delegate) {
    return delegate instanceof Conformal c ? c : new Conformal(delegate, DEFAULT_ORIGINS);
  }

  @Override
  public String name() {
    return delegate.name();
  }

  @Override
  public int minLength() {
    return delegate.minLength();
  }

  @Override
  public DemandForecast forecast(DemandSeries history, int horizon) {
    return calibrate(history, horizon, new double[] {0.8}).forecast();
  }

  @Override
  public IntervalForecast intervals(DemandSeries history, int horizon, double... levels) {
    Objects.requireNonNull(levels, "levels");
    for (double l : levels) {
      if (!(l > 0 && l < 1)) {
        throw new IllegalArgumentException(
            "The interval level (" + l + ") must be between 0 and 1, e.g. 0.8 or 0.95.");
      }
    }
    return calibrate(history, horizon, levels.clone());
  }

  private IntervalForecast calibrate(DemandSeries history, int horizon, double[] levels) {
    Points.check(history, horizon, name(), Math.max(1, delegate.minLength()));
    DemandForecast base = delegate.forecast(history, horizon);
    double[] y = history.values();
    int n = y.length;
    int lowest = Math.max(Math.max(1, delegate.minLength()), (n + 1) / 2);
    int first = Math.max(lowest, n - origins);
    // Fixed parameters: one more fit, to the values before the first origin, then forecasts from
    // every origin with those parameters, so that the errors are out of sample for them.
    DemandForecaster inner = delegate instanceof CheckedForecaster c ? c.delegate() : delegate;
    FixedParameters.Origins fits = refit || first > n - 1
        || !(inner instanceof FixedParameters fp) ? null : fp.fitOnce(history, first, horizon);
    List<double[]> errors = new ArrayList<>(); // {step, |error|, model spread}
    boolean spreadOk = true;
    int used = 0;
    for (int o = n - 1; o >= lowest && o >= n - origins; o--) {
      used++;
      int steps = Math.min(horizon, n - o);
      DemandForecast f = fits == null
          ? delegate.forecast(new DemandSeries(history.id(), Arrays.copyOf(y, o)), steps)
          : fits.at(o, steps);
      for (int h = 1; h <= steps; h++) {
        ForecastPoint p = f.points().get(h - 1);
        double s = (p.p90() - p.mean()) / Z90;
        spreadOk &= s > 0;
        errors.add(new double[] {h, Math.abs(y[o + h - 1] - p.mean()), s});
      }
    }
    double[] mean = new double[horizon];
    double[] scale = new double[horizon];
    for (int h = 1; h <= horizon; h++) {
      ForecastPoint p = base.points().get(h - 1);
      mean[h - 1] = p.mean();
      scale[h - 1] = (p.p90() - p.mean()) / Z90;
      spreadOk &= scale[h - 1] > 0;
    }
    Map<String, String> settings = new HashMap<>(base.provenance().settings());
    int count = errors.size();
    settings.put("scores", Integer.toString(count));
    settings.put("origins", fits == null ? "refitted" : "fixed parameters");
    if (count == 0) {
      settings.put("intervals", "model");
      settings.put("calibration", "history of " + n + " period(s) too short to calibrate");
    } else {
      settings.put("intervals", "conformal");
      if (!spreadOk) {
        settings.put("calibration", "raw errors with a random-walk scale (zero model spread)");
        for (int h = 1; h <= horizon; h++) {
          scale[h - 1] = Math.sqrt(h);
        }
      }
    }
    // Per-step growth: the root mean square of the normalised errors at each step, made
    // non-decreasing in the step (running maximum), corrects the model's spread where its errors
    // grow faster with the horizon than it assumes.
    double[] growth = new double[horizon];
    if (count > 0) {
      double[] sum = new double[horizon];
      int[] num = new int[horizon];
      for (double[] e : errors) {
        int h = (int) e[0];
        double z = e[1] / (spreadOk ? e[2] : Math.sqrt(h));
        sum[h - 1] += z * z;
        num[h - 1]++;
      }
      double run = 0;
      for (int h = 0; h < horizon; h++) {
        if (num[h] > 0) {
          run = Math.max(run, Math.sqrt(sum[h] / num[h]));
        }
        growth[h] = run;
      }
      double floor = run > 0 ? run * 1e-6 : 1;
      for (int h = 0; h < horizon; h++) {
        growth[h] = Math.max(growth[h], floor);
      }
    }
    double[] scores = new double[count];
    for (int i = 0; i < count; i++) {
      double[] e = errors.get(i);
      int h = (int) e[0];
      scores[i] = e[1] / (spreadOk ? e[2] : Math.sqrt(h)) / growth[h - 1];
    }
    Arrays.sort(scores);
    if (count > 0) {
      for (int h = 1; h <= horizon; h++) {
        scale[h - 1] *= growth[h - 1];
      }
    }
    List<IntervalForecast.Interval> intervals = new ArrayList<>(horizon * levels.length);
    List<ForecastPoint> points = new ArrayList<>(horizon);
    int effective = effectiveOrigins(used);
    double q80 = count == 0 ? Z90 : quantile(scores, 0.8, effective);
    double[] q = new double[levels.length];
    for (int j = 0; j < levels.length; j++) {
      q[j] = count == 0 ? normalQuantile(0.5 + levels[j] / 2)
          : quantile(scores, levels[j], effective);
    }
    for (int h = 1; h <= horizon; h++) {
      for (int j = 0; j < levels.length; j++) {
        intervals.add(interval(h, levels[j], mean[h - 1], q[j] * scale[h - 1]));
      }
      IntervalForecast.Interval iv = interval(h, 0.8, mean[h - 1], q80 * scale[h - 1]);
      double m = Math.max(0, mean[h - 1]);
      points.add(new ForecastPoint(h, m, Math.min(iv.lower(), m), m, Math.max(iv.upper(), m)));
    }
    Provenance prov = base.provenance();
    DemandForecast out = new DemandForecast(base.seriesId(), base.method(), points,
        new Provenance(prov.strategy(), prov.version(), prov.seed(), settings));
    return new IntervalForecast(out, intervals);
  }

  /**
   * The number of origins the Student-t floor counts (its degrees of freedom are one less): half
   * the origins used, at least 2.
   * Consecutive origins forecast overlapping stretches of the history, so their errors are far
   * from independent; counting two origins as one independent error is a rough effective sample
   * size. With all origins counted (the first version) the 95% intervals of {@code auto} covered
   * 90.2% / 91.7% of the M3 yearly / quarterly test values with fixed-parameter calibration;
   * with half, 95.0% / 94.6% (80% intervals: 80.4% / 80.2% before, 83.6% / 82.9% after).
   */
  private static int effectiveOrigins(int used) {
    return Math.max(2, used / 2);
  }

  private static IntervalForecast.Interval interval(int step, double level, double mean,
      double half) {
    double m = Math.max(0, mean);
    double hw = Double.isFinite(half) && half > 0 ? half : 0;
    return new IntervalForecast.Interval(step, level, Math.max(0, m - hw), m + hw);
  }

  /**
   * The conformal quantile of sorted scores: the {@code ceil((N + 1) level)}-th smallest, or,
   * when there are too few scores for that rank, the larger of the largest score and the normal
   * quantile times their root mean square.
   */
  static double quantile(double[] sorted, double level, int origins) {
    int n = sorted.length;
    int k = (int) Math.ceil((n + 1) * level);
    double sq = 0;
    for (double s : sorted) {
      sq += s * s;
    }
    double t = studentQuantile(Math.max(1, origins - 1), 0.5 + level / 2) * Math.sqrt(sq / n);
    return Math.max(k <= n ? sorted[Math.max(0, k - 1)] : sorted[n - 1], t);
  }

  /** Student-t quantiles by degrees of freedom and probability: few distinct ones, dear each. */
  private static final java.util.concurrent.ConcurrentHashMap<java.util.List<Double>, Double>
      T_QUANTILES = new java.util.concurrent.ConcurrentHashMap<>();

  private static double studentQuantile(int dof, double p) {
    if (T_QUANTILES.size() > 10_000) {
      T_QUANTILES.clear();
    }
    return T_QUANTILES.computeIfAbsent(java.util.List.of((double) dof, p),
        key -> new org.apache.commons.math3.distribution.TDistribution(null, dof)
            .inverseCumulativeProbability(p));
  }

  private static double normalQuantile(double p) {
    return new org.apache.commons.math3.distribution.NormalDistribution(null, 0, 1)
        .inverseCumulativeProbability(p);
  }
}
