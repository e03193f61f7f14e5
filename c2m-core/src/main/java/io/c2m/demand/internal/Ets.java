package io.c2m.demand.internal;

import java.util.Arrays;

/**
 * Exponential smoothing in its innovations state-space form with additive errors, after Hyndman,
 * Koehler, Ord and Snyder (2008), "Forecasting with Exponential Smoothing: The State Space
 * Approach", Springer, chapter 2 (table 2.3) and chapter 6 (prediction variances of class 1).
 * Internal: the engine behind {@code ses}, {@code holt}, {@code holt-damped} and the two
 * Holt-Winters forecasters, and the models {@code auto} chooses among.
 *
 * <p>Recursions with one-step error {@code e = y - yhat}, level {@code l}, trend {@code b},
 * damping {@code phi} (1 without damping) and seasonal state {@code s} of the same position in the
 * previous cycle:
 *
 * <pre>
 *   no or additive season: yhat = l + phi b (+ s)   l' = l + phi b + alpha e   b' = phi b + beta e
 *                          s' = s + gamma e
 *   multiplicative season: yhat = (l + phi b) s      l' = l + phi b + alpha e / s
 *                          b' = phi b + beta e / s   s' = s + gamma e / (l + phi b)
 * </pre>
 *
 * <p>Fitting minimises the in-sample one-step sum of squared errors (the Gaussian likelihood of
 * the additive-error model) over the smoothing parameters and the initial level and trend, in the
 * usual region of Hyndman et al. (2008, section 5.4 / the {@code ets} defaults): {@code 1e-4 <=
 * alpha <= 0.9999}, {@code 1e-4 alpha <= beta <= 0.9999 alpha}, {@code 1e-4 (1 - alpha) <= gamma
 * <= 0.9999 (1 - alpha)}, {@code 0.8 <= phi <= 0.98}.
 *
 * <p>Initial states. By default the non-seasonal models start level and trend at zero and count
 * the warm-up errors in the fitted sum, so the smoothing constants are chosen for how fast the
 * model learns the series as well as how it tracks it; their residual variance leaves the first
 * quarter of the
 * errors out. On the M3 yearly and quarterly series this gave the most accurate forecasts of the
 * variants we measured (see BENCHMARKS.md): optimising the initial states as well (the {@code ets}
 * way), or fixing them by the regression heuristic of section 2.6.1, fitted the short series
 * closely but forecast them worse, notably the damped trend on quarterly data (4 to 7% higher
 * sMAPE). The price is that the default's constants are biased toward fast adaptation and are
 * not likelihood estimates; with {@code zeroStart} false the initial level and trend are fitted
 * with the constants (within a box around the regression heuristic), which estimates the
 * constants of a long series consistently. The Holt-Winters models fit initial level and trend
 * within a box around the regression heuristic, with seasonal states from a classical
 * decomposition. The series is
 * divided by its mean before fitting, so that the optimiser sees values near 1 whatever the unit.
 * Immutable and thread-safe.
 */
final class Ets {
  /** The trend component. */
  enum Trend {
    /** No trend. */
    NONE,
    /** Additive (linear) trend. */
    ADDITIVE,
    /** Additive damped trend. */
    DAMPED
  }

  /** The seasonal component. */
  enum Season {
    /** No season. */
    NONE,
    /** Additive season. */
    ADDITIVE,
    /** Multiplicative season. */
    MULTIPLICATIVE
  }

  private static final double LOW = 1e-4;
  private static final double HIGH = 0.9999;
  private static final double PHI_LOW = 0.8;
  private static final double PHI_HIGH = 0.98;

  final Trend trend;
  final Season season;
  final int m;
  final boolean zeroStart;

  /**
   * Creates a model.
   *
   * @param trend the trend
   * @param season the season
   * @param m the season length (ignored without a season)
   * @param zeroStart for non-seasonal models: start the states at zero and count the warm-up
   *     errors (the default of the built-ins), rather than fit the initial states
   */
  Ets(Trend trend, Season season, int m, boolean zeroStart) {
    this.trend = trend;
    this.season = season;
    this.m = season == Season.NONE ? 1 : m;
    this.zeroStart = zeroStart && season == Season.NONE;
  }

