package io.c2m.demand.internal;

import io.c2m.Provenance;
import io.c2m.demand.DemandForecast;
import io.c2m.demand.DemandForecaster;
import io.c2m.demand.DemandSeries;
import java.util.Map;

/**
 * The Theta family of Fiorucci, Pellegrini, Louzada, Petropoulos and Koehler (2016), "Models for
 * optimising the theta method and their relationship to state space models", IJF 32(4):
 * standard ({@code theta}, STM: {@code theta = 2}, the method of Assimakopoulos and Nikolopoulos
 * 2000 that won M3), optimised ({@code otm}), dynamic standard ({@code dstm}) and dynamic
 * optimised ({@code dotm}). Immutable and thread-safe.
 *
 * <p>With {@code l} the simple exponential smoothing level of the series ({@code l_t = alpha y_t
 * + (1 - alpha) l_(t-1)}, {@code l_0} fitted) and {@code A_t}, {@code B_t} the intercept and slope
 * of the least-squares line through {@code y_1..y_t}, the one-step forecast after {@code t}
 * observations is (Fiorucci et al. 2016, eq. 7)
 *
 * <pre>
 *   yhat_(t+1) = l_t + (1 - 1/theta) [ (1 - alpha)^t A_t + (1 - (1 - alpha)^(t+1)) / alpha B_t ]
 * </pre>
 *
 * and the {@code h}-step forecast adds {@code (1 - 1/theta) (h - 1) B_n}. The static models use
 * the line through the whole history ({@code A_n}, {@code B_n}) at every {@code t}; the dynamic
 * ones update it with each observation ({@code B_t = ((t - 2) B_(t-1) + 6 (y_t - ybar_(t-1)) /
 * t) / (t + 1)}, {@code A_t = ybar_t - (t + 1) / 2 B_t}), so that the one-step errors are honest
 * forecasts. {@code l_0}, {@code alpha} in [0.1, 0.99] and, for the optimised models, {@code
 * theta} in [1, 10] minimise the mean squared one-step error (the dynamic models from the second
 * observation). Quantiles come from the normal errors of the equivalent local level model with
 * drift, variance {@code sigma^2 (1 + (h - 1) alpha^2)}.
 *
 * <p>Given a season length above 1, a significantly seasonal series is adjusted first ({@link
 * SeasonalAdjustment}, the classical multiplicative decomposition the M3 Theta used). The
 * members of {@code auto} instead model a significantly seasonal, strictly positive series on its
 * Box-Cox scale ({@link BoxCox}, Guerrero's lambda), adjusted there by an evolving additive
 * season ({@link Seasonality#evolvingAdditive}, span {@link #SEASONAL_SPAN} seasons), and
 * transform the forecasts back; their provenance has the setting {@code lambda}. A history
 * shorter than three periods, or constant, falls back to {@code naive}, named in the provenance
 * setting {@code chosen} with {@code fallback} giving the reason.
 */
public final class Theta implements DemandForecaster, FixedParameters {
  /** The four members of the family. */
  public enum Variant {
    /** Standard theta model: theta = 2, static line. */
    STM("theta", false, false),
    /** Optimised theta model: theta fitted, static line. */
    OTM("otm", true, false),
    /** Dynamic standard theta model: theta = 2, line updated with each observation. */
    DSTM("dstm", false, true),
    /** Dynamic optimised theta model: theta fitted, line updated with each observation. */
    DOTM("dotm", true, true);

    final String id;
    final boolean optimised;
    final boolean dynamic;

    Variant(String id, boolean optimised, boolean dynamic) {
      this.id = id;
      this.optimised = optimised;
      this.dynamic = dynamic;
    }

    /**
     * Returns the stable name of the variant's forecaster.
     *
     * @return the name
     */
    public String id() {
      return id;
    }
  }

