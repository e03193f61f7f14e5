package io.c2m.streams;

import io.c2m.C2m;
import io.c2m.ConsumerId;
import io.c2m.json.C2mJson;
import io.c2m.json.EventReader;
import io.c2m.niche.Niche;
import io.c2m.signal.ConsumerAccount;
import io.c2m.privacy.Consent;
import io.c2m.signal.ConsumerProfile;
import io.c2m.signal.InterestTimeline;
import io.c2m.signal.ProfileSettings;
import io.c2m.signal.ProfileStore;
import io.c2m.signal.Signal;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The in-process engine fed the same ops: the reference the streams results must equal. */
final class Reference {
  final C2m engine;
  private final InterestTimeline timeline;

  Reference(List<Workload.Op> ops, int minimumAudience) {
    Instant end = end(ops);
    engine = C2m.builder().clock(Clock.fixed(end, ZoneOffset.UTC)).syntheticData()
        .minimumAudience(minimumAudience).build();
    EventReader reader = EventReader.trustingIds();
    ProfileStore interest = new ProfileStore(ProfileSettings.defaults(), id -> true, end);
    Set<String> consenting = new HashSet<>();
    for (Workload.Op op : ops) {
      if (op.isEvent()) {
        List<Signal> signals = reader.readAll(new StringReader(op.value())).signals();
        engine.ingest(signals);
        signals.stream().filter(x -> consenting.contains(x.consumer().value()))
            .forEach(interest::add);
      } else if (op.value() == null) {
        engine.forgetConsumer(new ConsumerId(op.key()));
        consenting.remove(op.key());
      } else {
        ConsumerAccount a = C2mJson.fromJson(op.value(), ConsumerAccount.class);
        engine.registerConsumer(a);
        if (a.allows(Consent.PROFILING)) {
          consenting.add(op.key());
        } else {
          consenting.remove(op.key());
        }
      }
    }
    timeline = interest.timeline();
  }

  /** The latest timestamp: the streams' stream time, the engine's now and both epochs. */
  static Instant end(List<Workload.Op> ops) {
    Instant end = Instant.EPOCH;
    for (Workload.Op op : ops) {
      if (op.timestamp().isAfter(end)) {
        end = op.timestamp();
      }
    }
    return end;
  }

  List<ConsumerProfile> profiles() {
    return engine.profiles();
  }

  /** The daily interest of the consenting consumers' signals, built as the engine builds it. */
  InterestTimeline engineTimeline() {
    return timeline;
  }

  List<Niche> niches() {
    return engine.discoverNiches();
  }
}
