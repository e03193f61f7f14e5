package io.c2m.sim;

import static java.util.Objects.requireNonNull;

import io.c2m.Attributes;
import io.c2m.ConsumerId;
import io.c2m.privacy.Consent;
import io.c2m.signal.ConsumerAccount;
import io.c2m.signal.Signal;
import io.c2m.signal.SignalType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * A seeded marketplace over periods: consumers with tastes, planted niches that emerge, peak and
 * fade, the signals those tastes leave each period, and the consumers who browse each period and
 * may order what is offered to them. Every strategy runs against the same model and the same
 * draws (common random numbers): which consumer browses in a period, what they want then, and
 * their uniform order draw do not depend on what is offered, so two strategies on one seed are a
 * paired comparison. Same settings and seed, same model, draw for draw.
 *
 * <p>Tastes: each consumer has a favourite item (every catalogue key drawn), a reference price and
 * a patience; a member of a planted niche wants the niche's definition with probability equal to
 * the niche's {@link #intensity(int, int) intensity} in the period, else their favourite.
 *
 * <p>Ordering: a browsing consumer considers designs of the category they want; the probability
 * of ordering one is {@code orderRate * fit^fitSharpness * min(1.5, (price / reference)^-elasticity)
 * * exp(-wait / waitTolerance)}, capped at 1, where the fit is the share of the wanted attributes
 * the design has; a consumer orders nothing whose promised wait exceeds their patience.
 *
 * <p>Thread-safety: immutable after construction; its methods may be called from any thread.
 */
public final class MarketModel {
  private static final long DAY_MILLIS = 86_400_000L;
  /** The most a price can raise the order probability: a cheap design sells at most 1.5 times. */
  static final double MAX_PRICE_RESPONSE = 1.5;

  private final SimulationSettings settings;
  private final long seed;
  private final Map<String, List<String>> catalogue;
  private final String[] keys;
  private final Attributes[] items;
  private final ConsumerId[] ids;
  private final int[] niche;
  private final Attributes[] favourite;
  private final double[] favouritePrice;
  private final double[] priceFactor;
  private final double[] patience;
  private final boolean[] consents;
  private final double[][] intensity;

  /**
   * A browsing consumer in one period.
   *
   * @param consumer the consumer's index
   * @param taste what they want now
   * @param category the category they look at (the taste's), or empty text
   * @param tasteNiche the planted niche whose definition they want now, or -1
   * @param referencePrice the price they think right for it
   * @param draw their uniform draw in [0, 1): they order a design when it is below the
   *     design's order probability
   * @param quantity the units they would order
   */
  public record Visit(
      int consumer, Attributes taste, String category, int tasteNiche, double referencePrice,
      double draw, int quantity) {}

