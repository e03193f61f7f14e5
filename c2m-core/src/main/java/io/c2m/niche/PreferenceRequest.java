package io.c2m.niche;

import static java.util.Objects.requireNonNull;

import io.c2m.internal.Checks;
import io.c2m.signal.ConsumerProfile;
import io.c2m.signal.InterestTimeline;
import io.c2m.signal.PreferredValues;
import io.c2m.signal.ProfileStore;
import java.time.Instant;
import java.util.BitSet;
import java.util.List;
import java.util.function.Supplier;

/**
 * The input of {@link NicheInference#infer(PreferenceRequest)}: the same question as a {@link
 * NicheRequest}, asked of consumers' preferred values read out of a profile store in arrays
 * ({@link ProfileStore#preferredValues(Instant)}) instead of a {@link ConsumerProfile} per
 * consumer. A strategy that mines preferred values (the built-in attribute miner does) reads them
 * here; any other strategy gets the equivalent {@link #request() NicheRequest}, whose profiles are
 * built on first use only (issue 15: building 100,000 profiles per discovery was a large share of
 * a simulation's time).
 *
 * <p>The consumers of the request are the {@linkplain #includes(int) included} rows of the
 * preferred values (the engine includes those who consent to profiling now), in row order, which
 * is consumer id order. The profiles the supplier gives must be exactly theirs, in that order:
 * the profiles whose {@link ConsumerProfile#preferences()} are the rows' preferred values, as
 * {@link ProfileStore#profiles(Instant)} of the same store, filtered alike, gives them.
 *
 * <p>Thread-safe once built: {@link #request()} builds the request at most once.
 */
public final class PreferenceRequest {
  private final PreferredValues preferences;
  private final BitSet rows;
  private final int size;
  private final int minAudience;
  private final long seed;
  private final InterestTimeline timeline;
  private final Supplier<List<ConsumerProfile>> profiles;
  private volatile NicheRequest request;

  /**
   * Creates a request.
   *
   * @param preferences the preferred values, decayed to the instant of inference
   * @param rows the rows of {@code preferences} whose consumers the request is about; copied
   * @param minAudience the minimum number of consumers in a niche; at least 1
   * @param seed the random seed
   * @param timeline the daily interest per item
   * @param profiles gives the included consumers' profiles in row order, for {@link #request()}
   * @throws IllegalArgumentException if the minimum audience is not positive, or a row is outside
   *     the preferred values
   */
  public PreferenceRequest(PreferredValues preferences, BitSet rows, int minAudience, long seed,
      InterestTimeline timeline, Supplier<List<ConsumerProfile>> profiles) {
    this.preferences = requireNonNull(preferences, "preferences");
    this.rows = (BitSet) requireNonNull(rows, "rows").clone();
    if (this.rows.length() > preferences.size()) {
      throw new IllegalArgumentException("The row " + (this.rows.length() - 1)
          + " of the request is outside the preferred values' " + preferences.size() + " rows.");
    }
    this.size = this.rows.cardinality();
    this.minAudience = Checks.requirePositive(minAudience, "minimum audience");
    this.seed = seed;
    this.timeline = requireNonNull(timeline, "timeline");
    this.profiles = requireNonNull(profiles, "profiles");
  }

  /**
   * A request about every consumer of a store: its preferred values and interest timeline as of
   * an instant, the profiles built from the store on first use of {@link #request()}.
   *
   * @param store the profiles; must not be written while the request is in use
   * @param minAudience the minimum number of consumers in a niche; at least 1
   * @param asOf the instant of inference
   * @param seed the random seed
   * @return the request
   */
  public static PreferenceRequest of(ProfileStore store, int minAudience, Instant asOf,
      long seed) {
    requireNonNull(store, "store");
    requireNonNull(asOf, "asOf");
    PreferredValues pv = store.preferredValues(asOf);
    BitSet all = new BitSet(pv.size());
    all.set(0, pv.size());
    return new PreferenceRequest(pv, all, minAudience, seed, store.timeline(),
        () -> store.profiles(asOf));
  }

  /**
   * Returns the preferred values (all rows, included or not).
   *
   * @return the preferred values
   */
  public PreferredValues preferences() {
    return preferences;
  }

  /**
   * Returns whether a row's consumer is one the request is about.
   *
   * @param row a row of {@link #preferences()}
   * @return true if included
   */
  public boolean includes(int row) {
    return rows.get(row);
  }

  /**
   * Returns the included rows.
   *
   * @return a copy of the rows
   */
  public BitSet rows() {
    return (BitSet) rows.clone();
  }

  /**
   * Returns the number of consumers the request is about (included rows).
   *
   * @return the count
   */
  public int size() {
    return size;
  }

  /**
   * Returns the minimum audience.
   *
   * @return at least 1
   */
  public int minAudience() {
    return minAudience;
  }

  /**
   * Returns the instant of inference: the one the preferred values are decayed to.
   *
   * @return the instant
   */
  public Instant asOf() {
    return preferences.asOf();
  }

  /**
   * Returns the random seed.
   *
   * @return the seed
   */
  public long seed() {
    return seed;
  }

  /**
   * Returns the daily interest per item.
   *
   * @return the timeline
   */
  public InterestTimeline timeline() {
    return timeline;
  }

  /**
   * Returns the same question as a {@link NicheRequest} of the included consumers' profiles,
   * built on first use.
   *
   * @return the request
   * @throws IllegalStateException if the supplied profiles are not the included rows' consumers,
   *     in row order
   */
  public NicheRequest request() {
    NicheRequest r = request;
    if (r == null) {
      synchronized (this) {
        r = request;
        if (r == null) {
          List<ConsumerProfile> ps = requireNonNull(profiles.get(), "profiles");
          int i = 0;
          boolean same = ps.size() == size;
          for (int row = rows.nextSetBit(0); same && row >= 0; row = rows.nextSetBit(row + 1)) {
            same = ps.get(i++).consumer().equals(preferences.consumer(row));
          }
          if (!same) {
            throw new IllegalStateException("The " + ps.size() + " profiles supplied are not "
                + "those of the request's " + size + " consumers in consumer id order.");
          }
          r = new NicheRequest(ps, minAudience, asOf(), seed, timeline);
          request = r;
        }
      }
    }
    return r;
  }
}
