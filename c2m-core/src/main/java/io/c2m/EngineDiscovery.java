package io.c2m;

import static java.util.Objects.requireNonNull;

import io.c2m.design.DesignTailor;
import io.c2m.design.ProductDesign;
import io.c2m.design.TailorRequest;
import io.c2m.internal.PreferenceIndex;
import io.c2m.niche.Niche;
import io.c2m.niche.NicheInference;
import io.c2m.niche.PreferenceRequest;
import io.c2m.privacy.AudienceGuard;
import io.c2m.signal.CategoryPricePoints;
import io.c2m.signal.ConsumerProfile;
import io.c2m.signal.IngestReport;
import io.c2m.signal.PreferredValues;
import io.c2m.signal.ProfileStore;
import io.c2m.signal.Signal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The profiling and discovery half of {@link C2m}: profiles the signals of consenting consumers
 * (with their category price points), finds niches among the consenting profiles (k-anonymity by
 * the {@link AudienceGuard}) and builds the tailoring requests of their members, priced within a
 * niche's category or, when allowed, from whole profiles; the engine decides which designs are new.
 *
 * <p>Not thread-safe: called by the engine's synchronized methods, under the engine's lock.
 */
final class EngineDiscovery {
  private final ProfileStore profiles;
  private final CategoryPricePoints categoryPrices;
  private final Predicate<ConsumerId> mayProfile;
  private final Clock clock;
  private final long seed;
  private final int minimumAudience;
  private final boolean profilePriceFallback;
  private final NicheInference inference;
  private final DesignTailor tailor;
  private final AudienceGuard guard;
  private final io.c2m.internal.EngineEvents events;

  EngineDiscovery(ProfileStore profiles, CategoryPricePoints categoryPrices,
      Predicate<ConsumerId> mayProfile, Clock clock, long seed, int minimumAudience,
      boolean profilePriceFallback, NicheInference inference, DesignTailor tailor,
      io.c2m.internal.EngineEvents events) {
    this.profiles = profiles;
    this.categoryPrices = categoryPrices;
    this.mayProfile = mayProfile;
    this.clock = clock;
    this.seed = seed;
    this.minimumAudience = minimumAudience;
    this.profilePriceFallback = profilePriceFallback;
    this.inference = inference;
    this.tailor = tailor;
    this.guard = new AudienceGuard(minimumAudience);
    this.events = events;
  }

  /** The body of {@link C2m#ingest(Iterable)}: profiles consented signals, all or none. */
  IngestReport ingest(Iterable<Signal> signals) {
    requireNonNull(signals, "signals");
    // Check the whole batch before profiling any of it, so a failed call changes nothing and can
    // be retried without counting signals twice.
    List<Signal> batch = new ArrayList<>();
    for (Signal s : signals) {
      batch.add(requireNonNull(s, () -> "signal at index " + batch.size()));
      if (!profiles.accepts(s.at())) {
        throw new IllegalArgumentException("The signal at index " + (batch.size() - 1)
            + " is at " + s.at() + ", more than " + io.c2m.signal.ProfileStore.MAX_HALF_LIVES
            + " profile half-lives from the engine's profile epoch; no signal of the call was "
            + "profiled.\nMaybe correct its timestamp, or start an engine nearer the data.");
      }
    }
    signals = batch;
    long started = System.nanoTime();
    long before = profiles.accepted();
    long skippedBefore = profiles.skippedWithoutConsent();
    int done = 0;
    for (Signal s : signals) {
      if (profiles.add(s)) {
        categoryPrices.add(s);
      }
      if (++done % io.c2m.internal.EngineEvents.PROGRESS_EVERY == 0) {
        events.progress("ingest", done, batch.size());
      }
    }
    events.progress("ingest", batch.size(), Math.max(1, batch.size()));
    IngestReport report = new IngestReport(profiles.accepted() - before,
        profiles.skippedWithoutConsent() - skippedBefore);
    events.ingested(report.profiled(), report.withoutConsent(),
        System.nanoTime() - started);
    return report;
  }

  /** The body of {@link C2m#discoverNiches()}. */
  List<Niche> discoverNiches() {
    long started = System.nanoTime();
    events.progress("niches", 0, 1);
    DiscoverySnapshot snap = discoverySnapshot();
    BitSet rows = consenting(snap);
    // The built-in miner reads the preferred values; a strategy that needs profiles gets them
    // built from the snapshot (request()).
    PreferenceRequest request = new PreferenceRequest(snap.preferred(), rows, minimumAudience,
        seed, snap.timeline(), () -> snap.profiles(rows));
    // The checked inference recounts each niche's audience over the request's (consenting)
    // profiles and withholds those below the minimum; the guard then applies k-anonymity to what
    // remains, so a strategy that over-reports cannot release a niche fewer than k match.
    List<Niche> found =
        List.copyOf(guard.release(NicheInference.checked(inference).infer(request)));
    events.progress("niches", 1, 1);
    events.nichesFound(inference.name(), request.size(), found.size(),
        System.nanoTime() - started);
    return found;
  }

