package io.c2m.examples.bench;

import io.c2m.demand.DemandForecaster;
import io.c2m.demand.DemandSeries;
import io.c2m.demand.eval.Backtest;
import io.c2m.demand.eval.Holdout;
import io.c2m.demand.eval.MethodSummary;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.TreeMap;

/**
 * Reproduces the forecasting quality figures of BENCHMARKS.md: c2m's forecasters on the M3
 * competition's yearly and quarterly series (Makridakis and Hibon 2000, data from the R package
 * Mcomp) against the original submissions' published accuracy, and on AirPassengers (Box and
 * Jenkins) with the last year held out.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.c2m.examples.bench.ForecastM3Evaluation
 * [DATA_DIR [METHODS [intervals]]]}, where {@code DATA_DIR} (default {@code
 * ../shared/data/forecasting}) holds the files described in its README, {@code METHODS} (a
 * comma-separated list of forecaster names) replaces the default list on M3, and {@code
 * intervals} prints their 80% and 95% coverage and MSIS, model and conformal, instead ({@code
 * intervals halves}: also on the odd and the even series, by rank in the file). Methods that do
 * not model seasonality get the season length of the data, so that they
 * adjust significantly seasonal series as M3's did.
 */
public final class ForecastM3Evaluation {
  private ForecastM3Evaluation() {}

