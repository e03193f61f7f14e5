package io.c2m.sim;

import static java.util.Objects.requireNonNull;

import io.c2m.Attributes;
import io.c2m.ConsumerId;
import io.c2m.OrderId;
import io.c2m.design.ProductDesign;
import io.c2m.internal.Checks;
import io.c2m.order.Order;
import io.c2m.privacy.Consent;
import io.c2m.signal.ConsumerAccount;
import io.c2m.signal.Signal;
import io.c2m.signal.SignalType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Draws synthetic marketplaces with planted niches, for demos, tests and the evaluation of
 * inference and batching strategies. Deterministic: the same spec and seed give the same
 * population, signal for signal, on every JVM ({@link SplittableRandom} is specified exactly).
 *
 * <p>A niche member directs {@code nicheFocus} of their signals at items of their niche (the
 * niche's attributes fixed, the others drawn at random), at instants within the niche's active
 * part of the window, and the rest at random items over the whole window. A noise
 * consumer has a random favourite item that draws {@code noiseFocus} of their signals, the rest
 * random. Signal kinds follow a marketplace-like mix (views most common, purchases and returns
 * rare); carts and purchases carry a price drawn around the item's niche price (or between 15 and
 * 120 for other items).
 */
public final class SyntheticMarketplace {
  private static final SignalType[] TYPES = {
    SignalType.VIEW, SignalType.LIKE, SignalType.WISHLIST, SignalType.SHARE, SignalType.CART_ADD,
    SignalType.PURCHASE, SignalType.RETURN, SignalType.SEARCH
  };
  private static final double[] TYPE_WEIGHTS = {0.50, 0.10, 0.08, 0.05, 0.12, 0.08, 0.02, 0.05};

  private SyntheticMarketplace() {}

