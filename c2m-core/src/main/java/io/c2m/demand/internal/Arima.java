package io.c2m.demand.internal;

import io.c2m.Provenance;
import io.c2m.demand.DemandForecast;
import io.c2m.demand.DemandForecaster;
import io.c2m.demand.DemandSeries;
import java.util.HashMap;
import java.util.Map;

/**
 * Automatic non-seasonal ARIMA after Hyndman and Khandakar (2008), "Automatic time series
 * forecasting: the forecast package for R", JSS 27(3), on the seasonally adjusted series ({@link
 * SeasonalAdjustment}, as the other non-seasonal methods). Immutable and thread-safe.
 *
 * <ol>
 *   <li>Differencing: the KPSS test of level stationarity (Kwiatkowski, Phillips, Schmidt and
 *       Shin 1992; Bartlett long-run variance with {@code floor(3 sqrt(n) / 13)} lags) at 5%
 *       (critical value 0.463); the series is differenced while the test rejects, at most twice.
 *   <li>Orders: the stepwise search from ARIMA(2,d,2), (0,d,0), (1,d,0) and (0,d,1), moving p or
 *       q by one and toggling the constant (the mean for d = 0, the drift for d = 1; none for d =
 *       2), {@code p, q <= 3}, keeping the model with the smallest AICc.
 *   <li>Fitting: conditional sum of squares (errors before the first {@code p} differences set
 *       to zero), Nelder-Mead on the coefficients in (-1, 1) with non-stationary or
 *       non-invertible first- and second-order polynomials refused. Conditional least squares is
 *       the Gaussian likelihood conditional on the first values: not the exact likelihood of
 *       {@code auto.arima}, which this departs from (documented in BENCHMARKS.md).
 *   <li>Forecasts: the ARMA recursion with future errors zero, integrated back; quantiles from the
 *       psi weights of the integrated model, variance {@code sigma^2 sum_{j<h} psi_j^2}.
 * </ol>
 *
 * <p>A history shorter than 6 periods or constant falls back to {@code naive}, named in the
 * provenance setting {@code chosen} with {@code fallback} giving the reason.
 */
public final class Arima implements DemandForecaster {
  static final int MIN_LENGTH = 6;
  private static final int MAX_ORDER = 3;
  private static final double KPSS_CRITICAL = 0.463;

  private final int season;

  /**
   * Creates the forecaster.
   *
   * @param season the season length for adjustment, 1 for none
   */
  public Arima(int season) {
    if (season < 1) {
      throw new IllegalArgumentException(
          "The season length (" + season + ") of arima must be at least 1.");
    }
    this.season = season;
  }

  @Override
  public String name() {
    return "arima";
  }

  /**
   * A fitted model on the differenced, scaled series.
   *
   * @param p the AR order
   * @param d the differencing
   * @param q the MA order
   * @param constant whether it has a constant
   * @param coef ar coefficients, then ma coefficients, then the constant (if any)
   * @param sse the conditional sum of squares
   * @param n the number of errors counted
   */
  record Fitted(int p, int d, int q, boolean constant, double[] coef, double sse, int n) {
    double aicc() {
      int k = p + q + (constant ? 1 : 0) + 1;
      if (n - k - 1 <= 0 || !Double.isFinite(sse)) {
        return Double.POSITIVE_INFINITY;
      }
      return n * Math.log(Math.max(sse, 1e-300) / n) + 2.0 * k + 2.0 * k * (k + 1) / (n - k - 1);
    }
  }

  /** KPSS level-stationarity statistic. */
  static double kpss(double[] y) {
    int n = y.length;
    double mean = 0;
    for (double v : y) {
      mean += v / n;
    }
    double[] e = new double[n];
    for (int t = 0; t < n; t++) {
      e[t] = y[t] - mean;
    }
    int lags = (int) Math.floor(3 * Math.sqrt(n) / 13);
    double s2 = 0;
    for (double v : e) {
      s2 += v * v;
    }
    s2 /= n;
    for (int k = 1; k <= lags; k++) {
      double g = 0;
      for (int t = k; t < n; t++) {
        g += e[t] * e[t - k];
      }
      s2 += 2 * (1 - k / (lags + 1.0)) * g / n;
    }
    if (!(s2 > 0)) {
      return 0;
    }
    double cum = 0;
    double sum = 0;
    for (double v : e) {
      cum += v;
      sum += cum * cum;
    }
    return sum / ((double) n * n * s2);
  }

  static double[] diff(double[] y) {
    double[] d = new double[y.length - 1];
    for (int t = 1; t < y.length; t++) {
      d[t - 1] = y[t] - y[t - 1];
    }
    return d;
  }