  /**
   * Runs the evaluation and prints the tables.
   *
   * @param args optional data directory
   * @throws IOException if a file cannot be read
   */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "../shared/data/forecasting");
    PrintStream out = System.out;
    Map<String, List<Holdout>> byPeriod = readM3(dir);
    Map<String, Map<String, double[]>> reference = readReference(dir);
    Map<String, String> m3Names = Map.of("naive", "NAIVE2", "ses", "SINGLE", "holt", "HOLT",
        "holt-damped", "DAMPEN", "holt-winters-multiplicative", "WINTER", "auto", "THETA",
        "theta", "THETA", "otm", "THETA", "dstm", "THETA", "dotm", "THETA");
    for (Map.Entry<String, List<Holdout>> e : byPeriod.entrySet()) {
      String period = e.getKey();
      List<Holdout> hs = e.getValue();
      int m = hs.get(0).season();
      out.printf(Locale.ROOT, "%n== M3 %s: %d series, season %d ==%n", period, hs.size(), m);
      out.printf(Locale.ROOT, "%-30s %6s %8s %8s %7s %7s %8s %8s%n", "method", "n", "sMAPE",
          "M3", "M3-name", "ratio", "MASE", "cover80");
      for (Map.Entry<String, DemandForecaster> labelled
          : args.length > 1 ? named(args[1], m) : labelled(m)) {
        DemandForecaster f = labelled.getValue();
        long t0 = System.nanoTime();
        MethodSummary s = Backtest.evaluate(f, hs, ForkJoinPool.commonPool());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        String refName = m3Names.getOrDefault(f.name(), "");
        double[] ref = reference.getOrDefault(period, Map.of()).get(refName);
        out.printf(Locale.ROOT, "%-30s %6d %8.3f %8s %7s %7s %8.3f %8.3f  (%d ms)%n",
            labelled.getKey(),
            s.forecasts(), s.smape(), ref == null ? "" : String.format(Locale.ROOT, "%.3f", ref[0]),
            refName, ref == null ? "" : String.format(Locale.ROOT, "%.4f", s.smape() / ref[0]),
            s.mase(), s.coverage(), ms);
      }
    }
    if (args.length > 2 && args[2].equals("intervals")) {
      intervals(byPeriod, args[1], args.length > 3 && args[3].equals("halves"), out);
      return;
    }
    Holdout air = readAirPassengers(dir);
    out.printf(Locale.ROOT, "%n== AirPassengers: train 1949-1959, test 1960 (12 months) ==%n");
    out.printf(Locale.ROOT, "%-30s %8s %8s %8s%n", "method", "sMAPE", "MASE", "cover80");
    List<DemandForecaster> airMethods = new ArrayList<>(methods(12));
    airMethods.add(DemandForecaster.seasonalNaive(12));
    airMethods.add(DemandForecaster.holtWintersAdditive(12));
    airMethods.add(DemandForecaster.holtWintersMultiplicative(12));
    for (DemandForecaster f : airMethods) {
      MethodSummary s = Backtest.evaluate(f, List.of(air));
      out.printf(Locale.ROOT, "%-30s %8.3f %8.3f %8.3f%n", f.name(), s.smape(), s.mase(),
          s.coverage());
    }
  }

  /**
   * Prints the 80% and 95% coverage and MSIS of the named methods' own (model) intervals and of
   * their conformal intervals; with {@code halves}, also the coverage on the series of odd and
   * of even rank in the file, a check that a calibration holds on series it was not tuned on.
   */
  private static void intervals(Map<String, List<Holdout>> byPeriod, String names,
      boolean halves, PrintStream out) {
    for (Map.Entry<String, List<Holdout>> e : byPeriod.entrySet()) {
      List<Holdout> hs = e.getValue();
      int m = hs.get(0).season();
      out.printf(Locale.ROOT, "%n== M3 %s intervals: %d series ==%n", e.getKey(), hs.size());
      out.printf(Locale.ROOT, "%-24s %-9s %8s %7s %8s %8s %8s %8s%n", "method", "intervals",
          "sMAPE", "MASE", "cover80", "cover95", "MSIS80", "MSIS95");
      for (Map.Entry<String, DemandForecaster> labelled : named(names, m)) {
        for (String kind : List.of("model", "conformal")) {
          io.c2m.demand.IntervalForecaster f = kind.equals("model")
              ? new ModelIntervals(labelled.getValue())
              : DemandForecaster.conformal(labelled.getValue());
          long t0 = System.nanoTime();
          io.c2m.demand.eval.IntervalSummary s = Backtest.evaluateIntervals(
              f, hs, ForkJoinPool.commonPool(), 0.8, 0.95);
          long ms = (System.nanoTime() - t0) / 1_000_000;
          out.printf(Locale.ROOT, "%-24s %-9s %8.3f %7.3f %8.3f %8.3f %8.3f %8.3f  (%d ms)%n",
              labelled.getKey(), kind, s.smape(), s.mase(), s.coverage().get(0),
              s.coverage().get(1), s.msis().get(0), s.msis().get(1), ms);
          if (halves) {
            for (int start = 0; start < 2; start++) { // 1st, 3rd, ... then 2nd, 4th, ...
              List<Holdout> half = new ArrayList<>();
              for (int i = start; i < hs.size(); i += 2) {
                half.add(hs.get(i));
              }
              io.c2m.demand.eval.IntervalSummary hsum = Backtest.evaluateIntervals(
                  f, half, ForkJoinPool.commonPool(), 0.8, 0.95);
              out.printf(Locale.ROOT, "%-24s %-9s %8.3f %7.3f %8.3f %8.3f %8.3f %8.3f%n",
                  "  " + (start == 0 ? "odd" : "even") + " half", kind, hsum.smape(),
                  hsum.mase(), hsum.coverage().get(0), hsum.coverage().get(1),
                  hsum.msis().get(0), hsum.msis().get(1));
            }
          }
        }
      }
    }
  }

  /** A method's own intervals, read as normal: sd = (p90 - mean) / z_0.9. */
  private record ModelIntervals(DemandForecaster f) implements io.c2m.demand.IntervalForecaster {
    @Override
    public String name() {
      return f.name();
    }

    @Override
    public io.c2m.demand.DemandForecast forecast(DemandSeries history, int horizon) {
      return f.forecast(history, horizon);
    }

    @Override
    public io.c2m.demand.IntervalForecast intervals(
        DemandSeries history, int horizon, double... levels) {
      io.c2m.demand.DemandForecast fc = f.forecast(history, horizon);
      List<io.c2m.demand.IntervalForecast.Interval> iv = new ArrayList<>();
      org.apache.commons.math3.distribution.NormalDistribution z =
          new org.apache.commons.math3.distribution.NormalDistribution(null, 0, 1);
      for (io.c2m.demand.ForecastPoint p : fc.points()) {
        double sd = (p.p90() - p.mean()) / z.inverseCumulativeProbability(0.9);
        for (double l : levels) {
          double half = z.inverseCumulativeProbability(0.5 + l / 2) * sd;
          iv.add(new io.c2m.demand.IntervalForecast.Interval(
              p.step(), l, Math.max(0, p.mean() - half), p.mean() + half));
        }
      }
      return new io.c2m.demand.IntervalForecast(fc, iv);
    }
  }

  /** The methods named in a comma-separated list, with the season where they take one. */
  private static List<Map.Entry<String, DemandForecaster>> named(String names, int m) {
    List<Map.Entry<String, DemandForecaster>> out = new ArrayList<>();
    for (String name : names.split(",")) {
      io.c2m.demand.DemandForecasterProvider p = io.c2m.demand.DemandForecasters.provider(name);
      Map<String, String> settings = p.seasonUse()
          == io.c2m.demand.DemandForecasterProvider.SeasonUse.NONE
          || (m < 2 && p.seasonUse() == io.c2m.demand.DemandForecasterProvider.SeasonUse.REQUIRED)
          ? Map.of("intervals", "model")
          : Map.of("season", Integer.toString(m), "intervals", "model");
      if (m < 2 && p.seasonUse() == io.c2m.demand.DemandForecasterProvider.SeasonUse.REQUIRED) {
        continue;
      }
      out.add(Map.entry(name, io.c2m.demand.DemandForecasters.byName(name, settings)));
    }
    return out;
  }

  /** The methods with their labels, plus the smoothers with fitted initial states. */
  private static List<Map.Entry<String, DemandForecaster>> labelled(int m) {
    List<Map.Entry<String, DemandForecaster>> out = new ArrayList<>();
    for (DemandForecaster f : methods(m)) {
      out.add(Map.entry(f.name(), f));
    }
    for (String name : List.of("ses", "holt", "holt-damped")) {
      out.add(Map.entry(name + " (init=fitted)", io.c2m.demand.DemandForecasters.byName(name,
          Map.of("season", Integer.toString(m), "init", "fitted", "intervals", "model"))));
    }
    if (m > 1) {
      out.add(Map.entry("holt-winters-additive", DemandForecaster.holtWintersAdditive(m)));
      out.add(Map.entry("holt-winters-multiplicative",
          DemandForecaster.holtWintersMultiplicative(m)));
    }
    return out;
  }

  private static List<DemandForecaster> methods(int m) {
    return List.of(DemandForecaster.naive(m), DemandForecaster.ses(m), DemandForecaster.holt(m),
        DemandForecaster.holtDamped(m), DemandForecaster.auto(m), DemandForecaster.theta(m),
        DemandForecaster.optimisedTheta(m), DemandForecaster.dynamicTheta(m),
        DemandForecaster.dynamicOptimisedTheta(m));
  }

  /** Reads the M3 series as holdouts, grouped by period (YEARLY, QUARTERLY). */
  static Map<String, List<Holdout>> readM3(Path dir) throws IOException {
    Map<String, String[]> meta = new LinkedHashMap<>();
    List<String> metaLines = Files.readAllLines(
        dir.resolve("m3_yearly_quarterly_meta.csv"), StandardCharsets.UTF_8);
    for (String line : metaLines.subList(1, metaLines.size())) {
      String[] f = line.split(",");
      // series_id, period, type, description (may hold commas), n_train, h, frequency, ...
      int k = f.length;
      meta.put(f[0], new String[] {f[1], f[k - 5], f[k - 4], f[k - 3]});
    }
    Map<String, List<Double>> train = new TreeMap<>();
    Map<String, List<Double>> test = new TreeMap<>();
    List<String> lines = Files.readAllLines(
        dir.resolve("m3_yearly_quarterly_values.csv"), StandardCharsets.UTF_8);
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      (f[1].equals("train") ? train : test).computeIfAbsent(f[0], k -> new ArrayList<>())
          .add(Double.parseDouble(f[3]));
    }
    Map<String, List<Holdout>> out = new TreeMap<>();
    for (Map.Entry<String, String[]> e : meta.entrySet()) {
      String id = e.getKey();
      String[] m = e.getValue();
      double[] y = train.get(id).stream().mapToDouble(Double::doubleValue).toArray();
      double[] t = test.get(id).stream().mapToDouble(Double::doubleValue).toArray();
      if (y.length != Integer.parseInt(m[1]) || t.length != Integer.parseInt(m[2])) {
        throw new IllegalStateException("Series " + id + " does not match its meta data.");
      }
      out.computeIfAbsent(m[0], k -> new ArrayList<>())
          .add(new Holdout(new DemandSeries(id, y), t, Integer.parseInt(m[3])));
    }
    return out;
  }

  /** Reads the published accuracy: period to method to {sMAPE, MASE}. */
  static Map<String, Map<String, double[]>> readReference(Path dir) throws IOException {
    Map<String, Map<String, double[]>> ref = new TreeMap<>();
    List<String> lines = Files.readAllLines(
        dir.resolve("m3_yearly_quarterly_accuracy.csv"), StandardCharsets.UTF_8);
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      ref.computeIfAbsent(f[1], k -> new TreeMap<>()).put(f[0],
          new double[] {Double.parseDouble(f[3]), Double.parseDouble(f[5])});
    }
    return ref;
  }

  /** Reads AirPassengers with 1960 held out. */
  static Holdout readAirPassengers(Path dir) throws IOException {
    List<String> lines = Files.readAllLines(dir.resolve("airpassengers.csv"),
        StandardCharsets.UTF_8);
    double[] y = lines.subList(1, lines.size()).stream()
        .mapToDouble(l -> Double.parseDouble(l.split(",")[2])).toArray();
    return Holdout.last(new DemandSeries("AirPassengers", y), 12, 12);
  }
}
