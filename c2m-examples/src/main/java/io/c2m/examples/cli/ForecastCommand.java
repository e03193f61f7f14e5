package io.c2m.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c2m.C2mException;
import io.c2m.demand.DemandForecast;
import io.c2m.demand.DemandForecaster;
import io.c2m.demand.DemandForecasterProvider;
import io.c2m.demand.DemandForecasters;
import io.c2m.demand.DemandSeries;
import io.c2m.demand.ForecastPoint;
import io.c2m.demand.eval.Backtest;
import io.c2m.demand.eval.Holdout;
import io.c2m.demand.eval.IntervalSummary;
import io.c2m.demand.eval.MethodSummary;
import io.c2m.json.C2mJson;
import io.c2m.json.JsonEnvelope;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import io.c2m.privacy.PersonalData;
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
 * some were bad (the rest are still printed), none could be, or (with {@code --evaluate}) a
 * method failed on every holdout; 2 on bad usage, including options that do not apply.
 *
 * <p>With {@code --evaluate --test}, the test file holds the periods that follow each training
 * series: its periods must start right after the training series' last one and be consecutive.
 * Two single-series files ({@code t,value}) are paired whatever their names; otherwise series are
 * paired by id, and a test series without a training series is reported.
 */
@Command(name = "forecast", mixinStandardHelpOptions = true,
    description = "Forecast demand series with quantiles, or evaluate every method on a holdout.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:every series forecast (or evaluated)",
        "1:some series bad (the others are printed), or a method failed on every holdout",
        "2:bad usage: an unknown option or a bad value, or one that does not apply",
        "3:no usable series in the file"},
    footerHeading = "%nExamples:%n",
    footer = {"  c2m forecast --series examples/airpassengers.csv --horizon 12 --method auto \\",
        "      --season 12",
        "  c2m forecast --series demand.csv --horizon 7 --method croston --json",
        "  c2m forecast --series examples/airpassengers.csv --evaluate --holdout 12 \\",
        "      --season 12"})