  /** Conditional sum of squares of ARMA(p, q) with coefficients c on w; errors into e. */
  static double css(double[] w, int p, int q, boolean constant, double[] c, double[] e) {
    double mu = constant ? c[p + q] : 0;
    double sse = 0;
    for (int t = 0; t < w.length; t++) {
      if (t < p) {
        e[t] = 0;
        continue;
      }
      double f = mu;
      for (int i = 1; i <= p; i++) {
        f += c[i - 1] * (w[t - i] - mu);
      }
      for (int j = 1; j <= q; j++) {
        f += t - j >= 0 ? c[p + j - 1] * e[t - j] : 0;
      }
      e[t] = w[t] - f;
      sse += e[t] * e[t];
    }
    return Double.isFinite(sse) ? sse : Double.POSITIVE_INFINITY;
  }

  /** Whether 1 - a1 z - a2 z^2 (or its first or zeroth order) has its roots outside the circle. */
  private static boolean stable(double[] c, int from, int order, double sign) {
    if (order == 0) {
      return true;
    }
    double a1 = sign * c[from];
    if (order == 1) {
      return Math.abs(a1) < 0.999;
    }
    double a2 = sign * c[from + 1];
    if (order == 2) {
      return Math.abs(a2) < 0.999 && a1 + a2 < 0.999 && a2 - a1 < 0.999;
    }
    double s = 0;
    for (int i = 0; i < order; i++) {
      s += Math.abs(c[from + i]);
    }
    return s < 0.999; // a sufficient condition for higher orders
  }

  Fitted fit(double[] w, int d, int p, int q, boolean constant) {
    int k = p + q + (constant ? 1 : 0);
    double mean = 0;
    double sd = 0;
    for (double v : w) {
      mean += v / w.length;
    }
    for (double v : w) {
      sd += (v - mean) * (v - mean) / w.length;
    }
    double range = 3 * Math.sqrt(sd) + 1e-9;
    double muLo = mean - range;
    double muHi = mean + range;
    double[] e = new double[w.length];
    int n = w.length - p;
    if (k == 0) {
      return new Fitted(p, d, q, false, new double[0], css(w, 0, 0, false, new double[0], e), n);
    }
    java.util.function.Function<double[], double[]> map = u -> {
      double[] c = new double[k];
      for (int i = 0; i < p + q; i++) {
        c[i] = 2 * u[i] - 1;
      }
      if (constant) {
        c[p + q] = muLo + u[p + q] * (muHi - muLo);
      }
      return c;
    };
    double[] start = new double[k];
    java.util.Arrays.fill(start, 0.5);
    if (constant) {
      start[p + q] = 0.5;
    }
    double[] scratch = new double[w.length];
    double[] best = Optim.minimize(u -> {
      double[] c = map.apply(u);
      if (!stable(c, 0, p, 1) || !stable(c, p, q, -1)) {
        return Double.POSITIVE_INFINITY;
      }
      return css(w, p, q, constant, c, scratch);
    }, start);
    double[] c = map.apply(best);
    double sse = stable(c, 0, p, 1) && stable(c, p, q, -1)
        ? css(w, p, q, constant, c, e) : Double.POSITIVE_INFINITY;
    return new Fitted(p, d, q, constant, c, sse, n);
  }