  static final double ALPHA_LOW = 0.1;
  static final double ALPHA_HIGH = 0.99;
  static final double THETA_LOW = 1;
  static final double THETA_HIGH = 10;
  /**
   * The span, in seasons, of the evolving seasonal smoother on the Box-Cox scale: 11, the
   * default seasonal window of R's {@code forecast::stlf} and {@code mstl} for a single season
   * ({@code 7 + 4}), taken as published rather than tuned (7, the older default, scored a little
   * better on AirPassengers and M3 quarterly; see BENCHMARKS.md).
   */
  static final int SEASONAL_SPAN = 11;
  /** The shortest history a theta model is fitted to; shorter ones fall back to naive. */
  static final int MIN_LENGTH = 3;

  private final Variant variant;
  private final int season;
  private final boolean boxCox;

  /**
   * Creates the forecaster.
   *
   * @param variant the member of the family
   * @param season the season length for adjustment, 1 for none
   */
  public Theta(Variant variant, int season) {
    this(variant, season, false);
  }

  /**
   * Creates the forecaster, choosing how a seasonal series is adjusted.
   *
   * @param variant the member of the family
   * @param season the season length for adjustment, 1 for none
   * @param boxCox true to model a significantly seasonal, strictly positive series on its
   *     Box-Cox scale ({@link BoxCox}, Guerrero's lambda) with an evolving additive seasonal
   *     adjustment there, and to transform the forecasts back (as {@code auto} does); false for
   *     the M3 multiplicative adjustment of the series itself
   */
  Theta(Variant variant, int season, boolean boxCox) {
    this.variant = java.util.Objects.requireNonNull(variant, "variant");
    if (season < 1) {
      throw new IllegalArgumentException(
          "The season length (" + season + ") of " + variant.id + " must be at least 1.");
    }
    this.season = season;
    this.boxCox = boxCox;
  }

  @Override
  public String name() {
    return variant.id;
  }

  /**
   * A fitted theta model in the unit of its (adjusted) series.
   *
   * @param alpha the level smoothing
   * @param theta the theta coefficient
   * @param level the level after the last observation
   * @param a the line's intercept after the last observation
   * @param b the line's slope after the last observation
   * @param mse the mean squared one-step error
   * @param n the number of observations
   * @param l0 the fitted initial level
   */
  record Fitted(double alpha, double theta, double level, double a, double b, double mse, int n,
      double l0) {
    /** Point forecasts for steps 1..horizon. */
    double[] means(int horizon) {
      double w = 1 - 1 / theta;
      double base = level + w * (Math.pow(1 - alpha, n) * a
          + (1 - Math.pow(1 - alpha, n + 1)) / alpha * b);
      double[] f = new double[horizon];
      for (int h = 1; h <= horizon; h++) {
        f[h - 1] = base + w * (h - 1) * b;
      }
      return f;
    }

    /** Forecast standard deviations for steps 1..horizon. */
    double[] sds(int horizon) {
      double[] sd = new double[horizon];
      for (int h = 1; h <= horizon; h++) {
        sd[h - 1] = Math.sqrt(mse * (1 + (h - 1) * alpha * alpha));
      }
      return sd;
    }
  }

