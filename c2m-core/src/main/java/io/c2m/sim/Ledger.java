package io.c2m.sim;

import io.c2m.design.ProductDesign;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The books of one run, kept the same way for every strategy: designs, orders and their states,
 * units (made, in production, on the shelf, shipped, delivered, cleared, scrapped), money (paid,
 * refunded, costs) and the timeline. Strategies move orders and units only through its methods,
 * which keep the conservation laws the properties check: every unit made is delivered, in
 * production, on the shelf, shipped, cleared or scrapped; every payment is refunded or becomes
 * revenue. Not thread-safe: one run, one thread.
 */
final class Ledger {
  /** A simulated order. */
  static final class SimOrder {
    final int id;
    final int consumer;
    final int design;
    final int quantity;
    final double price;
    final int placed;
    final int tasteNiche;
    OrderFate state = OrderFate.PLACED;
    int released = -1;
    int delivered = -1;

    SimOrder(int id, int consumer, int design, int quantity, double price, int placed,
        int tasteNiche) {
      this.id = id;
      this.consumer = consumer;
      this.design = design;
      this.quantity = quantity;
      this.price = price;
      this.placed = placed;
      this.tasteNiche = tasteNiche;
    }
  }

  private final MarketModel market;
  private final SimulationSettings s;
  private final String strategy;
  final List<ProductDesign> designs = new ArrayList<>();
  final List<Integer> designNiche = new ArrayList<>();
  private final List<String> designCategory = new ArrayList<>();
  /** Each design's spec as a hash map: read for every visit, a sorted map's lookups cost more. */
  private final List<Map<String, String>> designSpec = new ArrayList<>();
  private final Map<io.c2m.DesignId, Integer> designIndex = new HashMap<>();
  final List<SimOrder> orders = new ArrayList<>();
  int[] shelf = new int[16];
  private final Map<Integer, List<int[]>> ready = new HashMap<>();
  private final Map<Integer, List<SimOrder>> arrivals = new HashMap<>();
  private final Map<Integer, List<SimOrder>> readyOrders = new HashMap<>();

  private int current = Integer.MIN_VALUE;
  long produced;
  long inProduction;
  long onShelf;
  long shipped;
  long deliveredUnits;
  long cleared;
  long scrapped;
  double paid;
  double refunded;
  double revenue;
  double markdownRevenue;
  double markdownLoss;
  double setupCost;
  double unitCost;
  double holdingCost;
  long batches;
  long lostUnits;
  long orderedUnits;
  private final double[] potential;
  private final java.util.Set<Integer> potentialCounted = new java.util.HashSet<>();
  private final double[] servedBeforeFade;
  private final int[] firstBatch;
  private final double[][] demand;
  private final double[][] production;
  private final double[] stockSeries;
  private final double[] orderedSeries;
  private final double[] deliveredSeries;
  private final List<Integer> batchSizes = new ArrayList<>();

  Ledger(MarketModel market, String strategy) {
    this.market = market;
    this.s = market.settings();
    this.strategy = strategy;
    int k = s.niches().size();
    potential = new double[k];
    servedBeforeFade = new double[k];
    firstBatch = new int[k];
    Arrays.fill(firstBatch, -1);
    demand = new double[k][s.periods()];
    production = new double[k][s.periods()];
    stockSeries = new double[s.periods()];
    orderedSeries = new double[s.periods()];
    deliveredSeries = new double[s.periods()];
  }

  SimulationSettings settings() {
    return s;
  }

  /** Registers a design (idempotently) and returns its index. */
  int design(ProductDesign d) {
    Integer i = designIndex.get(d.id());
    if (i != null) {
      return i;
    }
    int idx = designs.size();
    designs.add(d);
    int served = -1;
    for (int k = 0; k < s.niches().size(); k++) {
      if (d.spec().matches(s.niches().get(k).definition())) {
        served = k;
        break;
      }
    }
    designNiche.add(served);
    designCategory.add(MarketModel.categoryOf(d.spec()));
    designSpec.add(new HashMap<>(d.spec().values()));
    designIndex.put(d.id(), idx);
    if (idx >= shelf.length) {
      shelf = Arrays.copyOf(shelf, shelf.length * 2);
    }
    return idx;
  }

  /**
   * Counts what a browsing consumer wanting a planted niche would have ordered from a perfect
   * design at their price with no wait: their quantity, the first time their draw is below the
   * order rate while they want the niche (a consumer orders a design once).
   */
  void wanted(MarketModel.Visit v, int period) {
    if (v.tasteNiche() >= 0 && v.draw() < s.orderRate() && potentialCounted.add(v.consumer())) {
      potential[v.tasteNiche()] += v.quantity();
    }
  }