  /** Chooses d and the orders. */
  Fitted select(double[] y) {
    int d = 0;
    double[] w = y;
    while (d < 2 && w.length > MIN_LENGTH && kpss(w) > KPSS_CRITICAL) {
      w = diff(w);
      d++;
    }
    boolean allowConstant = d < 2;
    java.util.Map<String, Fitted> seen = new java.util.HashMap<>();
    Fitted best = null;
    int[][] starts = {{2, 2}, {0, 0}, {1, 0}, {0, 1}};
    for (int[] s : starts) {
      best = better(best, visit(seen, w, d, s[0], s[1], allowConstant));
    }
    boolean improved = true;
    int steps = 0;
    while (improved && steps++ < 50) {
      improved = false;
      Fitted b = best;
      int[][] moves = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}, {1, 1}, {-1, -1}, {1, -1}, {-1, 1}};
      for (int[] m : moves) {
        int p = b.p() + m[0];
        int q = b.q() + m[1];
        if (p < 0 || q < 0 || p > MAX_ORDER || q > MAX_ORDER) {
          continue;
        }
        Fitted f = visit(seen, w, d, p, q, b.constant());
        if (f.aicc() < best.aicc()) {
          best = f;
          improved = true;
        }
      }
      if (allowConstant) {
        Fitted f = visit(seen, w, d, b.p(), b.q(), !b.constant());
        if (f.aicc() < best.aicc()) {
          best = f;
          improved = true;
        }
      }
    }
    return best;
  }

  private Fitted visit(java.util.Map<String, Fitted> seen, double[] w, int d, int p, int q,
      boolean constant) {
    String key = p + "," + q + "," + constant;
    Fitted f = seen.get(key);
    if (f == null) {
      f = w.length - p > p + q + 3 ? fit(w, d, p, q, constant)
          : new Fitted(p, d, q, constant, new double[p + q + (constant ? 1 : 0)],
              Double.POSITIVE_INFINITY, 0);
      seen.put(key, f);
    }
    return f;
  }

  private static Fitted better(Fitted a, Fitted b) {
    return a == null || b.aicc() < a.aicc() ? b : a;
  }

  /** Means and standard deviations of steps 1..h on the scaled series. */
  static double[][] forecast(double[] y, Fitted f, int horizon) {
    int d = f.d();
    double[] w = y;
    double[][] levels = new double[d][];
    for (int i = 0; i < d; i++) {
      levels[i] = w;
      w = diff(w);
    }
    int p = f.p();
    int q = f.q();
    double[] c = f.coef();
    double mu = f.constant() ? c[p + q] : 0;
    double[] e = new double[w.length];
    css(w, p, q, f.constant(), c, e);
    int n = w.length;
    double[] ext = java.util.Arrays.copyOf(w, n + horizon);
    double[] ee = java.util.Arrays.copyOf(e, n + horizon);
    for (int t = n; t < n + horizon; t++) {
      double v = mu;
      for (int i = 1; i <= p; i++) {
        v += c[i - 1] * (ext[t - i] - mu);
      }
      for (int j = 1; j <= q; j++) {
        v += t - j >= 0 && t - j < n ? c[p + j - 1] * ee[t - j] : 0;
      }
      ext[t] = v;
    }
    double[] fc = java.util.Arrays.copyOfRange(ext, n, n + horizon);
    for (int i = d - 1; i >= 0; i--) {
      double last = levels[i][levels[i].length - 1];
      for (int h = 0; h < horizon; h++) {
        last += fc[h];
        fc[h] = last;
      }
    }
    // psi weights of phi(B) (1 - B)^d y = theta(B) e.
    double[] phi = new double[p + d + 1];
    phi[0] = 1;
    for (int i = 1; i <= p; i++) {
      phi[i] = -c[i - 1];
    }
    for (int k = 0; k < d; k++) {
      for (int i = phi.length - 1; i >= 1; i--) {
        phi[i] -= phi[i - 1];
      }
    }
    double[] psi = new double[horizon];
    psi[0] = 1;
    for (int j = 1; j < horizon; j++) {
      double v = j <= q ? c[p + j - 1] : 0;
      for (int i = 1; i < phi.length && i <= j; i++) {
        v -= phi[i] * psi[j - i];
      }
      psi[j] = v;
    }
    double sigma2 = f.sse() / Math.max(1, f.n() - (p + q + (f.constant() ? 1 : 0)));
    double[] sd = new double[horizon];
    double acc = 0;
    for (int h = 0; h < horizon; h++) {
      acc += psi[h] * psi[h];
      sd[h] = Math.sqrt(sigma2 * acc);
    }
    return new double[][] {fc, sd};
  }

  @Override
  public DemandForecast forecast(DemandSeries history, int horizon) {
    Points.check(history, horizon, name(), 1);
    double[] raw = history.values();
    String fallback = Theta.fallbackReason(raw);
    if (fallback == null && raw.length < MIN_LENGTH) {
      fallback = "history of " + raw.length + " period(s), arima needs " + MIN_LENGTH;
    }
    if (fallback != null) {
      DemandForecast f = new Naive(season).forecast(history, horizon);
      return new DemandForecast(history.id(), name(), f.points(), Provenance.builtIn(name(), 0,
          Map.of("chosen", "naive", "fallback", fallback, "season", Integer.toString(season))));
    }
    SeasonalAdjustment adj = SeasonalAdjustment.of(raw, season);
    double[] y = adj.adjust(raw);
    double scale = 0;
    for (double v : y) {
      scale += Math.abs(v) / y.length;
    }
    double[] ys = new double[y.length];
    for (int t = 0; t < y.length; t++) {
      ys[t] = y[t] / scale;
    }
    Fitted f = select(ys);
    double[][] out = forecast(ys, f, horizon);
    double[] mean = out[0];
    double[] sd = out[1];
    for (int h = 0; h < horizon; h++) {
      mean[h] *= scale;
      sd[h] *= scale;
    }
    adj.reseasonalize(mean, raw.length);
    adj.reseasonalizeSpread(sd, raw.length);
    Map<String, String> settings = new HashMap<>();
    settings.put("season", Integer.toString(season));
    settings.put("order", "(" + f.p() + "," + f.d() + "," + f.q() + ")"
        + (f.constant() ? (f.d() == 0 ? " with mean" : " with drift") : ""));
    return new DemandForecast(history.id(), name(), Points.normal(name(), history.id(), mean, sd),
        Provenance.builtIn(name(), 0, settings));
  }
}
