package io.c2m;

import io.c2m.signal.ConsumerProfile;
import io.c2m.signal.InterestTimeline;
import io.c2m.signal.PreferredValues;
import io.c2m.signal.ProfileStore;
import java.lang.ref.SoftReference;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;

/**
 * What {@link C2m#discoverNiches()} and {@link C2m#tailorDesigns(List)} read from the profile
 * store, computed once and shared while the store is unchanged: every consumer's preferred values
 * decayed to an instant ({@link ProfileStore#preferredValues(Instant)}), the profiles of the
 * consumers tailoring needs, and the interest timeline. Before, each call rebuilt every profile
 * and the timeline, and tailoring recomputed every profile's preferences once per niche (issue 15:
 * most of a simulation's time); now a discovery with the built-in miner builds no profile but
 * those of the members of the niches it tailors for, and a strategy that needs every profile gets
 * them built once ({@link #profiles(BitSet)}).
 *
 * <p>Rows: the preferred values' rows are in consumer id order, as {@link
 * ProfileStore#profiles(Instant)}; row {@code r} of the preferred values is the consumer of
 * profile {@code r} of the store's profiles, and its preferred values are that profile's {@link
 * ConsumerProfile#preferences()}.
 *
 * <p>The snapshot is keyed on the store's version: the number of signals it accepted (it only
 * grows, with every signal profiled) and the number of consumers with a profile (it falls with
 * every erasure), plus the instant profiles are decayed to. Consent is not part of it: the engine
 * filters the snapshot's rows by consent at every use, as it filtered the store's profiles before.
 * What is computed lazily is read from the store while the key still holds (the engine reads the
 * snapshot only right after {@link #of} checked it, under its lock), so it is what an eager
 * snapshot would hold; sharing it changes no result.
 *
 * <p>Not thread-safe: the engine uses it under its lock. The engine holds it by a {@link
 * SoftReference}, so a snapshot of a large population never keeps memory the heap needs.
 */
final class DiscoverySnapshot {
  private final long accepted;
  private final int consumers;
  private final Instant asOf;
  private final ProfileStore store;
  private final PreferredValues preferred;
  private List<ConsumerProfile> profiles;
  private ConsumerProfile[] byRow;
  private InterestTimeline timeline;

  private DiscoverySnapshot(long accepted, int consumers, Instant asOf, ProfileStore store) {
    this.accepted = accepted;
    this.consumers = consumers;
    this.asOf = asOf;
    this.store = store;
    this.preferred = store.preferredValues(asOf);
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
    if (s != null && s.store == store && s.accepted == accepted && s.consumers == consumers
        && s.asOf.equals(asOf)) {
      return s;
    }
    return new DiscoverySnapshot(accepted, consumers, asOf, store);
  }

  /**
   * Every consumer's preferred values, decayed to the snapshot's instant, by consumer id.
   *
   * @return the preferred values
   */
  PreferredValues preferred() {
    return preferred;
  }

  /**
   * The profiles of some rows, in row order; every profile is built on the first call.
   *
   * @param rows the rows
   * @return the profiles, unmodifiable
   */
  List<ConsumerProfile> profiles(BitSet rows) {
    if (profiles == null) {
      profiles = store.profiles(asOf);
    }
    List<ConsumerProfile> out = new ArrayList<>(rows.cardinality());
    for (int r = rows.nextSetBit(0); r >= 0; r = rows.nextSetBit(r + 1)) {
      out.add(profiles.get(r));
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * The profile of one row, built on first use (or taken from the profiles, if all were built).
   *
   * @param row the row
   * @return the profile
   */
  ConsumerProfile profile(int row) {
    if (profiles != null) {
      return profiles.get(row);
    }
    if (byRow == null) {
      byRow = new ConsumerProfile[preferred.size()];
    }
    ConsumerProfile p = byRow[row];
    if (p == null) {
      p = store.profile(preferred.consumer(row), asOf).orElseThrow(() ->
          new IllegalStateException("The profile of row " + row + " of a discovery snapshot "
              + "is gone from the store; the snapshot is used after the store changed."));
      byRow[row] = p;
    }
    return p;
  }

  /**
   * The store's interest timeline; computed on first use.
   *
   * @return the timeline
   */
  InterestTimeline timeline() {
    if (timeline == null) {
      timeline = store.timeline();
    }
    return timeline;
  }
}