  /**
   * Draws a population.
   *
   * @param spec the marketplace's shape
   * @param seed the seed
   * @return the population
   */
  public static Population generate(MarketplaceSpec spec, long seed) {
    requireNonNull(spec, "spec");
    SplittableRandom random = new SplittableRandom(seed);
    int n = spec.consumers();
    int[] niche = new int[n];
    java.util.Arrays.fill(niche, -1);
    int next = 0;
    for (int i = 0; i < spec.niches().size(); i++) {
      for (int m = 0; m < spec.niches().get(i).members(); m++) {
        niche[next++] = i;
      }
    }
    // Shuffle so that niche membership is not visible in the id order.
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = niche[i];
      niche[i] = niche[j];
      niche[j] = t;
    }
    List<ConsumerAccount> accounts = new ArrayList<>(n);
    List<Signal> signals = new ArrayList<>(Math.multiplyExact(n, spec.signalsPerConsumer()));
    Map<ConsumerId, Integer> membership = new HashMap<>();
    int width = String.valueOf(n - 1).length();
    long spanMillis = spec.span().toMillis();
    for (int c = 0; c < n; c++) {
      ConsumerId id = new ConsumerId("c" + String.format("%0" + width + "d", c));
      boolean consents = random.nextDouble() < spec.consentRate();
      accounts.add(consents
          ? ConsumerAccount.of(id, Consent.PROFILING, Consent.TAILORED_OFFERS)
          : ConsumerAccount.of(id));
      Attributes focus;
      double focusShare;
      double price;
      double activeFrom = 0;
      double activeTo = 1;
      if (niche[c] >= 0) {
        membership.put(id, niche[c]);
        PlantedNiche p = spec.niches().get(niche[c]);
        focus = p.definition();
        focusShare = spec.nicheFocus();
        price = p.priceCenter();
        activeFrom = p.activeFrom();
        activeTo = p.activeTo();
      } else {
        focus = randomItem(spec, random);
        focusShare = spec.noiseFocus();
        price = 15 + random.nextDouble() * 105;
      }
      int count = Math.max(1, spec.signalsPerConsumer() / 2
          + random.nextInt(spec.signalsPerConsumer() + 1));
      for (int s = 0; s < count; s++) {
        boolean focused = random.nextDouble() < focusShare;
        Attributes item = focused ? fill(spec, focus, random) : randomItem(spec, random);
        double itemPrice = focused ? price : 15 + random.nextDouble() * 105;
        SignalType type = drawType(random);
        double u = random.nextDouble();
        Instant at = spec.start().plusMillis((long) (
            (focused ? activeFrom + u * (activeTo - activeFrom) : u) * spanMillis));
        double value = type == SignalType.CART_ADD || type == SignalType.PURCHASE
            ? Math.round(itemPrice * (0.85 + 0.3 * random.nextDouble()) * 100) / 100.0
            : Double.NaN;
        signals.add(new Signal(id, type, at, item, "synthetic", value));
      }
    }
    signals.sort(Comparator.comparing(Signal::at).thenComparing(Signal::consumer));
    return new Population(spec, seed, accounts, signals, membership);
  }

  /**
   * Draws the orders that consumers place for designs on offer: a consenting niche member orders a
   * design whose spec includes their whole niche with probability {@code propensity}; any other
   * consenting consumer with probability {@code propensity / 100}. Quantities are 1 (80%), 2 (15%)
   * or 3; orders are placed uniformly over the window from {@code from}; each promises delivery
   * within {@code promise} of being placed.
   *
   * @param population the consumers
   * @param designs the designs on offer
   * @param from the start of the ordering window
   * @param window the length of the ordering window; positive
   * @param promise the delivery promise of each order; zero or more
   * @param propensity the ordering probability of a matching niche member, in [0, 1]
   * @param seed the seed
   * @return the orders, sorted by placement instant then id
   */
  public static List<Order> orders(
      Population population,
      List<ProductDesign> designs,
      Instant from,
      Duration window,
      Duration promise,
      double propensity,
      long seed) {
    requireNonNull(population, "population");
    requireNonNull(designs, "designs");
    requireNonNull(from, "from");
    requireNonNull(window, "window");
    requireNonNull(promise, "promise");
    Checks.requireProbability(propensity, "propensity");
    if (window.isZero() || window.isNegative() || promise.isNegative()) {
      throw new IllegalArgumentException(
          "The ordering window (" + window + ") must be positive and the promise (" + promise
              + ") not negative.");
    }
    SplittableRandom random = new SplittableRandom(seed);
    List<Order> orders = new ArrayList<>();
    int seq = 0;
    for (ProductDesign design : designs) {
      for (ConsumerAccount account : population.accounts()) {
        if (!account.allows(Consent.TAILORED_OFFERS)) {
          continue;
        }
        boolean fits = population.plantedNicheOf(account.id())
            .map(p -> design.spec().matches(p.definition()))
            .orElse(false);
        double p = fits ? propensity : propensity / 100;
        if (random.nextDouble() >= p) {
          continue;
        }
        double u = random.nextDouble();
        int quantity = u < 0.8 ? 1 : u < 0.95 ? 2 : 3;
        Instant placed = from.plusMillis((long) (random.nextDouble() * window.toMillis()));
        orders.add(new Order(new OrderId("o" + (++seq)), account.id(), design.id(), quantity,
            design.unitPrice(), placed, placed.plus(promise)));
      }
    }
    orders.sort(Comparator.comparing(Order::placedAt).thenComparing(Order::id));
    return List.copyOf(orders);
  }

  /**
   * Draws a signal kind from the marketplace's mix (views half the time; carts, likes, wishlists,
   * purchases, shares, searches less often; returns rarely), so other synthetic workloads share it.
   *
   * @param random the source of randomness; one double is drawn
   * @return the kind
   */
  public static SignalType drawType(SplittableRandom random) {
    double u = random.nextDouble();
    for (int i = 0; i < TYPES.length; i++) {
      u -= TYPE_WEIGHTS[i];
      if (u < 0) {
        return TYPES[i];
      }
    }
    return TYPES[0];
  }

  private static Attributes randomItem(MarketplaceSpec spec, SplittableRandom random) {
    return fill(spec, Attributes.empty(), random);
  }

  private static Attributes fill(MarketplaceSpec spec, Attributes fixed, SplittableRandom random) {
    Map<String, String> item = new java.util.TreeMap<>(fixed.values());
    spec.catalogue().forEach((k, values) -> {
      String v = values.get(random.nextInt(values.size()));
      item.putIfAbsent(k, v);
    });
    return Attributes.of(item);
  }
}
