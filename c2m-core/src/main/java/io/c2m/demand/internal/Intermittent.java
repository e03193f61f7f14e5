package io.c2m.demand.internal;

import io.c2m.demand.DemandForecast;
import io.c2m.demand.DemandForecaster;
import io.c2m.demand.DemandSeries;

/**
 * Forecasters for intermittent demand (many periods without any): {@code croston}, {@code sba} and
 * {@code tsb}. The forecast is a flat demand rate per period. Immutable and thread-safe.
 *
 * <ul>
 *   <li>Croston (1972), "Forecasting and stock control for intermittent demands", Operational
 *       Research Quarterly 23(3): the size of nonzero demands {@code z} and the interval between
 *       them {@code p} are smoothed with the same {@code alpha} whenever demand occurs; rate
 *       {@code z / p}. Initial size and interval: the first demand and its period.
 *   <li>SBA, Syntetos and Boylan (2005), "The accuracy of intermittent demand estimates", IJF
 *       21(2): Croston's rate times {@code 1 - alpha / 2}, removing its bias.
 *   <li>TSB, Teunter, Syntetos and Babai (2011), "Intermittent demand: linking forecasting to
 *       inventory obsolescence", EJOR 214(3): the probability of demand {@code d} is smoothed
 *       every period with {@code beta}, the size with {@code alpha} when demand occurs; rate {@code
 *       d z}. It follows demand down when a design stops selling. Initial probability and size:
 *       the share of periods with demand and their mean size.
 * </ul>
 *
 * <p>The smoothing constants are fitted in {@code [0.01, 0.9]} by minimising the in-sample mean
 * squared one-step error of the rate (Brent's method for one constant, BOBYQA for TSB's two).
 * The quantiles are those of a compound distribution consistent with the rate: demand occurs
 * with a probability and then has one of the observed non-zero sizes ({@link
 * Points#intermittent}), since demand that is mostly zero is far from normal.
 */
public final class Intermittent implements DemandForecaster {
  /** The three variants. */
  public enum Variant {
    /** Croston's method. */
    CROSTON("croston"),
    /** Syntetos-Boylan approximation. */
    SBA("sba"),
    /** Teunter-Syntetos-Babai. */
    TSB("tsb");

    private final String id;

    Variant(String id) {
      this.id = id;
    }
  }

  private static final double LO = 0.01;
  private static final double HI = 0.9;

  private final Variant variant;

  /**
   * Creates the forecaster.
   *
   * @param variant the variant
   */
  public Intermittent(Variant variant) {
    this.variant = java.util.Objects.requireNonNull(variant, "variant");
  }

  @Override
  public String name() {
    return variant.id;
  }

  @Override
  public int minLength() {
    return 2;
  }

  @Override
  public DemandForecast forecast(DemandSeries history, int horizon) {
    Points.check(history, horizon, name(), 2);
    double[] y = history.values();
    return forecast(history, fit(y), horizon, name(),
        io.c2m.Provenance.builtIn(name(), 0, java.util.Map.of()));
  }

  /**
   * Builds the forecast of a fitted rate.
   *
   * @param history the history
   * @param r the fit
   * @param horizon the horizon
   * @param method the method name to report
   * @param provenance the provenance to report
   * @return the forecast
   */
  static DemandForecast forecast(DemandSeries history, Result r, int horizon, String method,
      io.c2m.Provenance provenance) {
    double[] y = history.values();
    double[] sizes = java.util.Arrays.stream(y).filter(v -> v > 0).toArray();
    return new DemandForecast(history.id(), method,
        Points.intermittent(method, history.id(), horizon, r.rate, sizes, r.alpha), provenance);
  }

  /**
   * A fitted rate with its in-sample one-step errors, their mean square and the smoothing
   * constants ({@code beta} is TSB's probability smoothing, 0 for the other variants).
   */
  record Result(double rate, double[] errors, double mse, double alpha, double beta) {}

  /**
   * Fits the variant to a series of at least two periods.
   *
   * @param y the series
   * @return the rate and the errors
   */
  Result fit(double[] y) {
    boolean any = false;
    for (double v : y) {
      any |= v > 0;
    }
    if (!any) {
      return new Result(0, new double[y.length - 1], 0, LO, 0);
    }
    double[] u = variant == Variant.TSB
        ? Optim.minimize(x -> run(y, map(x[0]), map(x[1]), null, null), new double[] {0.2, 0.2})
        : Optim.minimize(x -> run(y, map(x[0]), 0, null, null), new double[] {0.1});
    double[] errors = new double[y.length];
    double[] out = new double[2];
    double mse = run(y, map(u[0]), u.length > 1 ? map(u[1]) : 0, errors, out);
    return new Result(out[0], java.util.Arrays.copyOf(errors, (int) out[1]), mse, map(u[0]),
        u.length > 1 ? map(u[1]) : 0);
  }

  /**
   * Runs the variant over a series with the constants of an earlier fit, without fitting again:
   * the forecast of that fit from an earlier origin, as {@link FixedParameters} asks.
   *
   * @param y the series, at least one period
   * @param fitted the fit whose constants to keep
   * @return the rate at the series' end, with no errors kept
   */
  Result rerun(double[] y, Result fitted) {
    boolean any = false;
    for (double v : y) {
      any |= v > 0;
    }
    if (!any) {
      return new Result(0, new double[0], 0, fitted.alpha(), fitted.beta());
    }
    double[] out = new double[2];
    double mse = run(y, fitted.alpha(), fitted.beta(), null, out);
    return new Result(out[0], new double[0], mse, fitted.alpha(), fitted.beta());
  }

  private static double map(double u) {
    return LO + u * (HI - LO);
  }

  /**
   * Runs the variant's recursions.
   *
   * @param y the series, with at least one nonzero value
   * @param alpha the size (and for Croston interval) smoothing
   * @param beta TSB's probability smoothing
   * @param errors receives the one-step errors, if not null
   * @param out receives the final rate and the number of errors, if not null
   * @return the mean squared one-step error
   */
  private double run(double[] y, double alpha, double beta, double[] errors, double[] out) {
    int n = y.length;
    double sse = 0;
    int count = 0;
    double rate;
    if (variant == Variant.TSB) {
      int nonzero = 0;
      double sum = 0;
      for (double v : y) {
        if (v > 0) {
          nonzero++;
          sum += v;
        }
      }
      double d = (double) nonzero / n;
      double z = sum / nonzero;
      for (int t = 0; t < n; t++) {
        double e = y[t] - d * z;
        sse += e * e;
        if (errors != null) {
          errors[count] = e;
        }
        count++;
        if (y[t] > 0) {
          d += beta * (1 - d);
          z += alpha * (y[t] - z);
        } else {
          d -= beta * d;
        }
      }
      rate = d * z;
    } else {
      int first = 0;
      while (!(y[first] > 0)) {
        first++;
      }
      double z = y[first];
      double p = first + 1;
      int q = 1;
      double factor = variant == Variant.SBA ? 1 - alpha / 2 : 1;
      for (int t = first + 1; t < n; t++) {
        double e = y[t] - factor * z / p;
        sse += e * e;
        if (errors != null) {
          errors[count] = e;
        }
        count++;
        if (y[t] > 0) {
          z += alpha * (y[t] - z);
          p += alpha * (q - p);
          q = 1;
        } else {
          q++;
        }
      }
      rate = factor * z / p;
    }
    if (out != null) {
      out[0] = rate;
      out[1] = count;
    }
    return count == 0 ? 0 : sse / count;
  }
}