  Ets(Trend trend, Season season, int m) {
    this(trend, season, m, true);
  }

  /**
   * The minimum number of periods to fit this model.
   *
   * @return the minimum length
   */
  int minLength() {
    int base = switch (trend) {
      case NONE -> 2;
      case ADDITIVE -> 3;
      case DAMPED -> 4;
    };
    return season == Season.NONE ? base : Math.max(base, 2 * m);
  }

  /** Number of parameters the optimiser fits. */
  int freeParameters() {
    int k = zeroStart ? 1 : 2; // alpha, l0
    if (trend != Trend.NONE) {
      k += zeroStart ? 1 : 2; // beta, b0
    }
    if (trend == Trend.DAMPED) {
      k++;
    }
    if (season != Season.NONE) {
      k++; // gamma
    }
    return k;
  }

  /**
   * A fitted model: parameters, final states (in the original unit) and fit statistics.
   *
   * @param model the model
   * @param alpha level smoothing
   * @param beta trend smoothing (0 without trend)
   * @param gamma seasonal smoothing (0 without season)
   * @param phi damping (1 without damping)
   * @param level the level after the last observation
   * @param slope the trend after the last observation
   * @param seasonal the seasonal states by position {@code t mod m} (length m), or empty
   * @param sse the in-sample sum of squared one-step errors
   * @param n the number of observations
   */
  record Fitted(Ets model, double alpha, double beta, double gamma, double phi, double level,
      double slope, double[] seasonal, double sse, int n) {

    /** Residual variance with a degrees-of-freedom correction. */
    double sigma2() {
      int k = model.freeParameters() + (model.season == Season.NONE ? 0 : model.m - 1);
      int dof = n - k;
      return sse / (dof >= 1 ? dof : Math.max(1, n));
    }

    /**
     * The corrected Akaike information criterion of the Gaussian likelihood; infinite when the
     * series is too short for the number of parameters.
     */
    double aicc() {
      int k = model.freeParameters() + 1 + (model.season == Season.NONE ? 0 : model.m - 1);
      if (n - k - 1 <= 0) {
        return Double.POSITIVE_INFINITY;
      }
      double s = Math.max(sse, 1e-300);
      double aic = n * Math.log(s / n) + 2.0 * k;
      return aic + 2.0 * k * (k + 1) / (n - k - 1);
    }

    /** Point forecasts for steps 1..horizon. */
    double[] means(int horizon) {
      double[] f = new double[horizon];
      double phiSum = 0;
      double phiPow = 1;
      for (int h = 1; h <= horizon; h++) {
        phiPow *= phi;
        phiSum += trend() ? phiPow : 0;
        double base = level + phiSum * slope;
        f[h - 1] = switch (model.season) {
          case NONE -> base;
          case ADDITIVE -> base + seasonal[(n + h - 1) % model.m];
          case MULTIPLICATIVE -> base * seasonal[(n + h - 1) % model.m];
        };
      }
      return f;
    }

    /**
     * Forecast standard deviations for steps 1..horizon, from the class-1 variance {@code
     * sigma^2 (1 + sum_{j<h} c_j^2)} with {@code c_j = alpha + beta (phi + ... + phi^j) + gamma
     * [j mod m = 0]} (Hyndman et al. 2008, table 6.1). For the multiplicative season the same
     * expression scaled by the seasonal index is used, an approximation (section 6.4).
     */
    double[] sds(int horizon) {
      double s2 = sigma2();
      double[] sd = new double[horizon];
      double acc = 1;
      double phiSum = 0;
      double phiPow = 1;
      for (int h = 1; h <= horizon; h++) {
        if (h > 1) {
          int j = h - 1;
          phiPow *= phi;
          phiSum += phiPow;
          double c = alpha + (trend() ? beta * phiSum : 0)
              + (model.season != Season.NONE && j % model.m == 0 ? gamma : 0);
          acc += c * c;
        }
        double v = s2 * acc;
        if (model.season == Season.MULTIPLICATIVE) {
          double idx = seasonal[(n + h - 1) % model.m];
          v *= idx * idx;
        }
        sd[h - 1] = Math.sqrt(v);
      }
      return sd;
    }

    private boolean trend() {
      return model.trend != Trend.NONE;
    }
  }

