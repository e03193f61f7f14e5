package io.c2m.streams.internal;

import static java.util.Objects.requireNonNull;

import io.c2m.json.EventProblem;
import io.c2m.json.EventReader;
import io.c2m.signal.Signal;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Reads a record of the signals topic (one Segment or GA4 JSON event, or several lines) with
 * core's {@link EventReader} and forwards each signal keyed by its consumer. A record the reader
 * rejects, in whole or in part, or a signal whose instant is too far from the profile epoch, goes
 * to the dead-letter topic with the reason; the stream never stops for bad input.
 */
public final class EventParser implements Processor<byte[], byte[], String, ProfileCommand> {
  private final EventReader reader;
  private final Predicate<Signal> inRange;
  private ProcessorContext<String, ProfileCommand> context;

  /**
   * Creates a parser.
   *
   * @param reader the event reader (its id mapping pseudonymizes the raw user ids)
   * @param inRange whether a signal's instant can be profiled against the epoch
   */
  public EventParser(EventReader reader, Predicate<Signal> inRange) {
    this.reader = requireNonNull(reader, "reader");
    this.inRange = requireNonNull(inRange, "inRange");
  }

  @Override
  public void init(ProcessorContext<String, ProfileCommand> c) {
    this.context = c;
  }

  @Override
  public void process(Record<byte[], byte[]> record) {
    byte[] value = record.value();
    if (value == null) {
      dead(record, "the record has no value; an event is one JSON object per record.");
      return;
    }
    List<Signal> signals = new ArrayList<>();
    List<EventProblem> problems = new ArrayList<>();
    reader.read(new ByteArrayInputStream(value), signals::add, problems::add);
    if (!problems.isEmpty()) {
      StringBuilder why = new StringBuilder();
      for (EventProblem p : problems) {
        why.append(why.length() == 0 ? "" : "; ").append(p);
      }
      dead(record, why.toString());
      // The good lines of a multi-line record are kept, as the reader keeps them.
    }
    for (Signal s : signals) {
      if (!inRange.test(s)) {
        dead(record, "the event time " + s.at() + " lies too far from the profile epoch "
            + "(more than 900 half-lives).\nMaybe correct the event time.");
        continue;
      }
      context.forward(new Record<>(s.consumer().value(), new ProfileCommand.Add(s),
          record.timestamp()));
    }
  }

  private void dead(Record<byte[], byte[]> record, String reason) {
    context.forward(new Record<>("", new ProfileCommand.Dead(
        DeadLetter.of(context, reason, record.key(), record.value())), record.timestamp()));
  }
}
