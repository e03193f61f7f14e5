package io.c2m.signal;

import static java.util.Objects.requireNonNull;

import io.c2m.ConsumerId;
import io.c2m.internal.Checks;
import io.c2m.privacy.Consent;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * A consumer as c2m knows them: a pseudonymous id and what they consented to. Nothing else about
 * the person is held.
 *
 * @param id the pseudonymous id
 * @param consents what the consumer agreed to
 */
public record ConsumerAccount(ConsumerId id, Set<Consent> consents) {
  /**
   * Validates and copies.
   *
   * @throws NullPointerException if a component is null
   */
  public ConsumerAccount {
    requireNonNull(id, "id");
    Checks.requireNoNulls(consents, "consents");
    consents = consents.isEmpty()
        ? Set.of()
        : Collections.unmodifiableSet(EnumSet.copyOf(consents));
  }

  /**
   * A consumer who agreed to the given uses.
   *
   * @param id the pseudonymous id
   * @param consents the consents
   * @return the account
   */
  public static ConsumerAccount of(ConsumerId id, Consent... consents) {
    return new ConsumerAccount(id, Set.of(consents));
  }

  /**
   * Tells whether the consumer agreed to a use.
   *
   * @param consent the use
   * @return true if agreed
   */
  public boolean allows(Consent consent) {
    return consents.contains(consent);
  }
}
