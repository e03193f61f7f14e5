package io.c2m.niche.internal;

import io.c2m.NicheId;
import io.c2m.StrategyException;
import io.c2m.internal.PreferenceIndex;
import io.c2m.niche.Niche;
import io.c2m.niche.NicheInference;
import io.c2m.niche.NicheRequest;
import io.c2m.niche.PreferenceRequest;
import io.c2m.signal.ConsumerProfile;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Decorator that checks the niches a (possibly third-party) inference returns, so that a broken
 * or over-reporting strategy cannot release a niche fewer than the minimum audience of consenting
 * consumers match (k-anonymity), and fails loudly with its name. Each niche's audience is recounted
 * against the request's profiles (the profiles whose preferences match its definition): a niche
 * whose recount is below the request's minimum audience is withheld; a niche whose reported
 * audience differs from the recount, whose demand score exceeds its audience, or whose id repeats
 * raises a {@link StrategyException}; so does a null list or niche, and whatever the delegate
 * throws (the cause kept).
 */
public final class CheckedNicheInference implements NicheInference {
  private final NicheInference delegate;

  private CheckedNicheInference(NicheInference delegate) {
    this.delegate = delegate;
  }

  /**
   * Wraps an inference unless it is already wrapped.
   *
   * @param inference the inference
   * @return the checking inference, with the same name
   */
  public static NicheInference wrap(NicheInference inference) {
    Objects.requireNonNull(inference, "inference");
    return inference instanceof CheckedNicheInference ? inference
        : new CheckedNicheInference(inference);
  }

  @Override
  public String name() {
    return delegate.name();
  }

  @Override
  public List<Niche> infer(NicheRequest request) {
    Objects.requireNonNull(request, "request");
    List<ConsumerProfile> profiles = request.profiles();
    List<io.c2m.Attributes> preferences = new ArrayList<>(profiles.size());
    profiles.forEach(p -> preferences.add(p.preferences()));
    return check(() -> delegate.infer(request), request.minAudience(),
        new PreferenceIndex(preferences));
  }

  /**
   * Checks the delegate's niches among the request's preferred values: the recount reads the
   * included rows' preferred values, which are the preferences of the profiles of {@link
   * PreferenceRequest#request()}, so the check is the one {@link #infer(NicheRequest)} makes,
   * without building a profile per consumer.
   */
  @Override
  public List<Niche> infer(PreferenceRequest request) {
    Objects.requireNonNull(request, "request");
    return check(() -> delegate.infer(request), request.minAudience(),
        PreferenceIndex.of(request.preferences(), request.rows()));
  }

  private List<Niche> check(Supplier<List<Niche>> inference, int minAudience,
      PreferenceIndex preferences) {
    List<Niche> found;
    try {
      found = inference.get();
    } catch (StrategyException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new StrategyException(name(), "failed while inferring niches: "
          + (e.getMessage() == null ? e.toString() : e.getMessage()), e);
    }
    if (found == null) {
      throw new StrategyException(name(), "returned no niche list (null).");
    }
    Set<NicheId> ids = new HashSet<>();
    List<Niche> released = new ArrayList<>(found.size());
    for (int i = 0; i < found.size(); i++) {
      Niche n = found.get(i);
      if (n == null) {
        throw new StrategyException(name(), "returned a null niche at index " + i + ".");
      }
      if (!ids.add(n.id())) {
        throw new StrategyException(name(), "returned the niche id " + n.id() + " twice.");
      }
      if (n.demandScore() > n.audience()) {
        throw new StrategyException(name(), "reported a demand score (" + n.demandScore()
            + ") above the audience (" + n.audience() + ") of niche " + n.id() + ".");
      }
      int matching = preferences.count(n.definition());
      if (matching < minAudience) {
        continue; // withheld: fewer than k consumers match, whatever the strategy reported
      }
      if (n.audience() != matching) {
        throw new StrategyException(name(), "reported an audience of " + n.audience()
            + " for niche " + n.id() + ", which the preferences of " + matching
            + " profiles match; the audience must be that count.");
      }
      released.add(n);
    }
    return List.copyOf(released);
  }
}
