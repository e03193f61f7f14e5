package io.c2m.privacy;

import static java.util.Objects.requireNonNull;

import io.c2m.ConsumerId;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a marketplace's raw user id (an e-mail, an account number) into a stable pseudonymous
 * {@link ConsumerId} with a keyed hash (HMAC-SHA-256), so that raw ids never enter c2m. Without the
 * key the pseudonym cannot be reversed or recomputed.
 *
 * <p>Thread-safe: each call uses its own {@link Mac}.
 */
public final class Pseudonymizer {
  private static final String ALGORITHM = "HmacSHA256";
  private final SecretKeySpec key;

  /**
   * Creates a pseudonymizer.
   *
   * @param secret the secret key; at least 16 bytes
   * @throws IllegalArgumentException if the key is shorter than 16 bytes
   */
  public Pseudonymizer(byte[] secret) {
    requireNonNull(secret, "secret");
    if (secret.length < 16) {
      throw new IllegalArgumentException(
          "The pseudonymization key has " + secret.length + " bytes; it needs at least 16.");
    }
    this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
  }

  /**
   * Returns the pseudonym of a raw id: {@code "c-"} and the first 16 bytes of the HMAC in hex.
   *
   * @param rawId the marketplace's id
   * @return the pseudonymous consumer id
   */
  public ConsumerId pseudonymize(String rawId) {
    requireNonNull(rawId, "rawId");
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      byte[] h = mac.doFinal(rawId.getBytes(StandardCharsets.UTF_8));
      StringBuilder sb = new StringBuilder("c-");
      for (int i = 0; i < 16; i++) {
        sb.append(Character.forDigit((h[i] >> 4) & 0xF, 16)).append(Character.forDigit(h[i] & 0xF, 16));
      }
      return new ConsumerId(sb.toString());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable in this JVM.", e);
    }
  }
}
