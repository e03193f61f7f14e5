package io.c2m.demand.internal;

/**
 * A fitted exponential smoothing model ({@link Ets}): its parameters, its states after the last
 * observation (in the series' unit) and its fit statistics, with the point forecasts and forecast
 * spreads they imply. Internal: kept apart from the fitting, which is the long part. Immutable
 * by convention (the arrays are not exposed outside the package).
 *
 * @param model the model
 * @param alpha level smoothing
 * @param beta trend smoothing (0 without trend)
 * @param gamma seasonal smoothing (0 without season)
 * @param phi damping (1 without damping)
 * @param level the level after the last observation
 * @param slope the trend after the last observation
 * @param seasonal the seasonal states by position {@code t mod m} (length m), or empty
 * @param sse the in-sample sum of squared one-step errors {@code y - yhat}
 * @param n the number of observations counted in the fit statistics
 * @param lik minus twice the log-likelihood, up to a constant common to every model of the same
 *     series ({@code n log(sse / n)} for additive errors, {@code n log(sum e_rel^2 / n) + 2 sum
 *     log yhat} for multiplicative ones; Hyndman et al. 2008, section 5.2)
 * @param relSse the sum of squared relative errors {@code (y - yhat) / yhat} (multiplicative
 *     errors; 0 otherwise)
 * @param start where the recursions started, to run them again on a prefix of the series: the
 *     divisor applied to the series, the parameters {@code [alpha, beta, gamma, phi, l0, b0]} and
 *     the initial seasonal states, all in the divided unit
 */
record EtsFit(Ets model, double alpha, double beta, double gamma, double phi, double level,
    double slope, double[] seasonal, double sse, int n, double lik, double relSse, Start start) {

  /**
   * Where the recursions started.
   *
   * @param scale the divisor applied to the series before fitting
   * @param params {@code [alpha, beta, gamma, phi, l0, b0]}, l0 and b0 divided by the scale
   * @param s0 the initial seasonal states, additive ones divided by the scale
   */
  record Start(double scale, double[] params, double[] s0) {}

  /** The number of parameters AICc counts: the fitted ones, the free seasonal states, sigma. */
  int parameters() {
    return EtsFamily.parameters(model);
  }

  /** Residual variance (of relative errors for multiplicative errors), dof-corrected. */
  double sigma2() {
    int dof = n - (parameters() - 1);
    double s = model.error == Ets.Error.MULTIPLICATIVE ? relSse : sse;
    return s / (dof >= 1 ? dof : Math.max(1, n));
  }

  /**
   * The corrected Akaike information criterion; infinite when the series is too short for the
   * number of parameters or the fit broke down.
   */
  double aicc() {
    int k = parameters();
    if (n - k - 1 <= 0 || !Double.isFinite(lik)) {
      return Double.POSITIVE_INFINITY;
    }
    return lik + 2.0 * k + 2.0 * k * (k + 1) / (n - k - 1);
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
   * Forecast standard deviations for steps 1..horizon, from the class-1 variance {@code sigma^2
   * (1 + sum_{j<h} c_j^2)} with {@code c_j = alpha + beta (phi + ... + phi^j) + gamma [j mod m =
   * 0]} (Hyndman et al. 2008, table 6.1). For the multiplicative season under additive errors the
   * same expression is scaled by the seasonal index (section 6.4); under multiplicative errors,
   * whose {@code sigma^2} is relative, by the point forecast, the approximation of section 6.3 for
   * small {@code sigma}. Both are approximations; the default conformal intervals only take their
   * shape.
   */
  double[] sds(int horizon) {
    double s2 = sigma2();
    double[] mean = model.error == Ets.Error.MULTIPLICATIVE ? means(horizon) : null;
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
            + (model.season != Ets.Season.NONE && j % model.m == 0 ? gamma : 0);
        acc += c * c;
      }
      // The index multiplies the root, not the variance: squaring a large index would
      // overflow where the standard deviation itself is finite.
      double sdh = Math.sqrt(s2 * acc);
      if (mean != null) {
        sdh *= Math.abs(mean[h - 1]);
      } else if (model.season == Ets.Season.MULTIPLICATIVE) {
        sdh *= Math.abs(seasonal[(n + h - 1) % model.m]);
      }
      sd[h - 1] = sdh;
    }
    return sd;
  }

  /**
   * The same model with the same parameters and initial states, run over the first {@code o}
   * values of the series only: its states at origin {@code o}, for calibrating intervals without
   * refitting. The spread ({@code sse}, {@code relSse}, {@code n}) is the full fit's.
   *
   * @param y the series the model was fitted to
   * @param o the origin, at least 1 and at most {@code y.length}
   * @return the model at the origin, or this fit's own model run if the recursion breaks down
   */
  EtsFit atOrigin(double[] y, int o) {
    double[] ys = new double[o];
    for (int t = 0; t < o; t++) {
      ys[t] = y[t] / start.scale();
    }
    double[] states = new double[2];
    double[] s = new double[Math.max(1, model.m)];
    double r = model.run(ys, start.params(), start.s0(), s, states, 0, null);
    if (!Double.isFinite(r)) {
      states[0] = level / start.scale();
      states[1] = slope / start.scale();
    }
    double[] seasonalOut = new double[model.season == Ets.Season.NONE ? 0 : model.m];
    for (int j = 0; j < seasonalOut.length; j++) {
      seasonalOut[j] = model.season == Ets.Season.ADDITIVE ? s[j] * start.scale() : s[j];
    }
    // Scaled so that sigma2() and the forecast spreads stay those of the full fit.
    int dofFull = n - (parameters() - 1);
    int nAt = o;
    int dofAt = nAt - (parameters() - 1);
    double ratio = (dofAt >= 1 ? dofAt : Math.max(1, nAt)) / (double) (dofFull >= 1 ? dofFull
        : Math.max(1, n));
    return new EtsFit(model, alpha, beta, gamma, phi, states[0] * start.scale(),
        states[1] * start.scale(), seasonalOut, sse * ratio, nAt, lik, relSse * ratio, start);
  }

  private boolean trend() {
    return model.trend != Ets.Trend.NONE;
  }
}