  /**
   * Draws the consumers of a marketplace.
   *
   * @param settings the settings
   * @param seed the seed
   */
  public MarketModel(SimulationSettings settings, long seed) {
    this.settings = requireNonNull(settings, "settings");
    this.seed = seed;
    this.catalogue = MarketplaceSpec.fashion().catalogue();
    for (PlantedNiche p : settings.niches()) {
      p.definition().values().forEach((k, v) -> {
        if (!catalogue.containsKey(k) || !catalogue.get(k).contains(v)) {
          throw new IllegalArgumentException("The planted niche " + p.definition()
              + " uses " + k + "=" + v + ", which is not in the fashion catalogue "
              + catalogue + ".");
        }
      });
    }
    this.keys = catalogue.keySet().toArray(new String[0]);
    int combos = 1;
    for (String k : keys) {
      combos *= catalogue.get(k).size();
    }
    this.items = new Attributes[combos];
    for (int index = 0; index < combos; index++) {
      Map<String, String> m = new TreeMap<>();
      int rest = index;
      for (int i = keys.length - 1; i >= 0; i--) {
        List<String> values = catalogue.get(keys[i]);
        m.put(keys[i], values.get(rest % values.size()));
        rest /= values.size();
      }
      items[index] = Attributes.of(m);
    }
    int n = settings.consumers();
    SplittableRandom random = new SplittableRandom(seed);
    niche = new int[n];
    java.util.Arrays.fill(niche, -1);
    int next = 0;
    for (int i = 0; i < settings.niches().size(); i++) {
      for (int m = 0; m < settings.niches().get(i).members(); m++) {
        niche[next++] = i;
      }
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = niche[i];
      niche[i] = niche[j];
      niche[j] = t;
    }
    ids = new ConsumerId[n];
    favourite = new Attributes[n];
    favouritePrice = new double[n];
    priceFactor = new double[n];
    patience = new double[n];
    consents = new boolean[n];
    int width = String.valueOf(n - 1).length();
    for (int c = 0; c < n; c++) {
      ids[c] = new ConsumerId("c" + String.format("%0" + width + "d", c));
      consents[c] = random.nextDouble() < settings.consentRate();
      favourite[c] = fill(Attributes.empty(), random);
      favouritePrice[c] = 15 + random.nextDouble() * 105;
      priceFactor[c] = 0.85 + 0.3 * random.nextDouble();
      patience[c] = settings.patience() * (0.5 + random.nextDouble());
    }
    intensity = new double[settings.niches().size()][];
    for (int k = 0; k < intensity.length; k++) {
      PlantedNiche p = settings.niches().get(k);
      double[] row = new double[settings.periods()];
      double from = p.activeFrom() * settings.periods();
      double to = p.activeTo() * settings.periods();
      double rise = p.activeFrom() > 0 ? (to - from) / 4 : 0;
      double fall = p.activeTo() < 1 ? (to - from) / 4 : 0;
      for (int t = 0; t < row.length; t++) {
        double mid = t + 0.5;
        if (mid < from || mid >= to) {
          row[t] = 0;
        } else if (mid < from + rise) {
          row[t] = (mid - from) / rise;
        } else if (mid > to - fall) {
          row[t] = (to - mid) / fall;
        } else {
          row[t] = 1;
        }
      }
      intensity[k] = row;
    }
  }

  /**
   * Returns the settings.
   *
   * @return the settings
   */
  public SimulationSettings settings() {
    return settings;
  }

  /**
   * Returns the seed.
   *
   * @return the seed
   */
  public long seed() {
    return seed;
  }

  /**
   * Returns the number of consumers.
   *
   * @return the consumers
   */
  public int consumers() {
    return ids.length;
  }

  /**
   * Returns a consumer's pseudonymous id.
   *
   * @param consumer the index
   * @return the id
   */
  public ConsumerId id(int consumer) {
    return ids[consumer];
  }

  /**
   * Returns the planted niche a consumer belongs to.
   *
   * @param consumer the index
   * @return the niche's index in the settings, or -1 for a noise consumer
   */
  public int nicheOf(int consumer) {
    return niche[consumer];
  }

  /**
   * Returns how long a consumer waits for a delivery before cancelling.
   *
   * @param consumer the index
   * @return the patience in periods
   */
  public double patience(int consumer) {
    return patience[consumer];
  }

  /**
   * Returns the consumers' accounts: those who consent allow profiling and tailored offers.
   *
   * @return the accounts, in index order
   */
  public List<ConsumerAccount> accounts() {
    List<ConsumerAccount> out = new ArrayList<>(ids.length);
    for (int c = 0; c < ids.length; c++) {
      out.add(consents[c]
          ? ConsumerAccount.of(ids[c], Consent.PROFILING, Consent.TAILORED_OFFERS)
          : ConsumerAccount.of(ids[c]));
    }
    return out;
  }

  /**
   * Returns how strongly a planted niche's members want it in a period: 0 before it emerges, rising
   * to 1 over the first quarter of its active part, 1 at its peak, falling to 0 over the last
   * quarter (an established niche does not rise, a niche lasting to the end does not fall). Before
   * period 0 (the history season) an established niche is at 1, the others at 0.
   *
   * @param niche the niche's index
   * @param period the period; negative in the history season
   * @return the intensity in [0, 1]
   */
  public double intensity(int niche, int period) {
    if (period < 0) {
      return settings.niches().get(niche).activeFrom() == 0 ? 1 : 0;
    }
    double[] row = intensity[niche];
    return period < row.length ? row[period] : 0;
  }

