package io.c2m.examples.sim;

import io.c2m.sim.Comparison;
import io.c2m.sim.NicheOutcome;
import io.c2m.sim.PlantedNiche;
import io.c2m.sim.RunResult;
import io.c2m.sim.SimulationSettings;
import io.c2m.sim.SimulationStrategies;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The simulation's report: a self-contained HTML page (the charts embedded as base64 PNG, no
 * script, no external resource, readable from a file without a server) and a short text table for
 * the terminal. Both put the assumptions beside the figures.
 */
public final class SimulationReport {
  /** The metrics shown side by side, in order. */
  static final List<String> HEADLINE = List.of("revenue", "productionCost", "margin",
      "costPerDeliveredUnit", "unsoldUnits", "markdownLoss", "lostSales", "fillRate", "meanWait",
      "p95Wait", "cancellations", "expirations", "batches", "meanBatchSize", "nichesServed",
      "meanTimeToFirstBatch", "meanServedShare");

  private static final Map<String, String> MEANING = Map.ofEntries(
      Map.entry("revenue", "full-price revenue of delivered orders"),
      Map.entry("productionCost", "setup + unit + holding cost"),
      Map.entry("margin", "revenue + markdown revenue - production cost"),
      Map.entry("costPerDeliveredUnit", "production cost / units delivered"),
      Map.entry("unsoldUnits", "units made and never sold at full price"),
      Map.entry("markdownLoss", "full-price revenue given up on cleared leftovers"),
      Map.entry("lostSales", "units wanted and not delivered (empty shelf, cancelled, expired)"),
      Map.entry("fillRate", "units delivered / units wanted"),
      Map.entry("meanWait", "mean days from order to delivery"),
      Map.entry("p95Wait", "95th percentile of days from order to delivery"),
      Map.entry("cancellations", "orders cancelled by impatient consumers"),
      Map.entry("expirations", "orders whose campaign closed before a batch took them"),
      Map.entry("batches", "batches or lots released"),
      Map.entry("meanBatchSize", "mean units per batch or lot"),
      Map.entry("nichesServed", "share of planted niches that got a batch"),
      Map.entry("meanTimeToFirstBatch", "mean days from a niche's emergence to its first batch"),
      Map.entry("meanServedShare", "mean share of a niche's demand delivered before it faded"));

  private SimulationReport() {}

