package io.c2m;

import io.c2m.privacy.Consent;
import io.c2m.signal.ConsumerAccount;
import java.util.HashMap;
import java.util.Map;

/**
 * The consumers {@link C2m} knows and their consents: whether a consumer may be profiled (asked
 * by the profile store while the engine's lock is held) and whether they are known (asked by the
 * order book under its own lock, so that check and every write lock the map itself).
 */
final class ConsumerAccounts {
  private final Map<ConsumerId, ConsumerAccount> accounts = new HashMap<>();

  boolean mayProfile(ConsumerId id) {
    ConsumerAccount a = accounts.get(id);
    return a != null && a.allows(Consent.PROFILING);
  }

  boolean isKnown(ConsumerId id) {
    synchronized (accounts) {
      return accounts.containsKey(id);
    }
  }

  void put(ConsumerAccount account) {
    synchronized (accounts) {
      accounts.put(account.id(), account);
    }
  }

  /** Removes the consumer's account; true if there was one. */
  boolean remove(ConsumerId consumer) {
    synchronized (accounts) {
      return accounts.remove(consumer) != null;
    }
  }
}