  /** Places an order, paid at once. */
  SimOrder place(MarketModel.Visit v, int design, int period) {
    ProductDesign d = designs.get(design);
    SimOrder o = new SimOrder(orders.size(), v.consumer(), design, v.quantity(), d.unitPrice(),
        period, v.tasteNiche());
    orders.add(o);
    paid += o.quantity * o.price;
    orderedUnits += o.quantity;
    if (period < s.periods()) {
      orderedSeries[period] += o.quantity;
      if (o.tasteNiche >= 0) {
        demand[o.tasteNiche][period] += o.quantity;
      }
    }
    return o;
  }

  /** Returns a design's category. */
  String category(int design) {
    return designCategory.get(design);
  }

  /** Returns a design's spec, as a hash map (see {@link MarketModel#orderProbability}). */
  Map<String, String> spec(int design) {
    return designSpec.get(design);
  }

  /** Counts a sale lost to an empty shelf. */
  void lostToEmptyShelf(MarketModel.Visit v, int period) {
    lostUnits += v.quantity();
    if (v.tasteNiche() >= 0 && period < s.periods()) {
      demand[v.tasteNiche()][period] += v.quantity();
    }
  }

  /** Ends an unreleased order as cancelled or expired, refunded. */
  void end(SimOrder o, OrderFate fate) {
    if (o.state != OrderFate.PLACED || !(fate == OrderFate.CANCELLED
        || fate == OrderFate.EXPIRED)) {
      throw new IllegalStateException("order " + o.id + " cannot go from " + o.state + " to "
          + fate);
    }
    o.state = fate;
    refunded += o.quantity * o.price;
    lostUnits += o.quantity;
  }

  /**
   * Releases a batch or lot: its orders go into production; the units are ready (the orders
   * shipped, the surplus shelved) at {@code readyPeriod}.
   */
  void release(int design, int quantity, List<SimOrder> forOrders, int period, int readyPeriod) {
    int ordered = 0;
    for (SimOrder o : forOrders) {
      if (o.state != OrderFate.PLACED || o.design != design) {
        throw new IllegalStateException("order " + o.id + " is " + o.state + " for design "
            + o.design + ", not placed for design " + design);
      }
      o.state = OrderFate.IN_PRODUCTION;
      o.released = period;
      ordered += o.quantity;
    }
    if (ordered > quantity) {
      throw new IllegalStateException("a batch of " + quantity + " for " + ordered + " units");
    }
    produced += quantity;
    inProduction += quantity;
    batches++;
    batchSizes.add(quantity);
    setupCost += s.setupCost();
    unitCost += s.unitCost() * quantity;
    int k = designNiche.get(design);
    if (k >= 0) {
      if (period < s.periods()) {
        production[k][period] += quantity;
      }
      if (firstBatch[k] < 0) {
        firstBatch[k] = period;
      }
    }
    int at = Math.max(readyPeriod, current);
    ready.computeIfAbsent(at, p -> new ArrayList<>()).add(new int[] {design, quantity - ordered});
    readyOrders.computeIfAbsent(at, p -> new ArrayList<>()).addAll(forOrders);
    if (at == current) {
      finishBatches(at);
    }
  }

  /** Sells from the shelf: the order ships at once. */
  void sellFromShelf(SimOrder o, int period) {
    if (shelf[o.design] < o.quantity || o.state != OrderFate.PLACED) {
      throw new IllegalStateException("cannot sell order " + o.id + " from the shelf");
    }
    shelf[o.design] -= o.quantity;
    onShelf -= o.quantity;
    o.released = period;
    ship(o, period);
  }

  private void ship(SimOrder o, int period) {
    o.state = OrderFate.SHIPPED;
    shipped += o.quantity;
    if (s.shippingTime() == 0) {
      deliver(o, period);
    } else {
      arrivals.computeIfAbsent(period + s.shippingTime(), p -> new ArrayList<>()).add(o);
    }
  }

  /**
   * Moves time to the start of a period: finished batches come off the line (orders ship, surplus
   * shelved), shipments due arrive (delivered, revenue booked).
   */
  void startPeriod(int period) {
    current = period;
    finishBatches(period);
    List<SimOrder> due = arrivals.remove(period);
    if (due != null) {
      for (SimOrder o : due) {
        deliver(o, period);
      }
    }
  }

  private void finishBatches(int period) {
    List<int[]> done = ready.remove(period);
    if (done == null) {
      return;
    }
    for (int[] d : done) {
      shelf[d[0]] += d[1];
      onShelf += d[1];
      inProduction -= d[1];
    }
    for (SimOrder o : readyOrders.remove(period)) {
      inProduction -= o.quantity;
      ship(o, period);
    }
  }

  private void deliver(SimOrder o, int period) {
    o.state = OrderFate.DELIVERED;
    o.delivered = period;
    shipped -= o.quantity;
    deliveredUnits += o.quantity;
    revenue += o.quantity * o.price;
    if (period < s.periods()) {
      deliveredSeries[period] += o.quantity;
    }
    if (o.tasteNiche >= 0 && period <= s.fade(s.niches().get(o.tasteNiche))) {
      servedBeforeFade[o.tasteNiche] += o.quantity;
    }
  }

