package io.c2m.json.internal;

import io.c2m.Attributes;
import io.c2m.json.ProfileSink;
import io.c2m.ConsumerId;
import io.c2m.signal.Signal;
import io.c2m.signal.SignalType;
import java.time.Instant;
import java.util.Arrays;

/**
 * The signals of one line, held as their parts rather than as {@link Signal} records: a line's
 * signals share their consumer's instant and source, and a {@link ProfileSink} needs neither a
 * {@link Signal} nor an {@link Instant} per signal, only epoch milliseconds ({@link ProfileFeed}).
 * A scratch value owned by one read and reused from line to line. Every part is what the
 * {@link Signal} constructor would accept (non-null, a non-blank source, a finite or NaN value),
 * so {@link #signal(int)} never throws.
 */
final class SignalBuffer {
  private ConsumerId[] consumers = new ConsumerId[4];
  private SignalType[] types = new SignalType[4];
  private Attributes[] items = new Attributes[4];
  private double[] values = new double[4];
  private int size;
  private long second;
  private int nano;
  private Instant instant;
  private String source = "unset";

  /** Empties the buffer for the next line. */
  void clear() {
    size = 0;
  }

  /** Sets the instant of the line's signals. */
  void at(long epochSecond, int nanoOfSecond) {
    second = epochSecond;
    nano = nanoOfSecond;
    instant = null;
  }

  /** Sets the instant of the line's signals. */
  void at(Instant at) {
    second = at.getEpochSecond();
    nano = at.getNano();
    instant = at;
  }

  /** Sets the source of the line's signals. */
  void source(String lineSource) {
    source = lineSource;
  }

  /** Adds a signal at the line's instant, from the line's source. */
  void add(ConsumerId consumer, SignalType type, Attributes item, double value) {
    if (size == consumers.length) {
      int n = 2 * size;
      consumers = Arrays.copyOf(consumers, n);
      types = Arrays.copyOf(types, n);
      items = Arrays.copyOf(items, n);
      values = Arrays.copyOf(values, n);
    }
    consumers[size] = consumer;
    types[size] = type;
    items[size] = item;
    values[size] = value;
    size++;
  }

  int size() {
    return size;
  }

  ConsumerId consumer(int i) {
    return consumers[i];
  }

  SignalType type(int i) {
    return types[i];
  }

  Attributes item(int i) {
    return items[i];
  }

  double value(int i) {
    return values[i];
  }

  long epochSecond() {
    return second;
  }

  int nano() {
    return nano;
  }

  /** The line's instant, made once per line when asked for. */
  Instant instant() {
    if (instant == null) {
      instant = Instant.ofEpochSecond(second, nano);
    }
    return instant;
  }

  /** Signal {@code i} as a record. */
  Signal signal(int i) {
    return new Signal(consumers[i], types[i], instant(), items[i], source, values[i]);
  }
}