public final class ForecastCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--series", required = true, paramLabel = "FILE.csv",
      description = "Series: columns t,value or series_id,t,value, with a header.")
  Path series;

  @Option(names = "--horizon", paramLabel = "H",
      description = "Periods to forecast, 1 to " + DemandForecaster.MAX_HORIZON + ".")
  Integer horizon;

  @Option(names = "--method", paramLabel = "NAME", defaultValue = "auto",
      description = "Forecaster name (default: ${DEFAULT-VALUE}); one of: "
          + "${COMPLETION-CANDIDATES}.", completionCandidates = MethodNames.class)
  String method;

  /** The installed forecaster names, sorted, for the help text. */
  static final class MethodNames extends java.util.ArrayList<String> {
    private static final long serialVersionUID = 1L;

    MethodNames() {
      super(new java.util.TreeSet<>(DemandForecasters.names()));
    }
  }

  @Option(names = "--season", paramLabel = "M", defaultValue = "1",
      description = "Season length (default: ${DEFAULT-VALUE}, none); only for methods that "
          + "take one.")
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

  @Option(names = "--separator", paramLabel = "C", defaultValue = ",",
      description = "The column separator of the CSV files, such as ; (default: ${DEFAULT-VALUE}).")
  char separator;

  @Option(names = "--max-rows", paramLabel = "N", defaultValue = "5000000",
      description = "The most data rows read from a file (default: ${DEFAULT-VALUE}).")
  long maxRows;

  /** Creates the command; picocli instantiates it. */
  public ForecastCommand() {}

  @Override
  public Integer call() throws IOException {
    CommandLine cl = spec.commandLine();
    CommandLine.ParseResult pr = cl.getParseResult();
    if (season < 1 || season > MAX_SEASON) {
      throw new CommandLine.ParameterException(cl, "--season (" + season + ") must be >= 1"
          + " and at most " + MAX_SEASON + ".");
    }
    if (evaluate) {
      if (horizon != null) {
        throw new CommandLine.ParameterException(cl, "--horizon does not apply to --evaluate; "
            + "the horizon is the length of the test values (--test) or --holdout N.");
      }
      if ((test == null) == (holdout == null)) {
        throw new CommandLine.ParameterException(cl,
            "--evaluate needs exactly one of --test FILE.csv and --holdout N.");
      }
      if (holdout != null && (holdout < 1 || holdout > DemandForecaster.MAX_HORIZON)) {
        throw new CommandLine.ParameterException(cl, "--holdout (" + holdout
            + ") must be between 1 and " + DemandForecaster.MAX_HORIZON + ".");
      }
      if (origins < 1 || (pr.hasMatchedOption("--origins") && holdout == null)) {
        throw new CommandLine.ParameterException(cl,
            "--origins (" + origins + ") must be >= 1, and is only for --holdout.");
      }
    } else {
      for (String o : List.of("--test", "--holdout", "--origins")) {
        if (pr.hasMatchedOption(o)) {
          throw new CommandLine.ParameterException(cl, o + " applies only with --evaluate.");
        }
      }
      if (horizon == null || horizon < 1 || horizon > DemandForecaster.MAX_HORIZON) {
        throw new CommandLine.ParameterException(cl, "--horizon H (1 <= H <= "
            + DemandForecaster.MAX_HORIZON + ") is required"
            + (horizon == null ? "." : "; got " + horizon + "."));
      }
    }
    if (!evaluate || pr.hasMatchedOption("--method")) {
      checkSeason(cl, method);
    }
    PrintWriter err = cl.getErr();
    Parsed train;
    try {
      train = read(series, separator, maxRows);
    } catch (IOException e) {
      err.println("c2m: " + e.getMessage());
      return 1;
    }
    train.errors.forEach(e -> err.println("c2m: " + e));
    if (train.series.isEmpty() && !train.errors.isEmpty()) {
      err.println("c2m: no usable series in " + PersonalData.escapeControls(series.toString())
          + ".");
      return EXIT_NOTHING_USABLE;
    }
    return evaluate ? evaluate(cl, train) : forecast(cl, train);
  }

  /** Refuses --season for a method that takes none, and a season below 2 for a seasonal one. */
  private void checkSeason(CommandLine cl, String name) {
    DemandForecasterProvider.SeasonUse use = seasonUse(cl, name);
    if (use == DemandForecasterProvider.SeasonUse.NONE
        && cl.getParseResult().hasMatchedOption("--season")) {
      throw new CommandLine.ParameterException(cl,
          "--season does not apply to " + name + ", which models no season.");
    }
    if (use == DemandForecasterProvider.SeasonUse.REQUIRED && season < 2) {
      throw new CommandLine.ParameterException(cl, name + " models a season: it needs --season M "
          + "with M >= 2 (got " + season + ").");
    }
  }

  private static DemandForecasterProvider.SeasonUse seasonUse(CommandLine cl, String name) {
    try {
      return DemandForecasters.provider(name).seasonUse();
    } catch (C2mException e) {
      throw new CommandLine.ParameterException(cl, e.getMessage());
    }
  }

  private DemandForecaster forecaster(CommandLine cl, String name) {
    return forecaster(cl, name, Map.of());
  }

  /** The interval levels --evaluate reports, with their coverage and MSIS. */
  private static final double[] LEVELS = {0.8, 0.95};

  private DemandForecaster forecaster(CommandLine cl, String name, Map<String, String> extra) {
    Map<String, String> settings = new java.util.HashMap<>(extra);
    if (seasonUse(cl, name) != DemandForecasterProvider.SeasonUse.NONE) {
      settings.put("season", Integer.toString(season));
    }
    try {
      return DemandForecasters.byName(name, settings);
    } catch (C2mException e) {
      throw new CommandLine.ParameterException(cl, e.getMessage());
    }
  }

  private int forecast(CommandLine cl, Parsed train) throws IOException {
    DemandForecaster f = forecaster(cl, method);
    PrintWriter out = cl.getOut();
    PrintWriter err = cl.getErr();
    List<DemandForecast> forecasts = new ArrayList<>();
    int bad = train.errors.size();
    for (DemandSeries s : train.series.values()) {
      try {
        forecasts.add(f.forecast(s, horizon));
      } catch (IllegalArgumentException | C2mException e) {
        err.println("c2m: series " + s.id() + ": " + e.getMessage());
        bad++;
      }
    }
    if (forecasts.isEmpty()) {
      err.println("c2m: no series could be forecast.");
      return 1;
    }
    if (json) {
      out.println(forecastJson(forecasts));
    } else {
      // Column widths follow the longest series id, method and model, so long names align.
      int idWidth = "series_id".length();
      int methodWidth = "method".length();
      int modelWidth = "model".length();
      for (DemandForecast fc : forecasts) {
        idWidth = Math.max(idWidth, fc.seriesId().length());
        methodWidth = Math.max(methodWidth, fc.method().length());
        modelWidth = Math.max(modelWidth, fc.model().length());
      }
      String head = "%-" + idWidth + "s %-" + methodWidth + "s %-" + modelWidth + "s";
      out.printf(Locale.ROOT, head + " %5s %12s %12s %12s %12s%n", "series_id", "method", "model",
          "step", "mean", "p10", "p50", "p90");
      for (DemandForecast fc : forecasts) {
        for (ForecastPoint p : fc.points()) {
          out.printf(Locale.ROOT, head + " %5d %12.3f %12.3f %12.3f %12.3f%n", fc.seriesId(),
              fc.method(), fc.model(), p.step(), p.mean(), p.p10(), p.p50(), p.p90());
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
    Parsed t = null;
    if (test != null) {
      try {
        t = read(test, separator, maxRows);
      } catch (IOException e) {
        err.println("c2m: " + e.getMessage());
        return 1;
      }
      t.errors.forEach(e -> err.println("c2m: test file: " + e));
      bad += t.errors.size();
    }
    // Two single-series files pair whatever their names; otherwise by series id.
    boolean pairSingles = t != null && train.single && t.single;
    Set<String> paired = new java.util.HashSet<>();
    for (DemandSeries s : train.series.values()) {
      try {
        if (holdout != null) {
          List<Holdout> rolled = Backtest.rollingOrigin(List.of(s), holdout, origins, 1, season);
          if (rolled.isEmpty()) {
            throw new IllegalArgumentException("The series is too short (" + s.length()
                + " periods) to hold out " + holdout + ".");
          }
          holdouts.addAll(rolled);
          continue;
        }
        String testId = !pairSingles ? s.id()
            : t.series.isEmpty() ? null : t.series.keySet().iterator().next();
        if (testId == null || !t.series.containsKey(testId)) {
          // A bad test series was reported when the test file was read.
          boolean reported = pairSingles ? !t.bad.isEmpty() : t.bad.contains(s.id());
          if (!reported) {
            err.println("c2m: series " + s.id() + " has no test values; it is left out.");
          }
          bad++;
          continue;
        }
        paired.add(testId);
        long trainLast = train.firstT.get(s.id()) + s.length() - 1; // |t| <= 2^53: exact
        long testFirst = t.firstT.get(testId);
        if (testFirst != trainLast + 1) {
          err.println("c2m: test file " + test.getFileName() + " line "
              + t.lineOf.get(testId).get(testFirst) + ": series " + testId + " starts at period "
              + testFirst + ", but the training series " + s.id() + " ends at period "
              + trainLast + "; the test values must start at period " + (trainLast + 1) + ".");
          bad++;
          continue;
        }
        holdouts.add(new Holdout(s, t.series.get(testId).values(), season));
      } catch (IllegalArgumentException e) {
        err.println("c2m: series " + s.id() + ": " + e.getMessage());
        bad++;
      }
    }
    if (t != null) {
      for (String id : t.series.keySet()) {
        if (!paired.contains(id)) {
          err.println("c2m: test file " + test.getFileName() + ": test series " + id
              + " has no training series in " + series.getFileName() + "; it is left out.");
          bad++;
        }
      }
    }
    if (holdouts.isEmpty()) {
      err.println("c2m: no series to evaluate.");
      return 1;
    }
    List<String> names = new ArrayList<>();
    if (cl.getParseResult().hasMatchedOption("--method")) {
      names.add(method);
    } else {
      for (String n : DemandForecasters.names()) {
        if (season > 1 || seasonUse(cl, n) != DemandForecasterProvider.SeasonUse.REQUIRED) {
          names.add(n);
        }
      }
    }
    List<MethodSummary> summaries = new ArrayList<>();
    List<IntervalSummary> intervals = new ArrayList<>();
    for (String n : names) {
      summaries.add(Backtest.evaluate(forecaster(cl, n), holdouts));
      intervals.add(Backtest.evaluateIntervals(DemandForecaster.conformal(
          forecaster(cl, n, Map.of("intervals", "model"))), holdouts, Runnable::run, LEVELS));
    }
    boolean allFailed = false;
    for (MethodSummary s : summaries) {
      if (s.failures() > 0) {
        err.println("c2m: " + s.method() + " failed on " + s.failures() + " of "
            + (s.failures() + s.forecasts()) + " holdout(s); first: " + s.failureReasons().get(0));
      }
      allFailed |= s.allFailed();
    }
    if (json) {
      out.println(evaluationJson(summaries, intervals));
    } else {
      out.printf(Locale.ROOT, "%d holdout(s), season %d; coverage of the 10%%-90%% interval "
          + "(nominal 0.80); pinball scaled like MASE%n", holdouts.size(), season);
      out.print(Backtest.table(summaries));
      out.printf(Locale.ROOT, "%nconformal intervals: coverage and MSIS (mean scaled interval "
          + "score, lower is better)%n%-16s %9s %9s %9s %9s%n", "method", "cover80", "cover95",
          "MSIS80", "MSIS95");
      for (IntervalSummary iv : intervals) {
        out.printf(Locale.ROOT, "%-16s %9.3f %9.3f %9.3f %9.3f%n", iv.method(),
            iv.coverage().get(0), iv.coverage().get(1), iv.msis().get(0), iv.msis().get(1));
      }
      out.flush();
    }
    if (allFailed) {
      err.println("c2m: a method failed on every holdout.");
    }
    return bad > 0 || allFailed ? 1 : 0;
  }

  /**
   * The forecasts in c2m's JSON envelope (kind {@code forecast}, schema
   * {@code docs/schemas/forecast.schema.json}): each {@link DemandForecast} as C2mJson writes it,
   * plus its {@code model}.
   */
  static String forecastJson(List<DemandForecast> forecasts) {
    ArrayNode data = JsonNodeFactory.instance.arrayNode();
    for (DemandForecast fc : forecasts) {
      ObjectNode row = (ObjectNode) C2mJson.toTree(fc);
      row.put("model", fc.model());
      data.add(row);
    }
    return JsonEnvelope.of("forecast", Instant.now().truncatedTo(ChronoUnit.SECONDS), data)
        .toJson();
  }

  private static void putFinite(ObjectNode node, String field, double v) {
    if (Double.isFinite(v)) {
      node.put(field, v);
    } else {
      node.putNull(field);
    }
  }

  /**
   * The holdout evaluation in c2m's JSON envelope (kind {@code forecast-evaluation}, schema
   * {@code docs/schemas/forecast-evaluation.schema.json}): each {@link MethodSummary} as C2mJson
   * writes it, plus {@code intervals}: the coverage and MSIS of the conformal intervals by
   * level ({@code "80"}, {@code "95"}); a measure that no holdout defined (NaN) is null.
   */
  static String evaluationJson(List<MethodSummary> summaries, List<IntervalSummary> intervals) {
    JsonNode data = C2mJson.toTree(summaries);
    for (int i = 0; i < data.size(); i++) {
      ObjectNode row = (ObjectNode) data.get(i);
      for (String measure : List.of("smape", "mase", "pinball", "coverage")) {
        if (!Double.isFinite(row.path(measure).asDouble(0))) {
          row.putNull(measure);
        }
      }
      ObjectNode byLevel = row.putObject("intervals");
      IntervalSummary iv = intervals.get(i);
      for (int j = 0; j < LEVELS.length; j++) {
        ObjectNode l = byLevel.putObject(Long.toString(Math.round(LEVELS[j] * 100)));
        putFinite(l, "coverage", iv.coverage().get(j));
        putFinite(l, "msis", iv.msis().get(j));
      }
    }
    return JsonEnvelope.of("forecast-evaluation", Instant.now().truncatedTo(ChronoUnit.SECONDS),
        data).toJson();
  }

  /** Series read from a file, by id in file order of first appearance, and the problems found. */
  static final class Parsed {
    final Map<String, DemandSeries> series = new LinkedHashMap<>();
    /** The first period t of each good series. */
    final Map<String, Long> firstT = new LinkedHashMap<>();
    /** The line number of each period of each series. */
    final Map<String, Map<Long, Integer>> lineOf = new LinkedHashMap<>();
    /** The series left out as bad. */
    final Set<String> bad = new java.util.TreeSet<>();
    final List<String> errors = new ArrayList<>();
    /** Whether the file has the single-series header t,value. */
    boolean single;
  }

  /** The largest |t| of a period: 2^53, so that t plus a series length never overflows. */
  static final long MAX_PERIOD = 1L << 53;
  /** The largest --season. */
  static final int MAX_SEASON = 10_000;
  /** The exit code when no series of the file is usable. */
  static final int EXIT_NOTHING_USABLE = 3;

  /**
   * Reads a series file, reporting every bad line and bad series and keeping the good ones.
   *
   * @param file the file
   * @return the series and the errors
   * @throws IOException if the file cannot be read, with a message naming the path and why
   */
  static Parsed read(Path file) throws IOException {
    return read(file, ',', CsvInput.DEFAULT_MAX_ROWS);
  }

  /**
   * Reads a series file streaming (one row in memory at a time; the series themselves are
   * kept), reporting every bad line and bad series and keeping the good ones. Columns are found
   * by header name, in any order; cells may be quoted.
   *
   * @param file the file
   * @param separator the column separator
   * @param maxRows the most data rows read
   * @return the series and the errors
   * @throws IOException if the file cannot be read or is not UTF-8, naming the path, the line and
   *     why
   */
  static Parsed read(Path file, char separator, long maxRows) throws IOException {
    Parsed p = new Parsed();
    Map<String, TreeMap<Long, Double>> values = new LinkedHashMap<>();
    Map<String, String> badSeries = new TreeMap<>();
    String where;
    try (CsvInput in = CsvInput.open(file, separator, maxRows)) {
      where = in.name();
      int idCol = in.column("series_id");
      int tCol = in.column("t");
      int valueCol = in.column("value");
      boolean many = idCol >= 0;
      if (tCol < 0 || valueCol < 0 || in.header().size() != (many ? 3 : 2)) {
        p.errors.add(where + " line 1: the header (\"" + PersonalData.excerpt(
            String.join(",", in.header())) + "\") must be t,value or series_id,t,value (in any "
            + "order).");
        return p;
      }
      p.single = !many;
      String single = stem(String.valueOf(file.getFileName()));
      String header = String.join(",", in.header());
      while (in.next()) {
        long lineNo = in.line();
        String id = many ? in.cell(idCol) : single;
        String shown = PersonalData.excerpt(id);
        if (in.cells() != in.header().size() || id.isEmpty()) {
          p.errors.add(where + " line " + lineNo + ": expected " + in.header().size()
              + " columns (" + header + "), got " + in.cells() + (id.isEmpty() ? " and no "
              + "series_id" : "") + ".");
          if (!id.isEmpty()) {
            badSeries.putIfAbsent(id, "line " + lineNo + " is malformed");
          }
          continue;
        }
        long t;
        double v;
        String tText = in.cell(tCol);
        try {
          t = Long.parseLong(tText);
          if (Math.abs(t) > MAX_PERIOD) {
            throw new NumberFormatException();
          }
        } catch (NumberFormatException e) {
          p.errors.add(in.where(tCol) + ": the period t (\"" + PersonalData.excerpt(tText)
              + "\") must be an integer from -2^53 to 2^53.");
          badSeries.putIfAbsent(id, "line " + lineNo + " is malformed");
          continue;
        }
        String vText = in.cell(valueCol);
        try {
          v = Double.parseDouble(vText);
        } catch (NumberFormatException e) {
          p.errors.add(in.where(valueCol) + ": the value (\"" + PersonalData.excerpt(vText)
              + "\") must be a number.");
          badSeries.putIfAbsent(id, "line " + lineNo + " is malformed");
          continue;
        }
        if (!Double.isFinite(v) || v < 0 || v > PlanCommand.MAX_COST) {
          p.errors.add(in.where(valueCol) + ": the demand (" + PersonalData.excerpt(vText)
              + ") of series " + shown + " at t=" + t + " must be a finite number from 0 to "
              + (long) PlanCommand.MAX_COST + ".");
          badSeries.putIfAbsent(id, "line " + lineNo + " has a bad value");
          continue;
        }
        TreeMap<Long, Double> s = values.computeIfAbsent(id, k -> new TreeMap<>());
        if (s.put(t, v) != null) {
          p.errors.add(where + " line " + lineNo + ": series " + shown + " has period " + t
              + " twice.");
          badSeries.putIfAbsent(id, "period " + t + " appears twice");
        }
        p.lineOf.computeIfAbsent(id, k -> new java.util.HashMap<>()).putIfAbsent(t,
            (int) Math.min(Integer.MAX_VALUE, lineNo));
      }
    } catch (CsvInput.Problem e) {
      throw new IOException(e.getMessage(), e);
    }
    for (Map.Entry<String, TreeMap<Long, Double>> e : values.entrySet()) {
      String id = e.getKey();
      if (badSeries.containsKey(id)) {
        continue;
      }
      TreeMap<Long, Double> s = e.getValue();
      Long prev = null;
      String gap = null;
      for (long t : s.keySet()) {
        if (prev != null && t != prev + 1) { // |t| <= 2^53: no overflow
          gap = "line " + p.lineOf.get(id).get(t) + " has period " + t + " after period " + prev
              + "; periods must be consecutive, without gaps";
          break;
        }
        prev = t;
      }
      if (gap != null) {
        badSeries.put(id, gap);
        continue;
      }
      double[] y = s.values().stream().mapToDouble(Double::doubleValue).toArray();
      p.series.put(id, new DemandSeries(id, y));
      p.firstT.put(id, s.firstKey());
    }
    badSeries.forEach((id, why) -> p.errors.add(where + ": series " + PersonalData.excerpt(id)
        + " is left out: " + why + "."));
    p.bad.addAll(badSeries.keySet());
    return p;
  }

  private static String stem(String name) {
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