  /** Charges holding for the shelf and records it, at the end of a period. */
  void endPeriod(int period) {
    holdingCost += onShelf * s.holdingCost();
    if (period >= 0 && period < s.periods()) {
      stockSeries[period] = onShelf;
    }
  }

  /** Clears a design's shelf at the markdown price; what does not clear is scrapped. */
  void clear(int design) {
    int units = shelf[design];
    if (units == 0) {
      return;
    }
    double price = designs.get(design).unitPrice();
    long out = Math.round(units * s.clearanceShare());
    cleared += out;
    scrapped += units - out;
    markdownRevenue += out * price * s.markdownPrice();
    markdownLoss += out * price * (1 - s.markdownPrice());
    onShelf -= units;
    shelf[design] = 0;
  }

  /** Returns whether anything is still moving: orders placed, in production or shipped. */
  boolean busy() {
    return inProduction > 0 || shipped > 0 || !ready.isEmpty() || !arrivals.isEmpty();
  }

  /** Checks the conservation laws; throws an IllegalStateException naming the one broken. */
  void check() {
    long units = deliveredUnits + inProduction + onShelf + shipped + cleared + scrapped;
    if (units != produced) {
      throw new IllegalStateException("units made " + produced + " != delivered "
          + deliveredUnits + " + in production " + inProduction + " + shelf " + onShelf
          + " + shipped " + shipped + " + cleared " + cleared + " + scrapped " + scrapped);
    }
    double open = 0;
    for (SimOrder o : orders) {
      if (!o.state.isFinal()) {
        open += o.quantity * o.price;
      }
    }
    if (Math.abs(paid - refunded - revenue - open) > 1e-6 * Math.max(1, paid)) {
      throw new IllegalStateException("paid " + paid + " - refunded " + refunded
          + " != revenue " + revenue + " + open " + open);
    }
  }

  RunResult result() {
    check();
    List<Double> waits = new ArrayList<>();
    long cancellations = 0;
    long expirations = 0;
    long deliveredOrders = 0;
    for (SimOrder o : orders) {
      switch (o.state) {
        case DELIVERED -> {
          waits.add((double) (o.delivered - o.placed));
          deliveredOrders++;
        }
        case CANCELLED -> cancellations++;
        case EXPIRED -> expirations++;
        default -> throw new IllegalStateException("order " + o.id + " ended the run "
            + o.state);
      }
    }
    double[] w = waits.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double mean = w.length == 0 ? Double.NaN : Arrays.stream(w).average().orElse(Double.NaN);
    double p95 = w.length == 0 ? Double.NaN
        : w[Math.min(w.length - 1, (int) Math.ceil(0.95 * w.length) - 1)];
    long wantedUnits = orderedUnits + lostToShelf();
    List<NicheOutcome> niches = new ArrayList<>();
    for (int k = 0; k < s.niches().size(); k++) {
      PlantedNiche p = s.niches().get(k);
      int emergence = s.emergence(p);
      double ttfb = firstBatch[k] < 0 ? Double.NaN : Math.max(0, firstBatch[k] - emergence);
      double share = potential[k] == 0 ? 0 : Math.min(1, servedBeforeFade[k] / potential[k]);
      niches.add(new NicheOutcome(p.definition(), emergence, s.fade(p), ttfb, potential[k],
          servedBeforeFade[k], share));
    }
    RunMetrics m = new RunMetrics(strategy, market.seed(), revenue, markdownRevenue, setupCost,
        unitCost, holdingCost, revenue + markdownRevenue - setupCost - unitCost - holdingCost,
        paid, refunded, orders.size(), deliveredOrders, orderedUnits, deliveredUnits, produced, cleared + scrapped, scrapped,
        markdownLoss, lostUnits, wantedUnits == 0 ? 0 : (double) deliveredUnits / wantedUnits,
        mean, p95, cancellations, expirations, batches, niches);
    return new RunResult(m, new Timeline(rows(demand), rows(production), list(stockSeries),
        list(orderedSeries), list(deliveredSeries), batchSizes));
  }

  private long lostToShelf() {
    long endedUnits = 0;
    for (SimOrder o : orders) {
      if (o.state == OrderFate.CANCELLED || o.state == OrderFate.EXPIRED) {
        endedUnits += o.quantity;
      }
    }
    return lostUnits - endedUnits;
  }

  private static List<List<Double>> rows(double[][] a) {
    List<List<Double>> out = new ArrayList<>();
    for (double[] r : a) {
      out.add(list(r));
    }
    return out;
  }

  private static List<Double> list(double[] a) {
    List<Double> out = new ArrayList<>(a.length);
    for (double v : a) {
      out.add(v);
    }
    return out;
  }
}
