package io.c2m.sim;

import static java.util.Objects.requireNonNull;

import io.c2m.Attributes;
import io.c2m.internal.Checks;
import io.c2m.production.ProductionConstraints;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every parameter of a simulation run over time: the market (consumers, tastes, planted niches
 * that emerge, peak and fade, signals), how consumers react to an offer (fit, price, wait,
 * patience), production (lead time, capacity, costs) and the make-to-stock brand. One period is a
 * day. {@link #defaults()} documents where each default comes from; {@link #knobs()} describes
 * every setting by name, as the command line shows them, and {@link #with(String, String)} sets
 * one by name.
 *
 * <p>Defaults taken from figures: first batches of 100-200 units ({@code moq} 100) and a 14-day
 * production lead time ({@code leadTime}) as reported for small-batch on-demand fashion; a price
 * elasticity of 1.76, the mean of Tellis's (1988) meta-analysis of 367 brand-level elasticities;
 * consumer behaviour in the fashion catalogue of {@link MarketplaceSpec#fashion()}. The other
 * defaults are assumptions, stated in {@link #knobs()}.
 *
 * @param periods the number of periods (days) consumers order in; positive
 * @param consumers the number of consumers; at least the planted members
 * @param signalsPerConsumer mean signals of a consumer over the whole run (the same rate before
 *     period 0, in the season of history both sides learn from); positive
 * @param niches the planted niches; {@link PlantedNiche#activeFrom()} and {@code activeTo()} are
 *     shares of the run: a niche emerges at {@code activeFrom * periods}, peaks in the middle and
 *     fades by {@code activeTo * periods} (a niche active from 0 is established, to 1 never fades)
 * @param nicheFocus share of a niche member's signals on its niche while it is at its peak
 * @param noiseFocus share of a consumer's other signals on their own favourite item
 * @param consentRate share of consumers who consent to profiling
 * @param visitRate share of consumers who browse the marketplace in a period
 * @param orderRate probability that a browsing consumer orders a perfectly fitting design at their
 *     reference price with no wait
 * @param fitSharpness exponent of the fit (share of the consumer's taste the design has)
 * @param priceElasticity constant price elasticity of the order probability; not negative
 * @param waitTolerance periods of promised wait that divide the order probability by e
 * @param patience mean periods a consumer waits for a delivery; each draws from 0.5 to 1.5 times
 * @param leadTime C2M production lead time in periods
 * @param shippingTime periods from shipping (or from stock) to delivery
 * @param campaignPeriods periods an unreleased C2M order waits for its batch before it expires
 * @param offerPeriods periods a tailored design stays on offer after its niche was last found
 * @param discoverEvery C2M discovers niches and tailors designs every this many periods
 * @param minimumAudience the smallest niche released (k-anonymity)
 * @param profileHalfLife half-life of profile evidence in periods
 * @param moq minimum order quantity of a batch or lot
 * @param orderMultiple batches and lots are multiples of this
 * @param maximumBatch largest batch or lot
 * @param capacity units the line makes per period per design
 * @param setupCost cost of one batch or lot
 * @param unitCost cost of one unit
 * @param holdingCost cost of one unit in stock for one period
 * @param seasonLength periods of a make-to-stock season
 * @param mtsLeadTime make-to-stock replenishment lead time in periods
 * @param mtsAssortment the most designs the make-to-stock brand stocks in a season
 * @param mtsConversionGuess units per niche audience member the brand forecasts for a season with
 *     no sales history
 * @param markdownPrice share of the full price leftovers are cleared at
 * @param clearanceShare share of leftovers cleared at the markdown price; the rest is scrapped
 * @param start the instant period 0 starts
 */
public record SimulationSettings(
    int periods,
    int consumers,
    int signalsPerConsumer,
    List<PlantedNiche> niches,
    double nicheFocus,
    double noiseFocus,
    double consentRate,
    double visitRate,
    double orderRate,
    double fitSharpness,
    double priceElasticity,
    double waitTolerance,
    double patience,
    int leadTime,
    int shippingTime,
    int campaignPeriods,
    int offerPeriods,
    int discoverEvery,
    int minimumAudience,
    int profileHalfLife,
    int moq,
    int orderMultiple,
    int maximumBatch,
    int capacity,
    double setupCost,
    double unitCost,
    double holdingCost,
    int seasonLength,
    int mtsLeadTime,
    int mtsAssortment,
    double mtsConversionGuess,
    double markdownPrice,
    double clearanceShare,
    Instant start) {
  /** The most periods a run may have. */
  public static final int MAX_PERIODS = 10_000;

  private static final Map<String, String> DOCS = docs();

  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException naming the setting and its value when a setting is out of
   *     range or the settings together are impossible
   */
  public SimulationSettings {
    positive(periods, "periods");
    if (periods > MAX_PERIODS) {
      throw bad("periods", periods, "must not exceed " + MAX_PERIODS);
    }
    positive(consumers, "consumers");
    if (consumers > MarketplaceSpec.MAX_CONSUMERS) {
      throw bad("consumers", consumers, "must not exceed " + MarketplaceSpec.MAX_CONSUMERS);
    }
    positive(signalsPerConsumer, "signalsPerConsumer");
    if ((long) consumers * signalsPerConsumer > MarketplaceSpec.MAX_SIGNALS) {
      throw bad("signalsPerConsumer", signalsPerConsumer, "gives more than "
          + MarketplaceSpec.MAX_SIGNALS + " signals with " + consumers + " consumers");
    }
    niches = List.copyOf(Checks.requireNoNulls(niches, "niches"));
    long planted = 0;
    for (PlantedNiche n : niches) {
      planted += n.members();
    }
    if (planted > consumers) {
      throw bad("consumers", consumers, "must be at least the " + planted
          + " members of the planted niches");
    }
    share(nicheFocus, "nicheFocus");
    share(noiseFocus, "noiseFocus");
    share(consentRate, "consentRate");
    share(visitRate, "visitRate");
    share(orderRate, "orderRate");
    if (!(fitSharpness >= 0 && fitSharpness <= 100)) {
      throw bad("fitSharpness", fitSharpness, "must be from 0 to 100");
    }
    if (!(priceElasticity >= 0 && priceElasticity <= 20)) {
      throw bad("priceElasticity", priceElasticity, "must be from 0 to 20 (the order probability "
          + "falls as the price rises; a negative elasticity would make it rise)");
    }
    if (!(waitTolerance > 0 && Double.isFinite(waitTolerance))) {
      throw bad("waitTolerance", waitTolerance, "must be positive");
    }
    if (!(patience > 0 && Double.isFinite(patience))) {
      throw bad("patience", patience, "must be positive");
    }
    Checks.requireNonNegative(leadTime, "setting leadTime");
    Checks.requireNonNegative(shippingTime, "setting shippingTime");
    if (1.5 * patience < leadTime + shippingTime) {
      throw bad("patience", patience, "is below the C2M lead time plus shipping ("
          + (leadTime + shippingTime) + " periods) even for the most patient consumers "
          + "(1.5 times the mean): no one could wait for a made-to-order delivery"
          + "\nMaybe raise patience or lower leadTime");
    }
    positive(campaignPeriods, "campaignPeriods");
    positive(offerPeriods, "offerPeriods");
    positive(discoverEvery, "discoverEvery");
    positive(minimumAudience, "minimumAudience");
    positive(profileHalfLife, "profileHalfLife");
    positive(moq, "moq");
    positive(orderMultiple, "orderMultiple");
    positive(maximumBatch, "maximumBatch");
    positive(capacity, "capacity");
    money(setupCost, "setupCost");
    money(unitCost, "unitCost");
    money(holdingCost, "holdingCost");
    try {
      new ProductionConstraints(moq, orderMultiple, maximumBatch, capacity, setupCost, unitCost,
          holdingCost, leadTime);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("The settings moq (" + moq + "), orderMultiple ("
          + orderMultiple + "), maximumBatch (" + maximumBatch + ") and capacity (" + capacity
          + ") allow no batch: " + e.getMessage(), e);
    }
    positive(seasonLength, "seasonLength");
    Checks.requireNonNegative(mtsLeadTime, "setting mtsLeadTime");
    positive(mtsAssortment, "mtsAssortment");
    if (!(mtsConversionGuess >= 0 && mtsConversionGuess <= 100)) {
      throw bad("mtsConversionGuess", mtsConversionGuess, "must be from 0 to 100");
    }
    share(markdownPrice, "markdownPrice");
    share(clearanceShare, "clearanceShare");
    requireNonNull(start, "start");
  }

  /**
   * The defaults: 180 days, 20,000 consumers with 20 signals each over the run, seven planted
   * fashion niches (9,600 members) that emerge, peak and fade at different times (two established
   * from the start, one never fading, one fleeting), a 14-day lead time and first batches of 100.
   *
   * @return the default settings
   */
  public static SimulationSettings defaults() {
    List<PlantedNiche> niches = List.of(
        new PlantedNiche(Attributes.of("category", "dress", "color", "sage", "material", "linen"),
            2400, 32),
        new PlantedNiche(Attributes.of("category", "sneakers", "color", "white", "style",
            "minimal"), 2000, 65).activeBetween(0, 0.45),
        new PlantedNiche(Attributes.of("category", "jacket", "color", "mustard", "material",
            "wool", "style", "vintage"), 1600, 89).activeBetween(0.15, 0.6),
        new PlantedNiche(Attributes.of("category", "shirt", "color", "lilac", "material", "silk"),
            1200, 45).activeBetween(0.3, 0.7),
        new PlantedNiche(Attributes.of("category", "jeans", "color", "cream", "material", "denim",
            "style", "vintage"), 1000, 58).activeBetween(0.5, 0.95),
        new PlantedNiche(Attributes.of("category", "skirt", "color", "terracotta", "style",
            "boho"), 800, 38).activeBetween(0.6, 1),
        new PlantedNiche(Attributes.of("category", "dress", "color", "black", "material", "silk",
            "style", "formal"), 600, 70).activeBetween(0.7, 0.85));
    return new SimulationSettings(180, 20_000, 20, niches, 0.75, 0.4, 0.95,
        0.20, 0.15, 3, 1.76, 30, 35, 14, 2, 10, 28, 7, 25, 14,
        100, 10, 2000, 1000, 250, 12, 0.05,
        90, 45, 12, 1.0, 0.5, 0.7, Instant.parse("2026-01-05T00:00:00Z"));
  }

  /**
   * Describes every setting: name to what it means and where its default comes from, in
   * component order.
   *
   * @return the descriptions
   */
  public static Map<String, String> knobs() {
    return DOCS;
  }

  /**
   * Returns the settings' values by name, in component order ({@code niches} as its count).
   *
   * @return the values as text
   */
  public Map<String, String> values() {
    Map<String, String> out = new LinkedHashMap<>();
    for (RecordComponent rc : SimulationSettings.class.getRecordComponents()) {
      Object v = get(rc);
      out.put(rc.getName(), v instanceof List<?> l ? l.size() + " planted" : String.valueOf(v));
    }
    return out;
  }

  /**
   * Returns a copy with one setting changed by name; {@code consumers} also scales the planted
   * niches' members in proportion (at least one each).
   *
   * @param name a name of {@link #knobs()} other than {@code niches}
   * @param value the value as text (a number, or an ISO instant for {@code start})
   * @return the new settings
   * @throws IllegalArgumentException if the name is unknown (the known ones are listed), the
   *     value does not parse, or the new settings are impossible
   */
  public SimulationSettings with(String name, String value) {
    requireNonNull(name, "name");
    requireNonNull(value, "value");
    if (name.equals("consumers")) {
      return withConsumers(parseInt(name, value));
    }
    RecordComponent[] rcs = SimulationSettings.class.getRecordComponents();
    Object[] args = new Object[rcs.length];
    Class<?>[] types = new Class<?>[rcs.length];
    boolean found = false;
    for (int i = 0; i < rcs.length; i++) {
      types[i] = rcs[i].getType();
      args[i] = get(rcs[i]);
      if (rcs[i].getName().equals(name) && !name.equals("niches")) {
        found = true;
        Class<?> t = rcs[i].getType();
        try {
          args[i] = t == int.class ? (Object) parseInt(name, value)
              : t == double.class ? (Object) Double.parseDouble(value.strip())
              : (Object) Instant.parse(value.strip());
        } catch (RuntimeException e) {
          throw new IllegalArgumentException("The setting " + name + " (\"" + value
              + "\") is not " + (t == int.class ? "a whole number" : t == double.class
              ? "a number" : "an ISO instant such as 2026-01-05T00:00:00Z") + ".", e);
        }
      }
    }
    if (!found) {
      List<String> known = new ArrayList<>(DOCS.keySet());
      known.remove("niches");
      throw new IllegalArgumentException("Unknown setting \"" + name + "\"; the known ones are "
          + String.join(", ", known) + ".");
    }
    try {
      return SimulationSettings.class.getDeclaredConstructor(types).newInstance(args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Returns a copy with another number of consumers, the planted niches' members scaled in
   * proportion (at least one each).
   *
   * @param n the number of consumers
   * @return the new settings
   */
  public SimulationSettings withConsumers(int n) {
    positive(n, "consumers");
    List<PlantedNiche> scaled = new ArrayList<>();
    for (PlantedNiche p : niches) {
      int m = (int) Math.max(1, Math.round((double) p.members() * n / consumers));
      scaled.add(new PlantedNiche(p.definition(), m, p.priceCenter(), p.activeFrom(),
          p.activeTo()));
    }
    return copy(n, signalsPerConsumer, periods, scaled);
  }

  /**
   * Returns a copy with another number of periods.
   *
   * @param n the periods
   * @return the new settings
   */
  public SimulationSettings withPeriods(int n) {
    return copy(consumers, signalsPerConsumer, n, niches);
  }

  /**
   * Returns a copy with another mean number of signals per consumer over the run.
   *
   * @param n the signals per consumer
   * @return the new settings
   */
  public SimulationSettings withSignalsPerConsumer(int n) {
    return copy(consumers, n, periods, niches);
  }

  /**
   * Returns a copy with other planted niches.
   *
   * @param planted the niches
   * @return the new settings
   */
  public SimulationSettings withNiches(List<PlantedNiche> planted) {
    return copy(consumers, signalsPerConsumer, periods, planted);
  }

  /**
   * Returns the C2M production constraints these settings describe.
   *
   * @return the constraints
   */
  public ProductionConstraints constraints() {
    return new ProductionConstraints(moq, orderMultiple, maximumBatch, capacity, setupCost,
        unitCost, holdingCost, leadTime);
  }

  /**
   * Returns the period a planted niche emerges in (0 for one established from the start).
   *
   * @param niche the planted niche
   * @return the period
   */
  public int emergence(PlantedNiche niche) {
    return (int) Math.floor(niche.activeFrom() * periods);
  }

  /**
   * Returns the period a planted niche has faded by (its last active period plus one).
   *
   * @param niche the planted niche
   * @return the period
   */
  public int fade(PlantedNiche niche) {
    return (int) Math.ceil(niche.activeTo() * periods);
  }

  private SimulationSettings copy(int c, int s, int p, List<PlantedNiche> n) {
    return new SimulationSettings(p, c, s, n, nicheFocus, noiseFocus, consentRate, visitRate,
        orderRate, fitSharpness, priceElasticity, waitTolerance, patience, leadTime,
        shippingTime, campaignPeriods, offerPeriods, discoverEvery, minimumAudience,
        profileHalfLife, moq, orderMultiple, maximumBatch, capacity, setupCost, unitCost,
        holdingCost, seasonLength, mtsLeadTime, mtsAssortment, mtsConversionGuess, markdownPrice,
        clearanceShare, start);
  }

  private Object get(RecordComponent rc) {
    try {
      return rc.getAccessor().invoke(this);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int parseInt(String name, String value) {
    try {
      return Integer.parseInt(value.strip().replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "The setting " + name + " (\"" + value + "\") is not a whole number.", e);
    }
  }

  private static IllegalArgumentException bad(String name, Object value, String rule) {
    return new IllegalArgumentException("The setting " + name + " (" + value + ") " + rule + ".");
  }

  private static void positive(int v, String name) {
    if (v <= 0) {
      throw bad(name, v, "must be positive");
    }
  }

  private static void share(double v, String name) {
    if (!(v >= 0 && v <= 1)) {
      throw bad(name, v, "must be a share from 0 to 1");
    }
  }

  private static void money(double v, String name) {
    if (!(v >= 0 && Double.isFinite(v))) {
      throw bad(name, v, "must be a finite amount, not negative");
    }
  }

  private static Map<String, String> docs() {
    Map<String, String> d = new LinkedHashMap<>();
    d.put("periods", "days consumers order in (default 180, half a year: two make-to-stock "
        + "seasons)");
    d.put("consumers", "consumers in the marketplace (default 20000; planted niche members scale "
        + "with it)");
    d.put("signalsPerConsumer", "mean behavioural signals of a consumer over the run (default 20)");
    d.put("niches", "planted niches (default 7 fashion niches, 48% of consumers, emerging, "
        + "peaking and fading at different times)");
    d.put("nicheFocus", "share of a niche member's signals on its niche at its peak (default 0.75, "
        + "as the fashion marketplace)");
    d.put("noiseFocus", "share of other signals on the consumer's favourite item (default 0.4)");
    d.put("consentRate", "share of consumers consenting to profiling (default 0.95)");
    d.put("visitRate", "share of consumers browsing in a day (default 0.20; assumption)");
    d.put("orderRate", "order probability for a perfect fit at the reference price, no wait "
        + "(default 0.15; assumption)");
    d.put("fitSharpness", "exponent of the fit between a design and a taste (default 3)");
    d.put("priceElasticity", "price elasticity of ordering (default 1.76, the mean in Tellis's "
        + "1988 meta-analysis)");
    d.put("waitTolerance", "days of promised wait that divide ordering by e (default 30; "
        + "assumption)");
    d.put("patience", "mean days a consumer waits before cancelling (default 35, each consumer "
        + "0.5x-1.5x)");
    d.put("leadTime", "C2M production lead time in days (default 14, as reported for small-batch "
        + "on-demand fashion)");
    d.put("shippingTime", "days from shipping or from stock to the door (default 2)");
    d.put("campaignPeriods", "days an order waits for its batch before it expires (default 10)");
    d.put("offerPeriods", "days a design stays offered after its niche was last found "
        + "(default 28)");
    d.put("discoverEvery", "C2M finds niches and tailors designs every N days (default 7)");
    d.put("minimumAudience", "smallest niche released, k-anonymity (default 25)");
    d.put("profileHalfLife", "half-life of profile evidence in days (default 14)");
    d.put("moq", "minimum batch or lot (default 100: first batches of 100-200 units)");
    d.put("orderMultiple", "batches and lots are multiples of this (default 10)");
    d.put("maximumBatch", "largest batch or lot (default 2000)");
    d.put("capacity", "units per day per design (default 1000)");
    d.put("setupCost", "cost of one batch or lot (default 250)");
    d.put("unitCost", "cost of one unit (default 12)");
    d.put("holdingCost", "cost of one unit in stock for one day (default 0.05)");
    d.put("seasonLength", "days of a make-to-stock season (default 90)");
    d.put("mtsLeadTime", "make-to-stock replenishment lead time in days (default 45)");
    d.put("mtsAssortment", "most designs stocked in a season (default 12)");
    d.put("mtsConversionGuess", "units per niche audience member forecast for a season without "
        + "history (default 1.0; assumption)");
    d.put("markdownPrice", "share of the full price leftovers clear at (default 0.5)");
    d.put("clearanceShare", "share of leftovers that clear; the rest is scrapped (default 0.7)");
    d.put("start", "the instant day 0 starts (default 2026-01-05T00:00:00Z)");
    return java.util.Collections.unmodifiableMap(d);
  }
}
