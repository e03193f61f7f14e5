package io.c2m.streams.internal;

import io.c2m.AttributeValue;
import io.c2m.Attributes;
import io.c2m.ConsumerId;
import io.c2m.signal.ProfileSettings;
import io.c2m.signal.ProfileStore;
import io.c2m.signal.Signal;
import java.time.Instant;

/**
 * A signal's weight grown back to the epoch, computed by core's own {@link ProfileStore} so that
 * the streams profiles equal the in-process engine's bit for bit: a scratch store with the same
 * settings and epoch takes the signal under a fixed placeholder consumer and item, its evidence is
 * read as of the epoch (a decay factor of exactly 1) and then erased. Core keeps its growth
 * tables private; going through its public API avoids a second copy of that arithmetic. The
 * scratch store is replaced every {@value #RENEW_AFTER} signals, since its interest timeline
 * keeps a cell per day. Not thread-safe: one per processor.
 */
public final class Growth {
  private static final int RENEW_AFTER = 100_000;
  private static final ConsumerId SCRATCH = new ConsumerId("c2m-scratch");
  private static final AttributeValue VALUE = new AttributeValue("c2m", "scratch");
  private static final Attributes ITEM = Attributes.of(java.util.List.of(VALUE));

  private final ProfileSettings settings;
  private final Instant epoch;
  private ProfileStore scratch;
  private int used;

  /**
   * Creates the calculator.
   *
   * @param settings the profile settings
   * @param epoch the epoch evidence is anchored to
   */
  public Growth(ProfileSettings settings, Instant epoch) {
    this.settings = settings;
    this.epoch = epoch;
  }

  /**
   * Whether a signal at an instant can be profiled (see {@link ProfileStore#accepts(Instant)}).
   *
   * @param at the instant
   * @return true if in range of the epoch
   */
  public boolean accepts(Instant at) {
    return store().accepts(at);
  }

  /**
   * Returns the signal's weight grown to the epoch, exactly as the engine's store adds it.
   *
   * @param signal the signal, at an accepted instant
   * @return the contribution, 0 if its type has weight 0
   */
  public double contribution(Signal signal) {
    if (settings.weight(signal.type()) == 0) {
      return 0;
    }
    ProfileStore s = store();
    s.add(Signal.of(SCRATCH, signal.type(), signal.at(), ITEM, "c2m"));
    double c = s.profile(SCRATCH, epoch).orElseThrow().affinity(VALUE);
    s.erase(SCRATCH);
    used++;
    return c;
  }

  private ProfileStore store() {
    if (scratch == null || used >= RENEW_AFTER) {
      scratch = new ProfileStore(settings, id -> true, epoch);
      used = 0;
    }
    return scratch;
  }
}
