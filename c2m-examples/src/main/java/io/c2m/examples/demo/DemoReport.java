package io.c2m.examples.demo;

import io.c2m.DesignId;
import io.c2m.demand.DemandForecast;
import io.c2m.demand.ForecastPoint;
import io.c2m.design.ProductDesign;
import io.c2m.examples.cli.TextTable;
import io.c2m.niche.Niche;
import io.c2m.order.Order;
import io.c2m.order.OrderReceipt;
import io.c2m.production.BatchPlan;
import io.c2m.production.PendingOrder;
import io.c2m.production.PendingReason;
import io.c2m.production.ProductionBatch;
import io.c2m.production.ProductionConstraints;
import io.c2m.privacy.Consent;
import io.c2m.sim.PlantedNiche;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Formats a {@link FashionDemo.Result} as the readable summary {@code c2m demo} prints. */
public final class DemoReport {
  private DemoReport() {}

  /**
   * Formats a demo result.
   *
   * @param r the result
   * @return the summary, several lines
   */
  public static String format(FashionDemo.Result r) {
    StringBuilder sb = new StringBuilder();
    var spec = r.population().spec();
    long consenting = r.population().accounts().stream()
        .filter(a -> a.allows(Consent.PROFILING)).count();
    line(sb, "c2m demo: a synthetic fashion marketplace, seed %d", r.population().seed());
    line(sb, "");
    line(sb, "1. Signals");
    line(sb, "   %,d consumers (%,d consent to profiling), %d planted niches, %,d signals over %d days",
        spec.consumers(), consenting, spec.niches().size(), r.population().signals().size(),
        spec.span().toDays());
    line(sb, "   profiled %,d signals; skipped %,d of consumers without consent",
        r.ingest().profiled(), r.ingest().withoutConsent());
    line(sb, "");
    line(sb, "2. Niches found (audience of at least the minimum; planted = the ground truth)");
    TextTable niches = new TextTable("   ", "definition", "audience>", "lift>", "trend",
        "planted?");
    for (Niche n : r.niches()) {
      niches.row(n.definition(), n.audience(), String.format(Locale.ROOT, "%.1f", n.lift()),
          n.trend().direction().name().toLowerCase(Locale.ROOT), planted(n, spec.niches()));
    }
    sb.append(niches);
    line(sb, "");
    line(sb, "3. Designs tailored and offered (order first, produce after)");
    TextTable designs = new TextTable("   ", "design", "price>", "spec");
    for (ProductDesign d : r.designs()) {
      designs.row(d.id(), String.format(Locale.ROOT, "%.2f", d.unitPrice()), d.spec());
    }
    sb.append(designs);
    line(sb, "");
    int accepted = r.receipts().getOrDefault(OrderReceipt.Status.ACCEPTED, 0);
    line(sb, "4. Orders: %d accepted, %d retries recognised as duplicates, %d rejected "
        + "(a reused id or a design not on offer)", accepted,
        r.receipts().getOrDefault(OrderReceipt.Status.DUPLICATE, 0),
        r.receipts().getOrDefault(OrderReceipt.Status.REJECTED, 0));
    Map<DesignId, int[]> perDesign = new TreeMap<>();
    for (Order o : r.orders()) {
      int[] c = perDesign.computeIfAbsent(o.design(), d -> new int[2]);
      c[0]++;
      c[1] += o.quantity();
    }
    TextTable ordered = new TextTable("   ", "design", "orders>", "units>");
    perDesign.forEach((d, c) -> ordered.row(d, c[0], c[1]));
    sb.append(ordered);
    line(sb, "");
    BatchPlan plan = r.plan();
    line(sb, "5. Production plan (%s); day 0 = %s", plan.provenance().strategy(),
        r.planningStart().toString().substring(0, 10));
    if (!r.constraints().isEmpty()) {
      ProductionConstraints c = r.constraints().values().iterator().next();
      line(sb, "   line: MOQ %d, cases of %d, at most %d per batch and %d per day, setup %.0f, "
          + "lead time %d days", c.minimumOrderQuantity(), c.orderMultiple(), c.maximumBatch(),
          c.capacityPerPeriod(), c.setupCost(), c.leadTimePeriods());
    }
    TextTable batches = new TextTable("   ", "batch", "day>", "ready>", "units>", "ordered>",
        "orders>", "cost>");
    for (ProductionBatch b : plan.batches()) {
      batches.row(b.id(), b.period(), b.readyPeriod(), b.quantity(), b.orderedQuantity(),
          b.orders().size(), String.format(Locale.ROOT, "%.2f", b.cost().total()));
    }
    sb.append(batches);
    Map<PendingKey, int[]> pending = new TreeMap<>();
    Map<PendingKey, String> why = new HashMap<>();
    for (PendingOrder p : plan.pending()) {
      PendingKey key = new PendingKey(p.design(), p.reason());
      int[] c = pending.computeIfAbsent(key, k -> new int[2]);
      c[0]++;
      c[1] += p.quantity();
      why.putIfAbsent(key, p.detail());
    }
    if (pending.isEmpty()) {
      line(sb, "   no order is pending");
    } else {
      line(sb, "   pending:");
      pending.forEach((k, c) -> line(sb, "   %4d orders (%d units) %s: %s", c[0], c[1],
          k.reason(), why.get(k)));
    }
    double revenue = 0;
    Map<io.c2m.OrderId, Order> byId = new HashMap<>();
    r.orders().forEach(o -> byId.put(o.id(), o));
    for (ProductionBatch b : plan.batches()) {
      for (io.c2m.OrderId id : b.orders()) {
        Order o = byId.get(id);
        revenue += o.quantity() * o.unitPrice();
      }
    }
    line(sb, "   cost %.2f (setup %.2f, unit %.2f, holding %.2f); revenue of batched orders %.2f; "
        + "margin %.2f", plan.cost().total(), plan.cost().setup(), plan.cost().unit(),
        plan.cost().holding(), revenue, revenue - plan.cost().total());
    long surplus = plan.batches().stream().mapToLong(ProductionBatch::surplus).sum();
    line(sb, "   units made %d, of which %d rounding surplus (cases); no speculative stock",
        plan.totalQuantity(), surplus);
    line(sb, "");
    line(sb, "6. Forecast of daily ordered units, next 7 days (%s)",
        r.forecasts().isEmpty() ? "-" : r.forecasts().get(0).method());
    TextTable forecasts = new TextTable("   ", "design", "mean/day>", "p10>", "p90>",
        "week total>");
    for (DemandForecast f : r.forecasts()) {
      ForecastPoint p = f.points().get(0);
      forecasts.row(f.seriesId(), String.format(Locale.ROOT, "%.2f", p.mean()),
          String.format(Locale.ROOT, "%.2f", p.p10()), String.format(Locale.ROOT, "%.2f", p.p90()),
          String.format(Locale.ROOT, "%.1f", f.totalMean()));
    }
    if (!forecasts.isEmpty()) {
      sb.append(forecasts);
    }
    return sb.toString();
  }