  /**
   * Returns the instant a period starts.
   *
   * @param period the period; may be negative
   * @return the instant
   */
  public Instant periodStart(int period) {
    return settings.start().plusMillis(period * DAY_MILLIS);
  }

  /**
   * Draws the signals consumers leave in a period: {@code consumers * signalsPerConsumer /
   * periods} of them (spread exactly over the periods), each by a uniformly drawn consumer: a niche
   * member's signal is on their niche with probability {@code nicheFocus} times its intensity,
   * other signals on their favourite item with probability {@code noiseFocus}, else on a random
   * item.
   *
   * @param period the period; negative periods are the history season
   * @return the signals, in drawing order
   */
  public List<Signal> signals(int period) {
    long total = (long) settings.consumers() * settings.signalsPerConsumer();
    int count = (int) (Math.floorDiv(total * (period + 1), settings.periods())
        - Math.floorDiv(total * period, settings.periods()));
    SplittableRandom random = random(period, 1);
    List<Signal> out = new ArrayList<>(count);
    long base = settings.start().toEpochMilli() + period * DAY_MILLIS;
    for (int i = 0; i < count; i++) {
      int c = random.nextInt(ids.length);
      int k = niche[c];
      double u = random.nextDouble();
      Attributes item;
      double price;
      if (k >= 0 && u < settings.nicheFocus() * intensity(k, period)) {
        item = fill(settings.niches().get(k).definition(), random);
        price = settings.niches().get(k).priceCenter() * priceFactor[c];
      } else if (random.nextDouble() < settings.noiseFocus()) {
        item = favourite[c];
        price = favouritePrice[c];
      } else {
        item = fill(Attributes.empty(), random);
        price = 15 + random.nextDouble() * 105;
      }
      SignalType type = SyntheticMarketplace.drawType(random);
      Instant at = Instant.ofEpochMilli(base + (long) (random.nextDouble() * DAY_MILLIS));
      double value = type == SignalType.CART_ADD || type == SignalType.PURCHASE
          ? Math.round(price * (0.85 + 0.3 * random.nextDouble()) * 100) / 100.0
          : Double.NaN;
      out.add(new Signal(ids[c], type, at, item, "synthetic", value));
    }
    return out;
  }

  /**
   * Draws the consumers who browse in a period, in index order, with what they want then.
   *
   * @param period the period, from 0
   * @return the visits
   */
  public List<Visit> visits(int period) {
    SplittableRandom random = random(period, 2);
    List<Visit> out = new ArrayList<>((int) (ids.length * settings.visitRate() * 1.2) + 16);
    for (int c = 0; c < ids.length; c++) {
      if (random.nextDouble() >= settings.visitRate()) {
        continue;
      }
      int k = niche[c];
      double u = random.nextDouble();
      double draw = random.nextDouble();
      double q = random.nextDouble();
      int quantity = q < 0.8 ? 1 : q < 0.95 ? 2 : 3;
      if (k >= 0 && u < intensity(k, period)) {
        PlantedNiche p = settings.niches().get(k);
        out.add(new Visit(c, p.definition(), categoryOf(p.definition()), k,
            p.priceCenter() * priceFactor[c], draw, quantity));
      } else {
        out.add(new Visit(c, favourite[c], categoryOf(favourite[c]), -1, favouritePrice[c], draw,
            quantity));
      }
    }
    return out;
  }

  /**
   * Returns the probability that a browsing consumer orders a design (see the class comment); 0
   * when the design is of another category or its wait exceeds the consumer's patience.
   *
   * @param visit the browsing consumer
   * @param spec the design's attributes
   * @param price the design's unit price
   * @param wait the promised wait in periods
   * @return the probability in [0, 1]
   */
  public double orderProbability(Visit visit, Attributes spec, double price, double wait) {
    if (wait > patience[visit.consumer()]
        || !categoryOf(spec).equals(visit.category())) {
      return 0;
    }
    return settings.orderRate() * fit(visit.taste(), spec)
        * priceResponse(price, visit.referencePrice()) * Math.exp(-wait / settings.waitTolerance());
  }