  /**
   * Fits the model to a series.
   *
   * @param y the series, at least {@link #minLength()} long; strictly positive for a
   *     multiplicative season
   * @return the fitted model
   */
  Fitted fit(double[] y) {
    int n = y.length;
    double scale = 0;
    for (double v : y) {
      scale += Math.abs(v);
    }
    scale /= n;
    if (scale == 0) {
      double[] s0 = season == Season.NONE ? new double[0] : new double[m];
      if (season == Season.MULTIPLICATIVE) {
        Arrays.fill(s0, 1.0);
      }
      return new Fitted(this, LOW, 0, 0, trend == Trend.DAMPED ? PHI_HIGH : 1, 0, 0, s0, 0, n);
    }
    double[] ys = new double[n];
    for (int t = 0; t < n; t++) {
      ys[t] = y[t] / scale;
    }
    double[] s0 = initialSeason(ys);
    double[] d = new double[n];
    for (int t = 0; t < n; t++) {
      d[t] = switch (season) {
        case NONE -> ys[t];
        case ADDITIVE -> ys[t] - s0[t % m];
        case MULTIPLICATIVE -> ys[t] / s0[t % m];
      };
    }
    int k0 = Math.min(10, n);
    double l0;
    double b0 = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : d) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    double range = Math.max(max - min, 0.1);
    if (trend == Trend.NONE) {
      l0 = d[0];
    } else {
      double mx = (k0 + 1) / 2.0;
      double my = 0;
      for (int t = 0; t < k0; t++) {
        my += d[t];
      }
      my /= k0;
      double sxy = 0;
      double sxx = 0;
      for (int t = 0; t < k0; t++) {
        double x = t + 1 - mx;
        sxy += x * (d[t] - my);
        sxx += x * x;
      }
      b0 = sxx > 0 ? sxy / sxx : 0;
      l0 = my - b0 * mx;
    }
    double lLo = l0 - range;
    double lHi = l0 + range;
    double bW = Math.max(2 * Math.abs(b0), Math.max(range / Math.max(1, k0 - 1), 0.02));
    double bLo = b0 - bW;
    double bHi = b0 + bW;