  /**
   * The demo's last line, for a business reader: what the consumers' behaviour led to, and what
   * C2M earned against make-to-stock in the simulation.
   *
   * @param r the demo's result
   * @param c the comparison of {@link io.c2m.examples.sim.DemoComparison}
   * @param days the simulated days
   * @return one line, without a newline
   */
  public static String summary(FashionDemo.Result r, io.c2m.sim.Comparison c, int days) {
    BatchPlan plan = r.plan();
    String mts = io.c2m.sim.SimulationStrategies.MAKE_TO_STOCK;
    String c2m = io.c2m.examples.sim.DemoComparison.C2M;
    long surplus = plan.batches().stream().mapToLong(ProductionBatch::surplus).sum();
    return String.format(Locale.ROOT, "In short: from the behaviour of %,d shoppers c2m found %d "
        + "niches and offered %d designs; %,d orders came in before anything was made, and %d "
        + "production batches make %,d units for them (%,d of them rounding up to whole cases); "
        + "over %d simulated days C2M's margin was %,.0f against %,.0f for make-to-stock, with "
        + "%,.0f units unsold against %,.0f.",
        r.population().spec().consumers(), r.niches().size(), r.designs().size(),
        r.receipts().getOrDefault(OrderReceipt.Status.ACCEPTED, 0), plan.batches().size(),
        plan.totalQuantity(), surplus, days, c.summary(c2m, "margin").mean(),
        c.summary(mts, "margin").mean(), c.summary(c2m, "unsoldUnits").mean(),
        c.summary(mts, "unsoldUnits").mean());
  }

  /** Pending orders are summarised per design and reason. */
  private record PendingKey(DesignId design, PendingReason reason)
      implements Comparable<PendingKey> {
    @Override
    public int compareTo(PendingKey o) {
      int c = design.compareTo(o.design);
      return c != 0 ? c : reason.compareTo(o.reason);
    }
  }

  private static String planted(Niche n, List<PlantedNiche> planted) {
    for (PlantedNiche p : planted) {
      if (p.definition().equals(n.definition())) {
        return "yes, exactly";
      }
    }
    for (PlantedNiche p : planted) {
      if (p.definition().matches(n.definition())) {
        return "part of " + p.definition();
      }
    }
    return "no";
  }

  private static void line(StringBuilder sb, String format, Object... args) {
    sb.append(String.format(Locale.ROOT, format, args)).append('\n');
  }

}