  /**
   * Fits the model to a series of at least {@link #MIN_LENGTH} values, not all equal.
   *
   * @param y the series
   * @return the fit, in the series' unit
   */
  Fitted fit(double[] y) {
    int n = y.length;
    double scale = 0;
    for (double v : y) {
      scale += Math.abs(v);
    }
    scale /= n;
    double[] ys = new double[n];
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int t = 0; t < n; t++) {
      ys[t] = y[t] / scale;
      min = Math.min(min, ys[t]);
      max = Math.max(max, ys[t]);
    }
    double[] line = line(ys);
    double range = Math.max(max - min, 0.1);
    // l_0 absorbs the line's share (1 - 1/theta) of the level when alpha is small, so its box
    // reaches well beyond the data.
    double lLo = Math.min(0, min) - 2 * range - 1;
    double lHi = max + 2 * range + 1;
    boolean opt = variant.optimised;
    double[] start = opt ? new double[3] : new double[2];
    start[0] = (ys[0] / 2 - lLo) / (lHi - lLo);
    start[1] = (0.5 - ALPHA_LOW) / (ALPHA_HIGH - ALPHA_LOW);
    if (opt) {
      start[2] = (2 - THETA_LOW) / (THETA_HIGH - THETA_LOW);
    }
    double[] out = new double[3];
    double[] best = Optim.minimize(u -> run(ys, params(u, lLo, lHi), line, null), start);
    double[] p = params(best, lLo, lHi);
    double mse = run(ys, p, line, out);
    return new Fitted(p[1], p[2], out[0] * scale, out[1] * scale, out[2] * scale,
        mse * scale * scale, n, p[0] * scale);
  }

  /**
   * Runs the model with given parameters, without fitting: the hand-checkable core of {@link
   * #fit(double[])}.
   *
   * @param y the series, at least {@link #MIN_LENGTH} long
   * @param l0 the initial level
   * @param alpha the level smoothing, in (0, 1]
   * @param theta the theta coefficient, at least 1
   * @return the model after the last observation
   */
  Fitted withParameters(double[] y, double l0, double alpha, double theta) {
    double[] out = new double[3];
    double mse = run(y, new double[] {l0, alpha, theta}, line(y), out);
    return new Fitted(alpha, theta, out[0], out[1], out[2], mse, y.length, l0);
  }

  private double[] params(double[] u, double lLo, double lHi) {
    double l0 = lLo + u[0] * (lHi - lLo);
    double alpha = ALPHA_LOW + u[1] * (ALPHA_HIGH - ALPHA_LOW);
    double theta = variant.optimised ? THETA_LOW + u[2] * (THETA_HIGH - THETA_LOW) : 2;
    return new double[] {l0, alpha, theta};
  }

  /**
   * Intercept and slope of the least-squares line through {@code y_1..y_n} at {@code t = 1..n}
   * (Fiorucci et al. 2016, eq. 3).
   */
  static double[] line(double[] y) {
    int n = y.length;
    double mean = 0;
    double ty = 0;
    for (int t = 0; t < n; t++) {
      mean += y[t];
      ty += (t + 1) * y[t];
    }
    mean /= n;
    double b = 6.0 / ((double) n * n - 1) * (2.0 / n * ty - (1 + n) * mean);
    return new double[] {mean - (n + 1) / 2.0 * b, b};
  }

  /**
   * Runs the model with {@code p = [l0, alpha, theta]}.
   *
   * @param y the scaled series
   * @param p the parameters
   * @param line the static line {A_n, B_n}
   * @param states if not null, receives the final level, intercept and slope
   * @return the mean squared one-step error
   */
  private double run(double[] y, double[] p, double[] line, double[] states) {
    int n = y.length;
    double level = p[0];
    double alpha = p[1];
    double w = 1 - 1 / p[2];
    double decay = 1; // (1 - alpha)^t
    double a = line[0];
    double b = line[1];
    double mean = 0;
    double sse = 0;
    int count = 0;
    boolean dynamic = variant.dynamic;
    for (int t = 0; t < n; t++) {
      // t observations seen; forecast y_(t+1).
      if (!dynamic || t >= 1) {
        double f = level + w * (decay * a + (1 - decay * (1 - alpha)) / alpha * b);
        double e = y[t] - f;
        sse += e * e;
        count++;
      }
      level = alpha * y[t] + (1 - alpha) * level;
      decay *= 1 - alpha;
      if (dynamic) {
        int k = t + 1; // observations now seen
        double prevMean = mean;
        mean = ((k - 1) * prevMean + y[t]) / k;
        if (k == 1) {
          a = y[t];
          b = 0;
        } else {
          b = ((k - 2) * b + 6 * (y[t] - prevMean) / k) / (k + 1);
          a = mean - (k + 1) / 2.0 * b;
        }
      }
    }
    if (states != null) {
      states[0] = level;
      states[1] = a;
      states[2] = b;
    }
    double mse = sse / Math.max(1, count);
    return Double.isFinite(mse) ? mse : Double.POSITIVE_INFINITY;
  }

  @Override
  public DemandForecast forecast(DemandSeries history, int horizon) {
    return fitOnce(history, horizon).forecast();
  }

  /**
   * {@inheritDoc} From an earlier origin the model keeps the fitted {@code l0}, {@code alpha}
   * and {@code theta} and the seasonal adjustment of the whole history; its line is that of the
   * values up to the origin, as a fit there would have it.
   */
  @Override
  public Origins fitOnce(DemandSeries all, int fitted, int horizon) {
    DemandSeries history = FixedParameters.prefix(all, fitted);
    Points.check(history, horizon, name(), 1);
    double[] raw = history.values();
    String fallback = fallbackReason(raw);
    if (fallback != null) {
      Naive naive = new Naive(season);
      DemandForecast f = naive.forecast(history, horizon);
      DemandForecast full = new DemandForecast(history.id(), name(), f.points(),
          Provenance.builtIn(name(), 0, Map.of("chosen", "naive", "fallback", fallback,
              "season", Integer.toString(season))));
      return Origins.of(full, (origin, steps) ->
          naive.forecast(FixedParameters.prefix(all, origin), steps));
    }
    BoxCox bc = boxCox ? BoxCox.forSeries(raw, season) : BoxCox.none("not asked for");
    // On the Box-Cox scale the series is adjusted additively; values after the fitted part
    // that cannot be transformed (zero or negative) are reached by refitting instead.
    double[] values = all.values();
    int usable = bc.active() ? BoxCox.positivePrefix(values) : values.length;
    double[] scaled = bc.transform(java.util.Arrays.copyOf(values, usable));
    SeasonalAdjustment adj = bc.active()
        ? SeasonalAdjustment.evolving(bc.transform(raw), season, SEASONAL_SPAN)
        : SeasonalAdjustment.of(raw, season);
    double[] adjusted = adj.adjust(scaled);
    Fitted fit = fit(adj.adjust(bc.transform(raw)));
    Map<String, String> settings = new java.util.LinkedHashMap<>();
    settings.put("season", Integer.toString(season));
    settings.put("theta", Double.toString(fit.theta()));
    settings.put("alpha", Double.toString(fit.alpha()));
    if (boxCox) {
      settings.put("lambda", bc.describe());
    }
    Provenance prov = Provenance.builtIn(name(), 0, settings);
    DemandForecast full = forecast(history.id(), bc, adj, fit, horizon, raw.length, prov);
    return Origins.of(full, (origin, steps) -> {
      if (origin < 2) {
        return new Naive(season).forecast(FixedParameters.prefix(all, origin), steps);
      }
      if (origin > usable) {
        return Theta.this.forecast(FixedParameters.prefix(all, origin), steps);
      }
      double[] prefix = java.util.Arrays.copyOf(adjusted, origin);
      Fitted f = withParameters(prefix, fit.l0(), fit.alpha(), fit.theta());
      Fitted spread = new Fitted(f.alpha(), f.theta(), f.level(), f.a(), f.b(), fit.mse(),
          f.n(), f.l0());
      return Theta.this.forecast(history.id(), bc, adj, spread, steps, origin, prov);
    });
  }

  private DemandForecast forecast(String id, BoxCox bc, SeasonalAdjustment adj, Fitted fit,
      int horizon, int n, Provenance prov) {
    double[] mean = fit.means(horizon);
    double[] sd = fit.sds(horizon);
    adj.reseasonalize(mean, n);
    adj.reseasonalizeSpread(sd, n);
    return new DemandForecast(id, name(), bc.active() ? bc.points(name(), id, mean, sd)
        : Points.normal(name(), id, mean, sd), prov);
  }

  /** Why a series gets naive instead, or null. */
  static String fallbackReason(double[] y) {
    if (y.length < MIN_LENGTH) {
      return "history of " + y.length + " period(s), theta needs " + MIN_LENGTH;
    }
    for (double v : y) {
      if (v != y[0]) {
        return null;
      }
    }
    return "constant history";
  }
}
