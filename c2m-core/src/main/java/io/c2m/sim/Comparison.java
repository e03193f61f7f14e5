package io.c2m.sim;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c2m.internal.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * N strategies on M seeds: every run, each metric's mean with a 95% confidence interval per
 * strategy (Student's t over the seeds), and for every two strategies a paired t-test of each
 * metric over the seeds both ran on. A run's metric that is undefined (NaN: no delivery, no batch)
 * is left out of its mean and of the pairs it is in. Output as CSV and JSON (NaN as empty / null).
 *
 * @param settings the settings the runs shared
 * @param strategies the strategies' names, in run order
 * @param seeds the seeds
 * @param runs every run, seed by seed, strategy by strategy
 */
public record Comparison(
    SimulationSettings settings, List<String> strategies, List<Long> seeds, List<RunResult> runs) {
  /** Validates and copies. */
  public Comparison {
    requireNonNull(settings, "settings");
    strategies = List.copyOf(Checks.requireNoNulls(strategies, "strategies"));
    seeds = List.copyOf(Checks.requireNoNulls(seeds, "seeds"));
    runs = List.copyOf(Checks.requireNoNulls(runs, "runs"));
  }

  /**
   * One metric of one strategy over the seeds.
   *
   * @param strategy the strategy
   * @param metric the metric's name (see {@link RunMetrics#values()})
   * @param n the runs where it is defined
   * @param mean the mean (NaN when n is 0)
   * @param ciLow the lower end of the 95% confidence interval (NaN when n &lt; 2)
   * @param ciHigh the upper end (NaN when n &lt; 2)
   */
  public record Summary(
      String strategy, String metric, int n, double mean, double ciLow, double ciHigh) {}

  /**
   * A paired t-test of one metric between two strategies over the seeds both have it on.
   *
   * @param metric the metric
   * @param a the first strategy
   * @param b the second strategy
   * @param n the pairs
   * @param meanDifference the mean of a minus b
   * @param ciLow the lower end of the difference's 95% confidence interval (NaN when n &lt; 2)
   * @param ciHigh the upper end
   * @param pValue the two-sided p-value (NaN when n &lt; 2; 0 or 1 when every difference is equal)
   */
  public record Paired(
      String metric, String a, String b, int n, double meanDifference, double ciLow,
      double ciHigh, double pValue) {}

  /**
   * Returns the runs of one strategy, in seed order.
   *
   * @param strategy the strategy's name
   * @return the runs
   */
  public List<RunResult> runsOf(String strategy) {
    return runs.stream().filter(r -> r.metrics().strategy().equals(strategy)).toList();
  }

  /**
   * Returns the metric names, in report order.
   *
   * @return the names
   */
  public List<String> metrics() {
    return runs.isEmpty() ? List.of() : List.copyOf(runs.get(0).metrics().values().keySet());
  }

  /**
   * Returns each strategy's summary of each metric.
   *
   * @return strategy by strategy, metric by metric
   */
  public List<Summary> summaries() {
    List<Summary> out = new ArrayList<>();
    for (String s : strategies) {
      List<RunResult> rs = runsOf(s);
      for (String m : metrics()) {
        double[] x = rs.stream().mapToDouble(r -> r.metrics().values().get(m))
            .filter(v -> !Double.isNaN(v)).toArray();
        double[] ci = meanCi(x);
        out.add(new Summary(s, m, x.length, ci[0], ci[1], ci[2]));
      }
    }
    return out;
  }

  /**
   * Returns a summary by strategy and metric.
   *
   * @param strategy the strategy
   * @param metric the metric
   * @return the summary
   * @throws IllegalArgumentException if there is none
   */
  public Summary summary(String strategy, String metric) {
    return summaries().stream()
        .filter(x -> x.strategy().equals(strategy) && x.metric().equals(metric)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No summary of " + metric + " for "
            + strategy + "; strategies " + strategies + ", metrics " + metrics() + "."));
  }

  /**
   * Returns the paired tests of every metric for every two strategies (in run order).
   *
   * @return the tests
   */
  public List<Paired> pairedTests() {
    List<Paired> out = new ArrayList<>();
    for (int i = 0; i < strategies.size(); i++) {
      for (int j = i + 1; j < strategies.size(); j++) {
        List<RunResult> a = runsOf(strategies.get(i));
        List<RunResult> b = runsOf(strategies.get(j));
        for (String m : metrics()) {
          List<Double> d = new ArrayList<>();
          List<Double> xa = new ArrayList<>();
          List<Double> xb = new ArrayList<>();
          for (int k = 0; k < Math.min(a.size(), b.size()); k++) {
            double va = a.get(k).metrics().values().get(m);
            double vb = b.get(k).metrics().values().get(m);
            if (!Double.isNaN(va) && !Double.isNaN(vb)) {
              d.add(va - vb);
              xa.add(va);
              xb.add(vb);
            }
          }
          double[] diff = d.stream().mapToDouble(Double::doubleValue).toArray();
          double[] ci = meanCi(diff);
          double p;
          if (diff.length < 2) {
            p = Double.NaN;
          } else if (d.stream().distinct().count() == 1) {
            p = diff[0] == 0 ? 1 : 0;
          } else {
            p = new TTest().pairedTTest(xa.stream().mapToDouble(Double::doubleValue).toArray(),
                xb.stream().mapToDouble(Double::doubleValue).toArray());
          }
          out.add(new Paired(m, strategies.get(i), strategies.get(j), diff.length, ci[0], ci[1],
              ci[2], p));
        }
      }
    }
    return out;
  }

  /**
   * Returns every run's metrics as CSV: a header, then one row per run.
   *
   * @return the CSV text
   */
  public String runsCsv() {
    StringBuilder sb = new StringBuilder("strategy,seed");
    for (String m : metrics()) {
      sb.append(',').append(m);
    }
    sb.append('\n');
    for (RunResult r : runs) {
      sb.append(r.metrics().strategy()).append(',').append(r.metrics().seed());
      for (double v : r.metrics().values().values()) {
        sb.append(',').append(num(v));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  /**
   * Returns the summaries as CSV.
   *
   * @return the CSV text
   */
  public String summaryCsv() {
    StringBuilder sb = new StringBuilder("strategy,metric,n,mean,ci95_low,ci95_high\n");
    for (Summary s : summaries()) {
      sb.append(s.strategy()).append(',').append(s.metric()).append(',').append(s.n())
          .append(',').append(num(s.mean())).append(',').append(num(s.ciLow())).append(',')
          .append(num(s.ciHigh())).append('\n');
    }
    return sb.toString();
  }

  /**
   * Returns the paired tests as CSV.
   *
   * @return the CSV text
   */
  public String pairedCsv() {
    StringBuilder sb =
        new StringBuilder("metric,a,b,n,mean_difference,ci95_low,ci95_high,p_value\n");
    for (Paired p : pairedTests()) {
      sb.append(p.metric()).append(',').append(p.a()).append(',').append(p.b()).append(',')
          .append(p.n()).append(',').append(num(p.meanDifference())).append(',')
          .append(num(p.ciLow())).append(',').append(num(p.ciHigh())).append(',')
          .append(num(p.pValue())).append('\n');
    }
    return sb.toString();
  }

  /**
   * Returns the whole comparison as JSON: the settings, the runs (with their niches), the
   * summaries and the paired tests.
   *
   * @return pretty-printed JSON text
   */
  public String toJson() {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    ObjectNode set = root.putObject("settings");
    settings.values().forEach(set::put);
    ArrayNode niches = root.putArray("plantedNiches");
    for (PlantedNiche p : settings.niches()) {
      ObjectNode n = niches.addObject();
      n.put("definition", p.definition().toString());
      n.put("members", p.members());
      n.put("emergence", settings.emergence(p));
      n.put("fade", settings.fade(p));
    }
    root.putPOJO("strategies", strategies);
    root.putPOJO("seeds", seeds);
    ArrayNode rs = root.putArray("runs");
    for (RunResult r : runs) {
      ObjectNode o = rs.addObject();
      o.put("strategy", r.metrics().strategy());
      o.put("seed", r.metrics().seed());
      r.metrics().values().forEach((k, v) -> put(o, k, v));
      ArrayNode ns = o.putArray("niches");
      for (NicheOutcome n : r.metrics().niches()) {
        ObjectNode x = ns.addObject();
        x.put("definition", n.definition().toString());
        put(x, "timeToFirstBatch", n.timeToFirstBatch());
        put(x, "potentialDemand", n.potentialDemand());
        put(x, "servedBeforeFade", n.servedBeforeFade());
        put(x, "servedShare", n.servedShare());
      }
    }
    ArrayNode ss = root.putArray("summaries");
    for (Summary s : summaries()) {
      ObjectNode o = ss.addObject();
      o.put("strategy", s.strategy());
      o.put("metric", s.metric());
      o.put("n", s.n());
      put(o, "mean", s.mean());
      put(o, "ci95Low", s.ciLow());
      put(o, "ci95High", s.ciHigh());
    }
    ArrayNode ps = root.putArray("pairedTests");
    for (Paired p : pairedTests()) {
      ObjectNode o = ps.addObject();
      o.put("metric", p.metric());
      o.put("a", p.a());
      o.put("b", p.b());
      o.put("n", p.n());
      put(o, "meanDifference", p.meanDifference());
      put(o, "ci95Low", p.ciLow());
      put(o, "ci95High", p.ciHigh());
      put(o, "pValue", p.pValue());
    }
    try {
      return mapper.writeValueAsString(root) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void put(ObjectNode o, String k, double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      o.putNull(k);
    } else {
      o.put(k, v);
    }
  }

  /**
   * Formats a number for CSV: empty for NaN, whole numbers as such, else four decimals (below
   * 0.001 in scientific notation), locale-free.
   *
   * @param v the number
   * @return the text
   */
  static String num(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return "";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    if (Math.abs(v) < 1e-3) {
      return String.format(Locale.ROOT, "%.3e", v);
    }
    return String.format(Locale.ROOT, "%.4f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
  }

  /** Mean and 95% t interval: {mean, low, high}. */
  static double[] meanCi(double[] x) {
    if (x.length == 0) {
      return new double[] {Double.NaN, Double.NaN, Double.NaN};
    }
    double mean = 0;
    for (double v : x) {
      mean += v;
    }
    mean /= x.length;
    if (x.length < 2) {
      return new double[] {mean, Double.NaN, Double.NaN};
    }
    double ss = 0;
    for (double v : x) {
      ss += (v - mean) * (v - mean);
    }
    double se = Math.sqrt(ss / (x.length - 1) / x.length);
    double t = new TDistribution(x.length - 1).inverseCumulativeProbability(0.975);
    return new double[] {mean, mean - t * se, mean + t * se};
  }

  /**
   * Returns the metric values of one run by name (a convenience for reports).
   *
   * @param run the run
   * @return the values
   */
  public static Map<String, Double> values(RunResult run) {
    return run.metrics().values();
  }
}
