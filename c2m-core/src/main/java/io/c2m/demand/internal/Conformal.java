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
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Conformal prediction intervals for any forecaster, from its own rolling-origin errors on the
 * history (split conformal prediction with normalised scores, Lei, G'Sell, Rinaldo, Tibshirani and
 * Wasserman 2018, "Distribution-free predictive inference for regression", JASA 113; applied to
 * forecasting from rolling origins as in Stankeviciute, Alaa and van der Schaar 2021). Immutable
 * and thread-safe when the delegate is.
 *
 * <p><b>Errors.</b> For a history of length {@code n} and a horizon {@code H}, the delegate
 * forecasts from the last {@code origins} origins {@code o = n - 1, n - 2, ...} (never below half
 * the history, nor below the delegate's minimum length) the {@code min(H, n - o)} values that
 * followed. By default a delegate that can keep its parameters ({@link FixedParameters}: every
 * built-in smoother, theta model and combination) is fitted once, to the whole history, and that
 * one fit gives both the forecast and, run with the same parameters from every origin (the states
 * follow the data; only the estimation is skipped), the calibration errors: one fit per series in
 * all. Other delegates, or {@code refit} true, are refitted at every origin.
 *
 * <p><b>Scores, per step.</b> Each error at step {@code h} is divided by the delegate's own spread
 * at that step and origin, {@code s_h = (p90_h - mean_h) / 1.2816} (its standard deviation under
 * normal errors). A per-step growth factor {@code g_h}, the root mean square of those ratios at
 * step {@code h} made non-decreasing in {@code h}, corrects the spread's shape where the errors
 * grow faster with the horizon than the model assumes; the scores {@code |e| / (s_h g_h)} of all
 * steps are then comparable and pooled. With fixed parameters the errors are in sample for the
 * parameters, which makes them smaller than errors to come, as residuals are: the scores are
 * multiplied by {@code sqrt(n / (n - p))}, the usual degrees-of-freedom correction of a residual
 * variance for {@code p} estimated parameters, {@code p = 3} (the smoothing constants and initial
 * level a built-in fits) unless the fit says otherwise ({@link
 * FixedParameters.Origins#parameters()}); at most {@code sqrt(2)} for a history of {@code 2p} or
 * fewer.
 *
 * <p><b>Quantile, per level.</b> The interval of level {@code L} at step {@code h} is {@code
 * mean_h +- q_L s_h g_h}, where {@code q_L} is computed from the {@code N} pooled scores for that
 * level on its own, with two finite-sample devices: the conformal rank ({@code ceil((N + 1) L)}
 * of {@code N}) and a Student-t bound, the {@code (1 + L) / 2} quantile of Student's t times the
 * scores' root mean square, the predictive distribution of a new error when the scale comes from
 * few independent errors. Consecutive origins forecast overlapping stretches of the history, so
 * half the origins count as independent ({@link #effectiveOrigins}; the t bound has one degree
 * of freedom fewer) and half the scores. Refitted errors are out of sample: a level with at
 * least {@value #READABLE_TAIL} effective scores beyond it is read from the scores at the
 * conformal rank of {@code N / 2} scores, and a level beyond that takes the t bound (or the
 * largest score, if larger) ({@link #perLevel}). Fixed-parameter errors are in sample: even
 * corrected as above, their bulk is narrower than the errors to come (the 80% conformal rank
 * alone covered about 70% of the M3 yearly test values of {@code auto}), so every level takes the
 * larger of the rank and the t bound ({@link #quantile}). If the delegate's spread is zero
 * anywhere (e.g. a flat history), raw errors are pooled with the random-walk scale {@code s_h =
 * sqrt(h)} instead. A history too short for a single origin keeps the delegate's own quantiles,
 * and the provenance says so.
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

  /**
   * The parameters counted in the in-sample correction of fixed-parameter scores: a built-in
   * fits two to four (smoothing constants, initial level and trend, theta), three for most.
   */
  static final int FITTED_PARAMETERS = 3;

  /** How many effective scores must lie beyond a level for it to be read from refitted errors. */
  static final int READABLE_TAIL = 2;

  private static final double Z90 = Points.Z90;

  private final DemandForecaster delegate;
  private final int origins;
  private final boolean refit;

  /**
   * Wraps a forecaster.
   *
   * @param delegate the forecaster whose point forecasts are kept
   * @param origins how many rolling origins to calibrate from, at least 1
   */
  public Conformal(DemandForecaster delegate, int origins) {
    this(delegate, origins, false);
  }

  /**
   * Wraps a forecaster, choosing how it forecasts from the rolling origins.
   *
   * @param delegate the forecaster whose point forecasts are kept
   * @param origins how many rolling origins to forecast from, at least 1
   * @param refit true to fit the delegate again at every origin; false (the default) to run the
   *     parameters of its one fit to the whole history from every origin where it can ({@link
   *     FixedParameters}: the built-in smoothers, theta models and combinations), which costs
   *     one fit in all instead of {@code origins + 1}
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
    return calibrate(history, horizon).forecast();
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
    Calibration c = calibrate(history, horizon);
    double[] q = new double[levels.length];
    for (int j = 0; j < levels.length; j++) {
      q[j] = c.quantile(levels[j]);
    }
    List<IntervalForecast.Interval> intervals = new ArrayList<>(horizon * levels.length);
    for (int h = 1; h <= horizon; h++) {
      for (int j = 0; j < levels.length; j++) {
        intervals.add(interval(h, levels[j], c.mean[h - 1], q[j] * c.scale[h - 1]));
      }
    }
    return new IntervalForecast(c.forecast(), intervals);
  }

  /**
   * What the calibration of one history found: the delegate's forecast, the per-step scale
   * {@code s_h g_h}, the sorted pooled scores and the degrees of freedom of the t bound; levels
   * share it, so asking for several costs one calibration.
   */
  private static final class Calibration {
    private final DemandForecast base;
    private final Map<String, String> settings;
    private final double[] mean;
    private final double[] scale;
    private final double[] sorted;
    private final double rms;
    private final int dof;
    private final boolean inSample;
    private DemandForecast forecast;

    private Calibration(DemandForecast base, Map<String, String> settings, double[] mean,
        double[] scale, double[] sorted, int dof, boolean inSample) {
      this.inSample = inSample;
      this.base = base;
      this.settings = settings;
      this.mean = mean;
      this.scale = scale;
      this.sorted = sorted;
      this.dof = dof;
      double sq = 0;
      for (double s : sorted) {
        sq += s * s;
      }
      this.rms = sorted.length == 0 ? 0 : Math.sqrt(sq / sorted.length);
    }

    /** The multiplier {@code q_L} of the scale for a level. */
    double quantile(double level) {
      if (sorted.length == 0) {
        return normalQuantile(0.5 + level / 2);
      }
      return inSample ? Conformal.quantile(sorted, rms, level, dof)
          : perLevel(sorted, rms, level, dof);
    }

    /** The forecast with the calibrated 80% interval as p10 and p90. */
    DemandForecast forecast() {
      if (forecast == null) {
        double q80 = quantile(0.8);
        List<ForecastPoint> points = new ArrayList<>(mean.length);
        for (int h = 1; h <= mean.length; h++) {
          IntervalForecast.Interval iv = interval(h, 0.8, mean[h - 1], q80 * scale[h - 1]);
          double m = Math.max(0, mean[h - 1]);
          points.add(new ForecastPoint(h, m, Math.min(iv.lower(), m), m,
              Math.max(iv.upper(), m)));
        }
        Provenance prov = base.provenance();
        forecast = new DemandForecast(base.seriesId(), base.method(), points,
            new Provenance(prov.strategy(), prov.version(), prov.seed(), settings));
      }
      return forecast;
    }
  }

  private Calibration calibrate(DemandSeries history, int horizon) {
    Points.check(history, horizon, name(), Math.max(1, delegate.minLength()));
    double[] y = history.values();
    int n = y.length;
    int lowest = Math.max(Math.max(1, delegate.minLength()), (n + 1) / 2);
    int first = Math.max(lowest, n - origins);
    // Fixed parameters: the one fit to the whole history gives the forecast and, from every
    // origin, the calibration errors.
    FixedParameters.Origins fits = refit || first > n - 1 ? null
        : CheckedForecaster.fitOnce(delegate, history, horizon);
    DemandForecast base = fits != null ? fits.forecast() : delegate.forecast(history, horizon);
    int capacity = Math.max(0, n - first) * horizon;
    int[] step = new int[capacity];
    double[] error = new double[capacity];
    double[] spread = new double[capacity];
    boolean spreadOk = true;
    int count = 0;
    int used = 0;
    for (int o = n - 1; o >= first; o--) {
      used++;
      int steps = Math.min(horizon, n - o);
      DemandForecast f = fits == null
          ? delegate.forecast(FixedParameters.prefix(history, o), steps)
          : fits.at(o, steps);
      for (int h = 1; h <= steps; h++) {
        ForecastPoint p = f.points().get(h - 1);
        double s = (p.p90() - p.mean()) / Z90;
        spreadOk &= s > 0;
        step[count] = h;
        error[count] = Math.abs(y[o + h - 1] - p.mean());
        spread[count] = s;
        count++;
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
    settings.put("scores", Integer.toString(count));
    settings.put("origins", fits == null ? "refitted" : "fixed parameters");
    if (count == 0) {
      settings.put("intervals", "model");
      settings.put("calibration", "history of " + n + " period(s) too short to calibrate");
      return new Calibration(base, settings, mean, scale, new double[0], 1, false);
    }
    settings.put("intervals", "conformal");
    if (!spreadOk) {
      settings.put("calibration", "raw errors with a random-walk scale (zero model spread)");
      for (int h = 1; h <= horizon; h++) {
        scale[h - 1] = Math.sqrt(h);
      }
    }
    double[] scores = new double[count];
    for (int i = 0; i < count; i++) {
      scores[i] = error[i] / (spreadOk ? spread[i] : Math.sqrt(step[i]));
    }
    double[] growth = growth(scores, step, horizon);
    double inSample = fits == null ? 1 : inSampleCorrection(n, fits.parameters());
    for (int i = 0; i < count; i++) {
      scores[i] = scores[i] / growth[step[i] - 1] * inSample;
    }
    Arrays.sort(scores);
    for (int h = 1; h <= horizon; h++) {
      scale[h - 1] *= growth[h - 1];
    }
    return new Calibration(base, settings, mean, scale, scores,
        Math.max(1, effectiveOrigins(used) - 1), fits != null);
  }

  /**
   * The per-step growth of normalised errors: the root mean square of the scores at each step,
   * made non-decreasing in the step (running maximum; a step without scores takes the previous
   * one's), and kept above a millionth of the largest so that no score is divided by zero.
   *
   * @param scores the normalised errors
   * @param step their steps, from 1
   * @param horizon the horizon
   * @return the growth per step
   */
  static double[] growth(double[] scores, int[] step, int horizon) {
    double[] sum = new double[horizon];
    int[] num = new int[horizon];
    for (int i = 0; i < scores.length; i++) {
      sum[step[i] - 1] += scores[i] * scores[i];
      num[step[i] - 1]++;
    }
    double[] growth = new double[horizon];
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
    return growth;
  }

  /**
   * The factor by which errors in sample for the parameters are scaled up: {@code sqrt(n / (n -
   * p))} for a history of {@code n} values and {@code p} fitted parameters (by default {@value
   * #FITTED_PARAMETERS}, {@link FixedParameters.Origins#parameters()}), the ratio of an unbiased
   * residual variance to the mean squared residual; {@code sqrt(2)} for histories of {@code 2p}
   * values or fewer, where that ratio would pass 2. Measured without it (M3, {@code auto}, 80% /
   * 95%): 0.775 / 0.941 yearly, 0.790 / 0.933 quarterly; with it 0.804 / 0.953 and 0.807 / 0.939.
   *
   * @param n the history's length
   * @param p the number of fitted parameters, zero or more
   * @return the factor, in [1, sqrt(2)]
   */
  static double inSampleCorrection(int n, int p) {
    return n > 2 * p ? Math.sqrt((double) n / (n - p)) : Math.sqrt(2);
  }

  /**
   * The number of origins the Student-t bound counts (its degrees of freedom are one less): half
   * the origins used, at least 2. Consecutive origins forecast overlapping stretches of the
   * history, so their errors are far from independent; counting two origins as one independent
   * error is a rough effective sample size. With all origins counted the 95% intervals of {@code
   * auto} covered 90-92% of the M3 yearly and quarterly test values.
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
   * The multiplier of one level: the larger of the finite-sample conformal quantile of sorted
   * scores, the {@code ceil((N + 1) level)}-th smallest (the largest when {@code N} is too small
   * for that rank), and the Student-t bound, the {@code (1 + level) / 2} quantile of Student's t
   * with {@code dof} degrees of freedom times the scores' root mean square.
   *
   * @param sorted the scores, ascending, at least one
   * @param rms their root mean square
   * @param level the level, in (0, 1)
   * @param dof the t bound's degrees of freedom, at least 1
   * @return the multiplier
   */
  static double quantile(double[] sorted, double rms, double level, int dof) {
    int n = sorted.length;
    int k = (int) Math.ceil((n + 1) * level);
    double conformal = k <= n ? sorted[Math.max(0, k - 1)] : sorted[n - 1];
    return Math.max(conformal, studentQuantile(dof, 0.5 + level / 2) * rms);
  }

  /**
   * The multiplier of one level from errors out of sample (a refitted delegate): counting half the
   * {@code N} scores as independent ({@code N_e = N / 2}, as the t bound counts half the origins),
   * a level with at least {@value #READABLE_TAIL} effective scores beyond it, {@code (1 - level)
   * N_e >= 2}, is read from the scores: their type-7 quantile at the finite-sample conformal level
   * {@code ceil((N_e + 1) level) / N_e}. A level beyond that has too thin a tail to read, and takes
   * the larger of the largest score and the Student-t bound.
   *
   * @param sorted the scores, ascending, at least one
   * @param rms their root mean square
   * @param level the level, in (0, 1)
   * @param dof the t bound's degrees of freedom, at least 1
   * @return the multiplier
   */
  static double perLevel(double[] sorted, double rms, double level, int dof) {
    double effective = sorted.length / 2.0;
    if ((1 - level) * effective >= READABLE_TAIL - 1e-9) { // 1e-9: (1 - 0.8) * 10 < 2 in doubles
      double corrected = Math.min(1, Math.ceil((effective + 1) * level) / effective);
      return Points.quantile(sorted, corrected);
    }
    return Math.max(sorted[sorted.length - 1],
        studentQuantile(dof, 0.5 + level / 2) * rms);
  }

  /** Student-t quantiles by degrees of freedom and probability: few distinct ones, dear each. */
  private static final ConcurrentHashMap<List<Double>, Double> T_QUANTILES =
      new ConcurrentHashMap<>();

  private static double studentQuantile(int dof, double p) {
    if (T_QUANTILES.size() > 10_000) {
      T_QUANTILES.clear();
    }
    return T_QUANTILES.computeIfAbsent(List.of((double) dof, p),
        key -> new TDistribution(null, dof).inverseCumulativeProbability(p));
  }

  private static double normalQuantile(double p) {
    return new NormalDistribution(null, 0, 1).inverseCumulativeProbability(p);
  }
}
