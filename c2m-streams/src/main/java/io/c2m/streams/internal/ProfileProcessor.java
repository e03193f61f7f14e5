package io.c2m.streams.internal;

import static java.util.Objects.requireNonNull;

import io.c2m.Attributes;
import io.c2m.json.C2mJson;
import io.c2m.privacy.Consent;
import io.c2m.signal.ConsumerAccount;
import io.c2m.signal.ConsumerProfile;
import io.c2m.signal.InterestTimeline;
import io.c2m.signal.ProfileSettings;
import io.c2m.signal.Signal;
import io.c2m.signal.SignalType;
import io.c2m.streams.CandidateCounts;
import io.c2m.streams.NicheCandidates;
import io.c2m.streams.ProfileEvidence;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Folds signals into consumers' profile evidence in a persistent store, with the engine's consent
 * rules: a signal is profiled only if the consumer's latest consents include {@link
 * Consent#PROFILING}; consents without it, or a forget, delete the profile (a tombstone, in the
 * changelog too); a consumer profiled again starts from nothing. The daily interest per item of
 * profiled signals is kept for trends. Every {@code interval} of wall-clock time, if a record
 * arrived since the last count (it may have changed a profile or moved the stream time), the
 * partition's profiles are decayed to its stream time and counted into {@link CandidateCounts},
 * forwarded for the niche merge.
 */
public final class ProfileProcessor implements Processor<String, ProfileCommand, String,
    CandidateCounts> {
  /** The key all candidate counts are sent under, so they meet in one partition. */
  public static final String ALL = "all";
  private static final long DAY_MILLIS = 86_400_000L;

  private final ProfileSettings settings;
  private final Instant epoch;
  private final Duration interval;
  private final String profilesName;
  private final String consentsName;
  private final String interestName;
  private ProcessorContext<String, CandidateCounts> context;
  private KeyValueStore<String, ProfileEvidence> profiles;
  private KeyValueStore<String, ConsumerAccount> consents;
  private KeyValueStore<String, Double> interest;
  private Growth growth;
  private boolean dirty = true;

  /**
   * Creates the processor.
   *
   * @param settings profile settings
   * @param epoch the evidence epoch
   * @param interval how often changed counts are sent
   * @param profilesName the profiles store
   * @param consentsName the consents store
   * @param interestName the interest store
   */
  public ProfileProcessor(ProfileSettings settings, Instant epoch, Duration interval,
      String profilesName, String consentsName, String interestName) {
    this.settings = requireNonNull(settings, "settings");
    this.epoch = requireNonNull(epoch, "epoch");
    this.interval = requireNonNull(interval, "interval");
    this.profilesName = profilesName;
    this.consentsName = consentsName;
    this.interestName = interestName;
  }

  @Override
  public void init(ProcessorContext<String, CandidateCounts> c) {
    this.context = c;
    this.profiles = c.getStateStore(profilesName);
    this.consents = c.getStateStore(consentsName);
    this.interest = c.getStateStore(interestName);
    this.growth = new Growth(settings, epoch);
    c.schedule(interval, PunctuationType.WALL_CLOCK_TIME, t -> emit());
  }

  @Override
  public void process(Record<String, ProfileCommand> record) {
    // Any record may move the stream time, the instant the counts are decayed to.
    dirty = true;
    ProfileCommand command = record.value();
    if (command instanceof ProfileCommand.Add a) {
      add(a.signal());
    } else if (command instanceof ProfileCommand.Consent k) {
      String id = k.account().id().value();
      consents.put(id, k.account());
      if (!k.account().allows(Consent.PROFILING)) {
        profiles.delete(id);
      }
    } else if (command instanceof ProfileCommand.Forget f) {
      String id = f.consumer().value();
      consents.delete(id);
      profiles.delete(id);
    }
  }

  private void add(Signal s) {
    String id = s.consumer().value();
    ConsumerAccount account = consents.get(id);
    if (account == null || !account.allows(Consent.PROFILING)) {
      return; // counted as skipped by the engine; never stored
    }
    double w = settings.weight(s.type());
    double contribution = growth.contribution(s);
    double price = w > 0 && s.value() >= 0 && s.type() != SignalType.REVIEW
        ? s.value() : Double.NaN;
    ProfileEvidence e = profiles.get(id);
    if (e == null) {
      e = ProfileEvidence.empty(s.consumer(), epoch);
    }
    profiles.put(id, e.plus(s.item().pairs(), contribution, price));
    if (w > 0) {
      String cell = C2mJson.toJson(s.item()) + "@" + Math.floorDiv(s.at().toEpochMilli(),
          DAY_MILLIS);
      Double before = interest.get(cell);
      interest.put(cell, before == null ? w : before + w);
    }
  }

  /** Counts the partition's profiles and forwards the counts, if anything changed. */
  private void emit() {
    if (!dirty) {
      return;
    }
    long streamTime = context.currentStreamTimeMs();
    Instant asOf = streamTime < 0 ? epoch : Instant.ofEpochMilli(streamTime);
    List<ConsumerProfile> current = new ArrayList<>();
    try (KeyValueIterator<String, ProfileEvidence> it = profiles.all()) {
      while (it.hasNext()) {
        current.add(it.next().value.profile(asOf, settings.halfLife()));
      }
    }
    CandidateCounts counts = NicheCandidates.count(context.taskId().partition(), asOf, current,
        timeline(NicheCandidates.firstTrendDay(asOf)));
    context.forward(new Record<>(ALL, counts, Math.max(streamTime, 0)));
    dirty = false;
  }

  /**
   * The interest store as a timeline from a day on; cells of earlier days, which no trend reads
   * again, are deleted (tombstones in the changelog), so the store stays bounded.
   */
  private InterestTimeline timeline(long firstDay) {
    Map<Attributes, Map<Long, Double>> byItem = new HashMap<>();
    List<String> old = new ArrayList<>();
    try (KeyValueIterator<String, Double> it = interest.all()) {
      while (it.hasNext()) {
        KeyValue<String, Double> kv = it.next();
        int at = kv.key.lastIndexOf('@');
        long day = Long.parseLong(kv.key.substring(at + 1));
        if (day < firstDay) {
          old.add(kv.key);
          continue;
        }
        Attributes item = C2mJson.fromJson(kv.key.substring(0, at), Attributes.class);
        byItem.computeIfAbsent(item, x -> new TreeMap<>()).put(day, kv.value);
      }
    }
    old.forEach(interest::delete);
    return InterestTimeline.of(byItem);
  }
}
