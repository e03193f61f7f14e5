package io.c2m.sim;

import static java.util.Objects.requireNonNull;

import io.c2m.internal.Checks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metrics of one run. Money is {@code double} in one currency; units are whole units counted
 * as doubles. Production cost is setup plus unit plus holding; margin is revenue plus markdown
 * revenue minus production cost. Lost sales are units consumers wanted and did not get: empty
 * shelves, cancelled and expired orders.
 *
 * @param strategy the strategy's name
 * @param seed the seed
 * @param revenue full-price revenue of delivered orders
 * @param markdownRevenue revenue of leftovers cleared at the markdown price
 * @param setupCost setup cost of every batch or lot
 * @param unitCost unit cost of every unit made
 * @param holdingCost cost of holding stock
 * @param margin revenue plus markdown revenue minus production cost
 * @param paid what consumers paid when they ordered
 * @param refunded what cancelled and expired orders got back
 * @param orders orders placed
 * @param deliveredOrders orders delivered
 * @param orderedUnits units ordered
 * @param deliveredUnits units delivered to consumers
 * @param producedUnits units made
 * @param unsoldUnits units made and never sold at full price (cleared or scrapped)
 * @param scrappedUnits leftovers scrapped
 * @param markdownLoss full-price revenue given up on cleared leftovers
 * @param lostSales units wanted and not delivered
 * @param fillRate delivered units over units wanted (ordered plus lost to an empty shelf)
 * @param meanWait mean periods from order to delivery over delivered orders (NaN if none)
 * @param p95Wait 95th percentile of that wait (NaN if none)
 * @param cancellations orders cancelled by consumers
 * @param expirations orders expired with their campaign
 * @param batches batches or lots released
 * @param niches how each planted niche fared, in the settings' order
 */
public record RunMetrics(
    String strategy,
    long seed,
    double revenue,
    double markdownRevenue,
    double setupCost,
    double unitCost,
    double holdingCost,
    double margin,
    double paid,
    double refunded,
    long orders,
    long deliveredOrders,
    long orderedUnits,
    long deliveredUnits,
    long producedUnits,
    long unsoldUnits,
    long scrappedUnits,
    double markdownLoss,
    long lostSales,
    double fillRate,
    double meanWait,
    double p95Wait,
    long cancellations,
    long expirations,
    long batches,
    List<NicheOutcome> niches) {
  /** Validates and copies. */
  public RunMetrics {
    Checks.requireNonBlank(strategy, "strategy");
    niches = List.copyOf(Checks.requireNoNulls(niches, "niches"));
    requireNonNull(niches, "niches");
  }

  /**
   * Returns the production cost: setup plus unit plus holding.
   *
   * @return the cost
   */
  public double productionCost() {
    return setupCost + unitCost + holdingCost;
  }

  /**
   * Returns the production cost per unit delivered (NaN when none was).
   *
   * @return the cost per delivered unit
   */
  public double costPerDeliveredUnit() {
    return deliveredUnits == 0 ? Double.NaN : productionCost() / deliveredUnits;
  }

  /**
   * Returns the mean batch or lot size (NaN without batches).
   *
   * @return the mean
   */
  public double meanBatchSize() {
    return batches == 0 ? Double.NaN : (double) producedUnits / batches;
  }

  /**
   * Returns the mean periods from a niche's emergence to its first batch, over the niches that got
   * one (NaN when none did).
   *
   * @return the mean time to first batch
   */
  public double meanTimeToFirstBatch() {
    double sum = 0;
    int n = 0;
    for (NicheOutcome o : niches) {
      if (!Double.isNaN(o.timeToFirstBatch())) {
        sum += o.timeToFirstBatch();
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  /**
   * Returns the share of planted niches that got a batch.
   *
   * @return the share in [0, 1]
   */
  public double nichesServed() {
    long n = niches.stream().filter(o -> !Double.isNaN(o.timeToFirstBatch())).count();
    return niches.isEmpty() ? 0 : (double) n / niches.size();
  }

  /**
   * Returns the mean share of planted niches' demand served before they faded.
   *
   * @return the mean share in [0, 1]
   */
  public double meanServedShare() {
    return niches.stream().mapToDouble(NicheOutcome::servedShare).average().orElse(0);
  }

  /**
   * Returns the comparable metrics by name, in a fixed order: the numbers a comparison summarises.
   *
   * @return metric name to value
   */
  public Map<String, Double> values() {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("revenue", revenue);
    m.put("markdownRevenue", markdownRevenue);
    m.put("setupCost", setupCost);
    m.put("unitCost", unitCost);
    m.put("holdingCost", holdingCost);
    m.put("productionCost", productionCost());
    m.put("costPerDeliveredUnit", costPerDeliveredUnit());
    m.put("margin", margin);
    m.put("orders", (double) orders);
    m.put("deliveredUnits", (double) deliveredUnits);
    m.put("producedUnits", (double) producedUnits);
    m.put("unsoldUnits", (double) unsoldUnits);
    m.put("markdownLoss", markdownLoss);
    m.put("lostSales", (double) lostSales);
    m.put("fillRate", fillRate);
    m.put("meanWait", meanWait);
    m.put("p95Wait", p95Wait);
    m.put("cancellations", (double) cancellations);
    m.put("expirations", (double) expirations);
    m.put("batches", (double) batches);
    m.put("meanBatchSize", meanBatchSize());
    m.put("nichesServed", nichesServed());
    m.put("meanTimeToFirstBatch", meanTimeToFirstBatch());
    m.put("meanServedShare", meanServedShare());
    return m;
  }
}
