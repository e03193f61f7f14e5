package io.c2m.sim;

import static java.util.Objects.requireNonNull;

import io.c2m.AttributeValue;
import io.c2m.Attributes;
import io.c2m.internal.Checks;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shape of a synthetic marketplace: its catalogue of attribute values, its consumers, the
 * niches planted among them and how their behaviour is drawn.
 *
 * @param catalogue attribute key to its possible values; every planted definition uses them
 * @param consumers the number of consumers, at least the planted members
 * @param niches the planted niches; each member belongs to exactly one
 * @param signalsPerConsumer the mean number of signals of a consumer; positive
 * @param nicheFocus the share of a niche member's signals on items of their niche, in [0, 1]
 * @param noiseFocus the share of a noise consumer's signals on their own random favourite item
 * @param consentRate the share of consumers who consent to profiling, in [0, 1]
 * @param start the first instant of the signal window
 * @param span the length of the signal window; positive
 */
public record MarketplaceSpec(
    Map<String, List<String>> catalogue,
    int consumers,
    List<PlantedNiche> niches,
    int signalsPerConsumer,
    double nicheFocus,
    double noiseFocus,
    double consentRate,
    Instant start,
    Duration span) {
  /** The most consumers a synthetic population may have. */
  public static final int MAX_CONSUMERS = 10_000_000;
  /** The most signals a synthetic population may have. */
  public static final long MAX_SIGNALS = 200_000_000L;

  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException if a share is out of [0, 1], the planted members outnumber
   *     the consumers, or a planted attribute is not in the catalogue
   */
  public MarketplaceSpec {
    requireNonNull(catalogue, "catalogue");
    Map<String, List<String>> copy = new LinkedHashMap<>();
    catalogue.forEach((k, v) -> {
      if (v.isEmpty()) {
        throw new IllegalArgumentException("The catalogue key " + k + " has no values.");
      }
      List<String> values = new java.util.ArrayList<>();
      String key = null;
      for (String x : v) {
        AttributeValue av = AttributeValue.of(k, x);
        key = av.key();
        if (values.contains(av.value())) {
          throw new IllegalArgumentException(
              "The catalogue lists " + av + " twice (after normalisation).");
        }
        values.add(av.value());
      }
      if (copy.put(key, List.copyOf(values)) != null) {
        throw new IllegalArgumentException(
            "The catalogue key " + key + " occurs twice (after normalisation).");
      }
    });
    catalogue = Collections.unmodifiableMap(copy);
    Checks.requirePositive(consumers, "consumers");
    if (consumers > MAX_CONSUMERS) {
      throw new IllegalArgumentException("The number of consumers (" + consumers
          + ") must not exceed " + MAX_CONSUMERS + ".");
    }
    niches = List.copyOf(Checks.requireNoNulls(niches, "niches"));
    Checks.requirePositive(signalsPerConsumer, "signals per consumer");
    if ((long) consumers * signalsPerConsumer * 3 / 2 > MAX_SIGNALS) {
      throw new IllegalArgumentException("The population would have up to "
          + (long) consumers * signalsPerConsumer * 3 / 2 + " signals; at most " + MAX_SIGNALS
          + " fit in memory as a list.");
    }
    Checks.requireProbability(nicheFocus, "niche focus");
    Checks.requireProbability(noiseFocus, "noise focus");
    Checks.requireProbability(consentRate, "consent rate");
    requireNonNull(start, "start");
    requireNonNull(span, "span");
    if (span.isZero() || span.isNegative()) {
      throw new IllegalArgumentException("The span (" + span + ") must be positive.");
    }
    long planted = 0;
    for (PlantedNiche n : niches) {
      planted += n.members();
      for (AttributeValue av : n.definition().pairs()) {
        List<String> values = catalogue.get(av.key());
        if (values == null || !values.contains(av.value())) {
          throw new IllegalArgumentException(
              "The planted attribute " + av + " is not in the catalogue.");
        }
      }
    }
    if (planted > consumers) {
      throw new IllegalArgumentException(
          "The planted niches have " + planted + " members, more than the " + consumers
              + " consumers.");
    }
  }

  /**
   * A fashion marketplace of 5,000 consumers over 60 days from 2026-01-05, with six planted niches
   * (1,140 members, from 90 to 300 each, definitions of three or four attributes) and the rest noise.
   * Interest in the cream vintage jeans niche stops halfway through the window (fading); interest
   * in the terracotta boho skirt niche starts after 75% of it (emerging); the others are steady.
   *
   * @return the spec
   */
  public static MarketplaceSpec fashion() {
    Map<String, List<String>> catalogue = new LinkedHashMap<>();
    catalogue.put("category", List.of("dress", "shirt", "jeans", "jacket", "sneakers", "skirt"));
    catalogue.put("color", List.of("black", "white", "navy", "sage", "terracotta", "mustard",
        "lilac", "grey", "red", "cream"));
    catalogue.put("material", List.of("cotton", "linen", "denim", "wool", "silk", "polyester",
        "leather"));
    catalogue.put("style", List.of("casual", "formal", "boho", "minimal", "sporty", "vintage"));
    List<PlantedNiche> niches = List.of(
        new PlantedNiche(Attributes.of("category", "dress", "color", "sage", "material", "linen"),
            300, 32),
        new PlantedNiche(Attributes.of("category", "sneakers", "color", "white", "style",
            "minimal"), 260, 65),
        new PlantedNiche(Attributes.of("category", "jacket", "color", "mustard", "material",
            "wool", "style", "vintage"), 220, 89),
        new PlantedNiche(Attributes.of("category", "shirt", "color", "lilac", "material", "silk"),
            150, 45),
        new PlantedNiche(Attributes.of("category", "jeans", "color", "cream", "material", "denim",
            "style", "vintage"), 120, 58).activeBetween(0, 0.5),
        new PlantedNiche(Attributes.of("category", "skirt", "color", "terracotta", "style",
            "boho"), 90, 38).activeBetween(0.75, 1));
    return new MarketplaceSpec(catalogue, 5000, niches, 20, 0.75, 0.4, 0.95,
        Instant.parse("2026-01-05T00:00:00Z"), Duration.ofDays(60));
  }

  /**
   * The marketplace of {@link #fashion()} with niches planted to test niche inference hard: 6,000
   * consumers and eight planted niches, of which two pairs overlap (they share category and color:
   * {@code dress, sage} in linen or silk; {@code sneakers, white} minimal or sporty leather), two
   * are narrow (35 and 40 members, definitions of three and four attributes) and the rest of
   * 4,755 consumers are noise. Meant for a minimum audience of 25.
   *
   * @return the spec
   */
  public static MarketplaceSpec nicheEvaluation() {
    List<PlantedNiche> niches = List.of(
        new PlantedNiche(Attributes.of("category", "dress", "color", "sage", "material", "linen"),
            300, 32),
        new PlantedNiche(Attributes.of("category", "dress", "color", "sage", "material", "silk"),
            200, 59),
        new PlantedNiche(Attributes.of("category", "sneakers", "color", "white", "style",
            "minimal"), 260, 65),
        new PlantedNiche(Attributes.of("category", "sneakers", "color", "white", "material",
            "leather", "style", "sporty"), 120, 79),
        new PlantedNiche(Attributes.of("category", "jacket", "color", "mustard", "material",
            "wool", "style", "vintage"), 150, 89),
        new PlantedNiche(Attributes.of("category", "shirt", "color", "lilac", "material", "silk"),
            150, 45),
        new PlantedNiche(Attributes.of("category", "jeans", "color", "cream", "material", "denim",
            "style", "vintage"), 40, 58),
        new PlantedNiche(Attributes.of("category", "skirt", "color", "terracotta", "style",
            "boho"), 35, 38));
    return fashion().withNiches(niches).withConsumers(6000);
  }

  /**
   * Returns a copy with another number of consumers.
   *
   * @param n the number of consumers
   * @return the new spec
   */
  public MarketplaceSpec withConsumers(int n) {
    return new MarketplaceSpec(catalogue, n, niches, signalsPerConsumer, nicheFocus, noiseFocus,
        consentRate, start, span);
  }

  /**
   * Returns a copy with other planted niches.
   *
   * @param planted the niches
   * @return the new spec
   */
  public MarketplaceSpec withNiches(List<PlantedNiche> planted) {
    return new MarketplaceSpec(catalogue, consumers, planted, signalsPerConsumer, nicheFocus,
        noiseFocus, consentRate, start, span);
  }

  /**
   * Returns a copy with another mean number of signals per consumer.
   *
   * @param n the mean signals per consumer
   * @return the new spec
   */
  public MarketplaceSpec withSignalsPerConsumer(int n) {
    return new MarketplaceSpec(catalogue, consumers, niches, n, nicheFocus, noiseFocus,
        consentRate, start, span);
  }

  /**
   * Returns the instant the signal window ends.
   *
   * @return start + span
   */
  public Instant end() {
    return start.plus(span);
  }
}