  /**
   * The profiles and timeline {@link C2m#discoverNiches()} and {@link C2m#tailorDesigns(List)}
   * read, shared between them while the store is unchanged (see {@link DiscoverySnapshot}).
   */
  private java.lang.ref.SoftReference<DiscoverySnapshot> discoverySnapshot;

  private DiscoverySnapshot discoverySnapshot() {
    DiscoverySnapshot s = DiscoverySnapshot.of(discoverySnapshot, profiles, clock.instant());
    discoverySnapshot = new java.lang.ref.SoftReference<>(s);
    return s;
  }

  /**
   * The snapshot's rows of the consumers who consent to profiling now (consent is read at use,
   * too).
   */
  private BitSet consenting(DiscoverySnapshot snap) {
    PreferredValues pv = snap.preferred();
    BitSet out = new BitSet(pv.size());
    for (int r = 0; r < pv.size(); r++) {
      if (mayProfile.test(pv.consumer(r))) {
        out.set(r);
      }
    }
    return out;
  }

  /** The profiles of the consenting consumers whose preferences match a niche, by consumer id. */
  private static List<ConsumerProfile> members(Niche niche, DiscoverySnapshot snap,
      PreferenceIndex preferences) {
    List<ConsumerProfile> members = new ArrayList<>();
    BitSet matching = preferences.matching(niche.definition());
    for (int r = matching.nextSetBit(0); r >= 0; r = matching.nextSetBit(r + 1)) {
      members.add(snap.profile(r));
    }
    return members;
  }

  /**
   * The body of {@link C2m#tailorDesigns(List)}: each tailored design goes to {@code offerIfNew},
   * which offers it and returns true unless its id or spec is already on offer.
   */
  List<ProductDesign> tailorDesigns(List<Niche> niches, Predicate<ProductDesign> offerIfNew) {
    DiscoverySnapshot snap = discoverySnapshot();
    PreferenceIndex index = PreferenceIndex.of(snap.preferred(), consenting(snap));
    List<ProductDesign> out = new ArrayList<>();
    Map<String, Set<AttributeValue>> valuesByCategory = null;
    for (Niche niche : niches) {
      List<ConsumerProfile> members = members(niche, snap, index);
      if (members.size() < minimumAudience) {
        continue; // k-anonymity: never tailor from fewer than k consumers' preferences
      }
      // Category-scoped evidence: members' prices on items of the niche's category, and the
      // values those items come in (see TailorRequest).
      String category = niche.definition().get(Niche.CATEGORY).orElse(null);
      TailorRequest request;
      if (category != null) {
        Map<ConsumerId, Double> prices = new HashMap<>();
        for (ConsumerProfile m : members) {
          categoryPrices.pricePoint(m.consumer(), category)
              .ifPresent(p -> prices.put(m.consumer(), p));
        }
        if (valuesByCategory == null) {
          valuesByCategory = valuesByCategory(snap);
        }
        Set<AttributeValue> categoryValues = valuesByCategory.getOrDefault(category, Set.of());
        if (prices.size() >= minimumAudience) {
          request = TailorRequest.withinCategory(niche, members, seed, prices, categoryValues);
        } else if (profilePriceFallback && profilePriced(members) >= minimumAudience) {
          // Opt-in: too few prices in the category, priced from the whole profiles.
          request = new TailorRequest(niche, members, seed, Map.of(), categoryValues, true);
        } else {
          continue; // fewer than k prices: a price would reveal too few consumers' prices
        }
      } else if (profilePriced(members) >= minimumAudience) {
        request = new TailorRequest(niche, members, seed);
      } else {
        continue;
      }
      List<ProductDesign> tailored;
      try {
        tailored = tailor.tailor(request);
      } catch (RuntimeException e) {
        throw wrap(tailor.name(), e);
      }
      for (ProductDesign d : tailored) {
        if (offerIfNew.test(d)) {
          out.add(d);
        }
      }
    }
    events.tailored(niches.size(), out.size());
    return List.copyOf(out);
  }

  private static int profilePriced(List<ConsumerProfile> members) {
    int n = 0;
    for (ConsumerProfile m : members) {
      if (m.pricePoint().isPresent()) {
        n++;
      }
    }
    return n;
  }

  /** The attribute values seen on the items of each category, from the interest timeline. */
  private Map<String, Set<AttributeValue>> valuesByCategory(DiscoverySnapshot snap) {
    Map<String, Set<AttributeValue>> out = new HashMap<>();
    for (io.c2m.signal.InterestTimeline.ItemInterest i : snap.timeline().items()) {
      i.item().get(Niche.CATEGORY).ifPresent(c -> out.computeIfAbsent(c, k -> new HashSet<>())
          .addAll(i.item().pairs()));
    }
    return out;
  }

  private static StrategyException wrap(String strategy, RuntimeException e) {
    if (e instanceof StrategyException se) {
      return se;
    }
    return new StrategyException(strategy, "failed: " + e, e);
  }
}