  /**
   * Writes the HTML report.
   *
   * @param c the comparison
   * @param charts file name to PNG bytes, as {@link SimulationCharts#draw(Comparison)} makes them
   * @return the HTML text
   */
  public static String html(Comparison c, Map<String, byte[]> charts) {
    StringBuilder h = new StringBuilder(1 << 16);
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>c2m simulation: C2M against make-to-stock</title>\n<style>\n")
        .append("body{font-family:sans-serif;max-width:1100px;margin:2em auto;color:#222}")
        .append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #bbb;")
        .append("padding:3px 8px;text-align:right}th{background:#eee}td.l,th.l{text-align:left}")
        .append("img{max-width:100%;border:1px solid #ddd;margin:.5em 0}")
        .append("small{color:#666}\n</style>\n</head>\n<body>\n");
    SimulationSettings s = c.settings();
    h.append("<h1>C2M against make-to-stock</h1>\n<p id=\"summary\">")
        .append(c.strategies().size()).append(" strategies &times; ").append(c.seeds().size())
        .append(" seeds (").append(esc(c.seeds().toString())).append("), ")
        .append(s.periods()).append(" days, ").append(s.consumers()).append(" consumers, ")
        .append(s.niches().size()).append(" planted niches. Each figure is the mean over the ")
        .append("seeds with its 95% confidence interval (Student's t).</p>\n");
    h.append("<h2>Side by side</h2>\n<table id=\"side-by-side\"><tr><th class=\"l\">metric</th>");
    for (String name : c.strategies()) {
      h.append("<th>").append(esc(name)).append("</th>");
    }
    h.append("<th class=\"l\">meaning</th></tr>\n");
    for (String m : HEADLINE) {
      h.append("<tr><td class=\"l\">").append(m).append("</td>");
      for (String name : c.strategies()) {
        Comparison.Summary x = c.summary(name, m);
        h.append("<td>").append(fmt(x.mean()));
        if (!Double.isNaN(x.ciLow())) {
          h.append("<br><small>[").append(fmt(x.ciLow())).append(", ").append(fmt(x.ciHigh()))
              .append("]</small>");
        }
        h.append("</td>");
      }
      h.append("<td class=\"l\"><small>").append(esc(MEANING.getOrDefault(m, "")))
          .append("</small></td></tr>\n");
    }
    h.append("</table>\n");
    String base = c.strategies().contains(SimulationStrategies.MAKE_TO_STOCK)
        ? SimulationStrategies.MAKE_TO_STOCK : c.strategies().get(0);
    h.append("<h2>Paired tests against ").append(esc(base)).append("</h2>\n<p>Difference of ")
        .append("means (strategy minus ").append(esc(base)).append(") over the seeds both ran ")
        .append("on, its 95% interval and the two-sided paired t-test's p-value.</p>\n")
        .append("<table id=\"paired\"><tr><th class=\"l\">strategy</th><th class=\"l\">metric")
        .append("</th><th>difference</th><th>95% interval</th><th>p</th></tr>\n");
    for (Comparison.Paired p : c.pairedTests()) {
      boolean aIsBase = p.a().equals(base);
      if (!(aIsBase || p.b().equals(base)) || !HEADLINE.contains(p.metric())) {
        continue;
      }
      double sign = aIsBase ? -1 : 1;
      double lo = sign > 0 ? p.ciLow() : -p.ciHigh();
      double hi = sign > 0 ? p.ciHigh() : -p.ciLow();
      h.append("<tr><td class=\"l\">").append(esc(aIsBase ? p.b() : p.a()))
          .append("</td><td class=\"l\">").append(p.metric()).append("</td><td>")
          .append(fmt(sign * p.meanDifference())).append("</td><td>")
          .append(Double.isNaN(lo) ? "" : "[" + fmt(lo) + ", " + fmt(hi) + "]")
          .append("</td><td>").append(Double.isNaN(p.pValue()) ? "" : String.format(Locale.ROOT,
              "%.3g", p.pValue())).append("</td></tr>\n");
    }
    h.append("</table>\n<h2>Planted niches</h2>\n<table id=\"niches\"><tr><th class=\"l\">")
        .append("niche</th><th>emerges</th><th>fades</th>");
    for (String name : c.strategies()) {
      h.append("<th>").append(esc(name)).append("<br><small>days to first batch / share ")
          .append("served</small></th>");
    }
    h.append("</tr>\n");
    for (int k = 0; k < s.niches().size(); k++) {
      PlantedNiche p = s.niches().get(k);
      h.append("<tr><td class=\"l\">").append(esc(p.definition().toString())).append("</td><td>")
          .append(s.emergence(p)).append("</td><td>").append(s.fade(p)).append("</td>");
      for (String name : c.strategies()) {
        double ttfb = 0;
        int got = 0;
        double share = 0;
        List<RunResult> rs = c.runsOf(name);
        for (RunResult r : rs) {
          NicheOutcome o = r.metrics().niches().get(k);
          if (!Double.isNaN(o.timeToFirstBatch())) {
            ttfb += o.timeToFirstBatch();
            got++;
          }
          share += o.servedShare();
        }
        h.append("<td>").append(got == 0 ? "never" : fmt(ttfb / got)).append(" / ")
            .append(fmt(share / rs.size())).append("</td>");
      }
      h.append("</tr>\n");
    }
    h.append("</table>\n<h2>Charts</h2>\n");
    for (Map.Entry<String, byte[]> e : charts.entrySet()) {
      h.append("<p><img alt=\"").append(esc(e.getKey())).append("\" src=\"data:image/png;base64,")
          .append(Base64.getEncoder().encodeToString(e.getValue())).append("\"></p>\n");
    }
    h.append("<h2>Assumptions</h2>\n<table id=\"assumptions\"><tr><th class=\"l\">setting</th>")
        .append("<th>value</th><th class=\"l\">meaning and source of the default</th></tr>\n");
    Map<String, String> values = s.values();
    for (Map.Entry<String, String> e : SimulationSettings.knobs().entrySet()) {
      h.append("<tr><td class=\"l\">").append(e.getKey()).append("</td><td>")
          .append(esc(values.get(e.getKey()))).append("</td><td class=\"l\">")
          .append(esc(e.getValue())).append("</td></tr>\n");
    }
    h.append("</table>\n<p><small>C2M runs the c2m engine period by period (niche inference, ")
        .append("design tailoring, batching); make-to-stock designs from last season's signals, ")
        .append("forecasts from its audience, produces ahead in economic lots and marks leftovers ")
        .append("down at season end. Same consumers, tastes and draws for every strategy.")
        .append("</small></p>\n</body>\n</html>\n");
    return h.toString();
  }

  /**
   * Writes a short side-by-side table for a terminal.
   *
   * @param c the comparison
   * @param metrics the metrics to show
   * @return the text
   */
  public static String text(Comparison c, List<String> metrics) {
    StringBuilder sb = new StringBuilder();
    int w = 22;
    for (String name : c.strategies()) {
      w = Math.max(w, name.length() + 2);
    }
    sb.append(String.format(Locale.ROOT, "%-22s", "metric"));
    for (String name : c.strategies()) {
      sb.append(String.format(Locale.ROOT, "%" + w + "s", name));
    }
    sb.append('\n');
    for (String m : metrics) {
      sb.append(String.format(Locale.ROOT, "%-22s", m));
      for (String name : c.strategies()) {
        Comparison.Summary x = c.summary(name, m);
        String cell = fmt(x.mean());
        if (!Double.isNaN(x.ciLow())) {
          cell += " ±" + fmt((x.ciHigh() - x.ciLow()) / 2);
        }
        sb.append(String.format(Locale.ROOT, "%" + w + "s", cell));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  static String fmt(double v) {
    if (Double.isNaN(v)) {
      return "n/a";
    }
    if (Math.abs(v) >= 1000) {
      return String.format(Locale.ROOT, "%,.0f", v);
    }
    if (Math.abs(v) >= 10) {
      return String.format(Locale.ROOT, "%.1f", v);
    }
    return String.format(Locale.ROOT, "%.3f", v);
  }

  static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
