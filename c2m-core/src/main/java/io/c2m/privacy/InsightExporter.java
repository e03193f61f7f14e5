package io.c2m.privacy;

import static java.util.Objects.requireNonNull;

import io.c2m.ConsumerId;
import io.c2m.niche.Niche;
import io.c2m.signal.ConsumerProfile;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns niches into {@link NicheInsight}s that a marketplace can hand to a manufacturer.
 *
 * <h2>What is withheld</h2>
 * No consumer id leaves; a niche whose true audience is below the minimum audience (at least
 * {@link AudienceGuard#FLOOR}) never leaves; figures are coarsened.
 *
 * <h2>The differencing defence: cell-key noise, then rounding</h2>
 * Rounding alone does not protect against differencing: if this week's export says 20 and last
 * week's said 10 for the same niche, and one known consumer joined in between, the attacker
 * learns that consumer is in the niche (with plain rounding to 10, whenever the two released
 * figures differ, the larger one is always the one with the extra consumer). So, as the
 * Australian Bureau of Statistics' cell-key method does (Fraser and Wooton 2005; Thompson,
 * Broadfoot and Elazar 2013), each consumer gets a fixed secret key
 * ({@code HMAC-SHA256(secret, consumer id)}, 64 bits), a niche's cell key is the sum of its
 * members' keys (mod 2^64), and the released audience is
 * {@code round(n + noise(cellKey), band)} with {@code noise} uniform on
 * {@code [-band, band]}: the same members always give the same figure (asking again reveals
 * nothing new, noise cannot be averaged away), while adding or removing one consumer draws a
 * fresh, independent noise, so the difference between two exports says little about that
 * consumer: the larger figure belongs to the export with the extra consumer only a little more
 * often than half the time (the test measures it). A niche is released only if its true audience
 * is at least the minimum <em>and</em> its noisy audience is at least the minimum plus half a band,
 * so the appearance of a niche at the threshold is itself noisy. Demand is scaled by the same
 * noisy factor and rounded; lift and growth are rounded to one decimal.
 *
 * <p>The secret must be kept by the marketplace and reused across exports (a new secret per
 * export would make the noise independent each time, and averaging many exports would remove
 * it). Thread-safe and immutable.
 */
public final class InsightExporter {
  /** The default band width (coarsening), in consumers. */
  public static final int DEFAULT_BAND = 10;
  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;
  private final int minimumAudience;
  private final int band;

  /**
   * Creates an exporter.
   *
   * @param secret the marketplace's secret for consumer keys; at least 16 bytes
   * @param minimumAudience the smallest true audience released; at least
   *     {@link AudienceGuard#FLOOR}
   * @param band the coarsening width; from 2 to 1000
   * @throws IllegalArgumentException if an argument is out of range
   */
  public InsightExporter(byte[] secret, int minimumAudience, int band) {
    requireNonNull(secret, "secret");
    if (secret.length < 16) {
      throw new IllegalArgumentException(
          "The export secret has " + secret.length + " bytes; it needs at least 16.");
    }
    AudienceGuard.checkFloor(minimumAudience, false);
    if (band < 2 || band > 1000) {
      throw new IllegalArgumentException("The audience band (" + band + ") must be from 2 to "
          + "1000.");
    }
    this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
    this.minimumAudience = minimumAudience;
    this.band = band;
  }

  /**
   * Exports niches, with their members recounted from the profiles (a niche's members are the
   * profiles whose preferences match its definition, as the engine counts them).
   *
   * @param niches the niches
   * @param profiles the profiles the niches were found in
   * @return the insights that may leave, in the niches' order
   */
  public List<NicheInsight> export(List<Niche> niches, List<ConsumerProfile> profiles) {
    requireNonNull(niches, "niches");
    requireNonNull(profiles, "profiles");
    long[] keys = new long[profiles.size()];
    Mac mac = mac();
    for (int i = 0; i < keys.length; i++) {
      keys[i] = consumerKey(mac, profiles.get(i).consumer());
    }
    List<NicheInsight> out = new ArrayList<>();
    for (Niche n : niches) {
      int members = 0;
      long cellKey = 0;
      for (int i = 0; i < keys.length; i++) {
        if (profiles.get(i).preferences().matches(n.definition())) {
          members++;
          cellKey += keys[i];
        }
      }
      released(n, members, cellKey).ifPresent(out::add);
    }
    return List.copyOf(out);
  }

  /**
   * The insight of a niche with a given member set, or empty if it may not leave. Exposed for
   * callers that hold the members themselves.
   *
   * @param niche the niche
   * @param members the members' ids
   * @return the insight, or empty
   */
  public java.util.Optional<NicheInsight> export(Niche niche, List<ConsumerId> members) {
    requireNonNull(niche, "niche");
    Mac mac = mac();
    long cellKey = 0;
    for (ConsumerId c : members.stream().distinct().sorted(Comparator.comparing(ConsumerId::value))
        .toList()) {
      cellKey += consumerKey(mac, c);
    }
    return released(niche, (int) members.stream().distinct().count(), cellKey);
  }

  private java.util.Optional<NicheInsight> released(Niche n, int members, long cellKey) {
    if (members < minimumAudience) {
      return java.util.Optional.empty();
    }
    long noise = Math.floorMod(mix(cellKey), 2L * band + 1) - band;
    long noisy = members + noise;
    if (noisy * 2 < 2L * minimumAudience + band) {
      return java.util.Optional.empty();
    }
    long rounded = Math.max(band, Math.round((double) noisy / band) * band);
    double scale = (double) rounded / Math.max(1, n.audience());
    return java.util.Optional.of(new NicheInsight(n.id(), n.definition(), (int) rounded, band,
        Math.round(n.lift() * 10) / 10.0, Math.round(n.demandScore() * scale),
        n.trend().direction(), Math.round(n.trend().growth() * 10) / 10.0));
  }

  private Mac mac() {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable in this JVM.", e);
    }
  }

  private static long consumerKey(Mac mac, ConsumerId id) {
    byte[] h = mac.doFinal(id.value().getBytes(StandardCharsets.UTF_8));
    return ByteBuffer.wrap(h).getLong();
  }

  /** A 64-bit finaliser (SplitMix64's) so that the sum's low bits are well mixed. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