  /**
   * {@link #orderProbability(Visit, Attributes, double, double)} for a design of the visit's
   * category (the caller checked it), its spec read as a hash map: the same value, bit for bit,
   * with the visits' inner loop spared the sorted map's lookups (issue 15).
   */
  double orderProbability(Visit visit, Map<String, String> spec, double price, double wait) {
    if (wait > patience[visit.consumer()]) {
      return 0;
    }
    return orderProbability(visit, fit(visit.taste(), spec), price,
        Math.exp(-wait / settings.waitTolerance()));
  }

  /**
   * {@link #orderProbability(Visit, Map, double, double)} given the design's {@link #fit(Attributes,
   * Map) fit} to the visit's taste and the wait's factor {@code exp(-wait / waitTolerance)}, the
   * wait within the consumer's patience (the caller checked it): the same value, bit for bit, for
   * a caller that keeps fits and wait factors (issue 15: the simulator's visits).
   */
  double orderProbability(Visit visit, double fit, double price, double waitFactor) {
    return settings.orderRate() * fit * priceResponse(price, visit.referencePrice()) * waitFactor;
  }

  /**
   * Whether a consumer would wait this long (see the class comment).
   *
   * @param consumer the index
   * @param wait the promised wait in periods
   * @return true if the wait is within the consumer's patience
   */
  boolean waits(int consumer, double wait) {
    return !(wait > patience[consumer]);
  }

  /**
   * {@link #fit(Attributes, Attributes)} of a spec read as a hash map: the same value, bit for
   * bit.
   */
  double fit(Attributes taste, Map<String, String> spec) {
    int match = 0;
    for (Map.Entry<String, String> e : taste.values().entrySet()) {
      if (e.getValue().equals(spec.get(e.getKey()))) {
        match++;
      }
    }
    return Math.pow((double) match / Math.max(1, taste.size()), settings.fitSharpness());
  }

  /**
   * Returns {@code fit^fitSharpness}, the fit being the share of the taste's attributes the spec
   * has.
   *
   * @param taste what a consumer wants
   * @param spec a design's attributes
   * @return the weighted fit in [0, 1]
   */
  public double fit(Attributes taste, Attributes spec) {
    int match = 0;
    for (Map.Entry<String, String> e : taste.values().entrySet()) {
      if (e.getValue().equals(spec.values().get(e.getKey()))) {
        match++;
      }
    }
    return Math.pow((double) match / Math.max(1, taste.size()), settings.fitSharpness());
  }

  /**
   * Returns an item's or a design's category.
   *
   * @param attributes the attributes
   * @return the category, or empty text
   */
  public static String categoryOf(Attributes attributes) {
    String c = attributes.values().get("category");
    return c == null ? "" : c;
  }

  private double priceResponse(double price, double reference) {
    return Math.min(MAX_PRICE_RESPONSE, Math.pow(price / reference, -settings.priceElasticity()));
  }

  private SplittableRandom random(int period, int stream) {
    long h = seed * 0x9E3779B97F4A7C15L + period * 0xC2B2AE3D27D4EB4FL + stream * 0x165667B19E3779F9L;
    h ^= h >>> 33;
    h *= 0xFF51AFD7ED558CCDL;
    h ^= h >>> 33;
    return new SplittableRandom(h);
  }

  /**
   * Draws an item: the fixed attributes, every other catalogue key drawn uniformly. Items are
   * interned by their index in the catalogue's product space (a few thousand), so drawing a
   * million signals builds no attribute maps.
   */
  private Attributes fill(Attributes fixed, SplittableRandom random) {
    int index = 0;
    for (String k : keys) {
      List<String> values = catalogue.get(k);
      int v = random.nextInt(values.size());
      String f = fixed.values().get(k);
      if (f != null) {
        v = values.indexOf(f);
      }
      index = index * values.size() + v;
    }
    return items[index];
  }
}
