package io.c2m.demand.internal;

import io.c2m.Provenance;
import io.c2m.demand.DemandForecast;
import io.c2m.demand.DemandForecaster;
import io.c2m.demand.DemandSeries;
import io.c2m.demand.ForecastPoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The equal-weight combination of several forecasters: the mean (or the median) of their point
 * forecasts, step by step, and the same of their quantiles (quantile averaging, Vincentisation;
 * Lichtendahl, Grushka-Cockayne and Winkler 2013, "Is it better to average probabilities or
 * quantiles?", Management Science 59(7)). Combining ETS, ARIMA and Theta is the strong simple
 * benchmark of the M4 competition (Makridakis, Spiliotis and Assimakopoulos 2020); the
 * combination of exponential smoothing methods goes back to M3 (Makridakis and Hibon 2000,
 * "Comb S-H-D"). A member that fails on a series is left out and named in the provenance setting
 * {@code failed}; when all fail, the first failure is thrown. Immutable and thread-safe when the
 * members are.
 */
public final class Combo implements DemandForecaster, FixedParameters {
  private final String name;
  private final List<DemandForecaster> members;
  private final boolean median;

  /**
   * Creates a combination.
   *
   * @param name the stable name
   * @param members the forecasters, at least one
   * @param median true to take the median instead of the mean
   */
  public Combo(String name, List<DemandForecaster> members, boolean median) {
    this.name = Objects.requireNonNull(name, "name");
    this.members = List.copyOf(members);
    if (this.members.isEmpty()) {
      throw new IllegalArgumentException("The combination " + name + " needs a member.");
    }
    this.median = median;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public DemandForecast forecast(DemandSeries history, int horizon) {
    Points.check(history, horizon, name, 1);
    List<DemandForecast> fs = new ArrayList<>(members.size());
    List<String> failed = new ArrayList<>();
    RuntimeException first = null;
    for (DemandForecaster m : members) {
      try {
        fs.add(m.forecast(history, horizon));
      } catch (RuntimeException e) {
        failed.add(m.name());
        first = first == null ? e : first;
      }
    }
    if (fs.isEmpty()) {
      throw first;
    }
    return combine(history.id(), horizon, fs, failed);
  }

  /**
   * {@inheritDoc} Each member fits once (or, if it cannot keep its parameters, is refitted at
   * each origin); a member that fails at an origin is left out of that origin's combination.
   */
  @Override
  public Origins fitOnce(DemandSeries history, int fitted, int horizon) {
    Points.check(history, horizon, name, 1);
    List<Origins> os = new ArrayList<>(members.size());
    List<DemandForecast> fs = new ArrayList<>(members.size());
    List<String> failed = new ArrayList<>();
    RuntimeException first = null;
    for (DemandForecaster m : members) {
      try {
        Origins o = FixedParameters.refitting(m, history, fitted, horizon);
        fs.add(o.forecast());
        os.add(o);
      } catch (RuntimeException e) {
        failed.add(m.name());
        first = first == null ? e : first;
      }
    }
    if (fs.isEmpty()) {
      throw first;
    }
    DemandForecast full = combine(history.id(), horizon, fs, failed);
    return Origins.of(full, (origin, steps) -> {
      List<DemandForecast> at = new ArrayList<>(os.size());
      RuntimeException firstAt = null;
      for (Origins o : os) {
        try {
          at.add(o.at(origin, steps));
        } catch (RuntimeException e) {
          firstAt = firstAt == null ? e : firstAt;
        }
      }
      if (at.isEmpty()) {
        throw firstAt;
      }
      return combine(history.id(), steps, at, List.of());
    });
  }

  private DemandForecast combine(String id, int horizon, List<DemandForecast> fs,
      List<String> failed) {
    int k = fs.size();
    List<ForecastPoint> points = new ArrayList<>(horizon);
    double[][] v = new double[4][k];
    for (int h = 0; h < horizon; h++) {
      for (int i = 0; i < k; i++) {
        ForecastPoint p = fs.get(i).points().get(h);
        v[0][i] = p.mean();
        v[1][i] = p.p10();
        v[2][i] = p.p50();
        v[3][i] = p.p90();
      }
      double mean = centre(v[0]);
      double p10 = Math.min(centre(v[1]), mean);
      double p90 = Math.max(centre(v[3]), mean);
      double p50 = Math.min(Math.max(centre(v[2]), p10), p90);
      points.add(new ForecastPoint(h + 1, mean, p10, p50, p90));
    }
    Map<String, String> settings = new LinkedHashMap<>();
    StringBuilder used = new StringBuilder();
    for (DemandForecast f : fs) {
      used.append(used.length() == 0 ? "" : "+").append(f.model());
    }
    settings.put("members", used.toString());
    settings.put("combination", median ? "median" : "mean");
    if (!failed.isEmpty()) {
      settings.put("failed", String.join("+", failed));
    }
    return new DemandForecast(id, name, points, Provenance.builtIn(name, 0, settings));
  }

  private double centre(double[] values) {
    if (!median) {
      double s = 0;
      for (double x : values) {
        s += x;
      }
      return s / values.length;
    }
    double[] c = values.clone();
    Arrays.sort(c);
    int n = c.length;
    return n % 2 == 1 ? c[n / 2] : (c[n / 2 - 1] + c[n / 2]) / 2;
  }
}
