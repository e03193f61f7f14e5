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
  /** The error component: how the one-step errors enter the likelihood. */
  enum Error {
    /** Additive errors: {@code y = mu + e}, likelihood from the sum of squared errors. */
    ADDITIVE,
    /**
     * Multiplicative (relative) errors: {@code y = mu (1 + e)}, likelihood from the sum of
     * squared relative errors and the log fitted values; needs positive fitted values.
     */
    MULTIPLICATIVE
  }

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

  final Error error;
  final Trend trend;
  final Season season;
  final int m;
  final boolean zeroStart;
  final boolean thorough;

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
    this(Error.ADDITIVE, trend, season, m, zeroStart);
  }

  /**
   * Creates a model of the state-space family.
   *
   * @param error the error
   * @param trend the trend
   * @param season the season
   * @param m the season length (ignored without a season)
   * @param zeroStart as for {@link #Ets(Trend, Season, int, boolean)}
   */
  Ets(Error error, Trend trend, Season season, int m, boolean zeroStart) {
    this(error, trend, season, m, zeroStart, true);
  }

  /**
   * Creates a model of the state-space family, choosing the optimiser.
   *
   * @param error the error
   * @param trend the trend
   * @param season the season
   * @param m the season length (ignored without a season)
   * @param zeroStart as for {@link #Ets(Trend, Season, int, boolean)}
   * @param thorough true to fit a seasonal model with both BOBYQA and Nelder-Mead (the
   *     Holt-Winters built-ins, see {@link Optim}), false for Nelder-Mead restarted once (the
   *     automatic selection, which fits up to fifteen models and cannot afford BOBYQA)
   */
  Ets(Error error, Trend trend, Season season, int m, boolean zeroStart, boolean thorough) {
    this.thorough = thorough;
    this.error = error;
    this.trend = trend;
    this.season = season;
    this.m = season == Season.NONE ? 1 : m;
    this.zeroStart = zeroStart && season == Season.NONE && error == Error.ADDITIVE;
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
   * Fits the model to a series.
   *
   * @param y the series, at least {@link #minLength()} long; strictly positive for a
   *     multiplicative season
   * @return the fitted model
   */
  EtsFit fit(double[] y) {
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
      double[] p0 = {LOW, 0, 0, trend == Trend.DAMPED ? PHI_HIGH : 1, 0, 0};
      return new EtsFit(this, LOW, 0, 0, p0[3], 0, 0, s0, 0, n, Double.NEGATIVE_INFINITY, 0,
          new EtsFit.Start(1, p0, s0.clone()));
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
    if (lay.b0 >= 0 && !Double.isFinite(
        run(ys, lay.params(start, lLo, lHi, bLo, bHi), s0, scratch, null, 0, null))) {
      // The regression trend can drive the level below zero (a spike among the first periods):
      // start from a flat trend at the first periods' mean level and the smallest smoothing
      // instead, which the box contains.
      double[] flat = start.clone();
      flat[lay.b0] = (0 - bLo) / (bHi - bLo);
      if (lay.l0 >= 0) {
        double mean = 0;
        for (int t = 0; t < k0; t++) {
          mean += d[t] / k0;
        }
        flat[lay.l0] = Math.max(0, Math.min(1, (mean - lLo) / (lHi - lLo)));
      }
      flat[lay.alpha] = 0;
      if (lay.beta >= 0) {
        flat[lay.beta] = 0;
      }
      if (lay.gamma >= 0) {
        flat[lay.gamma] = 0;
      }
      if (Double.isFinite(run(ys, lay.params(flat, lLo, lHi, bLo, bHi), s0, scratch, null, 0, null))) {
        start = flat;
      }
    }
    double[] best = Optim.minimize(
        u -> run(ys, lay.params(u, lLo, lHi, bLo, bHi), s0, scratch, null, 0, null), start,
        season != Season.NONE && thorough, !thorough);
    double[] p = lay.params(best, lLo, lHi, bLo, bHi);
    double[] states = new double[2];
    int warmUp = zeroStart ? Math.max(1, n / 4) : 0;
    double[] stats = new double[4];
    run(ys, p, s0, scratch, states, warmUp, stats);
    double[] seasonalOut = season == Season.NONE ? new double[0] : new double[m];
    for (int j = 0; j < seasonalOut.length; j++) {
      seasonalOut[j] = season == Season.ADDITIVE ? scratch[j] * scale : scratch[j];
    }
    int count = (int) stats[3];
    double sse = stats[0] * scale * scale;
    double lik;
    if (count == 0 || !Double.isFinite(stats[0])) {
      lik = Double.POSITIVE_INFINITY;
    } else if (error == Error.MULTIPLICATIVE) {
      lik = count * Math.log(Math.max(stats[1], 1e-300) / count)
          + 2 * (stats[2] + count * Math.log(scale));
    } else {
      lik = count * Math.log(Math.max(sse, 1e-300) / count);
    }
    return new EtsFit(this, p[0], p[1], p[2], p[3], states[0] * scale, states[1] * scale,
        seasonalOut, Double.isFinite(stats[0]) ? sse : Double.POSITIVE_INFINITY, n - warmUp, lik,
        stats[1], new EtsFit.Start(scale, p, s0.clone()));
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
   * Runs the recursions with parameters {@code p = [alpha, beta, gamma, phi, l0, b0]}. The
   * recursions are the same for additive and multiplicative errors (Hyndman et al. 2008, section
   * 2.5.2: the two share their point forecasts); only the likelihood differs.
   *
   * @param y the scaled series
   * @param p the parameters
   * @param s0 the initial seasonal states
   * @param s scratch for the seasonal states; holds the final ones on return
   * @param finalStates if not null, receives the final level and trend
   * @param skip how many first errors to leave out of the statistics
   * @param stats if not null, receives {@code [sum e^2, sum (e / yhat)^2, sum log yhat,
   *     count]} over the errors counted
   * @return the objective the fit minimises: the sum of squared errors for additive errors,
   *     {@code count log(sum (e / yhat)^2) + 2 sum log yhat} for multiplicative ones; +infinity
   *     if the model breaks down
   */
  double run(double[] y, double[] p, double[] s0, double[] s, double[] finalStates, int skip,
      double[] stats) {
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
    boolean multError = error == Error.MULTIPLICATIVE;
    double sse = 0;
    double rel = 0;
    double logs = 0;
    // The product of the fitted values, folded into logs before it can overflow or underflow:
    // one logarithm per series instead of one per period (the objective's main cost).
    double prod = 1;
    int count = 0;
    for (int t = 0; t < y.length; t++) {
      double base = l + phi * b;
      int pos = seasonal ? t % m : 0;
      double st = seasonal ? s[pos] : 0;
      double e;
      double mu;
      if (mult) {
        if (!(base > 0) || !(st > 0)) {
          return Double.POSITIVE_INFINITY;
        }
        mu = base * st;
        e = y[t] - mu;
        l = base + alpha * e / st;
        b = phi * b + beta * e / st;
        s[pos] = st + gamma * e / base;
        if (!Double.isFinite(s[pos]) || !Double.isFinite(l) || !Double.isFinite(b)) {
          // A level near zero blew a state up: the model breaks down, as for base <= 0.
          return Double.POSITIVE_INFINITY;
        }
      } else {
        mu = base + st;
        e = y[t] - mu;
        l = base + alpha * e;
        b = phi * b + beta * e;
        if (seasonal) {
          s[pos] = st + gamma * e;
        }
      }
      if (t >= skip) {
        sse += e * e;
        if (multError) {
          if (!(mu > 0)) {
            return Double.POSITIVE_INFINITY;
          }
          double r = e / mu;
          rel += r * r;
          prod *= mu;
          if (prod > 1e150 || prod < 1e-150) {
            logs += Math.log(prod);
            prod = 1;
          }
        }
        count++;
      }
    }
    logs += Math.log(prod);
    if (finalStates != null) {
      finalStates[0] = l;
      finalStates[1] = b;
    }
    if (stats != null) {
      stats[0] = sse;
      stats[1] = rel;
      stats[2] = logs;
      stats[3] = count;
    }
    double obj = multError ? count * Math.log(Math.max(rel, 1e-300)) + 2 * logs : sse;
    return Double.isFinite(obj) && Double.isFinite(sse) ? obj : Double.POSITIVE_INFINITY;
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
