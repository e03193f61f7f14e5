package io.c2m.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.c2m.C2mException;
import io.c2m.demand.DemandForecast;
import io.c2m.demand.DemandForecaster;
import io.c2m.demand.DemandForecasters;
import io.c2m.demand.DemandSeries;
import io.c2m.demand.ForecastPoint;
import io.c2m.demand.eval.Backtest;
import io.c2m.demand.eval.Holdout;
import io.c2m.demand.eval.MethodSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code c2m forecast}: forecasts demand series from a CSV file, or evaluates every method on
 * held-out values.
 *
 * <p>The CSV has a header and the columns {@code t,value} (one series) or {@code
 * series_id,t,value} (many); periods {@code t} are consecutive integers per series, in any order
 * in the file. A bad line is reported with its number and makes its series bad; bad series are
 * reported and the others forecast. The exit code is 0 when every series was forecast, 1 when
 * some were bad (the rest are still printed) or none could be, 2 on bad usage.
 */
@Command(name = "forecast", mixinStandardHelpOptions = true,
    description = "Forecast demand series with quantiles, or evaluate every method on a holdout.")
public final class ForecastCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--series", required = true, paramLabel = "FILE.csv",
      description = "Series: columns t,value or series_id,t,value, with a header.")
  Path series;

  @Option(names = "--horizon", paramLabel = "H", description = "Periods to forecast.")
  Integer horizon;

  @Option(names = "--method", paramLabel = "NAME", defaultValue = "auto",
      description = "Forecaster name or auto (default: ${DEFAULT-VALUE}).")
  String method;

  @Option(names = "--season", paramLabel = "M", defaultValue = "1",
      description = "Season length (default: ${DEFAULT-VALUE}, none).")
  int season;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Option(names = "--evaluate", description = "Evaluate every method (or --method) on a holdout.")
  boolean evaluate;

  @Option(names = "--test", paramLabel = "FILE.csv",
      description = "With --evaluate: the values that followed each series.")
  Path test;

  @Option(names = "--holdout", paramLabel = "N",
      description = "With --evaluate: hold out the last N values of each series instead.")
  Integer holdout;

  @Option(names = "--origins", paramLabel = "K", defaultValue = "1",
      description = "With --holdout: K rolling forecast origins per series, each forecasting N "
          + "values (default: ${DEFAULT-VALUE}).")
  int origins;

  /** Creates the command; picocli instantiates it. */
  public ForecastCommand() {}

  @Override
  public Integer call() throws IOException {
    CommandLine cl = spec.commandLine();
    if (season < 1) {
      throw new CommandLine.ParameterException(cl, "--season (" + season + ") must be >= 1.");
    }
    if (evaluate) {
      if ((test == null) == (holdout == null)) {
        throw new CommandLine.ParameterException(cl,
            "--evaluate needs exactly one of --test FILE.csv and --holdout N.");
      }
      if (holdout != null && holdout < 1) {
        throw new CommandLine.ParameterException(cl, "--holdout (" + holdout + ") must be >= 1.");
      }
      if (origins < 1 || (origins > 1 && holdout == null)) {
        throw new CommandLine.ParameterException(cl,
            "--origins (" + origins + ") must be >= 1, and above 1 only with --holdout.");
      }
    } else if (horizon == null || horizon < 1) {
      throw new CommandLine.ParameterException(cl, "--horizon H (H >= 1) is required.");
    }
    PrintWriter err = cl.getErr();
    Parsed train;
    try {
      train = read(series);
    } catch (java.nio.file.NoSuchFileException e) {
      err.println("c2m: cannot read " + series + ": no such file.");
      return 1;
    }
    train.errors.forEach(e -> err.println("c2m: " + e));
    return evaluate ? evaluate(cl, train) : forecast(cl, train);
  }

  private DemandForecaster forecaster(String name) {
    boolean seasonal = switch (name) {
      case "moving-average", "croston", "sba", "tsb" -> false;
      case "seasonal-naive", "holt-winters-additive", "holt-winters-multiplicative" -> season > 1;
      default -> true;
    };
    return seasonal
        ? DemandForecasters.byName(name, Map.of("season", Integer.toString(season)))
        : DemandForecasters.byName(name);
  }

  private int forecast(CommandLine cl, Parsed train) throws IOException {
    DemandForecaster f;
    try {
      f = forecaster(method);
    } catch (C2mException e) {
      throw new CommandLine.ParameterException(cl, e.getMessage());
    }
    PrintWriter out = cl.getOut();
    PrintWriter err = cl.getErr();
    List<DemandForecast> forecasts = new ArrayList<>();
    int bad = train.errors.size();
    for (DemandSeries s : train.series.values()) {
      try {
        forecasts.add(f.forecast(s, horizon));
      } catch (IllegalArgumentException e) {
        err.println("c2m: series " + s.id() + ": " + e.getMessage());
        bad++;
      }
    }
    if (forecasts.isEmpty()) {
      err.println("c2m: no series could be forecast.");
      return 1;
    }
    if (json) {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (DemandForecast fc : forecasts) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("series_id", fc.seriesId());
        row.put("method", fc.method());
        List<Map<String, Object>> points = new ArrayList<>();
        for (ForecastPoint p : fc.points()) {
          Map<String, Object> pt = new LinkedHashMap<>();
          pt.put("step", p.step());
          pt.put("mean", p.mean());
          pt.put("p10", p.p10());
          pt.put("p50", p.p50());
          pt.put("p90", p.p90());
          points.add(pt);
        }
        row.put("points", points);
        rows.add(row);
      }
      out.println(mapper().writeValueAsString(rows));
    } else {
      out.printf(Locale.ROOT, "%-16s %-12s %5s %12s %12s %12s %12s%n", "series_id", "method",
          "step", "mean", "p10", "p50", "p90");
      for (DemandForecast fc : forecasts) {
        for (ForecastPoint p : fc.points()) {
          out.printf(Locale.ROOT, "%-16s %-12s %5d %12.3f %12.3f %12.3f %12.3f%n", fc.seriesId(),
              fc.method(), p.step(), p.mean(), p.p10(), p.p50(), p.p90());
        }
      }
    }
    return bad > 0 ? 1 : 0;
  }

  private int evaluate(CommandLine cl, Parsed train) throws IOException {
    PrintWriter out = cl.getOut();
    PrintWriter err = cl.getErr();
    int bad = train.errors.size();
    List<Holdout> holdouts = new ArrayList<>();
    Map<String, DemandSeries> tests = Map.of();
    if (test != null) {
      Parsed t;
      try {
        t = read(test);
      } catch (java.nio.file.NoSuchFileException e) {
        err.println("c2m: cannot read " + test + ": no such file.");
        return 1;
      }
      t.errors.forEach(e -> err.println("c2m: test file: " + e));
      bad += t.errors.size();
      tests = t.series;
    }
    for (DemandSeries s : train.series.values()) {
      try {
        if (holdout != null) {
          List<Holdout> rolled = Backtest.rollingOrigin(List.of(s), holdout, origins, 1, season);
          if (rolled.isEmpty()) {
            throw new IllegalArgumentException("The series is too short (" + s.length()
                + " periods) to hold out " + holdout + ".");
          }
          holdouts.addAll(rolled);
        } else if (tests.containsKey(s.id())) {
          holdouts.add(new Holdout(s, tests.get(s.id()).values(), season));
        } else {
          err.println("c2m: series " + s.id() + " has no test values; it is left out.");
          bad++;
        }
      } catch (IllegalArgumentException e) {
        err.println("c2m: series " + s.id() + ": " + e.getMessage());
        bad++;
      }
    }
    if (holdouts.isEmpty()) {
      err.println("c2m: no series to evaluate.");
      return 1;
    }
    List<String> names = new ArrayList<>();
    if (spec.commandLine().getParseResult().hasMatchedOption("--method")) {
      names.add(method);
    } else {
      for (String n : DemandForecasters.names()) {
        if (season > 1 || !List.of("seasonal-naive", "holt-winters-additive",
            "holt-winters-multiplicative").contains(n)) {
          names.add(n);
        }
      }
    }
    List<MethodSummary> summaries = new ArrayList<>();
    for (String n : names) {
      try {
        summaries.add(Backtest.evaluate(forecaster(n), holdouts));
      } catch (C2mException e) {
        throw new CommandLine.ParameterException(cl, e.getMessage());
      }
    }
    if (json) {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (MethodSummary s : summaries) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("method", s.method());
        row.put("sMAPE", finiteOrNull(s.smape()));
        row.put("MASE", finiteOrNull(s.mase()));
        row.put("coverage", finiteOrNull(s.coverage()));
        row.put("pinball", finiteOrNull(s.pinball()));
        row.put("series", s.forecasts());
        row.put("failures", s.failures());
        rows.add(row);
      }
      out.println(mapper().writeValueAsString(rows));
    } else {
      out.printf(Locale.ROOT, "%d holdout(s), season %d; coverage of the 10%%-90%% interval "
          + "(nominal 0.80); pinball scaled like MASE%n", holdouts.size(), season);
      out.print(Backtest.table(summaries));
      out.flush();
    }
    return bad > 0 ? 1 : 0;
  }

  private static Double finiteOrNull(double v) {
    return Double.isFinite(v) ? v : null;
  }

  private static ObjectMapper mapper() {
    return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  }

  /** Series read from a file, by id in file order of first appearance, and the problems found. */
  static final class Parsed {
    final Map<String, DemandSeries> series = new LinkedHashMap<>();
    final List<String> errors = new ArrayList<>();
  }

  /**
   * Reads a series file, reporting every bad line and bad series and keeping the good ones.
   *
   * @param file the file
   * @return the series and the errors
   * @throws IOException if the file cannot be read
   */
  static Parsed read(Path file) throws IOException {
    Parsed p = new Parsed();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    String where = file.getFileName().toString();
    if (lines.isEmpty() || lines.get(0).isBlank()) {
      p.errors.add(where + ": the file is empty; it needs a header t,value or series_id,t,value.");
      return p;
    }
    String header = lines.get(0).trim().replace(" ", "").toLowerCase(Locale.ROOT);
    boolean many;
    if (header.equals("series_id,t,value")) {
      many = true;
    } else if (header.equals("t,value")) {
      many = false;
    } else {
      p.errors.add(where + " line 1: the header (\"" + lines.get(0)
          + "\") must be t,value or series_id,t,value.");
      return p;
    }
    String single = stem(where);
    Map<String, TreeMap<Long, Double>> values = new LinkedHashMap<>();
    Map<String, String> badSeries = new TreeMap<>();
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      int lineNo = i + 1;
      String[] f = line.split(",", -1);
      int expected = many ? 3 : 2;
      String id = many ? f[0].trim() : single;
      if (f.length != expected || id.isEmpty()) {
        p.errors.add(where + " line " + lineNo + ": expected " + expected + " columns ("
            + header + "), got \"" + line + "\".");
        if (!id.isEmpty() && f.length >= 1) {
          badSeries.putIfAbsent(id, "line " + lineNo + " is malformed");
        }
        continue;
      }
      long t;
      double v;
      try {
        t = Long.parseLong(f[expected - 2].trim());
      } catch (NumberFormatException e) {
        p.errors.add(where + " line " + lineNo + ": the period t (\"" + f[expected - 2].trim()
            + "\") must be an integer.");
        badSeries.putIfAbsent(id, "line " + lineNo + " is malformed");
        continue;
      }
      try {
        v = Double.parseDouble(f[expected - 1].trim());
      } catch (NumberFormatException e) {
        p.errors.add(where + " line " + lineNo + ": the value (\"" + f[expected - 1].trim()
            + "\") must be a number.");
        badSeries.putIfAbsent(id, "line " + lineNo + " is malformed");
        continue;
      }
      TreeMap<Long, Double> s = values.computeIfAbsent(id, k -> new TreeMap<>());
      if (s.put(t, v) != null) {
        p.errors.add(where + " line " + lineNo + ": series " + id + " has period " + t
            + " twice.");
        badSeries.putIfAbsent(id, "period " + t + " appears twice");
      }
    }
    for (Map.Entry<String, TreeMap<Long, Double>> e : values.entrySet()) {
      String id = e.getKey();
      if (badSeries.containsKey(id)) {
        continue;
      }
      TreeMap<Long, Double> s = e.getValue();
      if (s.lastKey() - s.firstKey() + 1 != s.size()) {
        badSeries.put(id, "its periods " + s.firstKey() + ".." + s.lastKey()
            + " have gaps; they must be consecutive");
        continue;
      }
      double[] y = s.values().stream().mapToDouble(Double::doubleValue).toArray();
      try {
        p.series.put(id, new DemandSeries(id, y));
      } catch (IllegalArgumentException ex) {
        p.errors.add(where + ": " + ex.getMessage());
      }
    }
    badSeries.forEach((id, why) -> p.errors.add(where + ": series " + id + " is left out: "
        + why + "."));
    return p;
  }

  private static String stem(String name) {
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
