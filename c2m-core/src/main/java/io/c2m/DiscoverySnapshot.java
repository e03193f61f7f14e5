package io.c2m;

import io.c2m.signal.ConsumerProfile;
import io.c2m.signal.InterestTimeline;
import io.c2m.signal.ProfileStore;
import java.lang.ref.SoftReference;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What {@link C2m#discoverNiches()} and {@link C2m#tailorDesigns(List)} read from the profile
 * store, computed once and shared while the store is unchanged: every profile decayed to an
 * instant, each profile's {@link ConsumerProfile#preferences() preferences}, and the interest
 * timeline. Before, each call rebuilt the profiles and the timeline, and tailoring recomputed every
 * profile's preferences once per niche (issue 15: most of a simulation's time).
 *
 * <p>The snapshot is keyed on the store's version: the number of signals it accepted (it only
 * grows, with every signal profiled) and the number of consumers with a profile (it falls with
 * every erasure), plus the instant profiles are decayed to. Consent is not part of it: the engine
 * filters the snapshot by consent at every use, as it filtered the store's profiles before.
 * Everything here is immutable once built, so sharing it changes no result.
 *
 * <p>Not thread-safe: the engine uses it under its lock. The engine holds it by a {@link
 * SoftReference}, so a snapshot of a large population never keeps memory the heap needs.
 */
final class DiscoverySnapshot {
  private final long accepted;
  private final int consumers;
  private final Instant asOf;
  private final List<ConsumerProfile> profiles;
  private List<Attributes> preferences;
  private InterestTimeline timeline;

  private DiscoverySnapshot(long accepted, int consumers, Instant asOf,
      List<ConsumerProfile> profiles) {
    this.accepted = accepted;
    this.consumers = consumers;
    this.asOf = asOf;
    this.profiles = profiles;
  }

  /**
   * Returns the cached snapshot if it is still that of the store at {@code asOf}, else a new one.
   *
   * @param cached the engine's reference, possibly cleared
   * @param store the engine's profiles
   * @param asOf the instant to decay to
   * @return the snapshot
   */
  static DiscoverySnapshot of(SoftReference<DiscoverySnapshot> cached, ProfileStore store,
      Instant asOf) {
    DiscoverySnapshot s = cached == null ? null : cached.get();
    long accepted = store.accepted();
    int consumers = store.consumers();
    if (s != null && s.accepted == accepted && s.consumers == consumers && s.asOf.equals(asOf)) {
      return s;
    }
    return new DiscoverySnapshot(accepted, consumers, asOf, store.profiles(asOf));
  }

  /**
   * Every profile decayed to the snapshot's instant, by consumer id.
   *
   * @return the profiles, unmodifiable
   */
  List<ConsumerProfile> profiles() {
    return profiles;
  }

  /**
   * Each profile's preferences, at the same index as {@link #profiles()}; computed on first use.
   *
   * @return the preferences, unmodifiable
   */
  List<Attributes> preferences() {
    if (preferences == null) {
      List<Attributes> out = new ArrayList<>(profiles.size());
      for (ConsumerProfile p : profiles) {
        out.add(p.preferences());
      }
      preferences = Collections.unmodifiableList(out);
    }
    return preferences;
  }

  /**
   * The store's interest timeline; computed on first use.
   *
   * @param store the store the snapshot was taken of
   * @return the timeline
   */
  InterestTimeline timeline(ProfileStore store) {
    if (timeline == null) {
      timeline = store.timeline();
    }
    return timeline;
  }
}
