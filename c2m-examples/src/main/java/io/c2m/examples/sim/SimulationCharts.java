package io.c2m.examples.sim;

import io.c2m.sim.Comparison;
import io.c2m.sim.PlantedNiche;
import io.c2m.sim.RunResult;
import io.c2m.sim.SimulationSettings;
import io.c2m.sim.Timeline;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The charts of a simulation as PNG images (XChart): cost against service level per strategy,
 * the batch-size histogram, demand and production over time per planted niche with its emergence
 * and fade marked, and the shelf stock over time. Draws headless.
 */
public final class SimulationCharts {
  private static final int WIDTH = 900;
  private static final int HEIGHT = 420;

  private SimulationCharts() {}

  /**
   * Draws every chart.
   *
   * @param comparison the simulation's comparison
   * @return file name (without directory) to PNG bytes, in report order
   */
  public static Map<String, byte[]> draw(Comparison comparison) {
    System.setProperty("java.awt.headless", "true");
    Map<String, byte[]> out = new LinkedHashMap<>();
    out.put("cost-vs-service.png", png(costVersusService(comparison)));
    out.put("batch-sizes.png", png(batchSizes(comparison)));
    SimulationSettings s = comparison.settings();
    for (int k = 0; k < s.niches().size(); k++) {
      out.put("niche-" + (k + 1) + ".png", png(niche(comparison, k)));
    }
    out.put("stock.png", png(stock(comparison)));
    return out;
  }

  /**
   * Cost per delivered unit against fill rate, one point per run, one series per strategy.
   *
   * @param c the comparison
   * @return the chart
   */
  static XYChart costVersusService(Comparison c) {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
        .title("Production cost per delivered unit against fill rate (one point per seed)")
        .xAxisTitle("fill rate (delivered / wanted units)").yAxisTitle("cost per delivered unit")
        .build();
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    chart.getStyler().setMarkerSize(10);
    for (String s : c.strategies()) {
      List<Double> x = new ArrayList<>();
      List<Double> y = new ArrayList<>();
      for (RunResult r : c.runsOf(s)) {
        double cost = r.metrics().costPerDeliveredUnit();
        if (!Double.isNaN(cost)) {
          x.add(r.metrics().fillRate());
          y.add(cost);
        }
      }
      if (x.isEmpty()) {
        x.add(0.0);
        y.add(0.0);
      }
      chart.addSeries(s, x, y);
    }
    return chart;
  }

  /**
   * The sizes of the batches and lots released, over every run, binned, one series per strategy.
   *
   * @param c the comparison
   * @return the chart
   */
  static CategoryChart batchSizes(Comparison c) {
    CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
        .title("Batch and lot sizes (all seeds)").xAxisTitle("units in the batch")
        .yAxisTitle("batches").build();
    int max = 1;
    for (RunResult r : c.runs()) {
      for (int b : r.timeline().batchSizes()) {
        max = Math.max(max, b);
      }
    }
    int bins = 10;
    int width = Math.max(10, (int) Math.ceil(max / (double) bins / 10) * 10);
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < bins; i++) {
      labels.add(i * width + "-" + ((i + 1) * width - 1));
    }
    for (String s : c.strategies()) {
      double[] counts = new double[bins];
      for (RunResult r : c.runsOf(s)) {
        for (int b : r.timeline().batchSizes()) {
          counts[Math.min(bins - 1, b / width)]++;
        }
      }
      List<Double> y = new ArrayList<>();
      for (double v : counts) {
        y.add(v);
      }
      chart.addSeries(s, labels, y);
    }
    chart.getStyler().setXAxisLabelRotation(30);
    return chart;
  }

  /**
   * One planted niche over time on the first seed: weekly units its members wanted and weekly
   * units released for designs serving it, per strategy; vertical lines at its emergence and fade.
   *
   * @param c the comparison
   * @param k the niche's index
   * @return the chart
   */
  static XYChart niche(Comparison c, int k) {
    SimulationSettings s = c.settings();
    PlantedNiche p = s.niches().get(k);
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
        .title("Niche " + (k + 1) + ": " + p.definition() + " (seed " + c.seeds().get(0) + ")")
        .xAxisTitle("day").yAxisTitle("units per week").build();
    for (String name : c.strategies()) {
      Timeline t = c.runsOf(name).get(0).timeline();
      double[][] demand = weekly(t.demandByNiche().get(k));
      XYSeries d = chart.addSeries("wanted, " + name, demand[0], demand[1]);
      d.setMarker(SeriesMarkers.NONE);
      double[][] made = weekly(t.productionByNiche().get(k));
      XYSeries m = chart.addSeries("made, " + name, made[0], made[1]);
      m.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    }
    chart.addAnnotation(new AnnotationLine(s.emergence(p), true, false));
    chart.addAnnotation(new AnnotationLine(Math.min(s.fade(p), s.periods() - 1), true, false));
    chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
    chart.getStyler().setLegendLayout(org.knowm.xchart.style.Styler.LegendLayout.Horizontal);
    return chart;
  }

  /**
   * Units on the shelf at the end of each day on the first seed, per strategy.
   *
   * @param c the comparison
   * @return the chart
   */
  static XYChart stock(Comparison c) {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
        .title("Units on the shelf (seed " + c.seeds().get(0) + ")").xAxisTitle("day")
        .yAxisTitle("units").build();
    for (String name : c.strategies()) {
      List<Double> stock = c.runsOf(name).get(0).timeline().stock();
      double[] x = new double[stock.size()];
      double[] y = new double[stock.size()];
      for (int i = 0; i < x.length; i++) {
        x[i] = i;
        y[i] = stock.get(i);
      }
      chart.addSeries(name, x, y).setMarker(SeriesMarkers.NONE);
    }
    return chart;
  }

  private static double[][] weekly(List<Double> daily) {
    int weeks = (daily.size() + 6) / 7;
    double[] x = new double[weeks];
    double[] y = new double[weeks];
    for (int w = 0; w < weeks; w++) {
      x[w] = w * 7;
      for (int d = w * 7; d < Math.min(daily.size(), w * 7 + 7); d++) {
        y[w] += daily.get(d);
      }
    }
    return new double[][] {x, y};
  }

  private static byte[] png(Chart<?, ?> chart) {
    try {
      return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot draw the chart " + chart.getTitle(), e);
    }
  }
}
