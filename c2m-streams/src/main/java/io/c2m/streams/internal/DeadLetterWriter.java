package io.c2m.streams.internal;

import java.util.function.Function;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Turns dead letters into records of the dead-letter topic: the original key and value bytes
 * (so they can be corrected and replayed), with the reason, topic, partition and offset in
 * headers ({@link DeadLetter#headers()}).
 */
public final class DeadLetterWriter<V> implements Processor<String, V, byte[], byte[]> {
  private final Function<V, DeadLetter> letter;
  private ProcessorContext<byte[], byte[]> context;

  /**
   * Creates the writer.
   *
   * @param letter the dead letter a record carries
   */
  public DeadLetterWriter(Function<V, DeadLetter> letter) {
    this.letter = letter;
  }

  @Override
  public void init(ProcessorContext<byte[], byte[]> c) {
    this.context = c;
  }

  @Override
  public void process(Record<String, V> record) {
    DeadLetter l = letter.apply(record.value());
    context.forward(new Record<>(l.key(), l.value(), record.timestamp(), l.headers()));
  }
}