    // Non-seasonal models start their states at zero and count the warm-up errors; seasonal ones
    // fit the initial level and trend within a box around the regression heuristic.
    Layout lay = new Layout(zeroStart);
    int k = lay.size;
    double[] start = new double[k];
    start[lay.alpha] = 0.2;
    if (lay.beta >= 0) {
      start[lay.beta] = 0.1;
    }
    if (lay.gamma >= 0) {
      start[lay.gamma] = 0.05;
    }
    if (lay.phi >= 0) {
      start[lay.phi] = (0.95 - PHI_LOW) / (PHI_HIGH - PHI_LOW);
    }
    if (lay.l0 >= 0) {
      start[lay.l0] = 0.5;
    }
    if (lay.b0 >= 0) {
      start[lay.b0] = 0.5;
    }
    double[] scratch = new double[Math.max(1, m)];
    double[] best = Optim.minimize(
        u -> run(ys, lay.params(u, lLo, lHi, bLo, bHi), s0, scratch, null, 0), start,
        season != Season.NONE);
    double[] p = lay.params(best, lLo, lHi, bLo, bHi);
    double[] states = new double[2];
    int warmUp = zeroStart ? Math.max(1, n / 4) : 0;
    double sse = run(ys, p, s0, scratch, states, warmUp);
    double[] seasonalOut = season == Season.NONE ? new double[0] : new double[m];
    for (int j = 0; j < seasonalOut.length; j++) {
      seasonalOut[j] = season == Season.ADDITIVE ? scratch[j] * scale : scratch[j];
    }
    return new Fitted(this, p[0], p[1], p[2], p[3], states[0] * scale, states[1] * scale,
        seasonalOut, sse * scale * scale, n - warmUp);
  }

  private double[] initialSeason(double[] ys) {
    if (season == Season.NONE) {
      return new double[] {0};
    }
    double[] idx = (season == Season.MULTIPLICATIVE
        ? Seasonality.multiplicativeIndices(ys, m) : Seasonality.additiveIndices(ys, m))
        .orElse(null);
    if (idx == null) {
      idx = new double[m];
      if (season == Season.MULTIPLICATIVE) {
        Arrays.fill(idx, 1.0);
      }
    }
    return idx;
  }

  /**
   * Runs the recursions with parameters {@code p = [alpha, beta, gamma, phi, l0, b0]}.
   *
   * @param y the scaled series
   * @param p the parameters
   * @param s0 the initial seasonal states
   * @param s scratch for the seasonal states; holds the final ones on return
   * @param finalStates if not null, receives the final level and trend
   * @param skip how many first errors to leave out of the sum
   * @return the sum of squared one-step errors, or +infinity if the model breaks down
   */
  private double run(
      double[] y, double[] p, double[] s0, double[] s, double[] finalStates, int skip) {
    double alpha = p[0];
    double beta = p[1];
    double gamma = p[2];
    double phi = p[3];
    double l = p[4];
    double b = p[5];
    boolean seasonal = season != Season.NONE;
    if (seasonal) {
      System.arraycopy(s0, 0, s, 0, m);
    }
    boolean mult = season == Season.MULTIPLICATIVE;
    double sse = 0;
    for (int t = 0; t < y.length; t++) {
      double base = l + phi * b;
      int pos = seasonal ? t % m : 0;
      double st = seasonal ? s[pos] : 0;
      double e;
      if (mult) {
        if (!(base > 0) || !(st > 0)) {
          return Double.POSITIVE_INFINITY;
        }
        e = y[t] - base * st;
        l = base + alpha * e / st;
        b = phi * b + beta * e / st;
        s[pos] = st + gamma * e / base;
      } else {
        e = y[t] - base - st;
        l = base + alpha * e;
        b = phi * b + beta * e;
        if (seasonal) {
          s[pos] = st + gamma * e;
        }
      }
      if (t >= skip) {
        sse += e * e;
      }
    }
    if (finalStates != null) {
      finalStates[0] = l;
      finalStates[1] = b;
    }
    return Double.isFinite(sse) ? sse : Double.POSITIVE_INFINITY;
  }

  /** Where each parameter sits in the optimiser's unit vector, and the map to real values. */
  private final class Layout {
    final int alpha;
    final int beta;
    final int gamma;
    final int phi;
    final int l0;
    final int b0;

    final int size;

    Layout(boolean zeroStart) {
      int i = 0;
      alpha = i++;
      beta = trend != Trend.NONE ? i++ : -1;
      gamma = season != Season.NONE ? i++ : -1;
      phi = trend == Trend.DAMPED ? i++ : -1;
      l0 = zeroStart ? -1 : i++;
      b0 = !zeroStart && trend != Trend.NONE ? i++ : -1;
      size = i;
    }

    double[] params(double[] u, double lLo, double lHi, double bLo, double bHi) {
      double a = LOW + u[alpha] * (HIGH - LOW);
      double bt = beta >= 0 ? a * (LOW + u[beta] * (HIGH - LOW)) : 0;
      double g = gamma >= 0 ? (1 - a) * (LOW + u[gamma] * (HIGH - LOW)) : 0;
      double ph = phi >= 0 ? PHI_LOW + u[phi] * (PHI_HIGH - PHI_LOW) : 1;
      double l = l0 >= 0 ? lLo + u[l0] * (lHi - lLo) : 0;
      double b = b0 >= 0 ? bLo + u[b0] * (bHi - bLo) : 0;
      return new double[] {a, bt, g, ph, l, b};
    }
  }
}
